"""Ceremonies in a real browser: every page passes axe (WCAG 2.1 AA), and a state ceremony goes
from the yearly plan through its confirmation to the checklist in a unit's inbox."""

from __future__ import annotations

import pytest

from office.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser]


def _submit(page, action: str) -> None:
    page.locator(f"form[action$='/{action}/'] [type=submit]").first.click()
    page.wait_for_load_state()


def test_event_pages_have_no_axe_violations(visitor, demo):
    from events.models import Event, Gift

    gift = Gift.objects.order_by("pk").first()
    held = Event.objects.filter(status="held").first()
    featured = Event.objects.filter(checklist_made=True).first()
    proposed = Event.objects.filter(status="proposed").first()
    visitor.login("kancelaria", DEMO_PASSWORD)
    for path in (
        "/events/",
        "/events/?coming=on&kind=state",
        "/events/new/",
        "/events/plan/",
        f"/events/{held.pk}/",
        f"/events/{featured.pk}/",
        f"/events/{featured.pk}/edit/",
        f"/events/{proposed.pk}/",
        "/events/gifts/",
        "/events/gifts/new/",
        "/events/gifts/print/?direction=received",
        f"/events/gifts/{gift.pk}/",
        f"/events/gifts/{gift.pk}/edit/",
    ):
        visitor.visit(path)


def test_a_ceremony_from_the_plan_to_the_checklist_in_the_unit_inbox(visitor, demo):
    from django.utils import timezone

    from events.models import ChecklistItem, Event

    page = visitor.page
    year = timezone.localdate().year + 2
    visitor.login("sekretariat", DEMO_PASSWORD)
    visitor.visit("/events/plan/")
    page.locator("#id_year").fill(str(year))
    page.get_by_role("button", name="Zaproponuj wydarzenia").click()
    page.wait_for_load_state()
    visitor.check()
    event = Event.objects.get(year=year, observance__month=11, observance__day=11)
    assert event.status == "proposed" and event.name in page.content()

    visitor.visit(f"/events/{event.pk}/")
    _submit(page, "confirm")
    visitor.check()
    _submit(page, "checklist")
    visitor.check()
    event.refresh_from_db()
    assert event.status == "planned" and event.checklist_made

    # the programme goes up as a file, from the event's page
    page.locator("#id_attach-file").set_input_files(
        files=[{"name": "program.txt", "mimeType": "text/plain", "buffer": "Program uroczystości".encode()}]
    )
    page.locator("#id_attach-description").fill("program")
    _submit(page, "attach")
    visitor.check()
    assert "program.txt" in page.content()

    # the unit that prepares the stage sees its task in the inbox
    stage = ChecklistItem.objects.get(kind="state", label="Nagłośnienie i scena")
    assert stage.unit.symbol == "WIN"
    page.context.clear_cookies()
    visitor.login("lacznik", DEMO_PASSWORD)
    visitor.visit("/inbox/")
    assert f"Nagłośnienie i scena – {event.name}" in page.content()
