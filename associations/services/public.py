"""The register of ordinary associations as the law makes it public (BIP, open data).

Only the columns of the regulation's template leave the office: never the founders, the address
for letters, nor anything else an application holds. Every public page and download reads its
rows from ``public_versions`` and its fields from ``FIELDS``, so there is one place that decides
what is published. The schema is a JSON Table Schema (frictionless data), as dane.gov.pl takes it.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from associations.models import AssociationStatus, AssociationVersion, OrdinaryAssociation, VersionKind
from associations.services.register import COLUMNS


@dataclass(frozen=True)
class Field:
    """One column of the open data: its name, type, Polish title and description, and its value."""

    name: str
    type: str
    title: str
    description: str
    #: the cell, from a row of ``open_data_rows`` (the version's columns as a dictionary)
    value: Callable[[dict[str, Any]], Any]


def _lines(text: str) -> str:
    return "; ".join(line.strip() for line in text.splitlines() if line.strip())


FIELDS: tuple[Field, ...] = (
    Field("numer", "integer", "Numer ewidencyjny", "Numer kolejny w ewidencji.", lambda r: r["association__number"]),
    Field("nazwa", "string", "Nazwa stowarzyszenia", "Nazwa stowarzyszenia zwykłego.", lambda r: r["name"]),
    Field(
        "data_wpisu",
        "date",
        "Data wpisu",
        "Data wpisu do ewidencji (RRRR-MM-DD).",
        lambda r: r["association__entered_on"],
    ),
    Field("daty_zmian", "string", "Daty zmian", "Daty wpisu zmian, rozdzielone średnikiem.", lambda r: r["dates"]),
    Field("cele", "string", "Cele działania", "Cele stowarzyszenia.", lambda r: r["goals"]),
    Field("teren_dzialania", "string", "Teren działania", "Teren działania.", lambda r: r["territory"]),
    Field("srodki_dzialania", "string", "Środki działania", "Środki działania.", lambda r: r["means_of_action"]),
    Field("adres_siedziby", "string", "Adres siedziby", "Adres siedziby stowarzyszenia.", lambda r: r["seat_address"]),
    Field(
        "sposob_reprezentacji",
        "string",
        "Sposób reprezentacji",
        "„przedstawiciel” albo „zarząd”.",
        lambda r: "zarząd" if r["representation"] == "board" else "przedstawiciel",
    ),
    Field(
        "przedstawiciel_lub_zarzad",
        "string",
        "Przedstawiciel albo członkowie zarządu",
        "Imiona, nazwiska i funkcje, rozdzielone średnikiem.",
        lambda r: _lines(r["representatives"]),
    ),
    Field(
        "organ_kontroli",
        "string",
        "Organ kontroli wewnętrznej",
        "Organ kontroli wewnętrznej, jeśli regulamin go przewiduje.",
        lambda r: r["audit_body"],
    ),
    Field(
        "status_opp",
        "boolean",
        "Status organizacji pożytku publicznego",
        "Czy ma status OPP.",
        lambda r: r["public_benefit"],
    ),
    Field(
        "przeksztalcenie_lub_rozwiazanie",
        "string",
        "Przekształcenie lub rozwiązanie",
        "Informacja o przekształceniu lub rozwiązaniu.",
        lambda r: r["transformation"],
    ),
    Field("likwidator", "string", "Likwidator", "Imię i nazwisko likwidatora.", lambda r: r["liquidator"]),
    Field(
        "srodki_nadzoru",
        "string",
        "Zastosowane środki nadzoru",
        "Środki nadzoru zastosowane wobec stowarzyszenia.",
        lambda r: r["supervisory_measures"],
    ),
    Field("uwagi", "string", "Uwagi", "Uwagi.", lambda r: r["remarks"]),
)

#: The version's own fields a public page or download may read (the query loads no others).
PUBLIC_COLUMNS = ("id", "association_id", "kind", "valid_from", *COLUMNS)


def public_versions(*, as_of: dt.date | None = None, query: str = "") -> QuerySet:
    """The register on ``as_of`` (today by default): one version per entered association, in
    the order of the register's numbers, searched by name, number or seat."""
    qs = (
        AssociationVersion.objects.as_of(as_of or timezone.localdate())
        .select_related("association")
        .only(*PUBLIC_COLUMNS, "association__number", "association__entered_on", "association__status")
        .order_by("association__number")
    )
    query = "".join(char for char in (query or "") if char.isprintable()).strip()[:100]
    if query:
        match = Q(name__icontains=query) | Q(seat_address__icontains=query) | Q(goals__icontains=query)
        if query.isdigit() and len(query) < 10:
            match |= Q(association__number=int(query))
        qs = qs.filter(match)
    return qs


def open_data_rows(*, as_of: dt.date, query: str = "") -> list[dict[str, Any]]:
    """The rows of the open data on ``as_of``: the published columns as dictionaries (no model
    instances: a few thousand rows stay fast) with the dates of the changes entered until then."""
    rows = list(
        public_versions(as_of=as_of, query=query).values(
            *COLUMNS, "association_id", "association__number", "association__entered_on"
        )
    )
    dates: dict[int, list[str]] = {}
    changes = (
        AssociationVersion.objects.entered()
        .filter(kind=VersionKind.CHANGE, valid_from__lte=as_of)
        .order_by("association_id", "valid_from", "pk")
        .values_list("association_id", "valid_from")
    )
    for association_id, day in changes.iterator(chunk_size=5000):
        dates.setdefault(association_id, []).append(day.isoformat())
    for row in rows:
        row["dates"] = ";".join(dates.get(row["association_id"], ()))
    return rows


def public_association(number: int) -> OrdinaryAssociation | None:
    return (
        OrdinaryAssociation.objects.filter(number=number, status=AssociationStatus.ENTERED)
        .only("pk", "number", "entered_on", "status", "updated_at")
        .first()
    )


def public_history(association: OrdinaryAssociation) -> list[dict[str, Any]]:
    """The entry and each change as the register shows them: the date, and the names of the
    columns that changed (all of them for the entry)."""
    versions = list(
        AssociationVersion.objects.filter(association=association, valid_from__isnull=False)
        .only(*PUBLIC_COLUMNS)
        .order_by("valid_from", "pk")
    )
    history, previous = [], None
    for version in versions:
        changed = [
            str(AssociationVersion._meta.get_field(name).verbose_name)
            for name in COLUMNS
            if previous is None or getattr(previous, name) != getattr(version, name)
        ]
        history.append({"version": version, "changed": changed})
        previous = version
    return history


def last_change() -> tuple[dt.datetime | None, str]:
    """When the public register last changed, and a fingerprint of its rows (the number of
    associations and the newest version, so a deletion or an admin's edit changes it too)."""
    found = OrdinaryAssociation.objects.filter(status=AssociationStatus.ENTERED).aggregate(
        last=Max("updated_at"), count=Count("id")
    )
    newest = AssociationVersion.objects.aggregate(newest=Max("id"))["newest"]
    return found["last"], f"{found['count']}.{newest}"


def etag(*parts: Any, change: tuple[dt.datetime | None, str] | None = None) -> str:
    last, rows = change or last_change()
    text = "|".join(str(part) for part in (last.isoformat() if last else "", rows, *parts))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


# --- Open data ------------------------------------------------------------------------------------


def rows(records: Iterable[dict[str, Any]]) -> Iterable[list[Any]]:
    for record in records:
        yield [field.value(record) for field in FIELDS]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def as_csv(versions: Iterable[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([field.name for field in FIELDS])
    for row in rows(versions):
        writer.writerow([_text(value) for value in row])
    return out.getvalue().encode("utf-8")


def as_xlsx(versions: Iterable[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("ewidencja")
    sheet.append([field.name for field in FIELDS])
    for row in rows(versions):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_json(versions: Iterable[dict[str, Any]], *, as_of: dt.date, schema_url: str) -> bytes:
    data = [dict(zip([field.name for field in FIELDS], (_json(v) for v in row), strict=True)) for row in rows(versions)]
    document = {"stan_na": as_of.isoformat(), "schemat": schema_url, "dane": data}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def schema() -> dict[str, Any]:
    """The JSON Table Schema of the CSV and XLSX (and of each object of the JSON's ``dane``)."""
    return {
        "name": "ewidencja-stowarzyszen-zwyklych",
        "title": "Ewidencja stowarzyszeń zwykłych",
        "description": (
            "Ewidencja prowadzona przez organ nadzorujący według wzoru z rozporządzenia z 2016 r. "
            "Dane jawne; bez danych osobowych założycieli ani adresów do korespondencji."
        ),
        "fields": [
            {
                "name": field.name,
                "type": field.type,
                "title": field.title,
                "description": field.description,
                **({"format": "default"} if field.type == "date" else {}),
                **({"constraints": {"required": True, "unique": True}} if field.name == "numer" else {}),
            }
            for field in FIELDS
        ],
        "primaryKey": "numer",
        "missingValues": [""],
    }
