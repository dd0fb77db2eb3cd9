"""The council's registers: councillors within their term, committees with their members, sessions
numbered in the term with their agendas, the mayor's attendance on his calendar (and a cancelled
session taken off it), the recording and minutes, committee meetings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from calendar_app import services as calendar_services
from calendar_app.models import Entry
from office.council.models import Broadcast, Session, SessionStatus
from office.council.services import council as services
from tests.council import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(persona: Any) -> Any:
    return persona("council_officer")


def test_a_mandate_lies_within_the_term(officer: Any) -> None:
    with pytest.raises(ValidationError) as error:
        factories.councillor(officer, mandate_from=dt.date(2020, 1, 1))
    assert "mandate_from" in error.value.message_dict
    with pytest.raises(ValidationError):
        factories.councillor(officer, mandate_to=dt.date(2030, 1, 1))


def test_committee_members_are_of_its_term_and_the_chair_is_one(officer: Any) -> None:
    chair, member = factories.councillor(officer), factories.councillor(officer)
    committee = factories.committee(officer, members=[member], chair=chair)
    assert set(committee.members.all()) == {chair, member}
    from office.council.models import Councillor, Term

    other = Term.objects.create(name="X kadencja", starts_on=dt.date(2029, 5, 7), ends_on=dt.date(2034, 5, 6))
    stranger = Councillor.objects.create(term=other, first_name="Jan", last_name="Obcy", mandate_from=other.starts_on)
    with pytest.raises(ValidationError):
        services.save_committee(actor=officer, committee=committee, members=[stranger])


def test_sessions_are_numbered_in_the_term_with_their_agenda(officer: Any) -> None:
    first = factories.session(officer, agenda="1. Otwarcie sesji\n2) Uchwała budżetowa\n\n Zamknięcie ")
    assert [item.title for item in first.agenda.all()] == ["Otwarcie sesji", "Uchwała budżetowa", "Zamknięcie"]
    second = factories.session(officer, days=40)
    assert second.number == first.number + 1 and second.roman
    with pytest.raises(ValidationError) as error:
        factories.session(officer, number=first.number)
    assert "number" in error.value.message_dict
    with pytest.raises(ValidationError):
        factories.session(officer, days=365 * 10)  # beyond the term


def test_the_mayor_attends_a_session_on_his_calendar_and_a_cancellation_takes_it_off(officer: Any) -> None:
    session = factories.session(officer)
    start = session.starts_at
    services.attend_session(
        actor=officer, session=session, holder=factories.mayor(), start=start, end=start + dt.timedelta(hours=4)
    )
    session = Session.objects.get(pk=session.pk)
    entry = calendar_services.entry_by_id(session.calendar_entry_id)
    assert (
        entry.kind == "council" and entry.calendar.office_holder == factories.mayor() and entry.source_id == session.pk
    )
    with pytest.raises(ValidationError):
        services.attend_session(actor=officer, session=session, holder=factories.mayor(), start=start, end=start)
    session.starts_at = start + dt.timedelta(days=1)
    services.save_session(actor=officer, session=session)
    assert Entry.objects.get(pk=entry.pk).start == start + dt.timedelta(days=1)
    services.close_session(actor=officer, session=session, held=False)
    assert Entry.objects.get(pk=entry.pk).status == "cancelled"
    assert Session.objects.get(pk=session.pk).status == SessionStatus.CANCELLED


def test_a_session_is_held_once_it_started(officer: Any) -> None:
    with pytest.raises(ValidationError):
        services.close_session(actor=officer, session=factories.session(officer), held=True)
    past = factories.session(officer, days=-3)
    services.close_session(actor=officer, session=past, held=True)
    with pytest.raises(ValidationError):
        services.close_session(actor=officer, session=past, held=False)


def test_recording_and_minutes(officer: Any) -> None:
    past = factories.session(officer, days=-10)
    with pytest.raises(ValidationError) as error:
        services.update_recording(actor=officer, session=past, broadcast=Broadcast.RECORDED)
    assert "recording_url" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.update_recording(
            actor=officer,
            session=past,
            broadcast=Broadcast.NONE,
            minutes_url="https://bip.example/p",
            minutes_published_on=past.day - dt.timedelta(days=1),
        )
    with pytest.raises(ValidationError):
        services.update_recording(actor=officer, session=factories.session(officer), broadcast=Broadcast.LIVE)
    services.update_recording(
        actor=officer,
        session=past,
        broadcast=Broadcast.RECORDED,
        recording_url="https://tv.example/s",
        minutes_url="https://bip.example/p",
        minutes_published_on=timezone.localdate(),
    )
    assert Session.objects.get(pk=past.pk).broadcast == Broadcast.RECORDED


def test_a_committee_meeting_on_the_deputys_calendar(officer: Any) -> None:
    meeting = factories.meeting(officer)
    services.attend_meeting(
        actor=officer,
        meeting=meeting,
        holder=factories.deputy(),
        start=meeting.starts_at,
        end=meeting.starts_at + dt.timedelta(hours=2),
    )
    meeting.refresh_from_db()
    assert calendar_services.entry_by_id(meeting.calendar_entry_id).calendar.office_holder == factories.deputy()
