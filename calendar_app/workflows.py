"""The allowed status transitions of the calendar app's records, in one place (services check them)."""

from __future__ import annotations

from calendar_app.models import MeetingRequest
from office.workflow import Workflow

#: new → assessing → scheduled / handed over / declined (a clear case may skip the assessment).
REQUEST_WORKFLOW = Workflow(
    "meeting request",
    {
        MeetingRequest.Status.NEW: {
            MeetingRequest.Status.ASSESSING,
            MeetingRequest.Status.SCHEDULED,
            MeetingRequest.Status.HANDED_OVER,
            MeetingRequest.Status.DECLINED,
        },
        MeetingRequest.Status.ASSESSING: {
            MeetingRequest.Status.SCHEDULED,
            MeetingRequest.Status.HANDED_OVER,
            MeetingRequest.Status.DECLINED,
        },
        MeetingRequest.Status.SCHEDULED: set(),
        MeetingRequest.Status.HANDED_OVER: set(),
        MeetingRequest.Status.DECLINED: set(),
    },
)

#: Statuses of a request still waiting for a decision.
WAITING = (MeetingRequest.Status.NEW, MeetingRequest.Status.ASSESSING)
