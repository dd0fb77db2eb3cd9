"""Models of council relations, by noun: the council (terms, councillors, committees, sessions,
committee meetings), interpellations and questions, resolutions, drafts and extraordinary-session requests."""

from office.council.models.companies import Company, LegalForm, MeetingKind, ShareholderMeeting
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
from office.council.models.resolutions import (
    DraftResolution,
    ExtraordinaryRequest,
    ImplementationReport,
    RequestStatus,
    Resolution,
    ResolutionStatus,
)

__all__ = [
    "OPEN_STATUSES",
    "AgendaItem",
    "Broadcast",
    "Committee",
    "CommitteeMeeting",
    "Company",
    "Councillor",
    "DraftResolution",
    "ExtraordinaryRequest",
    "ImplementationReport",
    "Interpellation",
    "InterpellationKind",
    "InterpellationStatus",
    "LegalForm",
    "MeetingKind",
    "RequestStatus",
    "Resolution",
    "ResolutionStatus",
    "Session",
    "SessionKind",
    "SessionStatus",
    "ShareholderMeeting",
    "Term",
]
