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
from office.council.models.elections import (
    LAY_JUDGE_AGES,
    CandidateStatus,
    District,
    LayJudgeCandidate,
    LayJudgeElection,
    NeighbourhoodCandidate,
    NeighbourhoodElection,
    NominatedBy,
)
from office.council.models.interpellations import (
    OPEN_STATUSES,
    Interpellation,
    InterpellationKind,
    InterpellationStatus,
)
from office.council.models.projects import Milestone, Project, ProjectStatus, Study, StudyKind
from office.council.models.resolutions import (
    DraftResolution,
    ExtraordinaryRequest,
    ImplementationReport,
    RequestStatus,
    Resolution,
    ResolutionStatus,
)

__all__ = [
    "LAY_JUDGE_AGES",
    "OPEN_STATUSES",
    "AgendaItem",
    "Broadcast",
    "CandidateStatus",
    "Committee",
    "CommitteeMeeting",
    "Company",
    "Councillor",
    "District",
    "DraftResolution",
    "ExtraordinaryRequest",
    "ImplementationReport",
    "Interpellation",
    "InterpellationKind",
    "InterpellationStatus",
    "LayJudgeCandidate",
    "LayJudgeElection",
    "LegalForm",
    "MeetingKind",
    "Milestone",
    "NeighbourhoodCandidate",
    "NeighbourhoodElection",
    "NominatedBy",
    "Project",
    "ProjectStatus",
    "RequestStatus",
    "Resolution",
    "ResolutionStatus",
    "Session",
    "SessionKind",
    "SessionStatus",
    "ShareholderMeeting",
    "Study",
    "StudyKind",
    "Term",
]
