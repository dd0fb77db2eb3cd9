"""The pages of the mayor's reports: a report drafted through its form (a period that ends before
it starts shown on the form with what was typed), its page, each editing action posted as a
browser posts it, the PDF made by the job (read back with pdftotext; the final version PDF/A and
archived), the DOCX for the council office, and the activity report's page, PDF and XLSX with the
same figures."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import override

from office.models import Job
from office.reporting import services
from office.reporting.models import Report
from tests.correspondence.test_letters_pdf import assert_pdf_a_3b, pdf_text
from tests.reporting.factories import free_section, period, report
from tests.utils import client_for, fetch, messages_of, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english(settings: Any) -> Iterator[None]:
    """The messages checked here are the English ones (pages and services in English)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def run_job(response: Any) -> Job:
    assert response.status_code == 302, response.status_code
    job = Job.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])
    assert job.is_done, job.message
    return job


def test_a_report_is_drafted_through_its_form(secretariat, wok) -> None:
    start, end = period()
    client = client_for(secretariat)
    assert fetch(client, "get", reverse("reporting:report_create")).status_code == 200
    data = {"title": "Informacja między sesjami", "start": start.isoformat(), "end": end.isoformat(), "units": [wok.pk]}
    response = fetch(client, "post", reverse("reporting:report_create"), data)
    rep = Report.objects.get()
    assert response["Location"] == reverse("reporting:report_detail", args=[rep.pk])
    assert rep.sections.count() == len(services.section_choices()) and list(rep.units.all()) == [wok]
    page = page_text(fetch(client, "get", response["Location"]))
    assert "Informacja między sesjami" in page and wok.name in page


def test_a_period_that_ends_before_it_starts_is_shown_on_the_form(secretariat) -> None:
    start, end = period()
    data = {"title": "Raport odwrócony", "start": end.isoformat(), "end": start.isoformat()}
    with override("en"):
        response = fetch(client_for(secretariat), "post", reverse("reporting:report_create"), data)
    assert response.status_code == 200 and not Report.objects.exists()
    text = page_text(response)
    assert "The period ends before it starts" in text and "Raport odwrócony" in text


def test_the_sections_are_edited_on_their_pages(secretariat) -> None:
    rep = report(secretariat)
    client = client_for(secretariat)
    url = lambda name, pk: reverse(f"reporting:{name}", args=[pk])  # noqa: E731
    added = {"add-section-title": "Sprawy różne", "add-section-text": "Akapit.\n\nDrugi akapit."}
    fetch(client, "post", url("report_add_section", rep.pk), added)
    section = rep.sections.last()
    assert section.title == "Sprawy różne" and section.paragraphs == ["Akapit.", "Drugi akapit."]
    page = fetch(client, "get", url("section_detail", section.pk))
    assert page.status_code == 200 and "reword-title" in page_text(page)
    reword = {"reword-title": "Inne sprawy", "reword-text": "Nowy tekst.", "reword-points": "jeden\ndwa"}
    response = fetch(client, "post", url("section_reword", section.pk), reword)
    assert response["Location"].endswith(f"#section-{section.pk}")
    section.refresh_from_db()
    assert (section.title, section.item_lines) == ("Inne sprawy", ["jeden", "dwa"])
    fetch(client, "post", url("section_up", section.pk))
    assert list(rep.sections.values_list("pk", flat=True))[-2] == section.pk
    fetch(client, "post", url("section_down", section.pk))
    assert rep.sections.last() == section
    empty = fetch(client, "post", url("section_reword", section.pk), {"reword-title": "", "reword-text": "Zostaje"})
    assert empty.status_code == 200 and "Zostaje" in page_text(empty)
    fetch(client, "post", url("section_remove", section.pk))
    assert not rep.sections.filter(pk=section.pk).exists()


def test_a_final_report_offers_no_editing_and_refuses_it(secretariat) -> None:
    rep = report(secretariat)
    client = client_for(secretariat)
    fetch(client, "post", reverse("reporting:report_finalise", args=[rep.pk]))
    rep.refresh_from_db()
    assert rep.is_final
    section = rep.sections.first()
    assert "reword-title" not in page_text(fetch(client, "get", reverse("reporting:section_detail", args=[section.pk])))
    response = fetch(client, "post", reverse("reporting:section_remove", args=[section.pk]))
    assert response.status_code == 302 and rep.sections.filter(pk=section.pk).exists()
    with override("en"):
        assert any("final" in message for message in messages_of(response))


def test_the_pdf_has_the_header_contents_page_numbers_and_the_final_one_is_archived_as_pdf_a(
    secretariat, auditor, django_capture_on_commit_callbacks
) -> None:
    rep = report(secretariat)
    free_section(secretariat, rep, title="Inwestycje miejskie", text="Trwa przebudowa ulicy Kolejowej.")
    services.finalise(actor=secretariat, report=rep)
    with django_capture_on_commit_callbacks(execute=True):
        response = fetch(client_for(auditor), "post", reverse("reporting:report_pdf", args=[rep.pk]))
    job = run_job(response)
    content = job.result.read()
    job.result.close()
    assert_pdf_a_3b(content)
    text = pdf_text(content)
    assert "Miasto Przykładowo" in text and "Kancelaria Prezydenta Miasta" in text
    assert "Trwa przebudowa ulicy Kolejowej." in text
    for number, section in enumerate(rep.sections.all(), 1):
        assert f"{number}. {section.title}" in text
    assert "Strona 1 z" in text or "Page 1 of" in text
    rep.refresh_from_db()
    assert rep.archived_pdf
    archived = fetch(client_for(auditor), "get", reverse("reporting:report_archived", args=[rep.pk]))
    assert archived.status_code == 200 and archived.content_bytes == content


def test_the_docx_for_the_council_office(secretariat) -> None:
    from docx import Document

    rep = report(secretariat)
    free_section(secretariat, rep, title="Sprawy różne", text="Akapit do Biura Rady.")
    response = fetch(client_for(secretariat), "get", reverse("reporting:report_docx", args=[rep.pk]))
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.docx"')
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert rep.title in text and "Akapit do Biura Rady." in text
    assert len(document.tables) == rep.sections.exclude(figures=[]).count()


def _activity_query() -> dict[str, Any]:
    start, end = period(90)
    return {"start": start.isoformat(), "end": end.isoformat(), "sections": ["patronage", "correspondence"]}


def test_an_activity_report_gives_the_same_figures_on_the_page_in_pdf_and_xlsx(
    secretariat, django_capture_on_commit_callbacks
) -> None:
    from openpyxl import load_workbook

    from tests.patronage.factories import granted_application

    granted_application(secretariat)
    client = client_for(secretariat)
    page = fetch(client, "get", reverse("reporting:activity"), _activity_query())
    assert page.status_code == 200
    xlsx = fetch(client, "get", reverse("reporting:activity_xlsx"), _activity_query())
    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    titles = [
        part.title for part in services.assemble(user=secretariat, **_dates(), keys=["patronage", "correspondence"])
    ]
    assert {row[0] for row in rows} == set(titles) and len(titles) == 2
    assert all(isinstance(row[2], int) for row in rows)
    with django_capture_on_commit_callbacks(execute=True):
        response = fetch(client, "post", reverse("reporting:activity_pdf"), _activity_query())
    job = run_job(response)
    text = pdf_text(job.result.read())
    job.result.close()
    html = page_text(page)
    for _section, label, value in rows:
        assert f"{label} {value}" in text, (label, value)
        assert label in html


def _dates() -> dict[str, dt.date]:
    start, end = period(90)
    return {"start": start, "end": end}


def test_an_activity_report_with_a_reversed_period_shows_the_error(secretariat) -> None:
    query = {**_activity_query(), "start": _activity_query()["end"], "end": _activity_query()["start"]}
    with override("en"):
        page = fetch(client_for(secretariat), "get", reverse("reporting:activity"), query)
        posted = fetch(client_for(secretariat), "post", reverse("reporting:activity_pdf"), query)
    assert "The period ends before it starts" in page_text(page)
    assert posted.status_code == 200 and not Job.objects.exists()
    xlsx = fetch(client_for(secretariat), "get", reverse("reporting:activity_xlsx"), query)
    assert xlsx.status_code == 302
