"""The one table of named deadline rules (see the rules in office/deadlines.py)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _in_polish() -> bool:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0] == "pl"


class DeadlineRule(models.Model):
    """A statutory or local deadline, editable by administrators.

    The code is what computed deadlines keep, so staff can always check where a date came from.
    """

    class Unit(models.TextChoices):
        CALENDAR_DAYS = "calendar_days", _("calendar days")
        WORKING_DAYS = "working_days", _("working days")
        HOURS = "hours", _("hours")
        MONTHS = "months", _("months")
        ANNUAL_DATE = "annual_date", _("fixed date each year")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    basis = models.CharField(_("legal basis"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    basis_en = models.CharField(_("legal basis in English"), max_length=200, blank=True)
    amount = models.PositiveIntegerField(_("amount"), default=0)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices, default=Unit.CALENDAR_DAYS)
    annual_month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    annual_day = models.PositiveSmallIntegerField(_("day"), null=True, blank=True)
    moves_to_working_day = models.BooleanField(
        _("moves to the next working day"),
        default=False,
        help_text=_(
            "A deadline on a Saturday, Sunday or public holiday moves to the next working day (KPA art. 57 § 4)."
        ),
    )
    to_verify = models.BooleanField(
        _("to verify"), default=False, help_text=_("Taken from a secondary source: check against the act.")
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(unit="annual_date")
                | models.Q(
                    annual_month__isnull=False,
                    annual_day__isnull=False,
                    annual_month__gte=1,
                    annual_month__lte=12,
                    annual_day__gte=1,
                    annual_day__lte=31,
                ),
                name="deadline_rule_annual_date_complete",
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def localized_name(self) -> str:
        """The name in the active language (Polish, the stored ``name``, when there is no other)."""
        return (not _in_polish() and self.name_en) or self.name

    @property
    def localized_basis(self) -> str:
        return (not _in_polish() and self.basis_en) or self.basis

    @property
    def label(self) -> str:
        """ "Name (basis)" in the active language, as records show where a date came from."""
        return f"{self.localized_name} ({self.localized_basis})"

    def clean(self) -> None:
        if self.unit == self.Unit.ANNUAL_DATE:
            if not self.annual_month or not self.annual_day:
                raise ValidationError(_("A fixed date each year needs a month and a day."))
            try:
                dt.date(2024, self.annual_month, self.annual_day)  # a leap year: 29 February is allowed
            except ValueError:
                raise ValidationError({"annual_day": _("This month has no such day.")}) from None
