"""Ceremonies and events: the yearly plan from the observances, an event with its place on an
office holder's calendar (moved with it), the checklist handed to units as Assignments, the
status changes. Every function is a complete change: validated, atomic, on the audit trail.
The caller (a view) decided that ``actor`` may do it."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from calendar_app import services as calendar_services
from events.models import ChecklistItem, Event, EventKind, EventStatus, Gift, Observance, ObservanceKind
from events.workflows import EVENT_WORKFLOW
from office.models import Assignment, AssignmentStatus
from office.services import assignments as assignment_services
from office.services import audit

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "observances.csv"

#: A ceremony of the plan starts at this hour and lasts this long until staff set its time.
PLAN_HOUR = 11
PLAN_HOURS = 2


def event_url(event: Event) -> str:
    return reverse("events:event_detail", args=[event.pk])


# --- The observances and the yearly plan -----------------------------------------------------------


def ensure_shipped_observances() -> int:
    """Install the national holidays and memorial days into an empty table (after ``migrate``: an
    installation, not a change anyone made, so not on the trail)."""
    if Observance.objects.exists():
        return 0
    rows = csv.DictReader(io.StringIO(SHIPPED.read_text(encoding="utf-8")), delimiter=";")
    made = Observance.objects.bulk_create(
        [
            Observance(
                name=row["name"],
                kind=row["kind"],
                month=int(row["month"]),
                day=int(row["day"]),
                ceremony=row["ceremony"],
                place=row["place"],
            )
            for row in rows
        ]
    )
    return len(made)


def ensure_observances_after_migrate(sender: Any, **kwargs: Any) -> None:
    from events.services.guests import ensure_shipped_precedence

    ensure_shipped_observances()
    ensure_shipped_precedence()


def _plan_name(observance: Observance, year: int) -> str:
    if observance.kind == ObservanceKind.CITY and observance.since_year and observance.since_year < year:
        return _("%(number)s. anniversary: %(name)s") % {
            "number": year - observance.since_year,
            "name": observance.name,
        }
    return observance.ceremony or observance.name


def _day(observance: Observance, year: int) -> dt.date | None:
    try:
        return dt.date(year, observance.month, observance.day)
    except ValueError:  # 29 February in a common year
        return None


@transaction.atomic
def generate_plan(*, actor: Any, year: int) -> list[Event]:
    """Propose an event for every observance in the plan that has none in ``year`` yet: running it
    again adds only what is new (an observance added since), never a second event, and leaves the
    dropped ones dropped."""
    if not 2000 <= year <= 2199:
        raise ValidationError({"year": _("Choose a year between 2000 and 2199.")})
    taken = set(Event.objects.filter(year=year, observance__isnull=False).values_list("observance_id", flat=True))
    made = []
    zone = timezone.get_current_timezone()
    for observance in Observance.objects.filter(is_active=True).exclude(pk__in=taken):
        day = _day(observance, year)
        if day is None:
            continue
        start = dt.datetime.combine(day, dt.time(PLAN_HOUR), tzinfo=zone)
        event = Event(
            kind=EventKind.ANNIVERSARY if observance.kind == ObservanceKind.CITY else EventKind.STATE,
            name=_plan_name(observance, year),
            observance=observance,
            year=year,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=PLAN_HOURS),
            place=observance.place,
            status=EventStatus.PROPOSED,
            created_by=actor,
        )
        event.full_clean()
        event.save()
        audit.record_create(
            actor=actor, instance=event, message=audit.note(gettext_noop("Proposed by the yearly plan"))
        )
        made.append(event)
    return made


# --- An event -----------------------------------------------------------------------------------


@transaction.atomic
def save_event(*, actor: Any, event: Event, co_organisers: Any = None, keep_conflict_reason: str = "") -> Event:
    """Create or change an event; the office holder taking part has it on their calendar, moved
    with the event, and removed when the holder changes or the event no longer takes place."""
    event.year = timezone.localtime(event.starts_at).year if event.starts_at else event.year
    if event.pk is None:
        event.created_by = actor
    event = audit.save_record(actor=actor, record=event, related={"co_organisers": co_organisers})
    _sync_calendar(actor, event, keep_conflict_reason)
    return event


def _entry_fields(event: Event) -> dict[str, Any]:
    return {
        "title": event.name,
        "start": event.starts_at,
        "end": event.ends_at,
        "place": event.place,
    }


def _sync_calendar(actor: Any, event: Event, keep_conflict_reason: str = "") -> None:
    entry = calendar_services.entry_by_id(event.calendar_entry_id)
    if entry is not None and entry.status == calendar_services.EntryStatus.CANCELLED:
        entry = None  # taken off the calendar there: a new entry is made if the event needs one
    wanted = event.holder if event.status == EventStatus.PLANNED else None
    if entry is not None and (wanted is None or entry.calendar.office_holder_id != wanted.pk):
        calendar_services.cancel_entry(actor=actor, entry=entry, reason=_("The event changed."))
        entry = None
    if wanted is None:
        _keep_entry_id(event, None)
        return
    if entry is None:
        entry = calendar_services.schedule_entry(
            actor=actor,
            calendar=calendar_services.calendar_of(wanted),
            kind=calendar_services.EntryKind.CEREMONY,
            visibility=calendar_services.Visibility.PUBLIC,
            keep_conflict_reason=keep_conflict_reason,
            source=event,
            source_label=event.name,
            source_url=event_url(event),
            **_entry_fields(event),
        )
    else:
        calendar_services.update_entry(
            actor=actor, entry=entry, keep_conflict_reason=keep_conflict_reason, **_entry_fields(event)
        )
    _keep_entry_id(event, entry.pk)


def _keep_entry_id(event: Event, entry_id: int | None) -> None:
    if event.calendar_entry_id != entry_id:
        event.calendar_entry_id = entry_id
        Event.objects.filter(pk=event.pk).update(calendar_entry_id=entry_id)


@transaction.atomic
def change_status(*, actor: Any, event: Event, target: str, note: str = "", keep_conflict_reason: str = "") -> Event:
    """Confirm or drop a proposed event, mark a planned one held or cancelled, bring one back.
    Only a planned event is on the calendar (a clash there needs ``keep_conflict_reason``); the
    open checklist tasks of an event that will not take place are closed."""
    event = Event.objects.select_for_update(of=("self",)).get(pk=event.pk)
    EVENT_WORKFLOW.check(event.status, target)
    if target == EventStatus.HELD and event.starts_at > timezone.now():
        raise ValidationError({"note": _("An event is marked held once it has started.")})
    before = audit.snapshot(event, ["status"])
    event.status = target
    event.save(update_fields=["status", "updated_at"])
    audit.record_update(actor=actor, instance=event, before=before, message=note.strip())
    if target in (EventStatus.PLANNED, EventStatus.CANCELLED, EventStatus.DROPPED):
        _sync_calendar(actor, event, keep_conflict_reason)
    if target in (EventStatus.CANCELLED, EventStatus.DROPPED):
        _close_checklist(actor, event, note.strip() or _("The event will not take place."))
    return event


def _close_checklist(actor: Any, event: Event, text: str) -> None:
    for assignment in Assignment.objects.filter(
        source_type=ContentType.objects.get_for_model(Event), source_id=event.pk
    ).exclude(status=AssignmentStatus.CLOSED):
        assignment_services.decide(actor=actor, assignment=assignment, target=AssignmentStatus.CLOSED, text=text)


# --- The checklist ----------------------------------------------------------------------------------


@transaction.atomic
def hand_out_checklist(*, actor: Any, event: Event) -> list[Any]:
    """Every checklist item of the event's kind becomes an Assignment to its unit, due the item's
    number of days before the event (not before today); done once per event."""
    event = Event.objects.select_for_update(of=("self",)).get(pk=event.pk)
    if event.checklist_made:
        raise ValidationError(_("The checklist of this event was handed out already."))
    if event.status != EventStatus.PLANNED:
        raise ValidationError(_("The checklist is handed out once the event is confirmed."))
    items = list(ChecklistItem.objects.filter(kind=event.kind).select_related("unit"))
    if not items:
        raise ValidationError(_("There is no checklist for events of this kind yet (the administration panel)."))
    day = timezone.localtime(event.starts_at).date()
    today = timezone.localdate()
    made = [
        assignment_services.hand_over(
            actor=actor,
            title=f"{item.label} – {event.name}"[:255],
            unit=item.unit,
            due_date=max(today, day - dt.timedelta(days=item.days_before)),
            source=event,
            source_label=str(event),
            source_url=event_url(event),
        )
        for item in items
    ]
    event.checklist_made = True
    event.save(update_fields=["checklist_made", "updated_at"])
    audit.record(
        actor=actor,
        instance=event,
        action="action",
        changes={},
        message=audit.note(gettext_noop("Checklist handed out: %(count)s tasks"), count=len(made)),
    )
    return made


# --- The register of gifts ----------------------------------------------------------------------------


@transaction.atomic
def save_gift(*, actor: Any, gift: Gift) -> Gift:
    """Register or correct a gift given or received by an office holder."""
    if gift.pk is None:
        gift.created_by = actor
    gift.counterpart_name = gift.counterpart_name.strip()
    return audit.save_record(actor=actor, record=gift)
