"""The status graphs of civic participation (services check them)."""

from associations.participation.models import BookingStatus as B
from associations.participation.models import ProjectStatus as P
from associations.participation.models import SubmissionStatus as S
from office.workflow import Workflow

#: A comment waits for moderation, then is published or not; a moderator may change their mind.
SUBMISSION_WORKFLOW = Workflow(
    "consultation comment",
    {S.PENDING: {S.PUBLISHED, S.REJECTED}, S.PUBLISHED: {S.REJECTED}, S.REJECTED: {S.PUBLISHED}},
)

#: Submitted → verification by the units (Assignments) → admitted to the vote or rejected; a
#: rejected project may be appealed, and the appeal admits it or confirms the rejection. The
#: author may withdraw a project until it is admitted.
PROJECT_WORKFLOW = Workflow(
    "citizen budget project",
    {
        P.SUBMITTED: {P.VERIFICATION, P.WITHDRAWN},
        P.VERIFICATION: {P.ADMITTED, P.REJECTED, P.WITHDRAWN},
        P.REJECTED: {P.APPEALED},
        P.APPEALED: {P.ADMITTED, P.REJECTED},
    },
)

#: A booking is requested, then approved or refused; a requested or approved one may be cancelled.
BOOKING_WORKFLOW = Workflow(
    "room booking",
    {B.REQUESTED: {B.APPROVED, B.REJECTED, B.CANCELLED}, B.APPROVED: {B.CANCELLED}},
)
