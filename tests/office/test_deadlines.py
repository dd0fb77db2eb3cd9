"""Deadlines from the named rules: every unit, Polish holidays, the move flag, the rules table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from office.contributions import RuleSpec, registry
from office.deadline_rules import ensure_default_rules
from office.deadlines import (
    Deadline,
    add_working_days,
    apply_rule,
    compute_deadline,
    is_public_holiday,
    is_working_day,
    next_working_day,
)
from office.models import DeadlineRule

Unit = DeadlineRule.Unit
WARSAW = ZoneInfo("Europe/Warsaw")
UTC = dt.UTC
RULES = registry.deadline_rules()
RULE = {spec.code: spec for spec in RULES}


def rule(
    unit: str, amount: int = 0, *, moves: bool = False, month: int | None = None, day: int | None = None
) -> DeadlineRule:
    return DeadlineRule(
        code=f"test_{unit}",
        name=f"Reguła {unit}",
        basis="Podstawa testowa",
        amount=amount,
        unit=unit,
        moves_to_working_day=moves,
        annual_month=month,
        annual_day=day,
    )


D = dt.date


# --- The calendar of Polish public holidays ---------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 1, 1),
        D(2026, 1, 6),
        D(2026, 4, 5),
        D(2026, 4, 6),
        D(2026, 5, 1),
        D(2026, 5, 3),
        D(2026, 5, 24),
        D(2026, 6, 4),
        D(2026, 8, 15),
        D(2026, 11, 1),
        D(2026, 11, 11),
        D(2025, 12, 24),
        D(2026, 12, 24),
        D(2026, 12, 25),
        D(2026, 12, 26),
    ],
)
def test_polish_public_holidays(day: dt.date) -> None:
    assert is_public_holiday(day)
    assert not is_working_day(day)


def test_christmas_eve_is_a_day_off_only_from_2025() -> None:
    assert not is_public_holiday(D(2024, 12, 24))
    assert is_working_day(D(2024, 12, 24))  # a Tuesday
    assert is_public_holiday(D(2025, 12, 24))


@pytest.mark.parametrize("day", [D(2026, 5, 2), D(2026, 3, 1), D(2026, 7, 11), D(2026, 9, 1)])
def test_ceremony_days_are_not_days_off(day: dt.date) -> None:
    # 2.05 is a Saturday in 2026 (a weekend, not a holiday); 1.03, 11.07, 1.09 are only state days.
    assert not is_public_holiday(day)


def test_weekends_are_not_working_days() -> None:
    assert not is_working_day(D(2026, 3, 14))  # Saturday
    assert not is_working_day(D(2026, 3, 15))  # Sunday
    assert is_working_day(D(2026, 3, 16))
    assert next_working_day(D(2026, 3, 14)) == D(2026, 3, 16)
    assert next_working_day(D(2026, 3, 16)) == D(2026, 3, 16)


# --- Calendar days ----------------------------------------------------------------------------


def test_calendar_days() -> None:
    deadline = apply_rule(rule(Unit.CALENDAR_DAYS, 14), D(2026, 3, 2))
    assert deadline.due == D(2026, 3, 16)
    assert deadline.due_at is None
    assert not deadline.moved


@pytest.mark.parametrize(
    ("start", "plain", "moved"),
    [
        (D(2026, 2, 28), D(2026, 3, 14), D(2026, 3, 16)),  # Saturday → Monday
        (D(2026, 3, 1), D(2026, 3, 15), D(2026, 3, 16)),  # Sunday → Monday
        (D(2026, 4, 17), D(2026, 5, 1), D(2026, 5, 4)),  # 1 May (Fri), 2 May (Sat), 3 May (Sun)
        (D(2026, 3, 23), D(2026, 4, 6), D(2026, 4, 7)),  # Easter Monday
        (D(2025, 12, 10), D(2025, 12, 24), D(2025, 12, 29)),  # 24–26.12 and a weekend
    ],
)
def test_calendar_days_move_to_the_next_working_day_only_with_the_flag(
    start: dt.date, plain: dt.date, moved: dt.date
) -> None:
    without = apply_rule(rule(Unit.CALENDAR_DAYS, 14, moves=False), start)
    assert (without.due, without.moved) == (plain, False)
    with_flag = apply_rule(rule(Unit.CALENDAR_DAYS, 14, moves=True), start)
    assert (with_flag.due, with_flag.moved) == (moved, True)


def test_a_working_day_deadline_is_not_marked_moved() -> None:
    deadline = apply_rule(rule(Unit.CALENDAR_DAYS, 14, moves=True), D(2026, 3, 2))
    assert (deadline.due, deadline.moved) == (D(2026, 3, 16), False)


def test_an_aware_moment_counts_from_the_local_date() -> None:
    # 23:30 UTC on 1 March is already 2 March in Warsaw.
    start = dt.datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    assert apply_rule(rule(Unit.CALENDAR_DAYS, 1), start).due == D(2026, 3, 3)


# --- Working days -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "count", "due"),
    [
        (D(2026, 3, 2), 5, D(2026, 3, 9)),  # Mon + 5 working days = next Mon
        (D(2026, 3, 6), 1, D(2026, 3, 9)),  # Friday + 1 = Monday
        (D(2026, 4, 30), 3, D(2026, 5, 6)),  # over 1 May and the 3 May weekend
        (D(2026, 4, 2), 3, D(2026, 4, 8)),  # over Easter Monday
        (D(2025, 12, 23), 2, D(2025, 12, 30)),  # over 24, 25, 26 December 2025
        (D(2024, 12, 23), 1, D(2024, 12, 24)),  # 24 December 2024 was a working day
    ],
)
def test_working_days(start: dt.date, count: int, due: dt.date) -> None:
    assert add_working_days(start, count) == due
    assert apply_rule(rule(Unit.WORKING_DAYS, count), start).due == due


def test_working_days_from_a_holiday_start() -> None:
    # Received on a Sunday: the first working day counted is Monday.
    assert apply_rule(rule(Unit.WORKING_DAYS, 1), D(2026, 3, 15)).due == D(2026, 3, 16)


# --- Hours (quote authorisation) ----------------------------------------------------------------


def test_hours_from_a_moment() -> None:
    start = dt.datetime(2026, 5, 1, 10, 0, tzinfo=WARSAW)
    deadline = apply_rule(rule(Unit.HOURS, 6), start)
    assert deadline.due_at == dt.datetime(2026, 5, 1, 16, 0, tzinfo=WARSAW)
    assert deadline.due == D(2026, 5, 1)
    assert not deadline.moved  # hours never move, even on a holiday


def test_hours_over_midnight_give_the_next_local_date() -> None:
    start = dt.datetime(2026, 3, 10, 21, 0, tzinfo=UTC)  # 22:00 in Warsaw
    deadline = apply_rule(rule(Unit.HOURS, 24, moves=True), start)
    assert deadline.due_at == start + dt.timedelta(hours=24)
    assert deadline.due == D(2026, 3, 11)
    assert not deadline.moved


def test_hours_from_a_date_count_from_local_midnight() -> None:
    deadline = apply_rule(rule(Unit.HOURS, 6), D(2026, 3, 10))
    assert deadline.due_at is not None
    assert deadline.due_at.astimezone(WARSAW) == dt.datetime(2026, 3, 10, 6, 0, tzinfo=WARSAW)


@pytest.mark.parametrize(
    ("start", "hours"),
    [
        (dt.datetime(2026, 3, 29, 0, 0, tzinfo=WARSAW), 6),  # clocks go forward at 02:00
        (dt.datetime(2026, 10, 25, 0, 0, tzinfo=WARSAW), 6),  # clocks go back at 03:00
    ],
)
def test_hours_are_elapsed_hours_across_a_clock_change(start: dt.datetime, hours: int) -> None:
    """6 hours for an authorisation are 6 real hours, also on the night the clocks change."""
    deadline = apply_rule(rule(Unit.HOURS, hours), start)
    elapsed = deadline.due_at.astimezone(UTC) - start.astimezone(UTC)
    assert elapsed == dt.timedelta(hours=hours)


# --- Months -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # month-end clamp
        (D(2028, 1, 31), 1, D(2028, 2, 29)),  # leap year
        (D(2026, 3, 31), 1, D(2026, 4, 30)),
        (D(2026, 8, 31), 2, D(2026, 10, 31)),
        (D(2026, 12, 15), 2, D(2027, 2, 15)),  # over the year end
        (D(2028, 2, 29), 12, D(2029, 2, 28)),  # a year after 29 February
        (D(2026, 5, 10), 0, D(2026, 5, 10)),
    ],
)
def test_months(start: dt.date, months: int, due: dt.date) -> None:
    assert apply_rule(rule(Unit.MONTHS, months), start).due == due


def test_months_with_the_move_flag() -> None:
    # 30 June + 2 months = Sunday 30 August → Monday 31 August.
    deadline = apply_rule(rule(Unit.MONTHS, 2, moves=True), D(2026, 6, 30))
    assert (deadline.due, deadline.moved) == (D(2026, 8, 31), True)


# --- A fixed date each year -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "due"),
    [
        (D(2026, 3, 1), D(2026, 5, 31)),
        (D(2026, 5, 31), D(2026, 5, 31)),  # on the day itself: still this year's
        (D(2026, 6, 1), D(2027, 5, 31)),  # after it: next year's
        (D(2026, 12, 31), D(2027, 5, 31)),
    ],
)
def test_annual_date_rolls_over_to_next_year(start: dt.date, due: dt.date) -> None:
    assert apply_rule(rule(Unit.ANNUAL_DATE, month=5, day=31), start).due == due


def test_annual_date_with_the_move_flag() -> None:
    # 15 August 2026 is a Saturday and a holiday → Monday 17 August.
    deadline = apply_rule(rule(Unit.ANNUAL_DATE, moves=True, month=8, day=15), D(2026, 1, 10))
    assert (deadline.due, deadline.moved) == (D(2026, 8, 17), True)


def test_annual_29_february_does_not_crash_in_a_common_year() -> None:
    """A rule on 29 February (allowed by the table's constraint) must give a date every year."""
    deadline = apply_rule(rule(Unit.ANNUAL_DATE, month=2, day=29), D(2026, 1, 10))
    assert deadline.due == D(2026, 2, 28)


@pytest.mark.django_db
def test_an_annual_rule_on_a_day_the_month_does_not_have_is_rejected() -> None:
    """31 April passes the check constraint (day 1–31) but can never be computed: refuse it
    in validation (the admin calls full_clean), instead of a ValueError on every use."""
    bad = rule(Unit.ANNUAL_DATE, month=4, day=31)
    with pytest.raises(ValidationError):
        bad.full_clean()


@pytest.mark.django_db
def test_annual_rule_needs_month_and_day_in_the_database() -> None:
    """The check constraint "annual_date_complete" must refuse an annual rule without a date
    (SQL NULL makes ``annual_month >= 1`` unknown, which a CHECK lets through)."""
    with pytest.raises(IntegrityError):
        DeadlineRule.objects.create(code="no_date", name="x", basis="y", unit=Unit.ANNUAL_DATE)


# --- The default rules table (office/deadline_rules.py) -----------------------------------------------------------


def test_the_declared_rules_have_unique_codes_and_each_app_declares_its_own() -> None:
    codes = [spec.code for spec in RULES]
    assert len(codes) == len(set(codes))
    # the core keeps only the general rules; the press law's are the press office's
    from media_relations.deadlines import PressRules

    assert RULE["press_info_answer"] is PressRules.PRESS_INFO_ANSWER
    assert "press_info_answer" not in Path("office/deadline_rules.toml").read_text(encoding="utf-8")


def test_a_rule_table_and_its_constants_must_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    from django.core.exceptions import ImproperlyConfigured

    from office.deadlines import DeadlineRules

    (tmp_path / "rules.toml").write_text(
        '[test_one]\nname = "Jeden"\nbasis = "Test"\namount = 3\nunit = "calendar_days"\n', encoding="utf-8"
    )
    module = types.ModuleType("fake_rules")
    module.__file__ = str(tmp_path / "fake_rules.py")
    monkeypatch.setitem(sys.modules, "fake_rules", module)
    with pytest.raises(ImproperlyConfigured, match="test_two"):
        type(
            "Rules",
            (DeadlineRules,),
            {"__module__": "fake_rules", "__annotations__": {"TEST_TWO": RuleSpec}},
            table="rules.toml",
        )


def test_a_rule_declared_twice_stops_the_start() -> None:
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="udip_answer"):
        registry.add_deadline_rule(RuleSpec("udip_answer", "x", "y", 1, Unit.CALENDAR_DAYS))


@pytest.mark.django_db
@pytest.mark.parametrize("spec", RULES, ids=[spec.code for spec in RULES])
def test_every_declared_rule_is_installed_and_computes(spec: RuleSpec) -> None:
    code, name, basis, amount, unit, moves = (
        spec.code,
        spec.name,
        spec.basis,
        spec.amount,
        spec.unit,
        spec.moves_to_working_day,
    )
    stored = DeadlineRule.objects.get(code=code)
    assert (stored.name, stored.basis, stored.amount, stored.unit) == (name, basis, amount, unit)
    assert (stored.moves_to_working_day, stored.to_verify) == (moves, spec.to_verify)
    assert (stored.annual_month, stored.annual_day) == (spec.annual_month, spec.annual_day)
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=WARSAW)
    deadline = compute_deadline(spec, start)
    assert isinstance(deadline, Deadline)
    assert (deadline.rule_code, deadline.rule_name, deadline.basis) == (code, name, basis)
    assert deadline.label == f"{name} ({basis})"
    assert deadline.due >= start.date()
    if unit == Unit.HOURS:
        assert deadline.due_at == start + dt.timedelta(hours=amount)
    else:
        assert deadline.due_at is None
    if moves:
        assert is_working_day(deadline.due)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "start", "due"),
    [
        ("udip_answer", D(2026, 4, 17), D(2026, 5, 4)),  # 1 May → Monday 4 May
        ("udip_extension_cap", D(2026, 6, 30), D(2026, 8, 31)),
        ("press_refusal_written", D(2026, 4, 3), D(2026, 4, 6)),  # no move: Easter Monday stands
        ("correction_publish_online", D(2026, 4, 30), D(2026, 5, 6)),
        ("correction_court", D(2026, 1, 31), D(2027, 1, 31)),
        ("interpellation_answer", D(2025, 12, 10), D(2025, 12, 29)),
        ("state_of_municipality_report", D(2026, 6, 1), D(2027, 5, 31)),
        ("cooperation_programme", D(2026, 2, 1), D(2026, 11, 30)),
        ("internal_default", D(2026, 4, 2), D(2026, 4, 14)),
    ],
)
def test_statutory_rules_on_known_dates(code: str, start: dt.date, due: dt.date) -> None:
    assert compute_deadline(RULE[code], start).due == due


@pytest.mark.django_db
def test_quote_authorisation_for_a_daily_is_six_hours() -> None:
    start = dt.datetime(2026, 5, 1, 10, 0, tzinfo=WARSAW)
    deadline = compute_deadline(RULE["quote_authorisation_daily"], start)
    assert deadline.due_at == dt.datetime(2026, 5, 1, 16, 0, tzinfo=WARSAW)
    assert compute_deadline(RULE["quote_authorisation_periodical"], start).due == D(2026, 5, 2)


@pytest.mark.django_db
def test_unknown_rule_code() -> None:
    with pytest.raises(DeadlineRule.DoesNotExist):
        compute_deadline(RuleSpec("no_such_rule", "x", "y", 1, Unit.CALENDAR_DAYS), D(2026, 1, 1))


@pytest.mark.django_db
def test_ensure_default_rules_is_idempotent_and_keeps_edits() -> None:
    edited = DeadlineRule.objects.get(code="patronage_lead_time")
    edited.amount = 45
    edited.save()
    DeadlineRule.objects.filter(code="udip_answer").delete()
    ensure_default_rules()
    ensure_default_rules()
    assert DeadlineRule.objects.filter(code="udip_answer").count() == 1
    assert DeadlineRule.objects.get(code="patronage_lead_time").amount == 45
    assert DeadlineRule.objects.count() >= len(RULES)
