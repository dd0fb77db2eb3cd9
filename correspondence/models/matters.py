"""Residents' matters and interventions addressed to the mayor: intake, forwarding to the
competent unit (an Assignment), follow-up, the reply to the resident, and the removal of the
resident's personal data when the retention has passed."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link

ANONYMISED = "[dane usunięte]"


class MatterChannel(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    PHONE = "phone", _("phone")
    EMAIL = "email", _("e-mail")
    LETTER = "letter", _("letter")
    DUTY_HOUR = "duty_hour", _("mayor's duty hour")


class MatterKind(models.TextChoices):
    INTERVENTION = "intervention", _("intervention")
    REQUEST = "request", _("request or proposal")
    COMPLAINT = "complaint", _("complaint")
    QUESTION = "question", _("question")
    OTHER = "other", _("other")


class MatterStatus(models.TextChoices):
    NEW = "new", _("new")
    FORWARDED = "forwarded", _("forwarded to a unit")
    ANSWERED = "answered", _("answered")
    CLOSED = "closed", _("closed")


OPEN_MATTER_STATUSES = (MatterStatus.NEW, MatterStatus.FORWARDED)


class ReplyChannel(models.TextChoices):
    LETTER = "letter", _("letter")
    EMAIL = "email", _("e-mail")
    PHONE = "phone", _("phone")
    IN_PERSON = "in_person", _("in person")


class ResidentMatterQuerySet(models.QuerySet):
    def open(self) -> ResidentMatterQuerySet:
        return self.filter(status__in=OPEN_MATTER_STATUSES)

    def overdue(self, today: dt.date | None = None) -> ResidentMatterQuerySet:
        return self.open().filter(due_on__lt=today or timezone.localdate())


class ResidentMatter(models.Model):
    # the resident (personal data, removed after the retention)
    resident_name = models.CharField(_("resident"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    contact = models.ForeignKey(
        "office.Contact",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resident_matters",
    )
    # the matter
    kind = models.CharField(_("kind"), max_length=20, choices=MatterKind.choices, default=MatterKind.INTERVENTION)
    channel = models.CharField(_("received by"), max_length=20, choices=MatterChannel.choices)
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    subject = models.CharField(_("subject"), max_length=255)
    description = models.TextField(_("what the resident asks"))
    location = models.CharField(_("place concerned"), max_length=255, blank=True)
    principal = models.ForeignKey(
        "office.OfficeHolder", verbose_name=_("addressed to"), on_delete=models.PROTECT, related_name="resident_matters"
    )
    letter = models.ForeignKey(
        "correspondence.Letter",
        verbose_name=_("letter in the register"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resident_matters",
    )
    # RODO art. 13: the clause shown at intake, the purpose and basis recorded
    rodo_clause_shown = models.BooleanField(_("information clause given to the resident"), default=False)
    processing_basis = models.CharField(
        _("legal basis of processing"),
        max_length=255,
        default="art. 6 ust. 1 lit. e RODO – zadanie realizowane w interesie publicznym",
    )
    # forwarding and the answer
    status = models.CharField(_("status"), max_length=12, choices=MatterStatus.choices, default=MatterStatus.NEW)
    due_on = models.DateField(_("answer due"), db_index=True)
    deadline_rule = models.CharField(_("deadline rule"), max_length=60, blank=True)
    deadline_basis = models.CharField(_("deadline basis"), max_length=255, blank=True)
    unit = models.ForeignKey(
        "office.OrgUnit",
        verbose_name=_("competent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resident_matters",
    )
    assignment = models.OneToOneField(
        "office.Assignment", null=True, blank=True, on_delete=models.SET_NULL, related_name="resident_matter"
    )
    reply_text = models.TextField(_("reply to the resident"), blank=True)
    reply_channel = models.CharField(_("reply sent by"), max_length=12, choices=ReplyChannel.choices, blank=True)
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    # retention
    retain_until = models.DateField(_("personal data kept until"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data removed"), null=True, blank=True)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ResidentMatterQuerySet.as_manager()

    class Meta:
        verbose_name = _("resident's matter")
        verbose_name_plural = _("residents' matters")
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["status", "due_on"]), models.Index(fields=["unit", "received_on"])]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_MATTER_STATUSES

    @property
    def is_new(self) -> bool:
        return self.status == MatterStatus.NEW

    @property
    def is_forwarded(self) -> bool:
        return self.status == MatterStatus.FORWARDED

    @property
    def is_answered(self) -> bool:
        return self.status == MatterStatus.ANSWERED

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None

    @property
    def overdue(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()

    @property
    def answered_on_time(self) -> bool | None:
        if self.replied_on is None:
            return None
        return self.replied_on <= self.due_on
