"""Reading calendars: occurrences in a window, with private entries masked in the query itself.

A private entry of a calendar whose private entries the user may not read
(``access.hidden_q``) comes out of the database already without its title, place and type
(``masked``): no view, template, feed, search, widget or clash warning can leak what it never
received.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dateutil.rrule import rrulestr
from django.db.models import BooleanField, Case, F, Q, Value, When
from django.utils import timezone

from calendar_app.access import hidden_q
from calendar_app.models import MAX_ENTRY_DAYS, Entry, EntryException, EntryKind, EntryStatus

ROW_FIELDS = (
    "id",
    "calendar_id",
    "start",
    "end",
    "all_day",
    "status",
    "visibility",
    "blocks_time",
    "recurrence",
    "recurrence_until",
    "shown_title",
    "shown_place",
    "shown_kind",
    "masked",
)


@dataclass(frozen=True)
class Occurrence:
    entry_id: int
    calendar_id: int
    start: dt.datetime
    end: dt.datetime
    all_day: bool
    title: str
    place: str
    kind: str
    status: str
    visibility: str
    blocks_time: bool
    masked: bool
    recurring: bool
    original_start: dt.datetime | None = None

    @property
    def is_cancelled(self) -> bool:
        return self.status == EntryStatus.CANCELLED

    @property
    def is_tentative(self) -> bool:
        return self.status == EntryStatus.TENTATIVE

    @property
    def clashes_possible(self) -> bool:
        return self.blocks_time and not self.is_cancelled

    def overlaps(self, start: dt.datetime, end: dt.datetime) -> bool:
        return self.start < end and self.end > start


def _masked_rows(entries: Any, user: Any | None, kinds: list[str] | None = None) -> Any:
    """Annotate the shown title, place and type; hidden ones are blank for ``user`` (None: system).
    ``kinds`` filters on the *shown* type, so a filter never reveals a hidden entry's real type."""
    hidden = hidden_q(user)
    rows = entries.annotate(
        shown_title=Case(When(hidden, then=Value("")), default=F("title")),
        shown_place=Case(When(hidden, then=Value("")), default=F("place")),
        shown_kind=Case(When(hidden, then=Value(EntryKind.BLOCKED)), default=F("kind")),
        masked=Case(When(hidden, then=Value(True)), default=Value(False), output_field=BooleanField()),
    )
    if kinds:
        rows = rows.filter(shown_kind__in=kinds)
    return rows.values(*ROW_FIELDS)


def _occurrence(
    row: dict,
    start: dt.datetime,
    end: dt.datetime,
    original: dt.datetime | None = None,
    exception: EntryException | None = None,
) -> Occurrence:
    title, place = row["shown_title"], row["shown_place"]
    if exception is not None and not row["masked"]:
        title = exception.title or title
        place = exception.place or place
    return Occurrence(
        entry_id=row["id"],
        calendar_id=row["calendar_id"],
        start=start,
        end=end,
        all_day=row["all_day"],
        title=title,
        place=place,
        kind=row["shown_kind"],
        status=row["status"],
        visibility=row["visibility"],
        blocks_time=row["blocks_time"],
        masked=row["masked"],
        recurring=bool(row["recurrence"]),
        original_start=original,
    )


def expand(
    row: dict,
    window_start: dt.datetime,
    window_end: dt.datetime,
    exceptions: dict[tuple[int, dt.datetime], EntryException],
) -> list[Occurrence]:
    """The occurrences of a recurring entry's row inside the window, with its exceptions applied."""
    tz = timezone.get_current_timezone()
    first = timezone.localtime(row["start"], tz)
    duration = row["end"] - row["start"]
    rule = rrulestr(f"RRULE:{row['recurrence']}", dtstart=first)
    limit = window_end
    if row["recurrence_until"]:
        day_after = row["recurrence_until"] + dt.timedelta(days=1)
        limit = min(window_end, dt.datetime.combine(day_after, dt.time.min, tzinfo=tz))
    result = []
    for occurrence_start in rule.between(window_start - duration, limit, inc=False):
        exception = exceptions.get((row["id"], occurrence_start.astimezone(dt.UTC)))
        if exception is not None and exception.cancelled:
            continue
        start = exception.start if exception is not None and exception.start else occurrence_start
        end = exception.end if exception is not None and exception.end else start + duration
        if start < window_end and end > window_start:
            result.append(_occurrence(row, start, end, occurrence_start, exception))
    # occurrences moved into the window from outside it
    for (entry_id, original), exception in exceptions.items():
        if entry_id == row["id"] and exception.start and not exception.cancelled:
            if (
                not (window_start - duration <= original <= window_end)
                and exception.start < window_end
                and (exception.end or exception.start + duration) > window_start
            ):
                result.append(
                    _occurrence(row, exception.start, exception.end or exception.start + duration, original, exception)
                )
    return result


def occurrences(
    *,
    user: Any | None,
    calendar_ids: Iterable[int],
    start: dt.datetime,
    end: dt.datetime,
    include_cancelled: bool = True,
    kinds: Iterable[str] | None = None,
) -> list[Occurrence]:
    """Every occurrence on the calendars between ``start`` and ``end``, sorted; three queries."""
    calendar_ids = list(calendar_ids)
    base = Entry.objects.filter(calendar_id__in=calendar_ids)
    if not include_cancelled:
        base = base.exclude(status=EntryStatus.CANCELLED)
    kinds = list(kinds) if kinds else None
    single = _masked_rows(
        base.filter(recurrence="", start__lt=end, start__gte=start - dt.timedelta(days=MAX_ENTRY_DAYS), end__gt=start),
        user,
        kinds,
    )
    recurring = list(
        _masked_rows(
            base.exclude(recurrence="")
            .filter(start__lt=end)
            .filter(Q(recurrence_until__isnull=True) | Q(recurrence_until__gte=start.date())),
            user,
            kinds,
        )
    )
    result = [_occurrence(row, row["start"], row["end"]) for row in single]
    if recurring:
        exceptions = {
            (e.entry_id, e.original_start): e
            for e in EntryException.objects.filter(entry_id__in=[r["id"] for r in recurring])
        }
        for row in recurring:
            result.extend(expand(row, start, end, exceptions))
    result.sort(key=lambda o: (o.start, o.end, o.entry_id))
    return result


def conflicts(
    *,
    user: Any | None,
    calendar_id: int,
    start: dt.datetime,
    end: dt.datetime,
    exclude_entry_id: int | None = None,
    exclude_original: dt.datetime | None = None,
) -> list[Occurrence]:
    """Time-blocking, not cancelled occurrences of the calendar that overlap [start, end), as
    ``user`` may see them (a private entry they may not read is only "busy")."""
    found = occurrences(user=user, calendar_ids=[calendar_id], start=start, end=end, include_cancelled=False)
    return [
        o
        for o in found
        if o.blocks_time
        and o.overlaps(start, end)
        and not (o.entry_id == exclude_entry_id and (exclude_original is None or o.original_start == exclude_original))
    ]
