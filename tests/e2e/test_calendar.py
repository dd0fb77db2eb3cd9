"""The calendar in a real browser: a secretary schedules a meeting request into a free slot,
the mayor sees it in the week view; every calendar view passes axe."""

from __future__ import annotations

import pytest
from django.utils import timezone

from calendar_app.models import Entry, MeetingRequest
from office.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser]


def test_secretary_schedules_a_request_and_the_mayor_sees_it(visitor, demo):
    request = MeetingRequest.objects.filter(status="new").order_by("received_on").first()
    visitor.login("sekretariat", DEMO_PASSWORD)
    visitor.visit("/calendar/requests/")
    visitor.page.locator(f'a[href="/calendar/requests/{request.pk}/"]').click()
    visitor.page.wait_for_load_state()
    visitor.check()
    visitor.page.locator("form[action$='/assess/'] [type=submit]").click()
    visitor.page.wait_for_load_state()
    visitor.check()
    slot = visitor.page.locator("#id_schedule-slot option").nth(1)
    slot_value = slot.get_attribute("value")
    visitor.page.locator("#id_schedule-slot").select_option(slot_value)
    visitor.page.locator("form[action$='/schedule/'] [type=submit]").click()
    visitor.page.wait_for_load_state()
    visitor.check()
    request.refresh_from_db()
    assert request.status == "scheduled" and request.entry is not None
    assert request.requester_name in request.reply_text or request.reply_text
    day = timezone.localtime(request.entry.start).date()
    title = request.entry.title

    for view in ("week", "day", "month", "agenda"):
        visitor.visit(f"/calendar/?view={view}&date={day:%Y-%m-%d}")
    assert visitor.page.get_by_text(title).count() >= 1
    visitor.visit(f"/calendar/entries/{request.entry.pk}/")
    visitor.visit(f"/calendar/entries/{request.entry.pk}/meeting/")
    visitor.visit(f"/calendar/entries/{request.entry.pk}/edit/")
    visitor.visit(f"/calendar/{request.entry.calendar_id}/subscription/")
    visitor.visit("/calendar/entries/new/")
    visitor.visit("/calendar/decisions/")
    visitor.visit("/calendar/decisions/?late=on")
    visitor.visit("/calendar/requests/")
    visitor.visit("/calendar/requests/?status=scheduled")
    visitor.visit("/calendar/requests/statistics/")
    visitor.visit("/calendar/requests/new/")
    recurring = Entry.objects.exclude(recurrence="").filter(calendar=request.entry.calendar).first()
    visitor.visit(f"/calendar/entries/{recurring.pk}/")

    visitor.page.context.clear_cookies()
    visitor.login("prezydent", DEMO_PASSWORD)
    visitor.visit(f"/calendar/?date={day:%Y-%m-%d}")
    assert visitor.page.get_by_text(title).count() >= 1


def test_secretary_adds_an_entry_in_place_with_htmx(visitor, demo):
    visitor.login("sekretariat", DEMO_PASSWORD)
    visitor.visit("/calendar/")
    visitor.page.locator("a.cal-add").first.click()
    visitor.page.locator("#entry-panel #id_title").wait_for()
    visitor.check()
    visitor.page.locator("#entry-panel #id_title").fill("Spotkanie z Radą Seniorów")
    visitor.page.locator("#entry-panel #id_start").fill(f"{timezone.localdate():%Y-%m-%d}T07:00")
    visitor.page.locator("#entry-panel #id_end").fill(f"{timezone.localdate():%Y-%m-%d}T07:45")
    visitor.page.locator("#entry-panel form [type=submit]").first.click()
    visitor.page.get_by_text("Spotkanie z Radą Seniorów").first.wait_for()
    visitor.check()
    assert Entry.objects.filter(title="Spotkanie z Radą Seniorów").exists()
