"""Civic projects and the rooms of the local-activity centre: bookings without overlaps, approved
by staff."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from associations.participation.models import Booking, BookingStatus, CivicProject, Room
from associations.participation.models.civic import HOLDING
from associations.participation.workflows import BOOKING_WORKFLOW
from office.services import audit


def booking_url(booking: Booking) -> str:
    return reverse("participation:booking_detail", args=[booking.pk])


@transaction.atomic
def save_civic_project(*, actor: Any, project: CivicProject, partners: Any = None) -> CivicProject:
    if project.starts_on and project.ends_on and project.ends_on < project.starts_on:
        raise ValidationError({"ends_on": _("The project cannot end before it starts.")})
    if project.pk is None:
        project.created_by = actor
    return audit.save_record(actor=actor, record=project, related={"partners": partners})


@transaction.atomic
def save_room(*, actor: Any, room: Room) -> Room:
    return audit.save_record(actor=actor, record=room)


def _moment(value: Any) -> str:
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def _check_free(booking: Booking) -> None:
    """Refuse a booking that overlaps another one holding the room (requested or approved), naming
    it. The room's row is locked first, so two bookings at the same moment wait for each other."""
    if booking.ends_at <= booking.starts_at:
        raise ValidationError({"ends_at": _("The booking must end after it starts.")})
    room = Room.objects.select_for_update(of=("self",)).get(pk=booking.room_id)
    if not room.is_active:
        raise ValidationError({"room": _("This room cannot be booked.")})
    if booking.attendees and booking.attendees > room.capacity:
        raise ValidationError({"attendees": _("The room has %(seats)d seats.") % {"seats": room.capacity}})
    clash = (
        Booking.objects.filter(
            room=room, status__in=HOLDING, starts_at__lt=booking.ends_at, ends_at__gt=booking.starts_at
        )
        .exclude(pk=booking.pk)
        .select_related("organisation")
        .order_by("starts_at")
        .first()
    )
    if clash:
        raise ValidationError(
            {
                "starts_at": _(
                    "The room %(room)s is already booked from %(start)s to %(end)s (%(purpose)s, %(organisation)s). "
                    "Choose another time or another room."
                )
                % {
                    "room": room.name,
                    "start": _moment(clash.starts_at),
                    "end": _moment(clash.ends_at),
                    "purpose": clash.purpose,
                    "organisation": clash.organisation.name,
                }
            }
        )


@transaction.atomic
def request_booking(*, actor: Any, booking: Booking) -> Booking:
    """A booking asked for by an organisation (typed in by staff): it holds the room until decided."""
    booking.purpose = booking.purpose.strip()
    _check_free(booking)
    if booking.pk is None:
        booking.created_by = actor
    elif not booking.holds_room:
        raise ValidationError(_("A refused or cancelled booking cannot be changed."))
    return audit.save_record(actor=actor, record=booking)


def _decide(actor: Any, booking: Booking, target: str, note: str) -> Booking:
    booking = Booking.objects.select_for_update(of=("self",)).get(pk=booking.pk)
    BOOKING_WORKFLOW.check(booking.status, target)
    before = audit.snapshot(booking, ["status", "decision_note"])
    booking.status, booking.decision_note = target, note.strip()
    booking.decided_by, booking.decided_at = actor, timezone.now()
    booking.save(update_fields=["status", "decision_note", "decided_by", "decided_at", "updated_at"])
    audit.record_update(actor=actor, instance=booking, before=before)
    return booking


@transaction.atomic
def approve_booking(*, actor: Any, booking: Booking, note: str = "") -> Booking:
    return _decide(actor, booking, BookingStatus.APPROVED, note)


@transaction.atomic
def refuse_booking(*, actor: Any, booking: Booking, note: str = "") -> Booking:
    if not note.strip():
        raise ValidationError({"note": _("Say why the booking is refused.")})
    return _decide(actor, booking, BookingStatus.REJECTED, note)


@transaction.atomic
def cancel_booking(*, actor: Any, booking: Booking, note: str = "") -> Booking:
    return _decide(actor, booking, BookingStatus.CANCELLED, note)
