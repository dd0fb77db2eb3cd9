"""Rows of the permission matrix (tests/office/test_permission_matrix.py) for the registers of
associations.

The NGO officer keeps every register; the secretariat, management and auditors read them; other
staff, press officers, unit liaisons and finance readers have no access (403: there is no record
scope, only the permission). The public register and its open data are open to everybody.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.matrix import Row, World, table
from tests.matrix import action_row as action
from tests.matrix import form_row as form
from tests.matrix import page_row as page
from tests.matrix import record_row as record

ADMINS = frozenset({"administrator", "superuser"})
EDITORS = ADMINS | {"ngo_officer"}
READERS = EDITORS | {"secretariat", "management", "auditor"}
PUBLIC = Row("get", table(200, anonymous=200), wrong="post")


def build(world: World) -> None:
    from associations.models import CourtOpinion
    from associations.services import krs
    from tests.associations import factories

    officer = world.people["ngo_officer"]
    factories.templates(officer)
    world.extra["association_application"] = factories.application(officer)
    world.extra["checked"] = factories.checked(officer, name="Stowarzyszenie Sprawdzone")
    world.extra["entered"] = factories.entered(officer, name="Stowarzyszenie Wpisane", entered_on=timezone.localdate())
    world.extra["organisation"] = factories.organisation(officer)
    world.extra["case"] = krs.open_case(
        actor=officer,
        organisation=world.extra["organisation"],
        kind="documents",
        subject="Żądanie sprawozdania",
        due_on=timezone.localdate() + dt.timedelta(days=14),
    )
    world.extra["opinion"] = krs.save_opinion(
        actor=officer,
        opinion=CourtOpinion(
            organisation=world.extra["organisation"],
            court_case="GD.VII NS-REJ.KRS/1/26/1",
            subject="Zmiana statutu",
            due_on=timezone.localdate() + dt.timedelta(days=30),
        ),
    )
    world.extra["membership"] = factories.membership(officer)


def _upload(w: World) -> dict[str, Any]:
    return {"attach-file": SimpleUploadedFile("pismo.txt", b"Pismo.", "text/plain"), "attach-description": "pismo"}


def _row(data: Any, target: str = "association_application") -> Row:
    return action(target, data, allowed=EDITORS, viewers=READERS, default=403)


def _today() -> str:
    return timezone.localdate().isoformat()


def _template(w: World) -> int:
    from associations.services import register

    return register.certificate_templates().get().pk


def _checklist(w: World) -> dict[str, str]:
    from associations.models import CHECKLIST

    return {f"check-{key}": "on" for key, _label in CHECKLIST}


EXPECTED = {
    "associations:association_list": page(READERS),
    "associations:association_create": form(EDITORS),
    "associations:association_detail": record("association_application", READERS, default=403),
    "associations:association_edit": form(EDITORS, lambda w: {"pk": w.extra["association_application"].pk}),
    "associations:association_change": form(EDITORS, lambda w: {"pk": w.extra["entered"].pk}),
    "associations:association_founder": _row(
        lambda w: {"founder-name": "Jan Nowy", "founder-residence": "ul. Długa 1", "founder-pesel": ""}
    ),
    "associations:association_remove_founder": _row(
        lambda w: {"remove-founder-founder": w.extra["association_application"].founders.first().pk}
    ),
    "associations:association_check": _row(_checklist),
    "associations:association_enter": _row(lambda w: {"enter-entered_on": _today()}, target="checked"),
    "associations:association_refuse": _row(lambda w: {"refuse-reasons": "Brak regulaminu."}),
    "associations:association_letter": _row(lambda w: {"letter-template": _template(w)}, target="entered"),
    "associations:association_attach": _row(_upload),
    "associations:krs_list": page(READERS),
    "associations:krs_create": form(EDITORS),
    "associations:krs_import": form(EDITORS),
    "associations:krs_import_template": form(EDITORS),
    "associations:krs_detail": record("organisation", READERS, default=403),
    "associations:krs_edit": form(EDITORS, lambda w: {"pk": w.extra["organisation"].pk}),
    "associations:krs_case": _row(
        lambda w: {
            "case-kind": "inspection",
            "case-subject": "Kontrola",
            "case-opened_on": _today(),
            "case-due_on": _today(),
        },
        target="organisation",
    ),
    "associations:krs_report": _row(
        lambda w: {"report-year": str(timezone.localdate().year - 1), "report-received_on": _today()},
        target="organisation",
    ),
    "associations:krs_attach": _row(_upload, target="organisation"),
    "associations:case_list": page(READERS),
    "associations:case_detail": record("case", READERS, default=403),
    "associations:case_close": _row(
        lambda w: {"close-outcome": "Dokumenty złożone.", "close-closed_on": _today()}, target="case"
    ),
    "associations:case_extend": _row(lambda w: {"extend-due_on": _today(), "extend-reason": ""}, target="case"),
    "associations:case_attach": _row(_upload, target="case"),
    "associations:opinion_list": page(READERS),
    "associations:opinion_create": form(EDITORS),
    "associations:opinion_edit": form(EDITORS, lambda w: {"pk": w.extra["opinion"].pk}),
    "associations:foundation_reports": page(READERS),
    "associations:membership_list": page(READERS),
    "associations:membership_create": form(EDITORS),
    "associations:membership_detail": record("membership", READERS, default=403),
    "associations:membership_edit": form(EDITORS, lambda w: {"pk": w.extra["membership"].pk}),
    "associations:membership_attach": _row(_upload, target="membership"),
    # the public register and its open data: everybody, signed in or not
    "associations:public_list": PUBLIC,
    "associations:public_detail": Row(
        "get", table(200, anonymous=200), lambda w: {"number": w.extra["entered"].number}, wrong="post"
    ),
    "associations:public_data": PUBLIC,
    "associations:public_schema": PUBLIC,
    "associations:public_download": Row("get", table(200, anonymous=200), lambda w: {"fmt": "csv"}, wrong="post"),
}
