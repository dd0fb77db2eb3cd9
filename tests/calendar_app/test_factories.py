"""The factories make rows the application itself could have made: valid (``full_clean``), on the
right calendars, with occurrences and exceptions that the selectors read as intended."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from calendar_app import selectors
from calendar_app.models import EntryStatus, MeetingRequest, Visibility
from tests.calendar_app.factories import (
    CalendarFactory,
    DecisionFactory,
    EntryExceptionFactory,
    EntryFactory,
    MeetingNotesFactory,
    MeetingRequestFactory,
    SecretariatMembershipFactory,
    ascii_slug,
    local,
    next_working_day,
)

pytestmark = pytest.mark.django_db


def test_every_factory_makes_valid_rows():
    entry = EntryFactory()
    rows = [
        entry,
        EntryFactory(private=True),
        EntryFactory(whole_day=True),
        EntryExceptionFactory(entry=EntryFactory(recurring=True)),
        MeetingRequestFactory(),
        MeetingRequestFactory(scheduled=True),
        MeetingRequestFactory(handed_over=True),
        MeetingRequestFactory(declined=True),
        DecisionFactory(entry=entry),
        MeetingNotesFactory(entry=entry),
        SecretariatMembershipFactory(office_holder=entry.calendar.office_holder),
    ]
    for row in rows:
        row.full_clean()
    assert entry.start == local(next_working_day(), 10) and entry.duration == dt.timedelta(hours=1)
    assert entry.start.weekday() < 5 and entry.start.date() > timezone.localdate()


def test_one_calendar_per_office_holder():
    calendar = CalendarFactory()
    assert CalendarFactory(office_holder=calendar.office_holder) == calendar


def test_a_scheduled_request_is_on_its_office_holders_calendar():
    request = MeetingRequestFactory(scheduled=True)
    assert request.status == MeetingRequest.Status.SCHEDULED and request.decided_on == timezone.localdate()
    assert request.entry.calendar.office_holder == request.office_holder
    assert request.entry.title == f"Spotkanie: {request.requester_name}"


def test_a_decisions_assignment_points_back_at_it():
    decision = DecisionFactory()
    decision.assignment.refresh_from_db()
    assert decision.assignment.source_type.model == "decision" and decision.assignment.source_id == decision.pk
    assert decision.assignment.title == decision.text


def test_series_exceptions_are_read_by_the_selectors(mayor_calendar):
    day = next_working_day()
    series = EntryFactory(calendar=mayor_calendar, recurring=True, day=day, hour=8)
    EntryExceptionFactory(entry=series, week=1)
    EntryExceptionFactory(entry=series, week=2, moved=True)
    found = selectors.occurrences(
        user=None, calendar_ids=[mayor_calendar.pk], start=local(day, 0), end=local(day + dt.timedelta(weeks=3), 0)
    )
    assert [timezone.localtime(o.start) for o in found] == [
        local(day, 8),
        local(day + dt.timedelta(weeks=2), 10),
    ]


def test_traits():
    assert EntryFactory(private=True).visibility == Visibility.PRIVATE
    assert EntryFactory(cancelled=True).status == EntryStatus.CANCELLED
    whole = EntryFactory(whole_day=True, day=dt.date(2026, 3, 29))  # the clocks go forward that night
    whole.refresh_from_db()  # as UTC: the real length of that day
    assert (whole.all_day, whole.blocks_time, whole.end - whole.start) == (True, False, dt.timedelta(hours=23))


def test_polish_names_become_ascii_addresses():
    assert ascii_slug("Małgorzata Żółkiewska") == "malgorzata.zolkiewska"
    assert MeetingRequestFactory(requester_name="Jędrzej Łuczak").email == "jedrzej.luczak@example.pl"
