"""Lists as spreadsheets (office/kit/exports.py): the rows read back from the list's own table,
typed cells in XLSX, a long list made by a job as its owner, and nothing outside the user's
scope. (Every list offering the links is exported by the permission matrix, which finds them.)"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from office.kit import exports
from office.models import Job
from tests.factories import AssignmentFactory
from tests.utils import client_for, fetch

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


def test_an_export_holds_only_what_the_user_may_see(persona, units):
    liaison = persona("unit_liaison")
    mine = AssignmentFactory(title="Naprawa chodnika", unit=liaison.unit)
    other_unit = next(unit for unit in units.values() if unit != liaison.unit)
    AssignmentFactory(title="Tajna sprawa innej jednostki", unit=other_unit)
    response = fetch(client_for(liaison), "get", reverse("office:assignment_list") + "?export=csv")
    text = response.content.decode("utf-8-sig")
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


def test_an_export_keeps_the_list_query_budget(persona):
    from tests.utils import assert_constant_queries

    secretariat = persona("secretariat")

    def make(count: int) -> None:
        for _ in range(count):
            AssignmentFactory(created_by=secretariat)

    assert_constant_queries(client_for(secretariat), reverse("office:assignment_list") + "?export=xlsx", make)
