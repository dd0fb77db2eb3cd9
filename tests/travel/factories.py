"""Rates, office holders and trips made through the services, in the states the tests need."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from calendar_app.travel.models import Country, DomesticRate, ForeignRate, KmRate, Transport, Trip, Vehicle
from calendar_app.travel.services import trips
from correspondence.services import archive
from correspondence.services import letters as letter_services
from office.models import OfficeHolder, OrgUnit

TEMPLATE_NAME = "Polecenie wyjazdu (testy)"


def holder(role: str, first: str, last: str, order: int, title: str) -> OfficeHolder:
    found = OfficeHolder.objects.filter(role=role, last_name=last).first()
    return found or OfficeHolder.objects.create(role=role, title=title, first_name=first, last_name=last, order=order)


def mayor() -> OfficeHolder:
    return OfficeHolder.objects.filter(role="mayor").first() or holder(
        "mayor", "Andrzej", "Kowalczyk", 1, "Prezydent Miasta"
    )


def deputy() -> OfficeHolder:
    return holder("deputy", "Beata", "Zastępczyni", 2, "Zastępca Prezydenta Miasta")


def secretary() -> OfficeHolder:
    return holder("secretary", "Cezary", "Sekretarz", 5, "Sekretarz Miasta")


def rates() -> Country:
    """The domestic per diem (45 PLN since 2023), the km rates and Germany's rates; returns Germany."""
    if not DomesticRate.objects.exists():
        DomesticRate.objects.create(valid_from=dt.date(2023, 1, 1), per_diem=Decimal("45"))
    if not KmRate.objects.exists():
        KmRate.objects.create(vehicle=Vehicle.CAR_LARGE, rate=Decimal("1.15"), valid_from=dt.date(2023, 1, 17))
    germany, _ = Country.objects.get_or_create(code="DE", defaults={"name": "Niemcy"})
    if not germany.rates.exists():
        ForeignRate.objects.create(
            country=germany,
            valid_from=dt.date(2013, 3, 1),
            currency="EUR",
            per_diem=Decimal("49"),
            hotel_limit=Decimal("150"),
        )
    return germany


def office_unit() -> OrgUnit:
    return OrgUnit.objects.get_or_create(symbol="KP", defaults={"name": "Kancelaria Prezydenta"})[0]


def order_template(actor: Any) -> Any:
    archive.ensure_shipped_classes()
    office_unit()
    return letter_services.define_template(
        actor=actor,
        name=TEMPLATE_NAME,
        source_kind=trips.ORDER_SOURCE,
        subject="Polecenie wyjazdu {{ polecenie_wyjazdu.numer }}",
        body=(
            "Polecam {{ polecenie_wyjazdu.podrozny }} wyjazd do {{ polecenie_wyjazdu.miejsce }} "
            "w celu: {{ polecenie_wyjazdu.cel }}."
        ),
        jrwa_symbol="0560",
        signatory=mayor(),
    )


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())


def planned_trip(
    actor: Any, *, days_ahead: int = 30, length: int = 2, country: Country | None = None, **fields: Any
) -> Trip:
    """A deputy's trip (with a staff member when ``users`` is given), planned ``days_ahead`` from today."""
    day = timezone.localdate() + dt.timedelta(days=days_ahead)
    holders = fields.pop("holders", None)
    users = fields.pop("users", [])
    values = {
        "purpose": "Forum Miast Partnerskich",
        "destination": "Lipsk" if country else "Warszawa",
        "country": country,
        "departs_at": at(day, 6),
        "returns_at": at(day + dt.timedelta(days=length), 20),
        **fields,
    }
    return trips.plan_trip(
        actor=actor,
        trip=Trip(**values),
        holders=[deputy()] if holders is None else holders,
        users=users,
        keep_conflict_reason="test",
    )


def approved_trip(actor: Any, **fields: Any) -> Trip:
    trip = planned_trip(actor, **fields)
    trips.add_leg(
        actor=actor,
        trip=trip,
        from_place="Urząd Miasta",
        to_place=trip.destination,
        departs_at=trip.departs_at,
        arrives_at=trip.departs_at + dt.timedelta(hours=5),
        transport=Transport.TRAIN,
    )
    trips.order(actor=actor, trip=trip, template=order_template(actor))
    return trips.approve(actor=actor, trip=trip)


def returned_trip(actor: Any, **fields: Any) -> Trip:
    """Approved and over: it went three days ago."""
    fields.setdefault("days_ahead", -5)
    return approved_trip(actor, **fields)
