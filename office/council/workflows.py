"""The status graphs of council relations (services check them)."""

from office.council.models import InterpellationStatus as S
from office.council.models import SessionStatus
from office.workflow import Workflow

#: Received → forwarded to units (answer in preparation; forwarding again keeps it there) → the
#: draft answer submitted for approval → approved by the mayor or a deputy (or sent back) → the
#: answer sent. An interpellation not yet answered may be withdrawn by the councillor.
INTERPELLATION_WORKFLOW = Workflow(
    "interpellation",
    {
        S.RECEIVED: {S.IN_PREPARATION, S.FOR_APPROVAL, S.WITHDRAWN},
        S.IN_PREPARATION: {S.IN_PREPARATION, S.FOR_APPROVAL, S.WITHDRAWN},
        S.FOR_APPROVAL: {S.APPROVED, S.IN_PREPARATION, S.WITHDRAWN},
        S.APPROVED: {S.ANSWERED, S.IN_PREPARATION, S.WITHDRAWN},
    },
)

#: A planned session is held or cancelled.
SESSION_WORKFLOW = Workflow(
    "session",
    {SessionStatus.PLANNED: {SessionStatus.HELD, SessionStatus.CANCELLED}},
)
