"""The status graph of a patronage application (services check it)."""

from office.workflow import Workflow
from patronage.models import ApplicationStatus as S

#: Received → the unit's opinion (an Assignment) → the decision, grant or refusal → the report
#: after the event.
#: The decision may be taken without an opinion; an undecided application may be withdrawn.
APPLICATION_WORKFLOW = Workflow(
    "patronage application",
    {
        S.RECEIVED: {S.IN_OPINION, S.GRANTED, S.REFUSED, S.WITHDRAWN},
        S.IN_OPINION: {S.GRANTED, S.REFUSED, S.WITHDRAWN},
        S.GRANTED: {S.REPORTED},
    },
)
