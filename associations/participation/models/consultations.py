"""Public consultations with residents (SW-24, PT-19, PT-9): the subject, its documents
(attachments), the period, the methods, and the comments received with the office's answers."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


def check_period(starts_on: dt.date | None, ends_on: dt.date | None, field: str = "ends_on") -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({field: _("The consultation cannot end before it starts.")})


class Consultation(models.Model):
    """A consultation: residents may comment between ``starts_on`` and ``ends_on`` (both included)
    through the methods it offers; the public page shows it once published."""

    title = models.CharField(_("title"), max_length=255)
    subject = models.TextField(_("subject of the consultation"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    by_meeting = models.BooleanField(_("open meeting"), default=False)
    by_survey = models.BooleanField(_("survey"), default=False)
    by_comments = models.BooleanField(_("written comments"), default=True)
    meeting_details = models.TextField(_("meeting: when and where"), blank=True)
    survey_url = models.URLField(_("address of the survey"), blank=True)
    responsible_unit = models.CharField(_("responsible unit"), max_length=255, blank=True)
    is_published = models.BooleanField(_("published on the public page"), default=True)
    result_summary = models.TextField(_("results and conclusions"), blank=True, editable=False)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("public consultation")
        verbose_name_plural = _("public consultations")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="participation_consultation_period"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        check_period(self.starts_on, self.ends_on)

    @property
    def is_open(self) -> bool:
        return self.starts_on <= timezone.localdate() <= self.ends_on

    @property
    def is_planned(self) -> bool:
        return timezone.localdate() < self.starts_on

    @property
    def is_closed(self) -> bool:
        return self.ends_on < timezone.localdate()

    @property
    def accepts_comments(self) -> bool:
        return self.is_published and self.by_comments and self.is_open

    def stage_label(self) -> str:
        if self.is_planned:
            return str(_("planned"))
        return str(_("open")) if self.is_open else str(_("closed"))


class SubmissionStatus(models.TextChoices):
    PENDING = "pending", _("waiting for moderation")
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("not published")


class SubmissionChannel(models.TextChoices):
    FORM = "form", _("the public form")
    PAPER = "paper", _("on paper")
    EMAIL = "email", _("by e-mail")
    MEETING = "meeting", _("at the meeting")


class Submission(models.Model):
    """A comment on a consultation: published after moderation, answered by the office."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="submissions"
    )
    author_name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    text = models.TextField(_("comment"))
    channel = models.CharField(
        _("received through"), max_length=8, choices=SubmissionChannel.choices, default=SubmissionChannel.FORM
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=SubmissionStatus.choices, default=SubmissionStatus.PENDING
    )
    moderated_by = user_link(_("moderated by"), editable=False, related_name="+")
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True, editable=False)
    rejection_reason = models.CharField(_("why not published"), max_length=500, blank=True, editable=False)
    answer = models.TextField(_("the office's answer"), blank=True, editable=False)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("consultation comment")
        verbose_name_plural = _("consultation comments")
        ordering = ["received_at", "id"]
        indexes = [models.Index(fields=["consultation", "status"])]

    def __str__(self) -> str:
        return _("Comment no. %(number)s") % {"number": self.pk}

    @property
    def is_pending(self) -> bool:
        return self.status == SubmissionStatus.PENDING

    @property
    def is_published(self) -> bool:
        return self.status == SubmissionStatus.PUBLISHED

    @property
    def public_author(self) -> str:
        """What the public page names: the organisation, else a resident (no private names)."""
        return self.organisation or str(_("a resident"))
