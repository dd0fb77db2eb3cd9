"""The calendar page's grid, built once in Python from the occurrences of a window.

Views: ``week`` and ``day`` (a row per office holder, a cell per day), ``month`` (a merged grid
of weeks) and ``agenda`` (the days of the next 30 that have something).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from calendar_app.models import Calendar
from calendar_app.selectors import Occurrence

VIEWS = ("week", "day", "month", "agenda")
AGENDA_DAYS = 30


@dataclass
class Cell:
    day: dt.date
    calendar: Calendar | None
    items: list[Occurrence] = field(default_factory=list)


@dataclass
class Grid:
    view: str
    anchor: dt.date
    days: list[dt.date]
    rows: list[tuple[Calendar | None, list[Cell]]]
    previous: dt.date
    next: dt.date


def window(view: str, anchor: dt.date) -> tuple[dt.date, dt.date]:
    """The first day shown and the day after the last one."""
    if view == "day":
        return anchor, anchor + dt.timedelta(days=1)
    if view == "month":
        first = anchor.replace(day=1)
        after = first + relativedelta(months=1)
        return first - dt.timedelta(days=first.weekday()), after + dt.timedelta(days=(7 - after.weekday()) % 7)
    if view == "agenda":
        return anchor, anchor + dt.timedelta(days=AGENDA_DAYS)
    monday = anchor - dt.timedelta(days=anchor.weekday())
    return monday, monday + dt.timedelta(days=7)


def step(view: str, anchor: dt.date, direction: int) -> dt.date:
    """The anchor of the previous (-1) or next (+1) page of the view."""
    if view == "day":
        return anchor + dt.timedelta(days=direction)
    if view == "month":
        return anchor.replace(day=1) + relativedelta(months=direction)
    if view == "agenda":
        return anchor + dt.timedelta(days=AGENDA_DAYS * direction)
    return anchor + dt.timedelta(days=7 * direction)


def local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())


def days_touched(occurrence: Occurrence, first: dt.date, last: dt.date) -> list[dt.date]:
    """The days of [first, last] an occurrence is on (an end at midnight belongs to the day before)."""
    start = timezone.localtime(occurrence.start).date()
    end_moment = timezone.localtime(occurrence.end)
    end = (end_moment - dt.timedelta(microseconds=1)).date() if end_moment.time() == dt.time.min else end_moment.date()
    day, days = max(start, first), []
    while day <= min(end, last):
        days.append(day)
        day += dt.timedelta(days=1)
    return days


def build(view: str, anchor: dt.date, calendars: list[Calendar], found: list[Occurrence]) -> Grid:
    first, after = window(view, anchor)
    days = [first + dt.timedelta(days=i) for i in range((after - first).days)]
    last = days[-1]
    rows: list[tuple[Any, list[Cell]]]
    if view in ("week", "day"):
        cells = {(c.pk, d): Cell(d, c) for c in calendars for d in days}
        for occurrence in found:
            for day in days_touched(occurrence, first, last):
                cells[(occurrence.calendar_id, day)].items.append(occurrence)
        rows = [(c, [cells[(c.pk, d)] for d in days]) for c in calendars]
    else:
        merged = {d: Cell(d, None) for d in days}
        for occurrence in found:
            for day in days_touched(occurrence, first, last):
                merged[day].items.append(occurrence)
        if view == "month":
            rows = [(None, [merged[d] for d in days[i : i + 7]]) for i in range(0, len(days), 7)]
        else:
            rows = [(None, [merged[d] for d in days if merged[d].items])]
    return Grid(view, anchor, days, rows, step(view, anchor, -1), step(view, anchor, 1))
