"""Honorary patronage of the mayor (SW-9, PT-24, OS-15): applications, opinion, decision, report."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.db import user_link


def _check_dates(record: models.Model) -> None:
    """An event ends on or after its first day: said on the field (the database constraint behind
    it would only give a message about the constraint)."""
    if record.starts_on and record.ends_on and record.ends_on < record.starts_on:
        raise ValidationError({"ends_on": _("The event cannot end before it starts.")})


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
    RECEIVED = "received", pgettext_lazy("application status", "received")
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
    channel = models.CharField(_("sent in"), max_length=8, choices=Channel.choices, default=Channel.PAPER)
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
    #: reminders sent to the organiser: 1 a week before the report is due, 2 once it is overdue
    report_reminders = models.PositiveSmallIntegerField(default=0, editable=False)
    report_audience = models.PositiveIntegerField(_("participants reached"), null=True, blank=True, editable=False)
    reported_on = models.DateField(_("report filed on"), null=True, blank=True, editable=False)
    #: the entry on the calendar of the office holder who attends (calendar_app's id)
    calendar_entry_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
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

    def clean(self) -> None:
        _check_dates(self)

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


class TitleKind(models.TextChoices):
    HONORARY_CITIZEN = "citizen", _("Honorary Citizen of the City")
    MEDAL = "medal", _("City medal")
    AWARD = "award", _("Mayor's award")
    BADGE = "badge", _("Badge of merit for the city")


class TitleStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    AWARDED = "awarded", _("awarded")
    NOT_AWARDED = "not_awarded", _("not awarded")


class HonoraryTitle(models.Model):
    """The register of honorary titles, medals and awards (honorowe obywatelstwo, medale, nagrody)."""

    kind = models.CharField(_("title"), max_length=10, choices=TitleKind.choices)
    nominee = models.ForeignKey(
        "office.Contact", verbose_name=_("nominee"), on_delete=models.PROTECT, related_name="honorary_titles"
    )
    proposed_by = models.CharField(_("proposed by"), max_length=255)
    proposed_on = models.DateField(_("proposed on"), default=timezone.localdate)
    resolution = models.CharField(
        _("council resolution"), max_length=100, blank=True, help_text=_("e.g. XLII/512/2026")
    )
    resolution_on = models.DateField(_("resolution of"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=TitleStatus.choices, default=TitleStatus.PROPOSED)
    awarded_on = models.DateField(_("awarded on"), null=True, blank=True)
    citation = models.TextField(_("citation"), blank=True)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("honorary title")
        verbose_name_plural = _("honorary titles")
        ordering = ["-proposed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.nominee}"


class CooperationKind(models.TextChoices):
    CO_ORGANISED = "event", _("event co-organised by the city")
    COMPETITION = "competition", _("competition")


class Cooperation(models.Model):
    """Events the city co-organises and competitions it funds prizes for (SW-10)."""

    kind = models.CharField(_("kind"), max_length=12, choices=CooperationKind.choices)
    name = models.CharField(_("name"), max_length=255)
    partner = models.ForeignKey(
        "office.Contact", verbose_name=_("partner"), on_delete=models.PROTECT, related_name="cooperations"
    )
    application = models.ForeignKey(
        Application,
        verbose_name=_("patronage application"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cooperations",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    prizes = models.TextField(_("prizes funded by the city"), blank=True)
    prize_value = models.DecimalField(
        _("value of the prizes (PLN)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    jury = models.ManyToManyField("office.Contact", verbose_name=_("jury"), blank=True, related_name="juries")
    mayor_takes_part = models.BooleanField(_("the mayor takes part"), default=False)
    results = models.TextField(_("results"), blank=True)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("co-organised event or competition")
        verbose_name_plural = _("co-organised events and competitions")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="cooperation_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        _check_dates(self)
