"""The range of dates the office works with, enforced on every date typed into any form.

Python's dates reach from year 1 to 9999, and arithmetic near either end (a week view around
31.12.9999, the month before 1.01.0001, a time zone shift) overflows into a server error.
No record of a city office is dated outside ``EARLIEST``–``LATEST``, so every form's date and
date-time field refuses such a value with a message instead: ``install()`` (from the core's
``ready``) adds the check to Django's form fields once, for every form of every app, the
admin's included, present and future.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy

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
    for field_class in (forms.DateField, forms.DateTimeField):
        if validate_office_date not in field_class.default_validators:
            field_class.default_validators = [*field_class.default_validators, validate_office_date]
    if not getattr(forms.ModelMultipleChoiceField._check_values, "office_guard", False):
        forms.ModelMultipleChoiceField._check_values = _ids_in_range(forms.ModelMultipleChoiceField._check_values)
