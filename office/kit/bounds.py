"""The range of dates the office works with, enforced on every date typed into any form.

Python's dates reach from year 1 to 9999, and arithmetic near either end (a week view around
31.12.9999, the month before 1.01.0001, a time zone shift) overflows into a server error.
No record of a city office is dated outside ``EARLIEST``–``LATEST``, so every form's date and
date-time field refuses such a value with a message instead: ``install()`` (from the core's
``ready``) adds the check to Django's form and model fields once, for every form and model of
every app, the admin's included, present and future. ``out_of_range`` lists the stored rows that
are outside it (``manage.py check_dates``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy

from office.kit import text

EARLIEST = dt.date(1800, 1, 1)
LATEST = dt.date(2199, 12, 31)
#: The largest count of days a number field may ask the office to go back or forward.
MAX_DAYS = (LATEST - EARLIEST).days


def validate_office_date(value: Any) -> None:
    day = value.date() if isinstance(value, dt.datetime) else value
    if isinstance(day, dt.date) and not EARLIEST <= day <= LATEST:
        raise ValidationError(
            gettext_lazy("Give a date between %(earliest)s and %(latest)s."),
            code="date_out_of_range",
            params={
                "earliest": date_format(EARLIEST, "SHORT_DATE_FORMAT"),
                "latest": date_format(LATEST, "SHORT_DATE_FORMAT"),
            },
        )


def clamp(day: dt.date) -> dt.date:
    """A date taken from a link rather than a form (``?date=``), moved into the office's range."""
    return min(max(day, EARLIEST), LATEST)


#: The largest id a database integer column holds (a bigger typed id is refused in the form).
MAX_ID = 2**63 - 1


def _ids_in_range(check_values: Any) -> Any:
    """Wrap ``ModelMultipleChoiceField._check_values``: an integer id beyond any column (``9`` × 40,
    typed into a multiple choice) is an invalid choice, not a database error (SQLite overflows)."""

    def checked(field: forms.ModelMultipleChoiceField, value: Any) -> Any:
        model = field.queryset.model
        column = model._meta.pk if (field.to_field_name or "pk") == "pk" else model._meta.get_field(field.to_field_name)
        if isinstance(column, (models.AutoField, models.IntegerField)):
            for pk in value:
                text = str(pk).strip()
                if text.lstrip("-").isdecimal() and abs(int(text)) > MAX_ID:
                    raise ValidationError(
                        field.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                    )
        return check_values(field, value)

    checked.office_guard = True  # type: ignore[attr-defined]
    return checked


def install() -> None:
    """Add the range check to every form's and every model's date and date-time field.

    On the model fields it is a class-level default validator, so ``full_clean`` (a model form,
    the admin, a service that validates what it got from a file or another system) refuses a
    date outside the range before it reaches the database; migrations never see it (they record
    only validators given to one field).
    """
    for field_class in (forms.DateField, forms.DateTimeField, models.DateField, models.DateTimeField):
        if validate_office_date not in field_class.default_validators:
            field_class.default_validators = [*field_class.default_validators, validate_office_date]
    if not getattr(forms.ModelMultipleChoiceField._check_values, "office_guard", False):
        forms.ModelMultipleChoiceField._check_values = _ids_in_range(forms.ModelMultipleChoiceField._check_values)
    text.install()  # one-line fields fold line breaks and control characters (office.kit.text)


@dataclass(frozen=True)
class StoredOutOfRange:
    """Rows of one model whose date or date-time ``field`` is outside the office's range."""

    label: str  # app_label.Model.field
    count: int
    ids: list[Any]


def out_of_range(*, using: str = "default", sample: int = 20) -> list[StoredOutOfRange]:
    """Every date and date-time column of every model checked for stored values outside
    ``EARLIEST``–``LATEST``: one query per column (an ``exists``), and for an offending one the
    count and the first ``sample`` ids (never the values: PostgreSQL keeps a year 1 BC the
    driver cannot read back)."""
    start = dt.datetime.combine(EARLIEST, dt.time.min, tzinfo=dt.UTC)
    end = dt.datetime.combine(LATEST, dt.time.max, tzinfo=dt.UTC)
    found = []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        for field in meta.concrete_fields:
            if not isinstance(field, models.DateField):
                continue
            low, high = (start, end) if isinstance(field, models.DateTimeField) else (EARLIEST, LATEST)
            outside = model._base_manager.using(using).filter(
                Q(**{f"{field.name}__lt": low}) | Q(**{f"{field.name}__gt": high})
            )
            if outside.exists():
                ids = list(outside.order_by("pk").values_list("pk", flat=True)[:sample])
                found.append(StoredOutOfRange(f"{meta.label}.{field.name}", outside.count(), ids))
    return found
