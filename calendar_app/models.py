"""Calendars of the office holders: entries, recurrence with exceptions, subscription tokens."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from office.db import user_link

#: An entry may last at most this long (a long business trip); it keeps window queries on an index.
MAX_ENTRY_DAYS = 31


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class Calendar(models.Model):
    """One calendar per office holder (the mayor, each deputy, each plenipotentiary)."""

    office_holder = models.OneToOneField(
        "office.OfficeHolder", verbose_name=_("office holder"), on_delete=models.CASCADE, related_name="calendar"
    )
    feed_token = models.CharField(_("subscription token"), max_length=64, unique=True, default=new_feed_token)
    feed_token_created_at = models.DateTimeField(_("token created"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar")
        verbose_name_plural = _("calendars")
        ordering = ["office_holder__order"]

    def __str__(self) -> str:
        return str(self.office_holder)


class EntryKind(models.TextChoices):
    MEETING = "meeting", _("meeting")
    CEREMONY = "ceremony", _("ceremony")
    TRIP = "trip", _("business trip")
    COUNCIL = "council", _("council session")
    PRESS = "press", _("press conference")
    INTERNAL = "internal", _("internal")
    BLOCKED = "blocked", _("blocked time")


class EntryStatus(models.TextChoices):
    TENTATIVE = "tentative", _("tentative")
    CONFIRMED = "confirmed", _("confirmed")
    CANCELLED = "cancelled", _("cancelled")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public")
    INTERNAL = "internal", _("internal")
    PRIVATE = "private", _("private (others see “busy”)")


class Entry(models.Model):
    calendar = models.ForeignKey(Calendar, verbose_name=_("calendar"), on_delete=models.CASCADE, related_name="entries")
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("type"), max_length=20, choices=EntryKind.choices, default=EntryKind.MEETING)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(_("all day"), default=False)
    place = models.CharField(_("place"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=EntryStatus.choices, default=EntryStatus.CONFIRMED)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    blocks_time = models.BooleanField(
        _("blocks time"), default=True, help_text=_("Reminders and all-day notes usually do not block time.")
    )
    notes = models.TextField(_("notes"), blank=True)
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("staff taking part"), blank=True, related_name="calendar_entries"
    )
    contacts = models.ManyToManyField(
        "office.Contact", verbose_name=_("guests"), blank=True, related_name="calendar_entries"
    )
    # protocol (obsługa protokolarna)
    speech_needed = models.BooleanField(_("speech needed"), default=False)
    dress_code = models.CharField(_("dress code"), max_length=100, blank=True)
    accompanying = models.CharField(_("accompanied by"), max_length=255, blank=True)
    precedence = models.TextField(
        _("order of precedence"), blank=True, help_text=_("Guests in order of precedence, one per line.")
    )
    recurrence = models.CharField(
        _("recurrence"), max_length=255, blank=True, help_text=_("An RFC 5545 rule, e.g. FREQ=WEEKLY;BYDAY=MO")
    )
    recurrence_until = models.DateField(_("repeats until"), null=True, blank=True)
    conflict_reason = models.CharField(_("reason for keeping a clash"), max_length=500, blank=True)
    source_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source_label = models.CharField(_("created from"), max_length=255, blank=True)
    source_url = models.CharField(_("link to the source"), max_length=500, blank=True)
    created_by = user_link(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("calendar entry")
        verbose_name_plural = _("calendar entries")
        ordering = ["start", "id"]
        indexes = [
            models.Index(fields=["calendar", "start"]),
            models.Index(
                fields=["calendar", "recurrence_until"], condition=~models.Q(recurrence=""), name="cal_entry_recurring"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="cal_entry_ends_after_start"),
        ]
        permissions = [("manage_all_calendars", _("Can manage every office holder's calendar"))]

    def __str__(self) -> str:
        return self.title

    @property
    def is_recurring(self) -> bool:
        return bool(self.recurrence)

    @property
    def duration(self) -> dt.timedelta:
        return self.end - self.start


class EntryException(models.Model):
    """A change to, or the cancellation of, one occurrence of a recurring entry."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="exceptions")
    original_start = models.DateTimeField(_("original start"))
    cancelled = models.BooleanField(_("cancelled"), default=False)
    start = models.DateTimeField(_("start"), null=True, blank=True)
    end = models.DateTimeField(_("end"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("occurrence change")
        verbose_name_plural = _("occurrence changes")
        constraints = [
            models.UniqueConstraint(fields=["entry", "original_start"], name="uniq_entry_exception"),
        ]

    def __str__(self) -> str:
        return f"{self.entry} @ {self.original_start}"


class MeetingRequest(models.Model):
    """A person or organisation asking to meet an office holder (CH-1.4, CH-1.5, SW-7, OS-10)."""

    class RequesterKind(models.TextChoices):
        RESIDENT = "resident", _("resident")
        COMPANY = "company", _("company")
        INSTITUTION = "institution", _("institution")
        NGO = "ngo", _("NGO")
        COUNCILLOR = "councillor", _("councillor")

    class Channel(models.TextChoices):
        LETTER = "letter", _("letter")
        EMAIL = "email", _("e-mail")
        PHONE = "phone", _("phone")
        IN_PERSON = "in_person", _("in person")
        EPUAP = "epuap", _("ePUAP")

    class Status(models.TextChoices):
        NEW = "new", _("new")
        ASSESSING = "assessing", _("being assessed")
        SCHEDULED = "scheduled", _("scheduled")
        HANDED_OVER = "handed_over", _("handed to a unit")
        DECLINED = "declined", _("declined")

    requester_kind = models.CharField(_("who asks"), max_length=20, choices=RequesterKind.choices)
    requester_name = models.CharField(_("name"), max_length=255)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    contact = models.ForeignKey(
        "office.Contact",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_requests",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    topic = models.CharField(_("topic"), max_length=255)
    description = models.TextField(_("details"), blank=True)
    office_holder = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("wants to meet"),
        on_delete=models.PROTECT,
        related_name="meeting_requests",
    )
    preferred_dates = models.CharField(_("preferred dates"), max_length=255, blank=True)
    channel = models.CharField(_("how it came in"), max_length=20, choices=Channel.choices, default=Channel.EMAIL)
    received_on = models.DateField(_("received"))
    rodo_acknowledged = models.BooleanField(_("information clause (RODO art. 13) given"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    decided_on = models.DateField(_("decided"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    entry = models.OneToOneField(
        Entry,
        verbose_name=_("calendar entry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_request",
    )
    assignment = models.ForeignKey(
        "office.Assignment",
        verbose_name=_("handed to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reply_text = models.TextField(_("reply to the requester"), blank=True)
    retain_until = models.DateField(_("personal data kept until"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    created_by = user_link(_("registered by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["office_holder", "status", "received_on"])]

    def __str__(self) -> str:
        return f"{self.requester_name}: {self.topic}"

    @property
    def days_to_decision(self) -> int | None:
        return (self.decided_on - self.received_on).days if self.decided_on else None


class Decision(models.Model):
    """A decision (ustalenie) taken at a meeting; each is followed up as an office Assignment."""

    entry = models.ForeignKey(Entry, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    assignment = models.OneToOneField(
        "office.Assignment",
        verbose_name=_("follow-up"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = user_link()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class MeetingNotes(models.Model):
    """The secretariat's notes of a meeting (one per entry)."""

    entry = models.OneToOneField(Entry, on_delete=models.CASCADE, related_name="meeting_notes")
    agenda = models.TextField(_("agenda"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    updated_by = user_link()
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("meeting notes")
        verbose_name_plural = _("meeting notes")

    def __str__(self) -> str:
        return f"{self.entry}"
