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
    from events.models import Event, Gallery, Gift, Guest, Photo

    gift = Gift.objects.order_by("pk").first()
    guest = Guest.objects.filter(answer="pending").select_related("event").first()
    gallery = Gallery.objects.filter(is_public=True).first()
    photo = Photo.objects.filter(gallery=gallery, is_public=True).first()
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
        f"/events/{guest.event_id}/guests/",
        f"/events/{guest.event_id}/guests/?answer=accepted&q=a",
        f"/events/{guest.event_id}/check-in/",
        f"/events/{guest.event_id}/check-in/?q=Nowak",
        f"/events/guests/{guest.pk}/edit/",
        "/events/galleries/",
        "/events/galleries/new/",
        f"/events/galleries/new/?record=events.event:{guest.event_id}",
        f"/events/galleries/{gallery.pk}/",
        f"/events/galleries/{gallery.pk}/edit/",
        f"/events/photos/{photo.pk}/edit/",
        f"/events/{gallery.record_id}/",
    ):
        visitor.visit(path)
    # the pages without login: the guest's answer, the public gallery
    visitor.page.context.clear_cookies()
    for path in (
        f"/events/rsvp/{guest.token}/",
        "/events/public/galleries/",
        f"/events/public/galleries/{gallery.pk}/",
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

    # the guests: a group from the directory, the day for answers, the invitations from the template
    from office.models import Tag

    tag = Tag.objects.filter(contacts__isnull=False).distinct().order_by("name").first()
    visitor.visit(f"/events/{event.pk}/edit/")
    page.locator("#id_rsvp_by").fill(f"{year}-11-04")
    page.get_by_role("button", name="Zapisz").click()
    page.wait_for_load_state()
    visitor.visit(f"/events/{event.pk}/guests/")
    page.locator("#id_add-tagged-tag").select_option(str(tag.pk))
    _submit(page, "add-tagged")
    visitor.check()
    assert event.guests.count() == tag.contacts.filter(merged_into__isnull=True).count() > 0
    page.locator("#id_invite-template").select_option(index=1)
    page.locator("#id_invite-signatory").select_option(index=1)
    _submit(page, "invite")
    visitor.check()  # the job's page
    assert event.guests.filter(invited_at__isnull=True).count() == 0
    guest = event.guests.select_related("contact").order_by("pk").first()

    # the guest answers through the personal link, without logging in
    page.context.clear_cookies()
    visitor.visit(f"/events/rsvp/{guest.token}/")
    page.get_by_label("Tak, będę").check()
    page.locator("#id_needs").fill("miejsce dla wózka")
    page.get_by_role("button", name="Wyślij odpowiedź").click()
    page.wait_for_load_state()
    visitor.check()
    guest.refresh_from_db()
    assert guest.answer == "accepted" and guest.needs == "miejsce dla wózka"

    # on the day, at the entrance, on a phone
    page.set_viewport_size({"width": 390, "height": 844})
    visitor.login("sekretariat", DEMO_PASSWORD)
    visitor.visit(f"/events/{event.pk}/check-in/?q={guest.contact.name.split()[0]}")
    page.locator(f"form[action$='/guests/{guest.pk}/arrived/'] button").click()
    page.wait_for_load_state()
    visitor.check()
    guest.refresh_from_db()
    assert guest.has_arrived
    page.set_viewport_size({"width": 1280, "height": 900})

    # the unit that prepares the stage sees its task in the inbox
    stage = ChecklistItem.objects.get(kind="state", label="Nagłośnienie i scena")
    assert stage.unit.symbol == "WIN"
    page.context.clear_cookies()
    visitor.login("lacznik", DEMO_PASSWORD)
    visitor.visit("/inbox/")
    assert f"Nagłośnienie i scena – {event.name}" in page.content()
