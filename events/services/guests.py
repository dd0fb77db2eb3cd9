"""The guest list of an event: guests from the contact directory placed in the order of
precedence, invitations written as letters from a template (an e-mail with the personal answer
link to those with an address, a PDF for print for the others), the answers given through that
link, reminders, the list for seating and the arrivals on the day.

Sending is background work (``start_invitations`` → the ``events.invitations`` job): each guest
is claimed before their letter is written, so a guest is invited, and mailed, once."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from correspondence.services import letters as letter_services
from events.models import Answer, Event, EventStatus, Guest, Precedence
from office.kit.public import new_token
from office.models import Contact, Job, OfficeHolder, OrgUnit
from office.services import audit
from office.services.jobs import start_job
from office.services.mail import send_templated

logger = logging.getLogger(__name__)

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "precedence.csv"
#: The letter source of invitations: the merge fields ``{{ zaproszenie.… }}`` of a template.
INVITATION_SOURCE = "zaproszenie"
INVITATIONS = "events.invitations"
REMINDERS = "events.reminders"
GUEST_LIST = "events.guest_list"
#: The most guests one event may have (one sending job handles them all).
MAX_GUESTS = 5000
#: Guests invited between two progress reports.
GROUP = 50
#: Reminders go out this many days before the day for answers.
REMIND_DAYS = 3


def ensure_shipped_precedence() -> int:
    """Install the order of precedence into an empty table (after ``migrate``)."""
    if Precedence.objects.exists():
        return 0
    rows = csv.DictReader(io.StringIO(SHIPPED.read_text(encoding="utf-8")), delimiter=";")
    return len(Precedence.objects.bulk_create([Precedence(order=int(r["order"]), name=r["name"]) for r in rows]))


def rsvp_url(guest: Guest) -> str:
    return settings.SITE_URL + reverse("events:rsvp", args=[guest.token])


def by_token(token: str) -> Guest | None:
    """The guest a personal link belongs to (nothing for anything else: no hint of other guests)."""
    if not token or len(token) > 64:
        return None
    return Guest.objects.select_related("event", "contact").filter(token=token).first()


# --- The list -----------------------------------------------------------------------------------


@transaction.atomic
def add_guests(
    *,
    actor: Any,
    event: Event,
    contacts: Iterable[Contact],
    precedence: Precedence | None = None,
    capacity: str = "",
) -> list[Guest]:
    """Put contacts on the guest list (those already on it are left as they are)."""
    event = Event.objects.select_for_update(of=("self",)).get(pk=event.pk)
    if not event.is_coming:
        raise ValidationError(_("Guests are invited to an event that is going to take place."))
    wanted = {contact.pk: contact for contact in contacts if contact.merged_into_id is None}
    taken = set(Guest.objects.filter(event=event, contact_id__in=wanted).values_list("contact_id", flat=True))
    new = [pk for pk in wanted if pk not in taken]
    if not new:
        raise ValidationError({"contacts": _("Everyone chosen is on the guest list already.")})
    if Guest.objects.filter(event=event).count() + len(new) > MAX_GUESTS:
        raise ValidationError({"contacts": _("An event has at most %(count)d guests.") % {"count": MAX_GUESTS}})
    capacity = capacity.strip()
    made = Guest.objects.bulk_create(
        [
            Guest(
                event=event,
                contact=wanted[pk],
                precedence=precedence,
                capacity=capacity or wanted[pk].position,
                token=new_token(),
                added_by=actor,
            )
            for pk in new
        ]
    )
    audit.record_created_rows(actor=actor, instances=made)
    audit.record(
        actor=actor,
        instance=event,
        action="action",
        changes={},
        message=audit.note(gettext_noop("Guests added: %(count)s"), count=len(made)),
    )
    return made


def tagged_contacts(tag: Any) -> list[Contact]:
    return list(Contact.objects.filter(tags=tag, merged_into__isnull=True))


@transaction.atomic
def save_guest(*, actor: Any, guest: Guest) -> Guest:
    """Change a guest's place in the order, the title they are greeted with, their seat, or the
    answer they gave by phone (noted by staff)."""
    if guest.answer == Answer.DECLINED:
        guest.companions = 0
    if guest.companions > guest.event.companions_allowed:
        raise ValidationError(
            {"companions": _("At most %(count)d accompanying persons.") % {"count": guest.event.companions_allowed}}
        )
    before = Guest.objects.filter(pk=guest.pk).values_list("answer", flat=True).first()
    if guest.answer != before:
        guest.answered_at = timezone.now() if guest.answer != Answer.PENDING else None
    return audit.save_record(actor=actor, record=guest)


@transaction.atomic
def remove_guest(*, actor: Any, guest: Guest) -> None:
    event = guest.event
    audit.record(
        actor=actor,
        instance=event,
        action="action",
        changes={},
        message=audit.note(gettext_noop("Guest removed from the list: %(name)s"), name=guest.contact.name),
    )
    guest.delete()


# --- The answer through the personal link ---------------------------------------------------------


def answer_closed_reason(event: Event) -> str:
    """Why a guest can no longer answer (empty while they can)."""
    if event.status in (EventStatus.CANCELLED, EventStatus.DROPPED):
        return _("The event was cancelled.")
    if event.starts_at <= timezone.now() or event.status == EventStatus.HELD:
        return _("The event has taken place.")
    if event.rsvp_by is not None and timezone.localdate() > event.rsvp_by:
        return _("Answers were expected by %(day)s. Please call the office.") % {
            "day": date_format(event.rsvp_by, "SHORT_DATE_FORMAT")
        }
    return ""


@transaction.atomic
def record_answer(*, guest: Guest, answer: str, companions: int = 0, needs: str = "", actor: Any = None) -> Guest:
    """The guest's own answer (``actor`` None: given through the link); it may be changed until
    answers close."""
    guest = Guest.objects.select_for_update(of=("self",)).select_related("event").get(pk=guest.pk)
    reason = answer_closed_reason(guest.event)
    if reason:
        raise ValidationError(reason)
    if answer not in (Answer.ACCEPTED, Answer.DECLINED):
        raise ValidationError({"answer": _("Say whether you will come.")})
    if answer == Answer.DECLINED:
        companions = 0
    if not 0 <= companions <= guest.event.companions_allowed:
        raise ValidationError(
            {"companions": _("At most %(count)d accompanying persons.") % {"count": guest.event.companions_allowed}}
        )
    before = audit.snapshot(guest, ["answer", "companions", "needs"])
    guest.answer = answer
    guest.companions = companions
    guest.needs = needs.strip()[:500]
    guest.answered_at = timezone.now()
    guest.save(update_fields=["answer", "companions", "needs", "answered_at"])
    audit.record_update(
        actor=actor,
        instance=guest,
        before=before,
        message="" if actor else audit.note(gettext_noop("Answered through the personal link")),
    )
    return guest


# --- The day ----------------------------------------------------------------------------------------


@transaction.atomic
def note_arrival(*, actor: Any, guest: Guest, arrived: bool = True) -> Guest:
    guest = Guest.objects.select_for_update(of=("self",)).get(pk=guest.pk)
    if arrived == guest.has_arrived:
        return guest
    before = audit.snapshot(guest, ["arrived_at"])
    guest.arrived_at = timezone.now() if arrived else None
    guest.arrived_noted_by = actor if arrived else None
    guest.save(update_fields=["arrived_at", "arrived_noted_by"])
    audit.record_update(actor=actor, instance=guest, before=before)
    return guest


@dataclass(frozen=True)
class Counts:
    guests: int
    invited: int
    accepted: int
    declined: int
    pending: int
    persons: int
    arrived: int


def counts(event: Event) -> Counts:
    """The list in figures (one query)."""
    row = Guest.objects.filter(event=event).aggregate(
        guests=Count("id"),
        invited=Count("id", filter=Q(invited_at__isnull=False)),
        accepted=Count("id", filter=Q(answer=Answer.ACCEPTED)),
        declined=Count("id", filter=Q(answer=Answer.DECLINED)),
        companions=Sum("companions", filter=Q(answer=Answer.ACCEPTED)),
        arrived=Count("id", filter=Q(arrived_at__isnull=False)),
    )
    return Counts(
        guests=row["guests"],
        invited=row["invited"],
        accepted=row["accepted"],
        declined=row["declined"],
        pending=row["guests"] - row["accepted"] - row["declined"],
        persons=row["accepted"] + (row["companions"] or 0),
        arrived=row["arrived"],
    )


# --- Invitations -------------------------------------------------------------------------------------


def invitation_fields(guest: Guest) -> dict[str, str]:
    """The merge fields of an invitation (``{{ zaproszenie.… }}``), in Polish like the letters."""
    event = guest.event
    start = timezone.localtime(event.starts_at)
    return {
        "wydarzenie": event.name,
        "termin": f"{letter_services.long_date(start.date(), 'pl')}, godz. {start:%H:%M}",
        "miejsce": event.place,
        "program": event.programme,
        "gosc_jako": guest.capacity,
        "odpowiedz_do": letter_services.long_date(event.rsvp_by, "pl") if event.rsvp_by else "",
        "link_odpowiedzi": rsvp_url(guest),
        "osoby_towarzyszace": str(event.companions_allowed),
    }


@transaction.atomic
def start_invitations(*, actor: Any, event: Event, template: Any, signatory: OfficeHolder, unit: OrgUnit) -> Job:
    """Queue the invitations of the guests not invited yet: the request returns at once."""
    if not event.is_coming:
        raise ValidationError(_("Invitations are sent for an event that is going to take place."))
    if event.rsvp_by is None:
        raise ValidationError({"template": _("Set the day answers are due by (edit the event) first.")})
    if not Guest.objects.filter(event=event, invited_at__isnull=True).exists():
        raise ValidationError(_("Everyone on the list has been invited."))
    if template.source_kind != INVITATION_SOURCE or not template.is_active:
        raise ValidationError({"template": _("Choose an invitation template.")})
    return start_job(
        actor=actor,
        kind=INVITATIONS,
        title=_("Invitations: %(event)s") % {"event": event.name},
        params={"event": event.pk, "template": template.pk, "signatory": signatory.pk, "unit": unit.pk},
    )


def _claim(guest_id: int) -> bool:
    return bool(Guest.objects.filter(pk=guest_id, invited_at__isnull=True).update(invited_at=timezone.now()))


def send_invitations(
    *,
    actor: Any,
    event: Event,
    template: Any,
    signatory: OfficeHolder,
    unit: OrgUnit,
    progress: Callable[[int, str], None],
) -> list[int]:
    """Invite every guest not invited yet: a letter each (numbered in the register); mailed with the
    answer link to those with an address. Returns the letters to print (guests without e-mail)."""
    pending = list(
        Guest.objects.filter(event=event, invited_at__isnull=True).in_precedence().values_list("pk", flat=True)
    )
    to_print: list[int] = []
    connection = get_connection()
    for number, guest_id in enumerate(pending, start=1):
        with transaction.atomic():
            if not _claim(guest_id):
                continue  # another run took this guest
            guest = Guest.objects.select_related("event", "contact").get(pk=guest_id)
            letter = letter_services.write_letter(
                actor=actor,
                template=template,
                contact=guest.contact,
                signatory=signatory,
                unit=unit,
                source_fields=invitation_fields(guest),
            )
            Guest.objects.filter(pk=guest.pk).update(letter_id=letter.pk)
        if guest.contact.email and _mail_invitation(guest, letter, connection):
            Guest.objects.filter(pk=guest.pk).update(invited_by_email=True)
        else:
            to_print.append(letter.pk)
        if number % GROUP == 0 or number == len(pending):
            progress(
                5 + int(75 * number / len(pending)),
                _("%(done)d of %(total)d guests invited") % {"done": number, "total": len(pending)},
            )
    audit.record(
        actor=actor,
        instance=event,
        action="action",
        changes={},
        message=audit.note(gettext_noop("Invitations sent: %(count)s"), count=len(pending)),
    )
    return to_print


def _mail_invitation(guest: Guest, letter: Any, connection: Any) -> bool:
    try:
        send_templated(
            to=[guest.contact.email],
            subject=letter.subject,
            template="events/email/invitation",
            context={
                "letter": letter,
                "paragraphs": letter_services.paragraphs(letter.body),
                "event": guest.event,
                "link": rsvp_url(guest),
            },
            connection=connection,
            record=guest.event,
        )
    except Exception:  # a refused address must not stop the others: the letter goes to print
        logger.exception("The invitation of guest %s could not be mailed", guest.pk)
        return False
    return True


def start_reminders(*, actor: Any, event: Event) -> Job:
    reason = answer_closed_reason(event)
    if reason:
        raise ValidationError(reason)
    return start_job(
        actor=actor, kind=REMINDERS, title=_("Reminders: %(event)s") % {"event": event.name}, params={"event": event.pk}
    )


def send_reminders(*, event: Event, progress: Callable[[int, str], None] | None = None) -> int:
    """Remind, once, the guests invited by e-mail who have not answered."""
    if answer_closed_reason(event):
        return 0
    waiting = list(
        Guest.objects.filter(
            event=event, answer=Answer.PENDING, invited_by_email=True, reminded_at__isnull=True
        ).values_list("pk", flat=True)
    )
    connection = get_connection()
    sent = 0
    for number, guest_id in enumerate(waiting, start=1):
        if not Guest.objects.filter(pk=guest_id, reminded_at__isnull=True).update(reminded_at=timezone.now()):
            continue
        guest = Guest.objects.select_related("event", "contact").get(pk=guest_id)
        try:
            send_templated(
                to=[guest.contact.email],
                subject=_("Reminder: %(event)s") % {"event": event.name},
                template="events/email/reminder",
                context={"guest": guest, "event": event, "link": rsvp_url(guest)},
                connection=connection,
                record=event,
            )
        except Exception:
            logger.exception("The reminder of guest %s could not be mailed", guest_id)
            continue
        sent += 1
        if progress is not None and (number % GROUP == 0 or number == len(waiting)):
            progress(
                int(90 * number / len(waiting)),
                _("%(done)d of %(total)d reminded") % {"done": number, "total": len(waiting)},
            )
    return sent


def events_to_remind(today: dt.date | None = None) -> list[int]:
    """The planned events whose answers are due within ``REMIND_DAYS`` days (the daily task)."""
    today = today or timezone.localdate()
    return list(
        Event.objects.filter(
            status=EventStatus.PLANNED, rsvp_by__gte=today, rsvp_by__lte=today + dt.timedelta(days=REMIND_DAYS)
        ).values_list("pk", flat=True)
    )


def start_guest_list(*, actor: Any, event: Event) -> Job:
    return start_job(
        actor=actor,
        kind=GUEST_LIST,
        title=_("Guest list: %(event)s") % {"event": event.name},
        params={"event": event.pk},
    )
