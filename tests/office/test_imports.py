"""Spreadsheets in (office.kit.imports): contacts from CSV or XLSX, previewed, checked row by
row and for duplicates, saved only after the confirmation."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import Workbook, load_workbook

from office.kit import spreadsheets
from office.kit.imports import DUPLICATE, ERROR, NEW, find_by
from office.models import AuditEntry, Contact, ImportBatch
from office.services import imports as import_service
from office.views.contacts import CONTACT_IMPORT
from tests.factories import ContactFactory
from tests.utils import fetch, messages_of, page_text

pytestmark = pytest.mark.django_db

UPLOAD = reverse("office:contact_import")


def pl(text: str, plural: str = "", number: int = 1, /, **params: Any) -> str:
    """A message as the office shows it (in Polish, the default language of every request)."""
    with translation.override("pl"):
        message = translation.ngettext(text, plural, number) if plural else translation.gettext(text)
    return message % params if params else message


IMPORTED = ("%(count)d row was imported.", "%(count)d rows were imported.")
FORMULA = "Formulas are not imported: type the value itself."


def csv_file(text: str, *, encoding: str = "utf-8-sig", name: str = "kontakty.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), "text/csv")


def xlsx_file(rows: list[list[Any]], name: str = "kontakty.xlsx") -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), "application/octet-stream")


def upload(client: Any, file: Any) -> Any:
    return fetch(client, "post", UPLOAD, {"file": file})


def staged(client: Any, file: Any) -> ImportBatch:
    response = upload(client, file)
    assert response.status_code == 302, page_text(response)[:3000]
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("office:import_preview", args=[batch.pk])
    return batch


def statuses(batch: ImportBatch) -> dict[int, str]:
    return {row["line"]: row["status"] for row in batch.rows}


@pytest.fixture
def staff(persona: Any, client_for: Any) -> Any:
    return client_for(persona("office_staff"))


# --- Reading files -------------------------------------------------------------------------------


def test_csv_with_bom_and_semicolons_previewed_and_nothing_saved_before_confirm(staff: Any) -> None:
    batch = staged(
        staff,
        csv_file(
            "Nazwa;Rodzaj;E-mail;Telefon;Miasto;Ulubiony kolor\n"
            "Jan Kowalski;osoba;jan@example.pl;+48 600 100 200;Łódź;zielony\n"
            "Fundacja Ładu;NGO;biuro@lad.example.pl;;Kraków;\n"
        ),
    )
    assert batch.columns == ["name", "kind", "email", "phone", "city"]
    assert batch.ignored == ["Ulubiony kolor"]
    assert statuses(batch) == {2: NEW, 3: NEW}
    assert batch.rows[0]["values"]["phone"] == "+48 600 100 200"
    assert not Contact.objects.exists()
    preview = fetch(staff, "get", reverse("office:import_preview", args=[batch.pk]))
    assert preview.status_code == 200
    text = page_text(preview)
    assert "Jan Kowalski" in text and "Ulubiony kolor" in text and "kontakty.csv" in text
    assert reverse("office:import_confirm", args=[batch.pk]) in text
    assert not Contact.objects.exists()


def test_confirm_saves_the_new_rows_with_their_trail_and_leads_to_the_list(staff: Any, persona: Any) -> None:
    organisation = ContactFactory(name="Urząd Wojewódzki", kind=Contact.Kind.INSTITUTION, email="")
    batch = staged(
        staff,
        csv_file(
            "name,kind,organisation,email,postal code\n"
            "Anna Nowak,person,urząd wojewódzki,anna@example.pl,00-950\n"
            "Instytut Pamięci,Public institution,,ipn@example.pl,\n"
        ),
    )
    response = fetch(staff, "post", reverse("office:import_confirm", args=[batch.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("office:contact_list")
    assert messages_of(response) == [pl(*IMPORTED, 2, count=2)]
    anna = Contact.objects.get(name="Anna Nowak")
    assert anna.organisation == organisation and anna.postal_code == "00-950" and anna.kind == Contact.Kind.PERSON
    assert Contact.objects.get(name="Instytut Pamięci").kind == Contact.Kind.INSTITUTION
    entry = AuditEntry.objects.get(object_id=str(anna.pk), action=AuditEntry.Action.CREATE)
    assert entry.actor == persona("office_staff") and entry.message_params == {"file": "kontakty.csv"}
    assert entry.changes["organisation"] == [None, "Urząd Wojewódzki"]
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.IMPORTED and batch.imported == 2 and batch.rows == []
    # a second confirmation (a double click) imports nothing more
    again = fetch(staff, "post", reverse("office:import_confirm", args=[batch.pk]))
    assert again.status_code == 302 and Contact.objects.count() == 3
    assert fetch(staff, "get", reverse("office:import_preview", args=[batch.pk])).status_code == 302


def test_cp1250_csv_with_tabs(staff: Any) -> None:
    batch = staged(staff, csv_file("Nazwa\tMiasto\nŻaneta Źdźbło\tŁódź\n", encoding="cp1250"))
    assert batch.rows[0]["values"] == {"name": "Żaneta Źdźbło", "city": "Łódź"}


def test_xlsx_first_sheet_numbers_and_dates_as_text(staff: Any) -> None:
    batch = staged(
        staff,
        xlsx_file([["NAZWA", "telefon", "Notatki"], [None], ["Jan Nowak", 600100200, dt.date(2024, 5, 1)]]),
    )
    assert batch.rows == [
        {
            "line": 3,
            "values": {"name": "Jan Nowak", "phone": "600100200", "notes": "2024-05-01"},
            "status": NEW,
            "errors": [],
        }
    ]


def test_unreadable_and_wrong_files_are_form_errors(staff: Any) -> None:
    cases = {
        "no name column": csv_file("E-mail;Telefon\njan@example.pl;1\n"),
        "only headers": csv_file("Nazwa;E-mail\n"),
        "two name columns": csv_file("Nazwa;Name\nA;B\n"),
        "old excel": SimpleUploadedFile("k.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100),
        "xlsx that is not one": SimpleUploadedFile("k.xlsx", b"PK\x03\x04 not really a zip"),
        "pdf named csv": SimpleUploadedFile("k.csv", b"%PDF-1.4 ..."),
        "empty": SimpleUploadedFile("k.csv", b""),
        "other type": SimpleUploadedFile("k.pdf", b"%PDF-1.4"),
    }
    for case, file in cases.items():
        response = upload(staff, file)
        assert response.status_code == 200, case
        assert response.context["form"].errors["file"], case
        assert 'aria-invalid="true"' in response.content.decode() or "is-invalid" in response.content.decode(), case
    assert not ImportBatch.objects.exists()


def test_row_limit_and_size_limit(monkeypatch: pytest.MonkeyPatch, staff: Any) -> None:
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 3)
    response = upload(staff, csv_file("Nazwa\n" + "".join(f"Osoba {n}\n" for n in range(4))))
    assert response.context["form"].errors["file"] == [
        pl("The file has more than %(limit)s rows; split it into smaller files.", limit="3")
    ]
    assert staged(staff, csv_file("Nazwa\n" + "".join(f"Osoba {n}\n" for n in range(3))))
    monkeypatch.setattr(spreadsheets, "MAX_FILE_BYTES", 10)
    response = upload(staff, csv_file("Nazwa\nOsoba długa\n"))
    assert (
        response.context["form"].errors["file"][0].startswith(pl("The file is %(size)s; the limit is %(limit)s.")[:6])
    )


# --- Rows: errors, duplicates, hostile values ----------------------------------------------------


def test_row_errors_name_the_column_and_the_spreadsheet_row(staff: Any) -> None:
    batch = staged(
        staff,
        csv_file(
            "Nazwa;E-mail;Kod pocztowy;Rodzaj;Organizacja\n"
            "Jan Nowak;nie-e-mail;00950;robot;Nieznana Fundacja\n"
            "\n"
            "Anna Nowak;anna@example.pl;;;\n"
            ";bez@nazwy.pl;;;\n"
        ),
    )
    assert statuses(batch) == {2: ERROR, 4: NEW, 5: ERROR}
    errors = dict(batch.rows[0]["errors"])
    assert set(errors) == {"E-mail", "Kod pocztowy", "Rodzaj", "Organizacja"}
    assert "00-000" in errors["Kod pocztowy"]
    assert "Nazwa" in dict(batch.rows[2]["errors"])
    text = page_text(fetch(staff, "get", reverse("office:import_preview", args=[batch.pk]), {"show": "error"}))
    assert "Anna Nowak" not in text and "nie-e-mail" in text and "Kod pocztowy: " in text
    fetch(staff, "post", reverse("office:import_confirm", args=[batch.pk]))
    assert list(Contact.objects.values_list("name", flat=True)) == ["Anna Nowak"]


def test_duplicates_in_the_directory_and_in_the_file_are_left_out(staff: Any) -> None:
    existing = ContactFactory(name="Jan Kowalski", email="Jan.Kowalski@Example.pl")
    ContactFactory(name="Anna Nowak", email="", organisation=None)
    merged = ContactFactory(name="Ewa Stara", email="ewa@example.pl")
    ContactFactory(name="Ewa Nowa", email="ewa.nowa@example.pl", merged_into=None)
    Contact.objects.filter(pk=merged.pk).update(merged_into=existing)
    batch = staged(
        staff,
        csv_file(
            "Nazwa;E-mail\n"
            "Janek;jan.kowalski@example.pl\n"  # the e-mail of a contact, in another case
            "ANNA NOWAK;\n"  # the name (no organisation), in another case
            "Piotr Wiśniewski;piotr@example.pl\n"
            "Piotr W.;PIOTR@example.pl\n"  # the e-mail of row 4
            "Ewa;ewa@example.pl\n"  # only a merged contact has it: new
        ),
    )
    assert statuses(batch) == {2: DUPLICATE, 3: DUPLICATE, 4: NEW, 5: DUPLICATE, 6: NEW}
    assert batch.rows[0]["duplicate_url"] == reverse("office:contact_detail", args=[existing.pk])
    assert batch.rows[3]["duplicate_of"] == pl("row %(line)s of this file", line=4)
    preview = page_text(fetch(staff, "get", reverse("office:import_preview", args=[batch.pk])))
    assert "Jan Kowalski" in preview
    response = fetch(staff, "post", reverse("office:import_confirm", args=[batch.pk]))
    assert messages_of(response)[0].endswith(
        pl(
            "%(count)d row was left out (a duplicate or a row with errors).",
            "%(count)d rows were left out (duplicates or rows with errors).",
            3,
            count=3,
        )
    )
    assert Contact.objects.filter(name__in=["Piotr Wiśniewski", "Ewa"]).count() == 2
    assert Contact.objects.count() == 6


def test_same_name_in_another_organisation_is_not_a_duplicate(staff: Any) -> None:
    first = ContactFactory(name="Urząd Miasta A", kind=Contact.Kind.INSTITUTION)
    ContactFactory(name="Urząd Miasta B", kind=Contact.Kind.INSTITUTION)
    ContactFactory(name="Jan Kowalski", email="", organisation=first)
    batch = staged(staff, csv_file("Nazwa;Organizacja\nJan Kowalski;Urząd Miasta A\nJan Kowalski;Urząd Miasta B\n"))
    assert statuses(batch) == {2: DUPLICATE, 3: NEW}


def test_a_row_that_became_a_duplicate_after_the_preview_is_not_saved(staff: Any) -> None:
    batch = staged(staff, csv_file("Nazwa;E-mail\nJan Nowak;jan@example.pl\nAnna Nowak;anna@example.pl\n"))
    ContactFactory(name="Jan Nowak (dopisany)", email="JAN@example.pl")
    response = fetch(staff, "post", reverse("office:import_confirm", args=[batch.pk]))
    assert messages_of(response)[0].startswith(pl(*IMPORTED, 1, count=1))
    assert Contact.objects.filter(email__iexact="jan@example.pl").count() == 1


def test_hostile_values_are_row_errors(staff: Any) -> None:
    batch = staged(
        staff,
        csv_file(
            "Nazwa;Notatki;Telefon\n"
            '=HYPERLINK("http://evil.example";"kliknij");;\n'
            "@SUM(1+1);;\n"
            "Jan Nowak;" + "x" * 6000 + ";\n"
            "Nul\x00Byte;;\n"
            "Anna Nowak;- notatka;+48 600 100 200\n" + "Ewa;;" + "9" * 60 + "\n" + "A" * 300 + ";;\n"
        ),
    )
    assert statuses(batch) == {2: ERROR, 3: ERROR, 4: ERROR, 5: ERROR, 6: NEW, 7: ERROR, 8: ERROR}
    assert batch.rows[0]["errors"][0][1] == pl(FORMULA)
    assert "\x00" not in batch.rows[3]["values"]["name"]
    assert len(batch.rows[2]["values"]["notes"]) == 5000
    page = fetch(staff, "get", reverse("office:import_preview", args=[batch.pk]))
    assert page.status_code == 200 and "<script" not in page.content.decode().split("<main")[1].split("</main>")[0]
    fetch(staff, "post", reverse("office:import_confirm", args=[batch.pk]))
    assert list(Contact.objects.values_list("name", flat=True)) == ["Anna Nowak"]


def test_markup_in_a_cell_is_shown_as_text(staff: Any) -> None:
    batch = staged(staff, csv_file("Nazwa;Miasto\n<script>alert(1)</script>;<b>Łódź</b>\n"))
    page = fetch(staff, "get", reverse("office:import_preview", args=[batch.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<b>Łódź</b>" not in page


# --- Who may import ------------------------------------------------------------------------------


def test_only_users_who_may_add_contacts_import(persona: Any, client_for: Any) -> None:
    liaison = client_for(persona("unit_liaison"))
    for url in (UPLOAD, reverse("office:contact_import_template")):
        assert fetch(liaison, "get", url).status_code == 403
    assert upload(liaison, csv_file("Nazwa\nJan\n")).status_code == 403
    assert not ImportBatch.objects.exists()
    list_page = page_text(fetch(liaison, "get", reverse("office:contact_list")))
    assert UPLOAD not in list_page
    assert UPLOAD in page_text(fetch(client_for(persona("office_staff")), "get", reverse("office:contact_list")))


def test_another_users_batch_is_404(persona: Any, client_for: Any) -> None:
    batch = staged(client_for(persona("office_staff")), csv_file("Nazwa\nJan\n"))
    for key in ("secretariat", "superuser", "unit_liaison"):
        other = client_for(persona(key))
        assert fetch(other, "get", reverse("office:import_preview", args=[batch.pk])).status_code == 404
        assert fetch(other, "post", reverse("office:import_confirm", args=[batch.pk])).status_code == 404
    assert not Contact.objects.exists()


def test_a_user_who_lost_the_permission_gets_403(persona: Any, client_for: Any) -> None:
    staff = persona("office_staff")
    batch = staged(client_for(staff), csv_file("Nazwa\nJan\n"))
    staff.groups.clear()
    staff = type(staff).objects.get(pk=staff.pk)
    assert fetch(client_for(staff), "post", reverse("office:import_confirm", args=[batch.pk])).status_code == 403
    assert not Contact.objects.exists()


def test_wrong_methods(staff: Any) -> None:
    batch = staged(staff, csv_file("Nazwa\nJan\n"))
    assert fetch(staff, "get", reverse("office:import_confirm", args=[batch.pk])).status_code == 405
    assert fetch(staff, "post", reverse("office:import_preview", args=[batch.pk])).status_code == 405
    assert fetch(staff, "put", UPLOAD).status_code == 405


# --- Pages and the template ----------------------------------------------------------------------


def test_upload_page_and_the_template_spreadsheet(staff: Any) -> None:
    page = fetch(staff, "get", UPLOAD)
    assert page.status_code == 200
    text = page_text(page)
    assert 'enctype="multipart/form-data"' in text and 'for="id_file"' in text
    template = fetch(staff, "get", reverse("office:contact_import_template"))
    assert template["Content-Type"].startswith("application/vnd.openxmlformats")
    headers = [cell.value for cell in next(load_workbook(io.BytesIO(template.content)).active.iter_rows(max_row=1))]
    assert headers[0] == "Nazwa *" and "E-mail" in headers and len(headers) == len(CONTACT_IMPORT.columns)
    as_csv = fetch(staff, "get", reverse("office:contact_import_template"), {"format": "csv"})
    assert as_csv.content.decode("utf-8-sig").splitlines()[0].startswith("Nazwa *;Rodzaj;")
    # the template read back: every header is recognised, none ignored
    matched, ignored = CONTACT_IMPORT.match(headers)
    assert [name for _index, name in matched] == list(CONTACT_IMPORT.columns) and ignored == []


def test_english_headers_and_labels_are_read_in_a_polish_session(staff: Any) -> None:
    batch = staged(staff, csv_file("Full name,E-MAIL,Kind,City\nJan,jan@example.pl,Company,Kraków\n"))
    assert batch.rows[0]["status"] == NEW and batch.rows[0]["values"]["kind"] == "Company"
    fetch(staff, "post", reverse("office:import_confirm", args=[batch.pk]))
    assert Contact.objects.get().kind == Contact.Kind.COMPANY


def test_preview_is_paginated_and_filtered(staff: Any, settings: Any) -> None:
    rows = "".join(f"Osoba {n};{'zły' if n % 10 == 0 else ''}\n" for n in range(60))
    batch = staged(staff, csv_file("Nazwa;E-mail\n" + rows))
    response = fetch(staff, "get", reverse("office:import_preview", args=[batch.pk]), {"show": "error", "page": 1})
    assert response.context["counts"] == {NEW: 54, DUPLICATE: 0, ERROR: 6}
    assert [row["line"] for row in response.context["page_obj"].object_list] == [2, 12, 22, 32, 42, 52]


# --- The pieces -----------------------------------------------------------------------------------


def test_header_keys_and_cells() -> None:
    assert spreadsheets.header_key("E-mail *") == spreadsheets.header_key("EMAIL") == "email"
    assert spreadsheets.header_key("Ulica i numer") == spreadsheets.header_key("ulica i NUMER")
    assert spreadsheets.header_key("Łączność") == "lacznosc"
    assert spreadsheets.cell_text(600100200.0) == "600100200"
    assert spreadsheets.cell_text(dt.datetime(2024, 5, 1, 14, 30)) == "2024-05-01 14:30"
    assert spreadsheets.cell_text(True) == "1"


def test_find_by_ignores_case_in_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    import office.kit.imports as kit

    monkeypatch.setattr(kit, "_CHUNK", 2)
    wanted = [ContactFactory(email=f"osoba{n}@example.pl") for n in range(5)]
    ContactFactory(email="inna@example.pl")
    found = find_by(Contact.objects.all(), {"email": [c.email.upper() for c in wanted] + ["", "brak@example.pl"]})
    assert sorted(c.pk for c in found) == sorted(c.pk for c in wanted)


def test_old_batches_are_purged(persona: Any) -> None:
    owner = persona("office_staff")
    old = ImportBatch.objects.create(owner=owner, importer=CONTACT_IMPORT.key, file_name="stary.csv")
    ImportBatch.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(hours=25))
    fresh = ImportBatch.objects.create(owner=owner, importer=CONTACT_IMPORT.key, file_name="nowy.csv")
    from office import tasks

    assert tasks.purge_old_import_batches() == 1
    assert list(ImportBatch.objects.all()) == [fresh]


def test_a_failing_save_leaves_the_batch_to_confirm_again(persona: Any) -> None:
    owner = persona("office_staff")
    batch = import_service.create_batch(
        owner=owner, importer=CONTACT_IMPORT.key, file_name="k.csv", columns=[], ignored=[], rows=[]
    )

    def failing() -> int:
        Contact.objects.create(name="Zapisany przed błędem")
        raise ValidationError("Nie da się.")

    with pytest.raises(ValidationError):
        import_service.confirm_batch(actor=owner, batch=batch, save=failing)
    batch.refresh_from_db()
    assert batch.is_staged and not Contact.objects.exists()


def test_excel_delimiter_hint_and_utf16(staff: Any) -> None:
    batch = staged(staff, csv_file('sep=,\nNazwa,Miasto\n"Nowak, Jan",Łódź\n'))
    assert batch.rows == [{"line": 2, "values": {"name": "Nowak, Jan", "city": "Łódź"}, "status": NEW, "errors": []}]
    ImportBatch.objects.all().delete()
    batch = staged(staff, csv_file("Nazwa\tMiasto\nJan\tŁódź\n", encoding="utf-16"))
    assert batch.rows[0]["values"] == {"name": "Jan", "city": "Łódź"}


def test_formula_cells_of_xlsx_are_row_errors(staff: Any) -> None:
    from openpyxl.worksheet.formula import ArrayFormula

    book = Workbook()
    book.active.append(["Nazwa", "Miasto"])
    book.active.append(['=CONCAT("Jan";" Nowak")', "Łódź"])
    book.active["A3"] = "Anna"
    book.active["B3"] = ArrayFormula("B3:B3", '=UPPER("łódź")')
    buffer = io.BytesIO()
    book.save(buffer)
    batch = staged(staff, SimpleUploadedFile("k.xlsx", buffer.getvalue()))
    assert statuses(batch) == {2: ERROR, 3: ERROR}
    assert all(row["errors"][0][1] == pl(FORMULA) for row in batch.rows)
