"""Councillors' interpellations and questions (u.s.g. art. 24, NM-7): received, forwarded to
units, a draft answer approved by the mayor or a deputy, the answer sent within 14 days, both
published in the BIP."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.db import user_link


class InterpellationKind(models.TextChoices):
    INTERPELLATION = "interpellation", _("interpellation")
    QUESTION = "question", _("councillor's question")


class InterpellationStatus(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("interpellation status", "received")
    IN_PREPARATION = "in_preparation", _("answer in preparation")
    FOR_APPROVAL = "for_approval", _("draft answer for approval")
    APPROVED = "approved", _("answer approved")
    ANSWERED = "answered", _("answered")
    WITHDRAWN = "withdrawn", _("withdrawn")


#: Statuses in which an answer is still owed.
OPEN_STATUSES = (
    InterpellationStatus.RECEIVED,
    InterpellationStatus.IN_PREPARATION,
    InterpellationStatus.FOR_APPROVAL,
    InterpellationStatus.APPROVED,
)


class Interpellation(models.Model):
    """An interpellation or a question of a councillor, forwarded to the mayor by the council's chair."""

    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    number = models.PositiveIntegerField(_("number in the year"), editable=False)
    kind = models.CharField(
        _("kind"), max_length=14, choices=InterpellationKind.choices, default=InterpellationKind.INTERPELLATION
    )
    councillor = models.ForeignKey(
        "council.Councillor", verbose_name=_("councillor"), on_delete=models.PROTECT, related_name="interpellations"
    )
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    subject = models.CharField(_("subject"), max_length=500)
    text = models.TextField(_("text"))
    # the statutory deadline (CouncilRules.INTERPELLATION_ANSWER), kept with the rule's name
    due_on = models.DateField(_("answer due on"), editable=False)
    due_rule = models.CharField(_("deadline rule"), max_length=255, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=16, choices=InterpellationStatus.choices, default=InterpellationStatus.RECEIVED
    )
    draft_answer = models.TextField(_("draft answer"), blank=True, editable=False)
    approved_by = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True, editable=False)
    answer = models.TextField(_("answer"), blank=True, editable=False)
    answered_on = models.DateField(_("answer sent on"), null=True, blank=True, editable=False)
    submitted_on = models.DateField(_("submitted for approval on"), null=True, blank=True, editable=False)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("interpellation or question")
        verbose_name_plural = _("interpellations and questions")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="council_interpellation_number_unique"),
            models.CheckConstraint(
                condition=models.Q(answered_on__isnull=True) | models.Q(answered_on__gte=models.F("received_on")),
                name="council_answer_after_receipt",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["councillor", "received_on"]),
            models.Index(fields=["-received_on", "-id"]),
        ]
        permissions = [("approve_answer", _("Can approve the answer to an interpellation"))]

    def __str__(self) -> str:
        return f"{self.reference}: {self.subject}"

    @property
    def reference(self) -> str:
        """``INT.12.2026`` or ``ZAP.3.2026``: the number in its year."""
        prefix = "INT" if self.kind == InterpellationKind.INTERPELLATION else "ZAP"
        return f"{prefix}.{self.number}.{self.year}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.is_open and self.due_on < (today or timezone.localdate())

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    @property
    def on_time(self) -> bool | None:
        """Answered within the deadline (None while not answered)."""
        if self.answered_on is None:
            return None
        return self.answered_on <= self.due_on

    @property
    def is_published(self) -> bool:
        return self.status != InterpellationStatus.WITHDRAWN
