"""The status graph of an event (services check it)."""

from events.models import EventStatus as S
from office.workflow import Workflow

#: Proposed by the yearly plan → planned (confirmed) or dropped; planned → held or cancelled;
#: a dropped proposal or a cancelled event may come back.
EVENT_WORKFLOW = Workflow(
    "event",
    {
        S.PROPOSED: {S.PLANNED, S.DROPPED},
        S.PLANNED: {S.HELD, S.CANCELLED},
        S.DROPPED: {S.PROPOSED},
        S.CANCELLED: {S.PLANNED},
    },
)
