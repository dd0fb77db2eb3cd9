"""The office's administration in a real browser: a budget line planned, a small procurement
registered on it (and one over the threshold refused), the plan-versus-execution page and its
XLSX; every page of the app passes axe, the Nu HTML checker and the 640 px check."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from office.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser]


def _fill(page, values: dict[str, str]) -> None:
    for name, value in values.items():
        field = page.locator(f"[name='{name}']")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)


def _submit(page) -> None:
    page.locator("main form[method=post] [type=submit]").last.click()
    page.wait_for_load_state()


def test_a_line_planned_a_procurement_registered_and_the_budget_page(visitor, demo):
    from django.contrib.auth.models import Permission
    from django.utils import timezone
    from openpyxl import load_workbook

    from office.administration.models import (
        Announcement,
        BudgetLine,
        MaterialRequest,
        Procurement,
        Promotion,
        SocialFundApplication,
    )
    from office.models import User

    page = visitor.page
    today = timezone.localdate()
    clerk = User.objects.get(username="kancelaria")
    clerk.user_permissions.add(Permission.objects.get(codename="handle_social_fund"))
    visitor.login("kancelaria", DEMO_PASSWORD)

    # a budget line planned
    visitor.visit("/administration/lines/new/")
    _fill(
        page,
        {
            "year": str(today.year),
            "division": "750",
            "chapter": "75023",
            "paragraph": "4170",
            "name": "Umowy zlecenia – obsługa wydarzeń",
            "planned": "20 000,00",
        },
    )
    _submit(page)
    line = BudgetLine.objects.get(name="Umowy zlecenia – obsługa wydarzeń")
    assert page.url.endswith(f"/administration/lines/{line.pk}/")
    visitor.check()

    # a procurement over the threshold is refused with a message, nothing typed lost
    visitor.visit("/administration/procurements/new/")
    values = {
        "subject": "Obsługa techniczna Święta Miasta",
        "supply_type": "services",
        "estimated_value": "140 000",
        "estimated_on": today.isoformat(),
        "line": str(line.pk),
    }
    _fill(page, values)
    _submit(page)
    assert page.locator("[name='subject']").input_value() == values["subject"]
    assert "130" in page.locator("main").inner_text()
    visitor.check()
    page.locator("[name='estimated_value']").fill("18 500")
    _submit(page)
    procurement = Procurement.objects.get(subject=values["subject"])
    assert page.url.endswith(f"/administration/procurements/{procurement.pk}/")
    visitor.check()

    # the plan versus execution: the line at 92.5 % is marked in words; the spreadsheet
    visitor.visit(f"/administration/?year={today.year}&q=Umowy")
    row = page.locator("tbody tr", has_text="Umowy zlecenia").first
    assert "18" in row.inner_text() and row.locator("strong.badge").count() == 1
    with page.expect_download() as download:
        page.locator("a[href*='export=xlsx']").first.click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    assert any("Umowy zlecenia" in str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)

    # every other page of the app
    announcement = Announcement.objects.order_by("pk").first()
    promotion = Promotion.objects.filter(decision="pending").order_by("pk").first()
    material = MaterialRequest.objects.order_by("pk").first()
    application = SocialFundApplication.objects.order_by("pk").first()
    for path in [
        "/administration/?nearly_used=on",
        f"/administration/lines/{line.pk}/edit/",
        "/administration/commitments/",
        "/administration/execution/",
        "/administration/execution/import/",
        "/administration/procurements/",
        "/administration/procurements/summary/",
        f"/administration/procurements/{procurement.pk}/edit/",
        "/administration/announcements/",
        "/administration/announcements/new/",
        f"/administration/announcements/{announcement.pk}/",
        f"/administration/announcements/{announcement.pk}/edit/",
        "/administration/promotion/",
        "/administration/promotion/new/",
        f"/administration/promotion/{promotion.pk}/",
        f"/administration/promotion/{promotion.pk}/edit/",
        "/administration/materials/",
        "/administration/materials/new/",
        f"/administration/materials/{material.pk}/",
        f"/administration/materials/{material.pk}/edit/",
        "/administration/social-fund/",
        "/administration/social-fund/new/",
        f"/administration/social-fund/{application.pk}/",
        f"/administration/social-fund/{application.pk}/edit/",
    ]:
        visitor.visit(path)
