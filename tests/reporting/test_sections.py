"""Each app's section of the mayor's reports on factory data: what falls in the period is
reported, what falls outside it is not, private calendar entries never appear, confidential
letters and private persons are counted but never named, units narrow what has a unit, and the
number of queries does not grow with the rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from calendar_app.models import EntryKind
from office.contributions import registry
from office.models import AssignmentStatus, Contact
from tests.factories import AssignmentFactory, ContactFactory, OfficeHolderFactory
from tests.reporting.factories import period

pytestmark = pytest.mark.django_db


def section(key: str, user: Any, units: Any = None, days: int = 42) -> Any:
    start, end = period(days)
    [contribution] = [c for c in registry.contributions("report_section") if c.key == key]
    return contribution.provide(user, start=start, end=end, units=units)


def figures(result: Any) -> dict[str, Any]:
    return {figure.label: figure.value for figure in result.figures}


def ago(days: int, hour: int = 10) -> dt.datetime:
    day = timezone.localdate() - dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def test_calendar_reports_engagements_and_decisions_never_private(secretariat, wok, win) -> None:
    from tests.calendar_app.factories import CalendarFactory, DecisionFactory, EntryFactory

    calendar = CalendarFactory(office_holder=OfficeHolderFactory(role="mayor", first_name="Jan", last_name="Nowak"))
    EntryFactory(calendar=calendar, title="Spotkanie z rektorem", day=timezone.localdate() - dt.timedelta(days=5))
    EntryFactory(
        calendar=calendar, title="Gala sportu", kind=EntryKind.CEREMONY, day=timezone.localdate() - dt.timedelta(days=3)
    )
    EntryFactory(
        calendar=calendar, private=True, title="PRYWATNE wizyta", day=timezone.localdate() - dt.timedelta(days=4)
    )
    EntryFactory(calendar=calendar, title="Dawne spotkanie", day=timezone.localdate() - dt.timedelta(days=400))
    EntryFactory(calendar=calendar, title="Odwołane", cancelled=True, day=timezone.localdate() - dt.timedelta(days=2))
    meeting = EntryFactory(calendar=calendar, title="Narada", day=timezone.localdate() - dt.timedelta(days=6))
    DecisionFactory(entry=meeting, text="Przygotować plan", assignment=AssignmentFactory(unit=wok))
    DecisionFactory(
        entry=meeting, text="Zamknięte zadanie", assignment=AssignmentFactory(unit=win, status=AssignmentStatus.CLOSED)
    )
    result = section("calendar", secretariat)
    text = " ".join(result.items)
    assert "Spotkanie z rektorem" in text and "Gala sportu" in text and "Narada" in text
    assert "PRYWATNE" not in text and "Przychodnia" not in text and "Dawne" not in text and "Odwołane" not in text
    values = list(figures(result).values())
    assert values[:2] == [2, 1]  # meetings (with the rector, the one of the decisions), ceremonies
    assert "Przygotować plan" in text and "Zamknięte zadanie" in text
    assert figures(result)[list(figures(result))[-3]] == 2  # decisions taken
    narrowed = section("calendar", secretariat, units=[wok.pk])
    assert "Przygotować plan" in " ".join(narrowed.items) and "Zamknięte zadanie" not in " ".join(narrowed.items)


def test_press_reports_conferences_releases_and_inquiries(secretariat) -> None:
    from tests.media_relations.factories import ConferenceFactory, InquiryFactory, ReleaseFactory

    ConferenceFactory(topic="Budżet obywatelski", starts_at=ago(3), ends_at=ago(3, 11))
    ConferenceFactory(topic="Stara konferencja", starts_at=ago(200), ends_at=ago(200, 11))
    ReleaseFactory(title="Nowy park", published=True)
    ReleaseFactory(title="Szkic komunikatu")
    inquiry = InquiryFactory()
    type(inquiry).objects.filter(pk=inquiry.pk).update(status="answered", answered_at=timezone.now())
    result = section("media_relations", secretariat)
    text = " ".join(result.items)
    assert "Budżet obywatelski" in text and "Nowy park" in text
    assert "Stara konferencja" not in text and "Szkic" not in text
    assert list(figures(result).values())[:4] == [1, 1, 1, 1]
    assert "transport (1)" in " ".join(result.paragraphs)
    assert inquiry.journalist.name not in " ".join(result.paragraphs + result.items)


def test_patronage_reports_the_patronages_granted(secretariat) -> None:
    from tests.patronage.factories import granted_application, new_application

    granted_application(secretariat, ContactFactory(name="Klub Sportowy „Orzeł”", kind=Contact.Kind.NGO))
    granted_application(secretariat, ContactFactory(name="Jan Kowalski", kind=Contact.Kind.PERSON), event_name="Piknik")
    new_application(secretariat)
    result = section("patronage", secretariat)
    text = " ".join(result.items)
    assert "Orzeł" in text and "Piknik" in text and "Kowalski" not in text
    received, granted, refused = figures(result).values()
    assert received >= 1 and (granted, refused) == (2, 0)


def test_events_report_ceremonies_and_the_state_holidays_of_the_period(secretariat) -> None:
    from events.models import EventStatus, ObservanceKind
    from tests.events.factories import event_in, observance

    today = timezone.localdate()
    day = today - dt.timedelta(days=10)
    marked = observance(name="Dzień Testowy", kind=ObservanceKind.STATE_DAY, month=day.month, day=day.day)
    event_in(
        secretariat,
        EventStatus.HELD,
        name="Obchody Dnia Testowego",
        observance=marked,
        starts_at=ago(10),
        ends_at=ago(10, 12),
    )
    event_in(secretariat, EventStatus.CANCELLED, name="Odwołana gala", starts_at=ago(8), ends_at=ago(8, 12))
    result = section("events", secretariat)
    text = " ".join(result.items)
    assert "Obchody Dnia Testowego" in text and "Odwołana gala" not in text
    [holiday] = [line for line in result.items if "Dzień Testowy" in line]
    assert "not" not in holiday and "nie" not in holiday  # marked with a ceremony


def test_correspondence_names_letters_of_note_never_persons_or_confidential(secretariat) -> None:
    from tests.correspondence.factories import IncomingLetterFactory, OutgoingLetterFactory

    OutgoingLetterFactory(
        contact=ContactFactory(name="Ambasada Republiki Czeskiej", kind=Contact.Kind.INSTITUTION), sent=True
    )
    OutgoingLetterFactory(contact=ContactFactory(name="Anna Prywatna", kind=Contact.Kind.PERSON), sent=True)
    IncomingLetterFactory()
    result = section("correspondence", secretariat)
    text = " ".join(result.items)
    assert "Anna Prywatna" not in text
    values = figures(result)
    assert list(values.values())[:2] == [1, 2]


@pytest.mark.parametrize("key", ["calendar", "media_relations", "patronage", "events", "correspondence"])
def test_a_section_reads_in_a_few_queries(key, secretariat) -> None:
    section(key, secretariat)  # warm caches
    with CaptureQueriesContext(connection) as captured:
        section(key, secretariat)
    assert len(captured) <= 5, [q["sql"] for q in captured.captured_queries]
