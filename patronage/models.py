"""Honorary patronage of the mayor (SW-9, PT-24, OS-15): applications, opinion, decision, report."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class Reach(models.TextChoices):
    LOCAL = "local", _("local")
    REGIONAL = "regional", _("regional")
    NATIONAL = "national", _("national")
    INTERNATIONAL = "international", _("international")


class Channel(models.TextChoices):
    PAPER = "paper", _("on paper")
    EMAIL = "email", _("by e-mail")
    EPUAP = "epuap", _("through ePUAP")
    FORM = "form", _("through the public form")


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", _("received")
    IN_OPINION = "in_opinion", _("waiting for the unit's opinion")
    GRANTED = "granted", _("granted")
    REFUSED = "refused", _("refused")
    REPORTED = "reported", _("report filed")
    WITHDRAWN = "withdrawn", _("withdrawn")


#: Before the decision: the statuses shown on the widget of decisions due.
UNDECIDED = (ApplicationStatus.RECEIVED, ApplicationStatus.IN_OPINION)


class Application(models.Model):
    """An application for the mayor's honorary patronage (wniosek o objęcie Honorowym Patronatem)."""

    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    number = models.PositiveIntegerField(_("number in the year"), editable=False)
    organiser = models.ForeignKey(
        "office.Contact", verbose_name=_("organiser"), on_delete=models.PROTECT, related_name="patronage_applications"
    )
    event_name = models.CharField(_("event"), max_length=255)
    description = models.TextField(_("description of the event"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = models.CharField(_("place"), max_length=255)
    reach = models.CharField(_("reach"), max_length=16, choices=Reach.choices, default=Reach.LOCAL)
    is_commercial = models.BooleanField(_("commercial event"), default=False)
    collects_money = models.BooleanField(_("collects money (fees, a fundraiser)"), default=False)
    permits = models.TextField(_("permits held or applied for"), blank=True)
    mayor_invited = models.BooleanField(_("the mayor is invited to take part"), default=False)
    prize_requested = models.BooleanField(_("a prize from the city is asked for"), default=False)
    co_organisation_requested = models.BooleanField(_("co-organisation by the city is asked for"), default=False)
    channel = models.CharField(_("received"), max_length=8, choices=Channel.choices, default=Channel.PAPER)
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    # the lead-time rule (PatronageRules.PATRONAGE_LEAD_TIME): computed when registered, kept with its name
    is_late = models.BooleanField(_("received too late"), default=False, editable=False)
    lead_time_rule = models.CharField(_("lead-time rule"), max_length=255, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.RECEIVED
    )
    opinion = models.ForeignKey(
        "office.Assignment",
        verbose_name=_("the unit's opinion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    decided_by = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True, editable=False)
    reasons = models.TextField(_("reasons of the decision"), blank=True, editable=False)
    decision_letter = models.ForeignKey(
        "correspondence.Letter",
        verbose_name=_("decision letter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    report_due_on = models.DateField(_("report due on"), null=True, blank=True, editable=False)
    report_rule = models.CharField(_("report rule"), max_length=255, blank=True, editable=False)
    report_text = models.TextField(_("report"), blank=True, editable=False)
    report_audience = models.PositiveIntegerField(_("participants reached"), null=True, blank=True, editable=False)
    reported_on = models.DateField(_("report filed on"), null=True, blank=True, editable=False)
    #: the link to the status page sent to an organiser who applied through the public form
    tracking_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("patronage application")
        verbose_name_plural = _("patronage applications")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="patronage_number_unique_in_year"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="patronage_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_on"]), models.Index(fields=["organiser", "starts_on"])]
        permissions = [("decide_application", _("Can grant or refuse honorary patronage"))]

    def __str__(self) -> str:
        return f"{self.reference}: {self.event_name}"

    @property
    def reference(self) -> str:
        """``PH.12.2026``: the application's number in its year."""
        return f"PH.{self.number}.{self.year}"

    @property
    def is_excluded(self) -> bool:
        """The city's rules exclude commercial events and events that collect money."""
        return self.is_commercial or self.collects_money

    @property
    def is_undecided(self) -> bool:
        return self.status in UNDECIDED

    @property
    def is_granted(self) -> bool:
        return self.status in (ApplicationStatus.GRANTED, ApplicationStatus.REPORTED)

    @property
    def report_overdue(self) -> bool:
        return (
            self.status == ApplicationStatus.GRANTED
            and self.report_due_on is not None
            and self.report_due_on < timezone.localdate()
        )

    def days_to_event(self, today: dt.date | None = None) -> int:
        return (self.starts_on - (today or timezone.localdate())).days
