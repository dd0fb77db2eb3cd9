"""Deadline computation from the named rules table, with Polish public holidays.

Rules are declared by the app they belong to (a ``DeadlineRules`` class over a TOML table);
``compute_deadline(UDIP_ANSWER, received)`` returns a ``Deadline`` that carries the rule's
code, name and legal basis next to the date, so every screen can show where a date came from.
The installed row (``office.DeadlineRule``, editable by administrators) is what is applied.
"""

from __future__ import annotations

import calendar
import datetime as dt
import sys
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import holidays
from dateutil.relativedelta import relativedelta
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from office.contributions import RuleSpec, registry
from office.kit import bounds
from office.models import DeadlineRule

Unit = DeadlineRule.Unit


@lru_cache(maxsize=64)
def _polish_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("PL", years=year).keys())


def is_public_holiday(day: dt.date) -> bool:
    return day in _polish_holidays(day.year)


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a Polish public holiday."""
    return day.weekday() < 5 and not is_public_holiday(day)


def next_working_day(day: dt.date) -> dt.date:
    """The first working day on or after ``day``; the office's last day (``bounds.LATEST``) ends the search."""
    while not is_working_day(day) and day < bounds.LATEST:
        day += dt.timedelta(days=1)
    return day


def add_working_days(start: dt.date, count: int) -> dt.date:
    """``count`` working days after ``start``, at most the office's last day (``bounds.LATEST``)."""
    day = start
    while count > 0 and day < bounds.LATEST:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def annual_date(year: int, month: int, day: int) -> dt.date:
    """The date in ``year``; 29 February becomes 28 February in a common year."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Deadline:
    due: dt.date
    due_at: dt.datetime | None
    rule_code: str
    rule_name: str
    basis: str
    moved: bool = False  # moved from a day off to the next working day

    @property
    def label(self) -> str:
        return f"{self.rule_name} ({self.basis})"


def _as_local_date(start: dt.date | dt.datetime) -> dt.date:
    if isinstance(start, dt.datetime):
        return timezone.localtime(start).date() if timezone.is_aware(start) else start.date()
    return start


def _within_bounds(start: dt.date | dt.datetime) -> dt.date | dt.datetime:
    """``start`` moved into the office's range of dates (a moment keeps its time of day)."""
    day = start.date() if isinstance(start, dt.datetime) else start
    inside = bounds.clamp(day)
    if inside == day:
        return start
    if isinstance(start, dt.datetime):
        return dt.datetime.combine(inside, start.time(), tzinfo=start.tzinfo)
    return inside


def apply_rule(rule: DeadlineRule, start: dt.date | dt.datetime) -> Deadline:
    """The deadline ``rule`` gives for an event on ``start`` (a date or a moment).

    Never an overflow: a start outside the office's range of dates (``office.kit.bounds``,
    1800–2199) is moved to its nearest end first, and a deadline that would fall after the
    range, or beyond what Python's dates can hold, is the range's last day (``bounds.LATEST``; its
    last minute for a rule counted in hours).
    """
    start = _within_bounds(start)
    try:
        deadline = _apply_rule(rule, start)
    except (OverflowError, ValueError):  # beyond the year 9999: a rule with an absurd amount
        return _latest(rule)
    if deadline.due > bounds.LATEST:
        return _latest(rule)
    return deadline


def _latest(rule: DeadlineRule) -> Deadline:
    """The range's last day; a rule counted in hours gets its last minute too (a moment is due)."""
    due_at = None
    if rule.unit == Unit.HOURS:
        due_at = timezone.make_aware(dt.datetime.combine(bounds.LATEST, dt.time(23, 59)))
    return Deadline(bounds.LATEST, due_at, rule.code, rule.name, rule.basis)


def _apply_rule(rule: DeadlineRule, start: dt.date | dt.datetime) -> Deadline:
    due_at = None
    if rule.unit == Unit.HOURS:
        moment = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time(0, 0))
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        # elapsed hours: count in UTC, so a change of the clocks does not stretch or shrink the time
        due_at = timezone.localtime(moment.astimezone(dt.UTC) + dt.timedelta(hours=rule.amount))
        due = timezone.localtime(due_at).date()
    else:
        day = _as_local_date(start)
        if rule.unit == Unit.CALENDAR_DAYS:
            due = day + dt.timedelta(days=rule.amount)
        elif rule.unit == Unit.WORKING_DAYS:
            due = add_working_days(day, rule.amount)
        elif rule.unit == Unit.MONTHS:
            due = day + relativedelta(months=rule.amount)
        else:  # a fixed date each year: the next one on or after the start
            due = annual_date(day.year, rule.annual_month, rule.annual_day)
            if due < day:
                due = annual_date(day.year + 1, rule.annual_month, rule.annual_day)
    moved = False
    if rule.moves_to_working_day and due_at is None and not is_working_day(due):
        due, moved = next_working_day(due), True
    return Deadline(due, due_at, rule.code, rule.name, rule.basis, moved)


class DeadlineRules:
    """Base of an app's deadline rules: the rules' data live in a TOML table next to the module
    (``table``, one ``[code]`` section each with name, basis, their English ``name_en`` and
    ``basis_en``, amount, unit and the flags), the
    subclass names each rule as a constant annotated ``RuleSpec`` (``PRESS_INFO_ANSWER`` is the
    rule ``press_info_answer``). Both must agree, and every rule is declared to the registry,
    when the module is imported — a rule in one but not the other stops the start.
    """

    def __init_subclass__(cls, *, table: str, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        path = Path(sys.modules[cls.__module__].__file__ or "").with_name(table)
        with path.open("rb") as file:
            data = tomllib.load(file)
        names = [name for name in cls.__annotations__ if name.isupper()]
        codes = {name.lower() for name in names}
        if codes != set(data):
            raise ImproperlyConfigured(
                f"{path}: rules without a constant {sorted(set(data) - codes)}, "
                f"constants without a rule {sorted(codes - set(data))}"
            )
        for name in names:
            fields = data[name.lower()]
            if fields.get("unit") not in Unit.values:
                raise ImproperlyConfigured(f"{path} [{name.lower()}]: unknown unit {fields.get('unit')!r}")
            if not all(fields.get(key) for key in ("name", "basis", "name_en", "basis_en")):
                raise ImproperlyConfigured(f"{path} [{name.lower()}]: a rule needs name, basis, name_en and basis_en")
            setattr(cls, name, registry.add_deadline_rule(RuleSpec(code=name.lower(), **fields)))


def compute_deadline(rule: RuleSpec, start: dt.date | dt.datetime) -> Deadline:
    """Apply the installed row of the declared ``rule``. Raises DeadlineRule.DoesNotExist when
    the row is missing (``migrate`` installs every declared rule)."""
    return apply_rule(DeadlineRule.objects.get(code=rule.code), start)
