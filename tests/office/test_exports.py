"""Lists as spreadsheets (office/kit/exports.py): the rows read back from the list's own table
or read from a list's declared columns (the press inquiries) exactly as the table shows them,
CSV streamed, typed cells in XLSX, a long list made by a job as its owner with its progress, and
nothing outside the user's scope. (Every list offering the links is exported by the permission
matrix, which finds them.)"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from media_relations.models import Inquiry, InquiryStatus, Outlet
from media_relations.views import inquiries as inquiry_views
from office.kit import exports
from office.models import Job
from tests.factories import AssignmentFactory
from tests.media_relations.factories import InquiryFactory, JournalistFactory
from tests.utils import assert_constant_queries, client_for, fetch

pytestmark = pytest.mark.django_db


def test_the_table_is_read_as_the_page_shows_it() -> None:
    html = """<div class="list-results"><table><caption>x</caption>
      <thead><tr><th>Kiedy</th><th>Sprawa</th><th><span class="visually-hidden">Akcje</span></th></tr></thead>
      <tbody>
        <tr><td>29.11.2026</td><td><a href="/x/">Remont</a><br><span class="small">WOK &amp; WIN</span>
          <span class="visually-hidden">ukryte</span></td>
          <td><form method="post"><button>Usuń</button></form><a href="/e/">Zmień</a></td></tr>
        <tr><td>1.12.2026</td><td>Druga</td></tr>
      </tbody></table><table><thead><tr><th>Inna</th></tr></thead></table></div>"""
    headers, rows = exports.read_table(html)
    assert headers == ["Kiedy", "Sprawa"]
    assert rows == [["29.11.2026", "Remont\nWOK & WIN"], ["1.12.2026", "Druga"]]


def test_the_table_read_back_skips_what_the_page_does_not_show() -> None:
    html = """<table><thead><tr><th>Nazwa</th><th class="visually-hidden">Ukryta</th><th>Uwagi</th></tr></thead>
      <tbody><tr class="is-overdue"><td title="a &gt; b">A&nbsp;&amp;&#32;B<!-- <b>nie</b> --></td><td>x</td>
        <td><span class='visually-hidden'>ukryte</span><select name="s"><option>1</option></select>
          pierwsza<br/>  druga  <br><br>trzecia<img src="/x.png" alt=""></td></tr></tbody></table>"""
    headers, rows = exports.read_table(html)
    assert headers == ["Nazwa", "Uwagi"]
    assert rows == [["A & B", "pierwsza\ndruga\ntrzecia"]]  # a no-break space collapsed too
    assert exports.read_table("<p>Nic</p>") == ([], [])


@pytest.mark.parametrize(
    "text, value",
    [
        ("29.11.2026", dt.date(2026, 11, 29)),
        ("29.11.2026 14:05", dt.datetime(2026, 11, 29, 14, 5)),  # as shown: office time
        ("42", 42),
        ("0042", "0042"),  # a number with a leading zero stays as written (a phone, a code)
        ("KP.0511.15.2026", "KP.0511.15.2026"),
        ("31.02.2026", "31.02.2026"),
        ("", ""),
    ],
)
def test_cells_are_typed_for_the_spreadsheet(text: str, value: Any) -> None:
    from django.utils import translation

    with translation.override("pl"):
        assert exports.typed(text) == value


@pytest.mark.parametrize("language", ["pl", "en"])
def test_a_declared_value_is_shown_as_the_page_shows_it(language: str) -> None:
    from django.template.defaultfilters import date as date_filter
    from django.utils import translation

    moment = dt.datetime(2026, 11, 29, 13, 5, 42, tzinfo=dt.UTC)  # 14:05 in Warsaw
    with translation.override(language):
        assert exports.shown(moment) == date_filter(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
        assert exports.shown(moment.date()) == date_filter(moment.date(), "SHORT_DATE_FORMAT")
        assert exports.shown(("Tytuł  z  odstępami", "", None, 7)) == "Tytuł z odstępami\n7"
    with translation.override("pl"):
        assert exports.shown(moment) == "29.11.2026 14:05"


def test_a_long_list_is_made_by_a_job_with_the_filters_of_the_page(
    persona, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_INLINE_ROWS = 100
    secretariat = persona("secretariat")
    for n in range(120):
        AssignmentFactory(title=f"Sprawa {n:03d}", created_by=secretariat)
    AssignmentFactory(title="Inna rzecz", created_by=secretariat)
    client = client_for(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = fetch(client, "get", reverse("office:assignment_list") + "?q=Sprawa&export=xlsx")
    assert response.status_code == 302
    job = Job.objects.get(kind=exports.JOB_KIND)
    assert response["Location"] == reverse("office:job_detail", args=[job.pk])
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.message
    with job.result.open("rb") as stream:
        rows = list(load_workbook(io.BytesIO(stream.read()), read_only=True).active.iter_rows(values_only=True))
    titles = {value for row in rows[1:] for value in row if isinstance(value, str) and value.startswith("Sprawa")}
    assert len(rows) == 121 and len(titles) == 120  # the filter held: "Inna rzecz" is not there


def test_a_list_read_back_above_the_inline_rows_is_made_by_a_job_in_csv_too(
    persona, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.EXPORT_INLINE_ROWS = 100
    monkeypatch.setattr(exports, "CHUNK", 50)  # three chunks, read back in order
    secretariat = persona("secretariat")
    for n in range(120):
        AssignmentFactory(title=f"Sprawa {n:03d}", created_by=secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = fetch(client_for(secretariat), "get", reverse("office:assignment_list") + "?export=csv&sort=title")
    assert response.status_code == 302
    job = Job.objects.get(kind=exports.JOB_KIND)
    assert job.status == Job.Status.DONE and job.result_name.endswith(".csv"), job.message
    with job.result.open("rb") as stream:
        rows = list(csv.reader(io.StringIO(stream.read().decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 121 and rows.count(rows[0]) == 1  # the header once, every row once


def test_an_export_holds_only_what_the_user_may_see(persona, units):
    liaison = persona("unit_liaison")
    mine = AssignmentFactory(title="Naprawa chodnika", unit=liaison.unit)
    other_unit = next(unit for unit in units.values() if unit != liaison.unit)
    AssignmentFactory(title="Tajna sprawa innej jednostki", unit=other_unit)
    response = fetch(client_for(liaison), "get", reverse("office:assignment_list") + "?export=csv")
    assert isinstance(response, StreamingHttpResponse)
    text = response.content_bytes.decode("utf-8-sig")
    assert response.status_code == 200 and mine.title in text and "Tajna sprawa" not in text
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 2


def test_an_unknown_format_shows_the_page(persona):
    response = fetch(client_for(persona("secretariat")), "get", reverse("office:assignment_list") + "?export=exe")
    assert response.status_code == 200 and "text/html" in response["Content-Type"]


def test_a_value_that_looks_like_a_formula_stays_text() -> None:
    rows = [["Tytuł"], ['=HYPERLINK("http://evil.example","kliknij")'], ["+48 600 100 200"], ["-5"], ["@SUM(A1)"]]
    text = exports.as_csv(iter(rows)).decode("utf-8-sig")
    assert text.splitlines()[1:] == [
        '"\'=HYPERLINK(""http://evil.example"",""kliknij"")"',
        "'+48 600 100 200",
        "-5",
        "'@SUM(A1)",
    ]
    sheet = load_workbook(io.BytesIO(exports.as_xlsx(iter(rows), "Lista"))).active
    cell = sheet["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_a_character_a_spreadsheet_cannot_hold_is_dropped() -> None:
    sheet = load_workbook(io.BytesIO(exports.as_xlsx(iter([["Tytuł"], ["wklejone\x0bz Worda"]]), "Lista"))).active
    assert sheet["A2"].value == "wklejonez Worda"


def test_an_export_keeps_the_list_query_budget(persona):
    from tests.utils import assert_constant_queries

    secretariat = persona("secretariat")

    def make(count: int) -> None:
        for _ in range(count):
            AssignmentFactory(created_by=secretariat)

    assert_constant_queries(client_for(secretariat), reverse("office:assignment_list") + "?export=xlsx", make)
    assert_constant_queries(client_for(secretariat), reverse("office:assignment_list") + "?export=csv", make)


# --- A list with declared columns: the press inquiries -------------------------------------------


def _inquiries(persona) -> list[Inquiry]:
    """Inquiries of every shape the table shows: with and without a topic and an outlet, overdue,
    answered, a subject with markup and one that looks like a formula."""
    officer = persona("press_officer")
    outlet = Outlet.objects.create(name="Gazeta <Miejska> & Co", kind="daily")
    with_outlet = JournalistFactory(name="Anna  Nowak", outlet=outlet)
    freelance = JournalistFactory(name="Jan Wolny")
    made = [
        InquiryFactory(actor=officer, journalist=with_outlet, subject="Remont <b>mostu</b> & ulic", topic=""),
        InquiryFactory(actor=officer, journalist=freelance, subject='=HYPERLINK("http://evil.example")'),
        InquiryFactory(actor=officer, journalist=with_outlet, subject="Budżet 2027", topic="budżet"),
        InquiryFactory(actor=officer, journalist=freelance, subject="Stare pytanie", topic="oświata"),
    ]
    past = timezone.localdate() - dt.timedelta(days=3)
    Inquiry.objects.filter(pk=made[2].pk).update(status=InquiryStatus.ANSWERED, due_on=past)
    Inquiry.objects.filter(pk=made[3].pk).update(
        due_on=past, received_at=timezone.now() - dt.timedelta(days=40, minutes=7)
    )
    return made


def test_declared_columns_export_what_the_table_shows(persona, monkeypatch):
    """The inquiry list's declared columns give the very CSV that reading its table back gives."""
    _inquiries(persona)
    client = client_for(persona("press_officer"))
    url = reverse("media_relations:inquiry_list") + "?export=csv"
    declared = fetch(client, "get", url).content_bytes.decode("utf-8-sig")
    monkeypatch.setattr(inquiry_views, "EXPORT_COLUMNS", [])
    read_back = fetch(client, "get", url).content_bytes.decode("utf-8-sig")
    assert declared == read_back
    rows = list(csv.reader(io.StringIO(declared), delimiter=";"))
    assert rows[0] == ["Wpłynęło", "Przedmiot zapytania", "Dziennikarz", "Termin odpowiedzi", "Status"]
    assert len(rows) == 5
    by_subject = {row[1].split("\n")[0]: row for row in rows[1:]}
    assert by_subject["Stare pytanie"][3].endswith(" (po terminie)")
    assert not by_subject["Budżet 2027"][3].endswith(")")  # answered: never overdue
    assert by_subject["Remont <b>mostu</b> & ulic"][2] == "Anna Nowak\nGazeta <Miejska> & Co"  # as HTML shows it
    assert by_subject["Budżet 2027"][1] == "Budżet 2027\nbudżet"
    assert '\'=HYPERLINK("http://evil.example")' in by_subject


def test_declared_columns_are_typed_cells_in_xlsx(persona):
    made = _inquiries(persona)
    client = client_for(persona("press_officer"))
    response = fetch(client, "get", reverse("media_relations:inquiry_list") + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2))
    old = Inquiry.objects.get(pk=made[3].pk)
    row = next(row for row in rows if row[1].value.startswith("Stare pytanie"))
    received = timezone.localtime(old.received_at).replace(tzinfo=None)
    assert row[0].value == received.replace(second=0, microsecond=0)  # office time, to the minute as shown
    assert row[0].number_format == "DD.MM.YYYY HH:MM"
    assert row[3].value == f"{old.due_on:%d.%m.%Y} (po terminie)"
    answered = next(row for row in rows if row[1].value.startswith("Budżet"))
    assert answered[3].value.date() == Inquiry.objects.get(pk=made[2].pk).due_on
    assert answered[3].number_format == "DD.MM.YYYY"
    assert answered[4].value == "udzielono odpowiedzi"
    formula = next(row for row in rows if row[1].value.startswith("=HYPERLINK"))
    assert formula[1].data_type == "s"


def test_declared_columns_keep_the_filters_of_the_page(persona):
    made = _inquiries(persona)
    client = client_for(persona("press_officer"))
    response = fetch(client, "get", reverse("media_relations:inquiry_list") + "?status=answered&export=csv")
    rows = list(csv.reader(io.StringIO(response.content_bytes.decode("utf-8-sig")), delimiter=";"))
    assert [row[1] for row in rows[1:]] == [f"{made[2].subject}\nbudżet"]


def test_a_csv_of_declared_columns_is_streamed_above_the_inline_rows(persona, settings):
    settings.EXPORT_INLINE_ROWS = 100
    officer = persona("press_officer")
    journalist = JournalistFactory()
    made = InquiryFactory(actor=officer, journalist=journalist)
    Inquiry.objects.bulk_create(
        [
            Inquiry(**{**{f.attname: getattr(made, f.attname) for f in Inquiry._meta.concrete_fields}, "id": None})
            for _ in range(120)
        ]
    )
    response = fetch(client_for(officer), "get", reverse("media_relations:inquiry_list") + "?export=csv")
    assert response.status_code == 200 and isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"].startswith('attachment; filename="zapytania-prasowe-')
    rows = list(csv.reader(io.StringIO(response.content_bytes.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 122 and not Job.objects.exists()


def test_the_export_job_reports_its_progress_as_it_goes(persona, settings, monkeypatch):
    from media_relations.models import Inquiry as Model
    from office.reports import list_export

    settings.EXPORT_INLINE_ROWS = 100
    monkeypatch.setattr(exports, "CHUNK", 40)
    officer = persona("press_officer")
    made = InquiryFactory(actor=officer, journalist=JournalistFactory())
    fields = {f.attname: getattr(made, f.attname) for f in Model._meta.concrete_fields if f.attname != "id"}
    Model.objects.bulk_create([Model(**fields) for _ in range(119)])
    response = fetch(client_for(officer), "get", reverse("media_relations:inquiry_list") + "?export=xlsx")
    assert response.status_code == 302
    job = Job.objects.get(kind=exports.JOB_KIND)
    reports: list[tuple[int, str]] = []
    result = list_export(job, lambda percent, message="": reports.append((percent, message)))
    assert reports == [
        (35, "40 z 120 wierszy"),
        (65, "80 z 120 wierszy"),
        (95, "120 z 120 wierszy"),
    ]
    rows = list(load_workbook(io.BytesIO(result.content), read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == 121 and result.filename.endswith(".xlsx")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_declared_columns_keep_the_query_budget(persona, fmt):
    officer = persona("press_officer")
    journalist = JournalistFactory(outlet=Outlet.objects.create(name="Radio", kind="radio"))

    def make(count: int) -> None:
        for _ in range(count):
            InquiryFactory(actor=officer, journalist=journalist)

    url = reverse("media_relations:inquiry_list") + f"?export={fmt}"
    assert assert_constant_queries(client_for(officer), url, make) <= 12
