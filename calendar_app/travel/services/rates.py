"""The rates in force on a day, and saving rates (a period never overlaps another of its kind)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from calendar_app.travel.models import Country, DomesticRate, ForeignRate, KmRate
from office.services import audit


def _in_force(day: dt.date) -> Q:
    return Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))


def domestic_rate_on(day: dt.date) -> DomesticRate | None:
    return DomesticRate.objects.filter(_in_force(day)).order_by("-valid_from").first()


def foreign_rate_on(country: Country, day: dt.date) -> ForeignRate | None:
    return ForeignRate.objects.filter(_in_force(day), country=country).order_by("-valid_from").first()


def km_rate_on(vehicle: str, day: dt.date) -> KmRate | None:
    return KmRate.objects.filter(_in_force(day), vehicle=vehicle).order_by("-valid_from").first()


@dataclass(frozen=True)
class MissingRate:
    """A rate the settlement needs and the tables lack: what, and where to add it."""

    text: str
    add_url: str


def missing_rates(*, country: Country | None, day: dt.date, vehicle: str = "") -> list[MissingRate]:
    missing = []
    when = date_format(day, "SHORT_DATE_FORMAT")
    if domestic_rate_on(day) is None:
        missing.append(
            MissingRate(
                _("There is no domestic per diem in force on %(day)s.") % {"day": when},
                reverse("travel:domestic_rate_create") + "?" + urlencode({"valid_from": day.isoformat()}),
            )
        )
    if country is not None and foreign_rate_on(country, day) is None:
        missing.append(
            MissingRate(
                _("There is no per diem for %(country)s in force on %(day)s.") % {"country": country.name, "day": when},
                reverse("travel:foreign_rate_create")
                + "?"
                + urlencode({"country": country.pk, "valid_from": day.isoformat()}),
            )
        )
    if vehicle and km_rate_on(vehicle, day) is None:
        missing.append(
            MissingRate(
                _("There is no rate per kilometre for this vehicle in force on %(day)s.") % {"day": when},
                reverse("admin:travel_kmrate_add"),
            )
        )
    return missing


def _check_overlap(queryset: Any, rate: Any) -> None:
    end = rate.valid_to or dt.date.max
    clash = queryset.exclude(pk=rate.pk).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=rate.valid_from), valid_from__lte=end
    )
    if rate.valid_to is not None and rate.valid_to < rate.valid_from:
        raise ValidationError({"valid_to": _("The period cannot end before it starts.")})
    if clash.exists():
        raise ValidationError(
            {"valid_from": _("Another rate is in force in this period: %(rate)s.") % {"rate": clash.first()}}
        )


@transaction.atomic
def save_domestic_rate(*, actor: Any, rate: DomesticRate) -> DomesticRate:
    _check_overlap(DomesticRate.objects.select_for_update(of=("self",)), rate)
    return audit.save_record(actor=actor, record=rate)


@transaction.atomic
def save_foreign_rate(*, actor: Any, rate: ForeignRate) -> ForeignRate:
    rate.currency = rate.currency.strip().upper()
    _check_overlap(ForeignRate.objects.select_for_update(of=("self",)).filter(country_id=rate.country_id), rate)
    return audit.save_record(actor=actor, record=rate)
