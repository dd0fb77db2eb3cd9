"""The office's range of dates below the forms: model fields, deadline arithmetic, photos' EXIF
dates and the check of stored rows (``manage.py check_dates``)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models
from django.utils import timezone
from PIL import Image

from events.services.galleries import _taken_at
from office.deadlines import add_working_days, apply_rule, next_working_day
from office.kit import bounds
from office.models import Assignment, DeadlineRule
from tests.factories import AssignmentFactory

Unit = DeadlineRule.Unit
D = dt.date


def test_every_model_date_field_has_the_range_check() -> None:
    from django.apps import apps

    fields = [
        field
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateField)
    ]
    assert len(fields) > 20
    for field in fields:
        assert bounds.validate_office_date in field.validators, field


@pytest.mark.django_db
def test_full_clean_refuses_a_date_outside_the_range(wok) -> None:
    assignment = AssignmentFactory.build(unit=wok, due_date=D(9999, 12, 31))
    with pytest.raises(ValidationError) as error:
        assignment.full_clean(exclude=["created_by"])
    assert error.value.error_dict["due_date"][0].code == "date_out_of_range"
    assignment.due_date = D(2199, 12, 31)
    assignment.full_clean(exclude=["created_by"])  # the last day is inside


def _rule(unit: str, amount: int, **extra) -> DeadlineRule:
    return DeadlineRule(code=f"t_{unit}", name="Reguła", basis="Podstawa", amount=amount, unit=unit, **extra)


@pytest.mark.parametrize(
    "rule",
    [
        _rule(Unit.CALENDAR_DAYS, 30, moves_to_working_day=True),
        _rule(Unit.CALENDAR_DAYS, 4_000_000_000),
        _rule(Unit.WORKING_DAYS, 14, moves_to_working_day=True),
        _rule(Unit.WORKING_DAYS, 4_000_000_000),
        _rule(Unit.HOURS, 48),
        _rule(Unit.HOURS, 4_000_000_000),
        _rule(Unit.MONTHS, 2, moves_to_working_day=True),
        _rule(Unit.MONTHS, 4_000_000),
        _rule(Unit.ANNUAL_DATE, 0, annual_month=1, annual_day=31, moves_to_working_day=True),
    ],
    ids=lambda rule: f"{rule.unit}-{rule.amount}",
)
@pytest.mark.parametrize(
    "start",
    [
        D(9999, 12, 31),
        D(1, 1, 1),
        D(2199, 12, 31),
        D(1800, 1, 1),
        dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.UTC),
        dt.datetime(1, 1, 1, 0, 0),
    ],
    ids=str,
)
def test_no_deadline_overflows(rule: DeadlineRule, start: dt.date) -> None:
    deadline = apply_rule(rule, start)
    assert bounds.EARLIEST <= deadline.due <= bounds.LATEST
    assert deadline.rule_code == rule.code


def test_deadlines_inside_the_range_are_unchanged() -> None:
    assert apply_rule(_rule(Unit.CALENDAR_DAYS, 14), D(2026, 3, 2)).due == D(2026, 3, 16)
    assert apply_rule(_rule(Unit.CALENDAR_DAYS, 14), D(9999, 1, 1)).due == bounds.LATEST


def test_working_day_helpers_stop_at_the_last_day() -> None:
    assert add_working_days(D(2199, 12, 20), 10**9) == bounds.LATEST
    assert next_working_day(bounds.LATEST) == bounds.LATEST


def _photo_taken(raw: str) -> Image.Image:
    exif = Image.Exif()
    exif.get_ifd(0x8769)[36867] = raw
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "JPEG", exif=exif)
    out.seek(0)
    return Image.open(out)


@pytest.mark.parametrize("raw", ["0001:01:01 00:00:00", "9999:12:31 23:59:59", "1799:12:31 12:00:00", "garbage"])
def test_an_exif_date_outside_the_range_is_ignored(raw: str) -> None:
    assert _taken_at(_photo_taken(raw)) is None


def test_an_exif_date_inside_the_range_is_kept() -> None:
    taken = _taken_at(_photo_taken("2026:11:11 11:05:00"))
    assert taken is not None and timezone.is_aware(taken) and taken.year == 2026


@pytest.mark.django_db
def test_check_dates_lists_stored_rows_outside_the_range(wok, capsys) -> None:
    call_command("check_dates")
    assert "Every stored date is within" in capsys.readouterr().out
    inside = AssignmentFactory(unit=wok)
    outside = AssignmentFactory(unit=wok)
    # written around the model's check, as raw SQL or an old backup would
    Assignment.objects.filter(pk=outside.pk).update(due_date=D(9999, 12, 31))
    Assignment.objects.filter(pk=inside.pk).update(closed_at=dt.datetime(1700, 1, 1, tzinfo=dt.UTC))
    found = {column.label: column for column in bounds.out_of_range()}
    assert found["office.Assignment.due_date"].ids == [outside.pk]
    assert found["office.Assignment.closed_at"].ids == [inside.pk]
    assert set(found) == {"office.Assignment.due_date", "office.Assignment.closed_at"}
    with pytest.raises(CommandError):
        call_command("check_dates")
    printed = capsys.readouterr().out
    assert "office.Assignment.due_date: 1 row(s)" in printed and str(outside.pk) in printed


@pytest.mark.django_db
def test_check_dates_asks_once_per_column(django_assert_max_num_queries) -> None:
    from django.apps import apps

    columns = sum(
        isinstance(field, models.DateField)
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.managed
        for field in model._meta.concrete_fields
    )
    with django_assert_max_num_queries(columns):
        assert bounds.out_of_range() == []
