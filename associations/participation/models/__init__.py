"""Models of civic participation, by noun: the cooperation programme and its grants, public
consultations, the citizen budget, civic projects and the rooms of the local-activity centre."""

from associations.participation.models.budget import (
    District,
    Edition,
    Project,
    ProjectStatus,
    Realisation,
    Vote,
    VoteChannel,
)
from associations.participation.models.civic import (
    Booking,
    BookingStatus,
    CivicKind,
    CivicProject,
    CivicStatus,
    Room,
)
from associations.participation.models.consultations import (
    Consultation,
    Submission,
    SubmissionChannel,
    SubmissionStatus,
)
from associations.participation.models.programme import Grant, GrantMode, Programme

__all__ = [
    "Booking",
    "BookingStatus",
    "CivicKind",
    "CivicProject",
    "CivicStatus",
    "Consultation",
    "District",
    "Edition",
    "Grant",
    "GrantMode",
    "Programme",
    "Project",
    "ProjectStatus",
    "Realisation",
    "Room",
    "Submission",
    "SubmissionChannel",
    "SubmissionStatus",
    "Vote",
    "VoteChannel",
]
