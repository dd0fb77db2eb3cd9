"""The meeting-request workflow (calendar_app/workflows.py, REQUEST_WORKFLOW) walked through the
services of calendar_app/services/requests.py: every allowed transition succeeds and leaves what it
should; every forbidden one raises ValidationError(code="forbidden_transition") and changes nothing.

The expected table is written out here, independently of REQUEST_WORKFLOW, so a change of the
workflow has to be a deliberate change of this table too."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from calendar_app.models import Entry, MeetingRequest
from calendar_app.services import requests as services
from calendar_app.workflows import REQUEST_WORKFLOW, WAITING
from office.models import Assignment, AuditEntry
from tests.calendar_app.factories import MeetingRequestFactory, local, next_working_day

pytestmark = pytest.mark.django_db
R = MeetingRequest.Status
STATUSES = [R.NEW, R.ASSESSING, R.SCHEDULED, R.HANDED_OVER, R.DECLINED]
FINAL = {R.SCHEDULED, R.HANDED_OVER, R.DECLINED}

ALLOWED = {
    (R.NEW, R.ASSESSING),
    (R.NEW, R.SCHEDULED),
    (R.NEW, R.HANDED_OVER),
    (R.NEW, R.DECLINED),
    (R.ASSESSING, R.SCHEDULED),
    (R.ASSESSING, R.HANDED_OVER),
    (R.ASSESSING, R.DECLINED),
}
#: Every status a service can move a request to (nothing moves a request back to "new").
TARGETS = [R.ASSESSING, R.SCHEDULED, R.HANDED_OVER, R.DECLINED]
PAIRS = list(itertools.product(STATUSES, TARGETS))


def test_the_workflow_is_the_expected_table():
    table = {(source, target) for source in STATUSES for target in REQUEST_WORKFLOW.allowed(source)}
    assert table == ALLOWED
    assert set(REQUEST_WORKFLOW.transitions) == set(STATUSES) == set(R.values)
    assert set(WAITING) == {R.NEW, R.ASSESSING}


@pytest.mark.parametrize("source", STATUSES)
def test_nothing_goes_back_to_new(source):
    with pytest.raises(ValidationError) as error:
        REQUEST_WORKFLOW.check(source, R.NEW)
    assert error.value.code == "forbidden_transition"


@pytest.fixture
def make_request(mayor_calendar) -> Callable[[str], MeetingRequest]:
    """A request already in ``status`` (with what that status carries: entry, assignment, reply)."""

    def make(status: str) -> MeetingRequest:
        traits = {
            R.NEW: {},
            R.ASSESSING: {"assessing": True},
            R.SCHEDULED: {"scheduled": True},
            R.HANDED_OVER: {"handed_over": True},
            R.DECLINED: {"declined": True},
        }[status]
        return MeetingRequestFactory(
            office_holder=mayor_calendar.office_holder,
            requester_name="Halina Adamczyk",
            topic="Hałas z placu budowy",
            reply_text="Szanowna Pani, ..." if status in FINAL else "",
            **traits,
        )

    return make


def move(target: str, request: MeetingRequest, actor: Any, win: Any) -> MeetingRequest:
    """Ask the service that moves a request to ``target``."""
    day = next_working_day()
    if target == R.ASSESSING:
        return services.start_assessment(actor=actor, request=request)
    if target == R.SCHEDULED:
        return services.schedule_request(
            actor=actor, request=request, start=local(day, 13), end=local(day, 14), place="Gabinet Prezydenta"
        )
    if target == R.HANDED_OVER:
        return services.hand_over_request(
            actor=actor, request=request, unit=win, due_date=day + dt.timedelta(days=14), note="Proszę o kontakt."
        )
    if target == R.DECLINED:
        return services.decline_request(actor=actor, request=request, reason="Brak możliwości w tym kwartale.")
    raise AssertionError(target)


def snapshot(request: MeetingRequest) -> tuple:
    request.refresh_from_db()
    return (
        request.status,
        request.decided_on,
        request.retain_until,
        request.reply_text,
        request.decline_reason,
        request.entry_id,
        request.assignment_id,
        Entry.objects.count(),
        Assignment.objects.count(),
        AuditEntry.objects.filter(action="transition").count(),
    )


@pytest.mark.parametrize(("source", "target"), [pair for pair in PAIRS if pair in ALLOWED])
def test_allowed_transition_succeeds(secretariat, win, make_request, source, target):
    request = make_request(source)
    entries, assignments = Entry.objects.count(), Assignment.objects.count()

    moved = move(target, request, secretariat, win)

    request.refresh_from_db()
    assert moved.status == request.status == target
    transition = AuditEntry.objects.of(request).get(action="transition")
    assert transition.actor == secretariat and transition.changes["status"] == [source, target]
    if target == R.ASSESSING:
        assert request.decided_on is None and request.reply_text == ""
        return
    today = timezone.localdate()
    assert request.decided_on == today and request.retain_until == today + dt.timedelta(days=services.RETENTION_DAYS)
    assert "Hałas z placu budowy" in request.reply_text
    if target == R.SCHEDULED:
        assert Entry.objects.count() == entries + 1
        assert request.entry.start == local(next_working_day(), 13) and request.entry.source_id == request.pk
        assert "Gabinet Prezydenta" in request.reply_text
    elif target == R.HANDED_OVER:
        assert Assignment.objects.count() == assignments + 1
        assert request.assignment.unit == win and request.assignment.source_id == request.pk
        assert win.name in request.reply_text
    else:
        assert request.decline_reason == "Brak możliwości w tym kwartale."
        assert "Brak możliwości w tym kwartale." in request.reply_text


@pytest.mark.parametrize(("source", "target"), [pair for pair in PAIRS if pair not in ALLOWED])
def test_forbidden_transition_is_refused_and_changes_nothing(secretariat, win, make_request, source, target):
    request = make_request(source)
    before = snapshot(request)

    with pytest.raises(ValidationError) as error:
        move(target, request, secretariat, win)

    assert error.value.code == "forbidden_transition"
    assert f"„{source}”" in error.value.messages[0] or f"“{source}”" in error.value.messages[0]
    assert snapshot(request) == before


def test_a_stale_request_object_cannot_skip_the_check(secretariat, win, make_request):
    """The services read the request again (locked): an object loaded before another decision
    cannot decide the request a second time."""
    request = make_request(R.NEW)
    stale = MeetingRequest.objects.get(pk=request.pk)
    services.decline_request(actor=secretariat, request=request, reason="Nie")
    with pytest.raises(ValidationError) as error:
        services.hand_over_request(actor=secretariat, request=stale, unit=win, due_date=next_working_day())
    assert error.value.code == "forbidden_transition"
    request.refresh_from_db()
    assert request.status == R.DECLINED and request.assignment_id is None
    assert not Assignment.objects.exists()
