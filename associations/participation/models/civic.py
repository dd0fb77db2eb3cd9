"""Civic projects (PT-20–PT-23, PT-29: the Youth Council, the local-activity centre, revitalisation,
third-sector projects) with their partners, and the rooms of the local-activity centre with the
bookings organisations make."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class CivicKind(models.TextChoices):
    YOUTH_COUNCIL = "youth", _("Youth Council")
    ACTIVITY_CENTRE = "centre", _("local-activity centre")
    REVITALISATION = "revitalisation", _("revitalisation")
    THIRD_SECTOR = "ngo", _("third-sector project")
    CIVIC = "civic", _("civic activity")


class CivicStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("finished")
    SUSPENDED = "suspended", _("suspended")


class CivicProject(models.Model):
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=CivicKind.choices)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=CivicStatus.choices, default=CivicStatus.PLANNED)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget (PLN)"), max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    coordinator = models.CharField(_("coordinator"), max_length=150, blank=True)
    partners = models.ManyToManyField("office.Contact", verbose_name=_("partners"), blank=True, related_name="+")
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("civic project")
        verbose_name_plural = _("civic projects")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="participation_civic_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The project cannot end before it starts.")})


class Room(models.Model):
    """A room of the local-activity centre (Biuro/Centrum Aktywności Lokalnej)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    capacity = models.PositiveSmallIntegerField(
        _("seats"), validators=[MinValueValidator(1), MaxValueValidator(2000)], default=20
    )
    equipment = models.CharField(_("equipment"), max_length=500, blank=True)
    is_active = models.BooleanField(_("can be booked"), default=True)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("waiting for approval")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("refused")
    CANCELLED = "cancelled", _("cancelled")


#: Bookings that hold the room: a new one may not overlap them.
HOLDING = (BookingStatus.REQUESTED, BookingStatus.APPROVED)


class Booking(models.Model):
    room = models.ForeignKey(Room, verbose_name=_("room"), on_delete=models.PROTECT, related_name="bookings")
    organisation = models.ForeignKey(
        "office.Contact", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="room_bookings"
    )
    purpose = models.CharField(_("purpose"), max_length=255)
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    attendees = models.PositiveSmallIntegerField(
        _("expected participants"), null=True, blank=True, validators=[MaxValueValidator(2000)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=BookingStatus.choices, default=BookingStatus.REQUESTED
    )
    decided_by = user_link(_("decided by"), editable=False)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)
    decision_note = models.CharField(_("note on the decision"), max_length=500, blank=True, editable=False)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("room booking")
        verbose_name_plural = _("room bookings")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="participation_booking_ends_after_start"
            )
        ]
        indexes = [models.Index(fields=["room", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.room}: {self.purpose}"

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The booking must end after it starts.")})

    @property
    def is_requested(self) -> bool:
        return self.status == BookingStatus.REQUESTED

    @property
    def holds_room(self) -> bool:
        return self.status in HOLDING
