"""Calendar entries: scheduling with clash checks, changes, cancellation, single occurrences,
subscription links and free slots.

``schedule_entry``, ``update_entry`` and ``cancel_entry`` are the public services other apps call
(a press conference, an event the mayor attends); the entry keeps a link to the record that
created it. Callers decide who may act (``calendar_app.access``); services trust them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from dateutil.rrule import rrulestr
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from calendar_app import selectors
from calendar_app.models import (
    MAX_ENTRY_DAYS,
    Calendar,
    Entry,
    EntryException,
    EntryKind,
    EntryStatus,
    Visibility,
    new_feed_token,
)
from office.deadlines import is_working_day
from office.models import OfficeHolder
from office.services import audit


class ConflictError(ValidationError):
    """The entry clashes with time-blocking entries; ``conflicts`` names them."""

    def __init__(self, conflicts: list[selectors.Occurrence]) -> None:
        self.conflicts = conflicts
        busy = _("busy")
        names = "; ".join(
            f"{o.title or busy} ({date_format(timezone.localtime(o.start), 'SHORT_DATETIME_FORMAT')}"
            f"–{date_format(timezone.localtime(o.end), 'TIME_FORMAT')})"
            for o in conflicts
        )
        super().__init__(
            _("This time clashes with: %(names)s. Give a reason to keep it anyway.") % {"names": names},
            code="conflict",
        )


def ensure_calendars() -> int:
    """One calendar for every active office holder (idempotent)."""
    missing = OfficeHolder.objects.filter(is_active=True, calendar__isnull=True)
    created = [Calendar(office_holder=holder) for holder in missing]
    Calendar.objects.bulk_create(created)
    return len(created)


def entry_by_id(entry_id: int | None) -> Entry | None:
    """The entry another app keeps the id of (None when it is gone)."""
    return Entry.objects.filter(pk=entry_id).first() if entry_id else None


def calendar_of(holder: OfficeHolder) -> Calendar:
    """The office holder's calendar, made on first use (also for a holder no longer active)."""
    calendar, _created = Calendar.objects.get_or_create(office_holder=holder)
    return calendar


def _validate_times(start: dt.datetime, end: dt.datetime) -> None:
    if end <= start:
        raise ValidationError({"end": _("The end must be after the start.")})
    if end - start > dt.timedelta(days=MAX_ENTRY_DAYS):
        raise ValidationError({"end": _("An entry may last at most %(days)d days.") % {"days": MAX_ENTRY_DAYS}})


def _validate_recurrence(rule: str) -> None:
    if not rule:
        return
    if "DTSTART" in rule.upper() or "\n" in rule:
        raise ValidationError({"recurrence": _("Give only the rule, e.g. FREQ=WEEKLY;BYDAY=MO.")})
    try:
        rrulestr(f"RRULE:{rule}", dtstart=dt.datetime(2026, 1, 1))
    except (ValueError, TypeError):
        raise ValidationError({"recurrence": _("This is not a valid recurrence rule.")}) from None


def _check_conflicts(entry: Entry, keep_reason: str, actor: Any) -> None:
    """Clashes are named as ``actor`` may see them: a private entry they may not read is "busy"."""
    if not entry.blocks_time or entry.status == EntryStatus.CANCELLED:
        return
    clashes = selectors.conflicts(
        user=actor, calendar_id=entry.calendar_id, start=entry.start, end=entry.end, exclude_entry_id=entry.pk
    )
    if entry.recurrence:
        # a series: check its first occurrences in the coming year against the rest of the calendar
        probe = selectors.expand(
            {
                "id": entry.pk or 0,
                "calendar_id": entry.calendar_id,
                "start": entry.start,
                "end": entry.end,
                "all_day": entry.all_day,
                "status": entry.status,
                "visibility": entry.visibility,
                "blocks_time": True,
                "recurrence": entry.recurrence,
                "recurrence_until": entry.recurrence_until,
                "shown_title": entry.title,
                "shown_place": "",
                "shown_kind": entry.kind,
                "masked": False,
            },
            entry.start,
            entry.start + dt.timedelta(days=366),
            {},
        )[:52]
        for occurrence in probe[1:]:
            clashes += selectors.conflicts(
                user=actor,
                calendar_id=entry.calendar_id,
                start=occurrence.start,
                end=occurrence.end,
                exclude_entry_id=entry.pk,
            )
    if clashes and not keep_reason.strip():
        raise ConflictError(clashes)
    entry.conflict_reason = keep_reason.strip() if clashes else ""


CANCELLED_NOTE = gettext_noop("Occurrence of %(day)s cancelled")
CHANGED_NOTE = gettext_noop("Occurrence of %(day)s changed")

PROTOCOL_FIELDS = ("speech_needed", "dress_code", "accompanying", "precedence")
ENTRY_FIELDS = (
    "title",
    "kind",
    "start",
    "end",
    "all_day",
    "place",
    "status",
    "visibility",
    "blocks_time",
    "notes",
    "recurrence",
    "recurrence_until",
    *PROTOCOL_FIELDS,
)


@transaction.atomic
def schedule_entry(
    *,
    actor: Any,
    calendar: Calendar,
    title: str,
    start: dt.datetime,
    end: dt.datetime,
    kind: str = EntryKind.MEETING,
    all_day: bool = False,
    place: str = "",
    status: str = EntryStatus.CONFIRMED,
    visibility: str = Visibility.INTERNAL,
    blocks_time: bool = True,
    notes: str = "",
    recurrence: str = "",
    recurrence_until: dt.date | None = None,
    staff: Iterable[Any] = (),
    contacts: Iterable[Any] = (),
    keep_conflict_reason: str = "",
    source: models.Model | None = None,
    source_label: str = "",
    source_url: str = "",
    **protocol: Any,
) -> Entry:
    """Put an entry on ``calendar``. Raises ConflictError when it clashes and no reason is given.

    Other apps (a press conference, a scheduled meeting request) call this with ``source`` set,
    so the entry links back to the record that created it. The caller decided that ``actor``
    may do this (the calendar's own views: ``access.can_manage``; another app: its own rule).
    """
    _validate_times(start, end)
    _validate_recurrence(recurrence.strip())
    entry = Entry(
        calendar=calendar,
        title=title.strip(),
        kind=kind,
        start=start,
        end=end,
        all_day=all_day,
        place=place.strip(),
        status=status,
        visibility=visibility,
        blocks_time=blocks_time,
        notes=notes.strip(),
        recurrence=recurrence.strip().upper(),
        recurrence_until=recurrence_until,
        created_by=actor,
    )
    unknown = set(protocol) - set(PROTOCOL_FIELDS)
    if unknown:
        raise TypeError(f"schedule_entry() got unexpected arguments {sorted(unknown)}")
    for name, value in protocol.items():
        setattr(entry, name, value.strip() if isinstance(value, str) else value)
    if source is not None:
        entry.source_type = ContentType.objects.get_for_model(source)
        entry.source_id = source.pk
        entry.source_label = (source_label or str(source))[:255]
        entry.source_url = source_url
    entry.full_clean(exclude=["staff", "contacts"])
    _check_conflicts(entry, keep_conflict_reason, actor)
    entry.save()
    entry.staff.set(staff)
    entry.contacts.set(contacts)
    audit.record_create(actor=actor, instance=entry)  # with the staff and the guests
    return entry


@transaction.atomic
def update_entry(
    *,
    actor: Any,
    entry: Entry,
    keep_conflict_reason: str = "",
    staff: Iterable[Any] | None = None,
    contacts: Iterable[Any] | None = None,
    **changes: Any,
) -> Entry:
    """Change an entry (or move it: ``start``/``end``); clashes are checked again. Staff and
    guests changed here are in the audit trail with the other fields."""
    unknown = set(changes) - set(ENTRY_FIELDS) - {"calendar"}
    if unknown:
        raise TypeError(f"Unknown entry fields: {sorted(unknown)}")
    entry = Entry.objects.select_for_update(of=("self",)).get(pk=entry.pk)
    before = audit.snapshot(entry)  # with the staff and the guests
    for name, value in changes.items():
        setattr(entry, name, value.strip() if isinstance(value, str) else value)
    entry.recurrence = entry.recurrence.upper()
    _validate_times(entry.start, entry.end)
    _validate_recurrence(entry.recurrence)
    entry.full_clean(exclude=["staff", "contacts"])
    _check_conflicts(entry, keep_conflict_reason, actor)
    entry.save()
    if staff is not None:
        entry.staff.set(staff)
    if contacts is not None:
        entry.contacts.set(contacts)
    audit.record_update(actor=actor, instance=entry, before=before, message=entry.conflict_reason)
    return entry


@transaction.atomic
def cancel_entry(*, actor: Any, entry: Entry, reason: str = "") -> Entry:
    before = audit.snapshot(entry, ["status"])
    entry.status = EntryStatus.CANCELLED
    entry.save(update_fields=["status", "updated_at"])
    audit.record_update(actor=actor, instance=entry, before=before, message=reason)
    return entry


@transaction.atomic
def change_occurrence(
    *,
    actor: Any,
    entry: Entry,
    original_start: dt.datetime,
    cancelled: bool = False,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    title: str = "",
    place: str = "",
    keep_conflict_reason: str = "",
) -> EntryException:
    """Cancel or change one occurrence of a recurring entry, leaving the series as it is."""
    if not entry.recurrence:
        raise ValidationError(_("Only a recurring entry has occurrences to change."))
    window = selectors.occurrences(
        user=None, calendar_ids=[entry.calendar_id], start=original_start, end=original_start + entry.duration
    )
    if not any(o.entry_id == entry.pk and o.original_start == original_start for o in window):
        raise ValidationError(_("The series has no occurrence at that time."))
    if start is not None or end is not None:
        start, end = start or original_start, end or (start or original_start) + entry.duration
        _validate_times(start, end)
        clashes = selectors.conflicts(
            user=actor,
            calendar_id=entry.calendar_id,
            start=start,
            end=end,
            exclude_entry_id=entry.pk,
            exclude_original=original_start,
        )
        if clashes and entry.blocks_time and not cancelled and not keep_conflict_reason.strip():
            raise ConflictError(clashes)
    exception, _created = EntryException.objects.update_or_create(
        entry=entry,
        original_start=original_start,
        defaults={"cancelled": cancelled, "start": start, "end": end, "title": title.strip(), "place": place.strip()},
    )
    audit.record(
        actor=actor,
        instance=entry,
        action="action",
        message=audit.note(
            gettext_noop("Occurrence of %(day)s cancelled")
            if cancelled
            else gettext_noop("Occurrence of %(day)s changed"),
            day=date_format(timezone.localtime(original_start), "SHORT_DATETIME_FORMAT"),
        ),
    )
    return exception


@transaction.atomic
def renew_feed_token(*, actor: Any, calendar: Calendar) -> Calendar:
    """Revoke the calendar's subscription link and issue a new one."""
    calendar.feed_token = new_feed_token()
    calendar.save(update_fields=["feed_token"])
    audit.record(
        actor=actor, instance=calendar, action="action", message=audit.note(gettext_noop("Subscription link renewed"))
    )
    return calendar


def free_slots(
    *,
    calendar: Calendar,
    first_day: dt.date,
    days: int = 10,
    minutes: int = 60,
    day_start: int = 9,
    day_end: int = 16,
    limit: int = 12,
) -> list[dt.datetime]:
    """Free time on working days for a meeting of ``minutes`` (one query for the whole range)."""
    tz = timezone.get_current_timezone()
    window_start = dt.datetime.combine(first_day, dt.time.min, tzinfo=tz)
    busy = [
        o
        for o in selectors.occurrences(
            user=None,
            calendar_ids=[calendar.pk],
            start=window_start,
            end=window_start + dt.timedelta(days=days),
            include_cancelled=False,
        )
        if o.blocks_time
    ]
    slots, length = [], dt.timedelta(minutes=minutes)
    now = timezone.now()
    for offset in range(days):
        day = first_day + dt.timedelta(days=offset)
        if not is_working_day(day):
            continue
        moment = dt.datetime.combine(day, dt.time(day_start), tzinfo=tz)
        closing = dt.datetime.combine(day, dt.time(day_end), tzinfo=tz)
        while moment + length <= closing and len(slots) < limit:
            if moment > now and not any(o.overlaps(moment, moment + length) for o in busy):
                slots.append(moment)
                moment += length
            else:
                moment += dt.timedelta(minutes=30)
    return slots
