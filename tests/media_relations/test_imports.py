"""Journalists with their outlets from a spreadsheet (office.kit.imports through the press
office's importer): outlets found by name or added, duplicates, errors, the confirmation."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import Workbook

from media_relations.models import Channel, Journalist, JournalistOutlet, Outlet
from office.kit.imports import DUPLICATE, ERROR, NEW
from office.models import AuditEntry, ImportBatch
from tests.media_relations.factories import JournalistFactory, OutletFactory
from tests.utils import fetch, messages_of, page_text

pytestmark = pytest.mark.django_db

UPLOAD = reverse("media_relations:journalist_import")
LIST = reverse("media_relations:journalist_list")


def pl(text: str, plural: str = "", number: int = 1, /, **params: Any) -> str:
    """A message as the office shows it (in Polish, the default language of every request)."""
    with translation.override("pl"):
        message = translation.ngettext(text, plural, number) if plural else translation.gettext(text)
    return message % params if params else message


def csv_file(text: str, encoding: str = "utf-8-sig") -> SimpleUploadedFile:
    return SimpleUploadedFile("dziennikarze.csv", text.encode(encoding), "text/csv")


def staged(client: Any, file: Any) -> ImportBatch:
    response = fetch(client, "post", UPLOAD, {"file": file})
    assert response.status_code == 302, page_text(response)[:3000]
    return ImportBatch.objects.latest("created_at")


def confirm(client: Any, batch: ImportBatch) -> Any:
    return fetch(client, "post", reverse("office:import_confirm", args=[batch.pk]))


def statuses(batch: ImportBatch) -> dict[int, str]:
    return {row["line"]: row["status"] for row in batch.rows}


@pytest.fixture
def press(officer: Any, client_for: Any) -> Any:
    return client_for(officer)


def test_journalists_with_existing_and_new_outlets(press: Any, officer: Any, daily: Outlet) -> None:
    batch = staged(
        press,
        csv_file(
            "Imię i nazwisko;E-mail;Redakcja;Rodzaj redakcji;Stanowisko;Pracuje tam od;Preferowany kanał kontaktu\n"
            "Anna Reporterska;anna@gazeta.example.pl;GAZETA PRZYKŁADOWSKA;;reporterka;01.02.2024;telefon\n"
            "Bartosz Nowy;bartosz@portal.example.pl;Portal Nowy;online outlet;redaktor;;\n"
            "Celina Nowa;celina@portal.example.pl;portal nowy;online;;;\n"
            "Dariusz Wolny;;;;;;\n"
        ),
    )
    assert statuses(batch) == {2: NEW, 3: NEW, 4: NEW, 5: NEW}
    assert not Journalist.objects.exists() and not Outlet.objects.filter(name__icontains="portal").exists()
    preview = fetch(press, "get", reverse("office:import_preview", args=[batch.pk]))
    assert preview.status_code == 200 and "Anna Reporterska" in page_text(preview)
    response = confirm(press, batch)
    imported = pl("%(count)d row was imported.", "%(count)d rows were imported.", 4, count=4)
    assert response["Location"] == LIST and messages_of(response) == [imported]
    anna = Journalist.objects.get(name="Anna Reporterska")
    employment = anna.employments.get()
    assert employment.outlet == daily and employment.started_on == dt.date(2024, 2, 1)
    assert employment.position == "reporterka" and anna.preferred_channel == Channel.PHONE
    portal = Outlet.objects.get(name="Portal Nowy")  # added once, for both rows
    assert portal.kind == "online"
    assert set(portal.employments.values_list("journalist__name", flat=True)) == {"Bartosz Nowy", "Celina Nowa"}
    assert portal.employments.get(journalist__name="Celina Nowa").started_on == timezone.localdate()
    dariusz = Journalist.objects.get(name="Dariusz Wolny")
    assert not dariusz.employments.exists() and dariusz.preferred_channel == Channel.EMAIL
    entry = AuditEntry.objects.get(object_id=str(anna.pk), content_type__model="journalist")
    assert entry.actor == officer and entry.message_params == {"file": "dziennikarze.csv"}
    assert entry.changes["outlets"] == [None, ["Gazeta Przykładowska"]]
    assert AuditEntry.objects.filter(object_id=str(portal.pk), content_type__model="outlet").count() == 1


def test_xlsx_with_a_date_cell(press: Any, daily: Outlet) -> None:
    book = Workbook()
    book.active.append(["Name", "Outlet", "Works there since"])
    book.active.append(["Ewa Kowalska", "Gazeta Przykładowska", dt.datetime(2023, 9, 1)])
    content = io.BytesIO()
    book.save(content)
    batch = staged(press, SimpleUploadedFile("lista.xlsx", content.getvalue()))
    confirm(press, batch)
    assert JournalistOutlet.objects.get(journalist__name="Ewa Kowalska").started_on == dt.date(2023, 9, 1)


def test_duplicates_by_email_and_by_name_at_the_same_outlet(press: Any, daily: Outlet, online: Outlet) -> None:
    JournalistFactory(name="Jan Dziennikarz", email="jan@example.pl")
    JournalistFactory(name="Hanna Szymańska", email="", outlet=daily)
    batch = staged(
        press,
        csv_file(
            "Nazwa;E-mail;Redakcja\n"
            "Jan D.;JAN@example.pl;\n"  # the e-mail of a journalist in the directory
            "hanna szymańska;;Gazeta Przykładowska\n"  # her name at her outlet
            "Hanna Szymańska;;przykladowo24.pl\n"  # the same name at another outlet: someone else
            "Igor Nowak;igor@example.pl;\n"
            "Igor N.;igor@example.pl;\n"  # the e-mail of row 5
        ),
    )
    assert statuses(batch) == {2: DUPLICATE, 3: DUPLICATE, 4: NEW, 5: NEW, 6: DUPLICATE}
    assert batch.rows[1]["duplicate_of"] == "Hanna Szymańska (Gazeta Przykładowska)"
    assert batch.rows[4]["duplicate_of"] == pl("row %(line)s of this file", line=5)
    confirm(press, batch)
    assert Journalist.objects.count() == 4


def test_row_errors(press: Any, daily: Outlet) -> None:
    Outlet.objects.create(name="Dawny Kurier", kind="daily", is_active=False)
    batch = staged(
        press,
        csv_file(
            "Nazwa;E-mail;Redakcja;Rodzaj redakcji;Stanowisko;Pracuje tam od;Preferowany kanał kontaktu\n"
            "Adam;zły-adres;;;;;\n"
            "Beata;;Nieznana Redakcja;;;;\n"
            "Cezary;;Nieznana Redakcja;gazetka;;;\n"
            "Dorota;;Dawny Kurier;;;;\n"
            "Edward;;;;redaktor;;\n"
            "Felicja;;Gazeta Przykładowska;;;31.02.2024;\n"
            "Grzegorz;;;;;;gołębiem\n"
        ),
    )
    assert statuses(batch) == dict.fromkeys(range(2, 9), ERROR)
    fields = [dict(row["errors"]) for row in batch.rows]
    assert "E-mail" in fields[0]
    kind = pl("kind of outlet").capitalize()
    assert fields[1][kind] == pl(
        "“%(name)s” is not in the directory: give the kind of the outlet to add it.", name="Nieznana Redakcja"
    )
    assert kind in fields[2]
    assert fields[3]["Redakcja"] == pl("The outlet “%(name)s” is marked inactive.", name="Dawny Kurier")
    assert "Redakcja" in fields[4] and "Pracuje tam od" in fields[5]
    assert "Preferowany kanał kontaktu" in fields[6]
    response = confirm(press, batch)
    assert not Journalist.objects.exists()
    assert messages_of(response)[0].startswith(
        pl("%(count)d row was imported.", "%(count)d rows were imported.", 0, count=0)
    )


def test_hostile_values_are_row_errors(press: Any) -> None:
    batch = staged(
        press,
        csv_file(
            "Nazwa;Tematyka;Uwagi;Telefon\n"
            "=cmd|' /C calc'!A0;;;\n"
            "Jan;kultura\x00;;\n"
            "Ewa;;" + "ż" * 5001 + ";\n"
            "Olga;;;" + "9" * 60 + "\n"
            "Piotr;+zdrowie;;\n"
        ),
    )
    assert statuses(batch) == {2: ERROR, 3: ERROR, 4: ERROR, 5: ERROR, 6: ERROR}
    assert fetch(press, "get", reverse("office:import_preview", args=[batch.pk])).status_code == 200
    confirm(press, batch)
    assert not Journalist.objects.exists()


def test_confirmation_makes_the_same_queries_for_more_rows(press: Any, daily: Outlet) -> None:
    def queries(count: int, start: int) -> int:
        rows = "".join(
            f"Osoba {n};osoba{n}@example.pl;{'Gazeta Przykładowska' if n % 2 else f'Nowa {n}'};daily\n"
            for n in range(start, start + count)
        )
        batch = staged(press, csv_file("Nazwa;E-mail;Redakcja;Rodzaj redakcji\n" + rows))
        with CaptureQueriesContext(connection) as captured:
            assert confirm(press, batch).status_code == 302
        return len(captured)

    queries(2, 200)  # the first confirmation fills per-process caches (content types)
    assert queries(4, 0) == queries(40, 100)
    assert Journalist.objects.count() == 46 and JournalistOutlet.objects.count() == 46


def test_who_may_import(persona: Any, client_for: Any, officer: Any) -> None:
    staff = client_for(persona("office_staff"))  # reads the directory, adds nothing
    assert fetch(staff, "get", UPLOAD).status_code == 403
    assert fetch(staff, "post", UPLOAD, {"file": csv_file("Nazwa\nJan\n")}).status_code == 403
    assert fetch(staff, "get", reverse("media_relations:journalist_import_template")).status_code == 403
    assert UPLOAD not in page_text(fetch(staff, "get", LIST))
    press = client_for(officer)
    assert UPLOAD in page_text(fetch(press, "get", LIST))
    template = fetch(press, "get", reverse("media_relations:journalist_import_template"), {"format": "csv"})
    assert template.content.decode("utf-8-sig").startswith("Nazwa *;E-mail;Telefon;Redakcja;")
    batch = staged(press, csv_file("Nazwa\nJan\n"))
    for other in ("administrator", "superuser", "office_staff"):
        client = client_for(persona(other))
        assert fetch(client, "get", reverse("office:import_preview", args=[batch.pk])).status_code == 404
        assert confirm(client, batch).status_code == 404
    assert not Journalist.objects.exists()


def test_the_outlet_list_is_untouched_by_a_preview(press: Any) -> None:
    OutletFactory(name="Radio Zachód")
    staged(press, csv_file("Nazwa;Redakcja;Rodzaj redakcji\nJan;Radio Nowe;radio\n"))
    assert list(Outlet.objects.values_list("name", flat=True)) == ["Radio Zachód"]
