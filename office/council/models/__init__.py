"""Models of council relations, by noun: the council (terms, councillors, committees, sessions,
committee meetings), interpellations and questions, resolutions."""

from office.council.models.council import (
    AgendaItem,
    Broadcast,
    Committee,
    CommitteeMeeting,
    Councillor,
    Session,
    SessionKind,
    SessionStatus,
    Term,
)
from office.council.models.interpellations import (
    OPEN_STATUSES,
    Interpellation,
    InterpellationKind,
    InterpellationStatus,
)

__all__ = [
    "OPEN_STATUSES",
    "AgendaItem",
    "Broadcast",
    "Committee",
    "CommitteeMeeting",
    "Councillor",
    "Interpellation",
    "InterpellationKind",
    "InterpellationStatus",
    "Session",
    "SessionKind",
    "SessionStatus",
    "Term",
]
