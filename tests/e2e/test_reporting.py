"""The mayor's reports in a real browser: the list, the activity report, an inter-session report
drafted through its form, a section reworded on its page and the PDF made — every page checked
(axe, the Nu HTML checker, 640 px)."""

from __future__ import annotations

import pytest

from office.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser]


def _submit(page, action: str) -> None:
    page.locator(f"form[action$='/{action}/'] [type=submit]").first.click()
    page.wait_for_load_state()


def test_a_report_is_drafted_a_section_reworded_and_the_pdf_made(visitor, demo):
    import datetime as dt

    from django.utils import timezone

    from office.models import Job
    from office.reporting.models import Report

    page = visitor.page
    final = Report.objects.filter(status="final").get()
    visitor.login("sekretariat", DEMO_PASSWORD)
    visitor.visit("/mayor-reports/")
    visitor.visit(f"/mayor-reports/{final.pk}/")
    end = timezone.localdate()
    start = end - dt.timedelta(days=90)
    visitor.visit(f"/mayor-reports/activity/?start={start.isoformat()}&end={end.isoformat()}")

    visitor.visit("/mayor-reports/new/")
    page.locator("#id_title").fill("Informacja Prezydenta – sesja testowa")
    page.locator("#id_start").fill((end - dt.timedelta(days=41)).isoformat())
    page.locator("#id_end").fill(end.isoformat())
    page.locator("form [type=submit]").last.click()
    page.wait_for_load_state()
    visitor.check()  # the new draft's page
    report = Report.objects.get(title="Informacja Prezydenta – sesja testowa")
    assert report.sections.count() >= 5

    section = report.sections.get(source="patronage")
    visitor.visit(f"/mayor-reports/sections/{section.pk}/")
    page.locator("#id_reword-text").fill("Prezydent objął patronatem honorowym wydarzenia sportowe.")
    _submit(page, "reword")
    visitor.check()  # back on the report
    section.refresh_from_db()
    assert section.text == "Prezydent objął patronatem honorowym wydarzenia sportowe."

    _submit(page, "pdf")
    visitor.check()  # the job's page
    job = Job.objects.filter(kind="reporting.report_pdf").latest("created_at")
    assert job.is_done, job.message
