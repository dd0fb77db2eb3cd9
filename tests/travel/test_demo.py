"""The demo data of business travel: the rates, three partner cities with two visits each, a
year of trips with six foreign ones settled, through the services; a second run adds nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calendar_app.travel.demo import seed
from calendar_app.travel.models import Delegation, DomesticRate, KmRate, PartnerCity, Settlement, Trip
from tests.travel.factories import deputy, mayor, office_unit

pytestmark = pytest.mark.django_db


def test_the_demo_makes_a_year_of_trips_once(persona) -> None:
    admin = persona("administrator")
    mayor()
    deputy()
    office_unit()
    seed(admin)
    assert DomesticRate.objects.filter(valid_to__isnull=True).get().per_diem == Decimal("45.00")
    assert KmRate.objects.filter(vehicle="car_large", valid_to__isnull=True).get().rate == Decimal("1.1500")
    foreign = Trip.objects.filter(country__isnull=False)
    assert foreign.count() == 6
    assert Settlement.objects.filter(traveller__trip__in=foreign).count() >= 5  # the ones already over
    assert PartnerCity.objects.count() == 3
    for partner in PartnerCity.objects.all():
        assert partner.trips.count() + partner.delegations.count() == 2
    assert Delegation.objects.count() == 3
    trips = Trip.objects.count()
    seed(admin)
    assert Trip.objects.count() == trips
