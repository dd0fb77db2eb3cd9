"""Assignment: the one mechanism for a matter handed to a unit or a person with a deadline."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link
from office.models.people import OrgUnit
from office.workflow import Workflow


class AssignmentStatus(models.TextChoices):
    NEW = "new", _("new")
    IN_PROGRESS = "in_progress", _("in progress")
    ANSWERED = "answered", _("answered")
    RETURNED = "returned", _("returned")
    CLOSED = "closed", _("closed")


#: Who may move an assignment where. The unit works on it; the issuer accepts, sends back or closes.
UNIT_WORKFLOW = Workflow(
    "assignment (unit)",
    {
        AssignmentStatus.NEW: {AssignmentStatus.IN_PROGRESS, AssignmentStatus.ANSWERED, AssignmentStatus.RETURNED},
        AssignmentStatus.IN_PROGRESS: {AssignmentStatus.ANSWERED, AssignmentStatus.RETURNED},
    },
)
ISSUER_WORKFLOW = Workflow(
    "assignment (issuer)",
    {
        AssignmentStatus.NEW: {AssignmentStatus.CLOSED},
        AssignmentStatus.IN_PROGRESS: {AssignmentStatus.CLOSED},
        AssignmentStatus.ANSWERED: {AssignmentStatus.CLOSED, AssignmentStatus.IN_PROGRESS},
        AssignmentStatus.RETURNED: {AssignmentStatus.NEW, AssignmentStatus.CLOSED},
        AssignmentStatus.CLOSED: {AssignmentStatus.IN_PROGRESS},
    },
)
#: Statuses in which the unit owes work: these become overdue after the due date.
OPEN_STATUSES = (AssignmentStatus.NEW, AssignmentStatus.IN_PROGRESS)


class AssignmentQuerySet(models.QuerySet):
    def open(self) -> AssignmentQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: dt.date | None = None) -> AssignmentQuerySet:
        today = today or timezone.localdate()
        return self.open().filter(due_date__lt=today)

    def with_related(self) -> AssignmentQuerySet:
        return self.select_related("unit", "assignee", "created_by")


class Assignment(models.Model):
    title = models.CharField(_("matter"), max_length=255)
    description = models.TextField(_("what is asked"), blank=True)
    source_type = models.ForeignKey(
        ContentType, verbose_name=_("source type"), null=True, blank=True, on_delete=models.PROTECT
    )
    source_id = models.PositiveBigIntegerField(_("source id"), null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    source_label = models.CharField(_("source"), max_length=255, blank=True)
    source_url = models.CharField(_("link to the source"), max_length=500, blank=True)
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("responsible unit"), on_delete=models.PROTECT, related_name="assignments"
    )
    assignee = user_link(_("responsible person"), related_name="assignments")
    created_by = user_link(_("handed over by"), related_name="issued_assignments")
    due_date = models.DateField(_("due date"), db_index=True)
    deadline_rule = models.CharField(_("deadline rule"), max_length=60, blank=True)
    deadline_basis = models.CharField(_("deadline basis"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AssignmentStatus.choices, default=AssignmentStatus.NEW, db_index=True
    )
    reply = models.TextField(_("reply"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = user_link(_("answered by"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    last_reminder_on = models.DateField(_("last reminder"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_date", "id"]
        indexes = [
            models.Index(fields=["unit", "status", "due_date"]),
            models.Index(fields=["source_type", "source_id"]),
        ]
        permissions = [
            ("view_all_assignments", _("Can see every unit's assignments")),
            ("manage_assignment", _("Can hand over, accept, send back and close assignments")),
            ("answer_assignment", _("Can answer assignments of own unit")),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.is_open and self.due_date < (today or timezone.localdate())

    @property
    def overdue(self) -> bool:
        """Open and past its due date today (the one rule templates use)."""
        return self.is_overdue()

    def days_late(self, today: dt.date | None = None) -> int:
        today = today or timezone.localdate()
        return max(0, (today - self.due_date).days) if self.is_open else 0


class AssignmentEvent(models.Model):
    """One line of an assignment's history (the audit trail keeps field-level changes too)."""

    class Kind(models.TextChoices):
        CREATED = "created", _("handed over")
        STATUS = "status", _("status changed")
        COMMENT = "comment", _("progress note")
        REPLY = "reply", _("reply")
        DUE_CHANGED = "due_changed", _("due date changed")
        REMINDER = "reminder", _("reminder sent")
        REASSIGNED = "reassigned", _("handed to another unit")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    actor = user_link(_("who"))
    at = models.DateTimeField(_("when"), default=timezone.now)
    from_status = models.CharField(max_length=20, choices=AssignmentStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=AssignmentStatus.choices, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("assignment history entry")
        verbose_name_plural = _("assignment history")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.assignment_id}: {self.get_kind_display()}"
