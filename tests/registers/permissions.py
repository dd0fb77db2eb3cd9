"""Rows of the permission matrix for the registers: office staff and the secretariat keep them,
management and auditors read; the other roles have no access (403)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tests.matrix import Row, World, pk_of, table

KEEPERS = frozenset({"administrator", "superuser", "secretariat", "office_staff"})
READERS = KEEPERS | {"management", "auditor"}


def build(world: World) -> None:
    from office.registers.models import Agreement, CulturalInstitution

    agreement = Agreement.objects.create(
        number="KP/U/1/2026",
        subject="Obsługa tłumaczeń",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + dt.timedelta(days=365),
        unit=world.units["WOK"],
    )
    institution = CulturalInstitution.objects.create(
        register_number="RIK/1",
        entered_on=dt.date(1992, 1, 2),
        name="Teatr Miejski",
        kind="theatre",
        address="ul. Teatralna 1",
        supervising_unit=world.units["WOK"],
    )
    world.extra.update({"agreement": agreement, "institution": institution})


def _page(allowed: frozenset[str]) -> Row:
    return Row("get", table(403, (allowed, 200)), wrong="post")


def _form(allowed: frozenset[str], name: str | None = None) -> Row:
    return Row("get", table(403, (allowed, 200)), pk_of(name) if name else (lambda w: {}), wrong="put")


EXPECTED: dict[str, Row] = {
    "registers:agreement_list": _page(READERS),
    "registers:agreement_create": _form(KEEPERS),
    "registers:agreement_detail": Row("get", table(403, (READERS, 200)), pk_of("agreement"), wrong="post"),
    "registers:agreement_edit": _form(KEEPERS, "agreement"),
    "registers:agreement_end": Row(
        "post",
        table(403, (KEEPERS, 302)),
        pk_of("agreement"),
        data=lambda w: {"end-status": "ended"},
        wrong="get",
    ),
    "registers:agreement_attach": Row(
        "post",
        table(403, (KEEPERS, 302)),
        pk_of("agreement"),
        data=lambda w: {"attach-file": _file(), "attach-description": "aneks"},
        wrong="get",
    ),
    "registers:institution_list": _page(READERS),
    "registers:institution_create": _form(KEEPERS),
    "registers:institution_detail": Row("get", table(403, (READERS, 200)), pk_of("institution"), wrong="post"),
    "registers:institution_edit": _form(KEEPERS, "institution"),
}


def _file() -> object:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("aneks.txt", b"Aneks nr 1.", "text/plain")
