"""Municipal companies: the office's opinion on a meeting's documents is an Assignment due the working
day before the meeting (and follows the meeting when it moves), the mayor's instruction before it,
the outcome after it; the widget of coming meetings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from office.council import contributions
from office.council.models import ShareholderMeeting
from office.council.services import companies as services
from office.deadlines import is_working_day
from tests.council import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(persona: Any) -> Any:
    return persona("council_officer")


def test_the_opinion_is_due_the_working_day_before_the_meeting(officer: Any) -> None:
    meeting = factories.shareholder_meeting(officer, days=20)
    services.request_opinion(actor=officer, meeting=meeting, unit=factories.unit("WF"))
    meeting.refresh_from_db()
    due = meeting.opinion.due_date
    assert due < meeting.day and is_working_day(due) and (meeting.day - due).days <= 3
    assert meeting.opinion.source == meeting
    with pytest.raises(ValidationError):
        services.request_opinion(actor=officer, meeting=meeting, unit=factories.unit("WF"))
    meeting.starts_at += dt.timedelta(days=7)
    services.save_meeting(actor=officer, meeting=meeting)
    meeting = ShareholderMeeting.objects.get(pk=meeting.pk)
    assert meeting.opinion.due_date == services.opinion_due(meeting) > due


def test_a_monday_meeting_has_its_opinion_due_on_friday(officer: Any) -> None:
    monday = timezone.localdate() + dt.timedelta(days=14)
    while monday.weekday() != 0:
        monday += dt.timedelta(days=1)
    meeting = factories.shareholder_meeting(officer, days=(monday - timezone.localdate()).days)
    assert services.opinion_due(meeting).weekday() in (4, 3)  # Friday (Thursday before a holiday)


def test_too_near_a_meeting_for_an_opinion(officer: Any) -> None:
    meeting = factories.shareholder_meeting(officer, days=0)
    with pytest.raises(ValidationError):
        services.request_opinion(actor=officer, meeting=meeting, unit=factories.unit())


def test_instruction_before_and_outcome_after(officer: Any) -> None:
    coming = factories.shareholder_meeting(officer, days=5)
    with pytest.raises(ValidationError):
        services.record_outcome(actor=officer, meeting=coming, text="Przyjęto.")
    services.instruct(actor=officer, meeting=coming, text="Głosować za.", instructed_by=factories.mayor())
    coming.refresh_from_db()
    assert coming.instructed_on == timezone.localdate() and coming.instructed_by == factories.mayor()
    past = factories.shareholder_meeting(officer, days=-5)
    with pytest.raises(ValidationError):
        services.instruct(actor=officer, meeting=past, text="Za późno.", instructed_by=factories.mayor())
    services.record_outcome(actor=officer, meeting=past, text="Zatwierdzono sprawozdanie.")
    assert ShareholderMeeting.objects.get(pk=past.pk).outcome == "Zatwierdzono sprawozdanie."


def test_company_checks(officer: Any) -> None:
    with pytest.raises(ValidationError) as error:
        factories.company(officer, krs="123")
    assert "krs" in error.value.message_dict
    with pytest.raises(ValidationError):
        factories.company(officer, city_share="120")


def test_the_widget_of_coming_meetings(officer: Any) -> None:
    meeting = factories.shareholder_meeting(officer, days=10)
    factories.shareholder_meeting(officer, days=-10)
    widget = contributions.company_meetings(officer)
    assert [item.label for item in widget.items] == [meeting.company.name] and widget.items[0].is_warning
