from office.models.accounts import UserSession
from office.models.assignments import (
    OPEN_STATUSES,
    Assignment,
    AssignmentEvent,
    AssignmentStatus,
)
from office.models.attachments import Attachment
from office.models.audit import AuditEntry
from office.models.contacts import Contact, Tag
from office.models.deadlines import DeadlineRule
from office.models.imports import ImportBatch
from office.models.jobs import DigestDelivery, Job
from office.models.mail import MailStatus, OutgoingMail
from office.models.outbox import TaskOutbox
from office.models.people import OfficeHolder, OrgUnit, SecretariatMembership, User
from office.models.reads import PersonalDataRead, ReadKind

__all__ = [
    "OPEN_STATUSES",
    "Assignment",
    "AssignmentEvent",
    "AssignmentStatus",
    "Attachment",
    "AuditEntry",
    "Contact",
    "DeadlineRule",
    "DigestDelivery",
    "ImportBatch",
    "Job",
    "MailStatus",
    "OfficeHolder",
    "OrgUnit",
    "OutgoingMail",
    "PersonalDataRead",
    "ReadKind",
    "SecretariatMembership",
    "Tag",
    "TaskOutbox",
    "User",
    "UserSession",
]
