"""Changing a press conference moves its calendar entry through the calendar's public service."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from calendar_app.models import Entry
from media_relations.models import Outlet
from media_relations.services.conferences import create_conference, update_conference
from tests.factories import OfficeHolderFactory

pytestmark = pytest.mark.django_db


def _at(days: int, hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def test_moving_and_reassigning_a_conference_follows_on_the_calendars(persona):
    officer = persona("press_officer")
    mayor = OfficeHolderFactory(role="mayor", title="Prezydent Miasta", order=1)
    deputy = OfficeHolderFactory(role="deputy", title="Zastępca Prezydenta", order=2)
    gazette = Outlet.objects.create(name="Gazeta Przykładowska", kind="daily")
    radio = Outlet.objects.create(name="Radio Ślązaczek", kind="radio")
    conference = create_conference(
        actor=officer,
        topic="Budżet 2027",
        starts_at=_at(3, 10),
        ends_at=_at(3, 11),
        place="Sala sesyjna",
        office_holder=mayor,
        outlets=[gazette],
    )
    first_entry = Entry.objects.get(pk=conference.calendar_entry_id)

    conference = update_conference(
        actor=officer,
        conference=conference,
        topic="Budżet 2027 – korekta",
        starts_at=_at(4, 12),
        ends_at=_at(4, 13),
        place="Sala sesyjna",
        office_holder=mayor,
        outlets=[radio],
    )
    first_entry.refresh_from_db()
    assert first_entry.start == _at(4, 12) and "korekta" in first_entry.title
    assert set(conference.invitations.values_list("outlet__name", flat=True)) == {"Radio Ślązaczek"}

    conference = update_conference(
        actor=officer,
        conference=conference,
        topic="Budżet 2027 – korekta",
        starts_at=_at(4, 12),
        ends_at=_at(4, 13),
        place="Sala sesyjna",
        office_holder=deputy,
        outlets=[radio],
    )
    first_entry.refresh_from_db()
    assert first_entry.status == "cancelled"
    moved = Entry.objects.get(pk=conference.calendar_entry_id)
    assert moved.calendar.office_holder == deputy and moved.start == _at(4, 12)


def test_the_edit_page_is_for_press_officers(client_for, persona):
    officer = persona("press_officer")
    conference = create_conference(
        actor=officer, topic="Budżet", starts_at=_at(3, 10), ends_at=_at(3, 11), place="Sala sesyjna"
    )
    url = reverse("media_relations:conference_edit", args=[conference.pk])
    assert client_for(officer).get(url).status_code == 200
    assert client_for(persona("secretariat")).get(url).status_code == 403
    response = client_for(officer).post(
        url, {"topic": "Budżet", "starts_at": "2030-01-01T10:00", "ends_at": "2030-01-01T09:00", "place": "Sala"}
    )
    assert response.status_code == 200 and 'id="error-summary"' in response.content.decode()
