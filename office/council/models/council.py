"""The council itself (NM-5, PT-18): its terms, councillors, committees, sessions with their
agendas and recordings, and committee meetings."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.db import user_link

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL")]
_ROMAN += [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    """``12`` → ``XII``: sessions are numbered in Roman numerals within a term."""
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


class Term(models.Model):
    """A term of the council (kadencja), e.g. 2024–2029."""

    name = models.CharField(_("name"), max_length=100, unique=True, help_text=_("e.g. IX kadencja 2024–2029"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        verbose_name = _("term of the council")
        verbose_name_plural = _("terms of the council")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")), name="council_term_dates")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            raise ValidationError({"ends_on": _("A term ends after it starts.")})


class Councillor(models.Model):
    """A councillor in a term: club, contact, the dates of the mandate."""

    term = models.ForeignKey(Term, verbose_name=_("term"), on_delete=models.PROTECT, related_name="councillors")
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    club = models.CharField(_("club"), max_length=150, blank=True)
    constituency = models.CharField(_("constituency"), max_length=100, blank=True)
    email = models.EmailField(_("official e-mail"), blank=True)
    phone = models.CharField(_("official phone"), max_length=50, blank=True)
    duty_hours = models.CharField(_("duty hours"), max_length=255, blank=True)
    mandate_from = models.DateField(_("mandate from"))
    mandate_to = models.DateField(_("mandate until"), null=True, blank=True, help_text=_("Empty: to the term's end."))
    is_chair = models.BooleanField(_("chair of the council"), default=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("councillor")
        verbose_name_plural = _("councillors")
        ordering = ["last_name", "first_name", "id"]
        indexes = [models.Index(fields=["term", "last_name"])]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return str(self)

    @property
    def in_office(self) -> bool:
        today = timezone.localdate()
        return self.mandate_from <= today and (self.mandate_to is None or self.mandate_to >= today)

    def clean(self) -> None:
        if self.mandate_from and self.mandate_to and self.mandate_to < self.mandate_from:
            raise ValidationError({"mandate_to": _("A mandate ends after it starts.")})


class Committee(models.Model):
    """A standing or ad-hoc committee of the council in a term."""

    term = models.ForeignKey(Term, verbose_name=_("term"), on_delete=models.PROTECT, related_name="committees")
    name = models.CharField(_("name"), max_length=200)
    scope = models.TextField(_("scope"), blank=True)
    chair = models.ForeignKey(
        Councillor, verbose_name=_("chair"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    members = models.ManyToManyField(Councillor, verbose_name=_("members"), blank=True, related_name="committees")

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["term", "name"], name="council_committee_unique_in_term")]

    def __str__(self) -> str:
        return self.name


class SessionKind(models.TextChoices):
    ORDINARY = "ordinary", _("ordinary")
    EXTRAORDINARY = "extraordinary", _("extraordinary")


class SessionStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("session status", "planned")
    HELD = "held", pgettext_lazy("session status", "held")
    CANCELLED = "cancelled", pgettext_lazy("session status", "cancelled")


class Broadcast(models.TextChoices):
    NONE = "none", _("not broadcast")
    ANNOUNCED = "announced", _("broadcast announced")
    LIVE = "live", _("broadcast live")
    RECORDED = "recorded", _("recording published")
    FAILED = "failed", _("broadcast failed")


class Session(models.Model):
    """A session of the council: number in the term, date, place, agenda; the recording (PT-18)."""

    term = models.ForeignKey(Term, verbose_name=_("term"), on_delete=models.PROTECT, related_name="sessions")
    number = models.PositiveIntegerField(_("number in the term"))
    kind = models.CharField(_("kind"), max_length=14, choices=SessionKind.choices, default=SessionKind.ORDINARY)
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=255, default="Sala Sesyjna Ratusza")
    status = models.CharField(_("status"), max_length=10, choices=SessionStatus.choices, default=SessionStatus.PLANNED)
    #: the mayor (or a deputy) attending, and the entry on their calendar (calendar_app's id)
    attended_by = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("attended by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    calendar_entry_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    recording_url = models.URLField(_("link to the recording"), blank=True)
    broadcast = models.CharField(_("broadcast"), max_length=10, choices=Broadcast.choices, default=Broadcast.NONE)
    minutes_url = models.URLField(_("link to the minutes"), blank=True)
    minutes_published_on = models.DateField(_("minutes published on"), null=True, blank=True)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("session of the council")
        verbose_name_plural = _("sessions of the council")
        ordering = ["-starts_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["term", "number"], name="council_session_number_unique")]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self) -> str:
        return f"{self.roman} sesja ({timezone.localtime(self.starts_at):%d.%m.%Y})"

    @property
    def roman(self) -> str:
        return roman(self.number)

    @property
    def day(self) -> dt.date:
        return timezone.localtime(self.starts_at).date()

    @property
    def is_planned(self) -> bool:
        return self.status == SessionStatus.PLANNED

    @property
    def is_extraordinary(self) -> bool:
        return self.kind == SessionKind.EXTRAORDINARY


class AgendaItem(models.Model):
    """A point of a session's agenda (porządek obrad)."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(_("point"))
    title = models.CharField(_("matter"), max_length=500)
    presenter = models.CharField(_("presented by"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["session", "position", "id"]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class CommitteeMeeting(models.Model):
    """A meeting of a committee; the mayor or a deputy may attend (on their calendar)."""

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.PROTECT, related_name="meetings"
    )
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=255, default="Ratusz, sala nr 12")
    agenda = models.TextField(_("agenda"), blank=True)
    attended_by = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("attended by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    calendar_entry_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("committee meeting")
        verbose_name_plural = _("committee meetings")
        ordering = ["-starts_at", "-id"]

    def __str__(self) -> str:
        return f"{self.committee.name} ({timezone.localtime(self.starts_at):%d.%m.%Y})"
