"""Edge cases of the calendar that once ended in a server error or a leak: dates at the ends of
the range, odd digits in links, a holder without a calendar, a creator whose account is gone,
the protocol fields of a new entry, private meetings on the decision board."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from calendar_app.models import Calendar, Entry
from tests.calendar_app.factories import DecisionFactory, EntryFactory, MeetingRequestFactory, next_working_day
from tests.calendar_app.helpers import entry_data, local_input, text
from tests.factories import OfficeHolderFactory, UserFactory
from tests.utils import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2199-12-31", "1800-01-01"])
@pytest.mark.parametrize("view", ["day", "week", "month"])
def test_calendar_at_the_ends_of_time_answers_without_an_error(secretariat, mayor_calendar, day, view):
    response = client_for(secretariat).get(reverse("calendar_app:calendar"), {"date": day, "view": view})
    assert response.status_code == 200


def test_an_entry_dated_outside_the_office_range_is_refused_in_the_form(secretariat, mayor_calendar):
    start = dt.datetime.combine(next_working_day(), dt.time(9)).astimezone()
    data = entry_data(mayor_calendar, start, start + dt.timedelta(hours=1))
    data["start"], data["end"] = "0001-01-01T00:00", "0001-01-01T01:00"
    response = client_for(secretariat).post(reverse("calendar_app:entry_create"), data)
    assert response.status_code == 200
    assert "01.01.1800" in text(response)  # the message names the range
    assert not Entry.objects.exists()


def test_new_entry_link_with_an_odd_digit_does_not_fail(secretariat, mayor_calendar):
    response = client_for(secretariat).get(
        reverse("calendar_app:entry_create"), {"calendar": "²", "date": "9999-12-31"}
    )
    assert response.status_code == 200


@pytest.mark.parametrize("value", ["1000000", "99999999999999", "-1", "x"])
def test_request_list_age_filter_out_of_range(secretariat, value):
    response = client_for(secretariat).get(reverse("calendar_app:request_list"), {"older_than": value})
    assert response.status_code == 200


def test_scheduling_a_request_far_in_the_future_is_refused(secretariat, mayor_calendar):
    meeting_request = MeetingRequestFactory(office_holder=mayor_calendar.office_holder)
    response = client_for(secretariat).post(
        reverse("calendar_app:request_schedule", args=[meeting_request.pk]),
        {"schedule-start": "9999-12-31T23:00", "schedule-minutes": "30"},
    )
    assert response.status_code == 200
    assert "31.12.2199" in text(response)
    meeting_request.refresh_from_db()
    assert meeting_request.entry_id is None


def test_request_of_a_holder_without_a_calendar_opens(secretariat):
    holder = OfficeHolderFactory(is_active=False)
    meeting_request = MeetingRequestFactory(office_holder=holder)
    assert not Calendar.objects.filter(office_holder=holder).exists()
    response = client_for(secretariat).get(reverse("calendar_app:request_detail", args=[meeting_request.pk]))
    assert response.status_code == 200


def test_an_entry_whose_author_left_can_still_be_moved(secretariat, mayor_calendar):
    author = UserFactory(username="odszedl")
    entry = EntryFactory(calendar=mayor_calendar, created_by=author)
    author.delete()
    new_start = entry.start + dt.timedelta(hours=3)
    response = client_for(secretariat).post(
        reverse("calendar_app:entry_move", args=[entry.pk]),
        {"move-start": local_input(new_start), "move-end": local_input(new_start + dt.timedelta(hours=1))},
    )
    assert response.status_code == 302, text(response)
    entry.refresh_from_db()
    assert entry.start == new_start


def test_protocol_details_typed_on_a_new_entry_are_kept(secretariat, mayor_calendar):
    day = next_working_day()
    start = dt.datetime.combine(day, dt.time(9)).astimezone()
    data = entry_data(
        mayor_calendar,
        start,
        start + dt.timedelta(hours=1),
        speech_needed="on",
        dress_code="strój wizytowy",
        accompanying="Sekretarz Miasta",
        precedence="Prezydent, Wojewoda, Marszałek",
    )
    response = client_for(secretariat).post(reverse("calendar_app:entry_create"), data)
    assert response.status_code == 302, text(response)
    entry = Entry.objects.get()
    assert (entry.speech_needed, entry.dress_code) == (True, "strój wizytowy")
    assert entry.accompanying == "Sekretarz Miasta" and entry.precedence.startswith("Prezydent")


def test_decision_board_names_no_private_meeting(persona, mayor_calendar):
    private = EntryFactory(calendar=mayor_calendar, private=True, title="Rozmowa poufna z wojewodą")
    DecisionFactory(entry=private, text="Przygotować analizę")
    public = EntryFactory(calendar=mayor_calendar, title="Kolegium Prezydenta o budżecie")
    DecisionFactory(entry=public, text="Zebrać wnioski")
    for role in ("auditor", "secretariat"):
        body = text(client_for(persona(role)).get(reverse("calendar_app:decision_board")))
        assert "Rozmowa poufna" not in body, role
        assert "Kolegium Prezydenta o budżecie" in body and "Przygotować analizę" in body
    mayor_body = text(client_for(mayor_calendar.office_holder.user).get(reverse("calendar_app:decision_board")))
    assert "Rozmowa poufna z wojewodą" in mayor_body
