"""Ceremonies and events (SW-6, SW-23, CH-2.4, OS-9, NM-20): the days the city observes every year,
the events planned for them and others, and the checklist of each event's preparations."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class ObservanceKind(models.TextChoices):
    HOLIDAY = "holiday", _("national holiday (a day off)")
    STATE_DAY = "state_day", _("state or memorial day")
    CITY = "city", _("the city's anniversary")


class Observance(models.Model):
    """A day the city marks every year: national holidays and memorial days (shipped with the app)
    and the city's own anniversaries (added by staff). The yearly plan proposes an event for each."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=ObservanceKind.choices)
    month = models.PositiveSmallIntegerField(_("month"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    day = models.PositiveSmallIntegerField(_("day"), validators=[MinValueValidator(1), MaxValueValidator(31)])
    since_year = models.PositiveSmallIntegerField(
        _("first year"), null=True, blank=True, help_text=_("For an anniversary: the year it counts from.")
    )
    ceremony = models.CharField(_("proposed ceremony"), max_length=255, blank=True)
    place = models.CharField(_("usual place"), max_length=255, blank=True)
    is_active = models.BooleanField(_("in the plan"), default=True)

    class Meta:
        verbose_name = _("observance")
        verbose_name_plural = _("observances")
        ordering = ["month", "day", "name"]

    def __str__(self) -> str:
        return f"{self.day:02d}.{self.month:02d} {self.name}"

    def clean(self) -> None:
        if self.month and self.day:
            try:
                dt.date(2024, self.month, self.day)  # a leap year: 29 February is a day
            except ValueError:
                raise ValidationError({"day": _("This month has no such day.")}) from None


class EventKind(models.TextChoices):
    STATE = "state", _("state ceremony")
    ANNIVERSARY = "anniversary", _("anniversary")
    CITY = "city", _("city event")
    VISIT = "visit", _("visit")
    GALA = "gala", _("competition gala")


class EventStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed by the plan")
    PLANNED = "planned", _("planned")
    DROPPED = "dropped", _("dropped")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")


#: Statuses of an event that is going to happen: widgets, checklists and the calendar follow these.
COMING = (EventStatus.PROPOSED, EventStatus.PLANNED)


class Event(models.Model):
    kind = models.CharField(_("kind"), max_length=12, choices=EventKind.choices, default=EventKind.CITY)
    name = models.CharField(_("name"), max_length=255)
    observance = models.ForeignKey(
        Observance,
        verbose_name=_("observance"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        editable=False,
    )
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    organiser = models.ForeignKey(
        "office.Contact",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organised_events",
        help_text=_("Empty when the office organises it."),
    )
    co_organisers = models.ManyToManyField(
        "office.Contact", verbose_name=_("co-organisers"), blank=True, related_name="co_organised_events"
    )
    programme = models.TextField(_("programme"), blank=True, help_text=_("One item a line, with its time."))
    holder = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("the mayor or deputy taking part"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    #: the entry on the holder's calendar (calendar_app's id), moved with the event
    calendar_entry_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    budget_line = models.CharField(_("budget line"), max_length=100, blank=True, help_text=_("e.g. 750-75075-4210"))
    budget_amount = models.DecimalField(
        _("budget (PLN)"), max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    status = models.CharField(_("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.PLANNED)
    rsvp_by = models.DateField(
        _("answers by"), null=True, blank=True, help_text=_("The last day guests may answer the invitation.")
    )
    companions_allowed = models.PositiveSmallIntegerField(
        _("accompanying persons allowed"),
        default=1,
        validators=[MaxValueValidator(5)],
        help_text=_("How many persons a guest may bring (0–5)."),
    )
    checklist_made = models.BooleanField(_("checklist handed out"), default=False, editable=False)
    notes = models.TextField(_("notes"), blank=True)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["observance", "year"], condition=models.Q(observance__isnull=False), name="event_once_a_year"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.name} ({timezone.localtime(self.starts_at):%d.%m.%Y})"

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
        if self.rsvp_by and self.starts_at and self.rsvp_by > timezone.localtime(self.starts_at).date():
            raise ValidationError({"rsvp_by": _("Answers are due before the event, not after it.")})

    @property
    def is_coming(self) -> bool:
        return self.status in COMING

    @property
    def is_proposed(self) -> bool:
        return self.status == EventStatus.PROPOSED

    @property
    def answers_closed(self) -> bool:
        """Guests can no longer answer: the event will not take place, is over, or the day for
        answers has passed."""
        if not self.is_coming or self.starts_at <= timezone.now():
            return True
        return self.rsvp_by is not None and timezone.localdate() > self.rsvp_by


class ChecklistItem(models.Model):
    """A step in preparing an event of a kind (flowers, guard of honour, sound, invitations, …):
    handed to a unit as an office Assignment due ``days_before`` the event."""

    kind = models.CharField(_("kind of event"), max_length=12, choices=EventKind.choices)
    label = models.CharField(_("task"), max_length=255)
    unit = models.ForeignKey("office.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    days_before = models.PositiveSmallIntegerField(_("days before the event"), default=7)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["kind", "order", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.label}"
