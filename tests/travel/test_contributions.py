"""What business travel shows on the core's pages: the widgets (settlements due, delegations this
month), the digest, the search and the approvals waiting for the entitled office holder."""

from __future__ import annotations

import pytest
from django.utils import timezone

from calendar_app.travel import contributions
from calendar_app.travel.models import Delegation
from calendar_app.travel.services import relations, trips
from tests.travel.factories import at, mayor, order_template, planned_trip, rates, returned_trip, secretary

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(persona):
    rates()
    mayor()
    secretary()
    return persona("travel_officer")


def test_settlements_due_and_the_digest(officer) -> None:
    trip = returned_trip(officer)
    planned_trip(officer)
    widget = contributions.settlements_due(officer)
    assert widget.total == 1 and widget.items[0].label == str(trip)
    assert [item.label for item in contributions.digest_settlements(officer).items] == [str(trip)]


def test_delegations_this_month(officer) -> None:
    germany = rates()
    today = timezone.localdate()
    relations.save_delegation(
        actor=officer,
        delegation=Delegation(
            name="Delegacja z Lipska", country=germany, arrives_at=at(today, 0, 5), departs_at=at(today, 23)
        ),
    )
    assert contributions.delegations_this_month(officer).total == 1
    assert contributions.digest_delegations(officer).items[0].label == "Delegacja z Lipska"


def test_search_finds_trips(officer) -> None:
    trip = planned_trip(officer, purpose="Kongres Miast Nadodrzańskich")
    hits = contributions.search_trips(officer, query="Nadodrzańskich")
    assert [hit.title for hit in hits] == [str(trip)]


def test_the_approval_waits_for_the_approver_only(officer, persona) -> None:
    trip = planned_trip(officer)
    trips.order(actor=officer, trip=trip, template=order_template(officer))
    the_mayor, other = persona("management"), persona("auditor")
    holder = mayor()
    holder.user = the_mayor
    holder.save()
    assert contributions._is_an_approver(the_mayor)
    assert not contributions._is_an_approver(other)
    waiting = contributions.trips_to_approve(the_mayor, limit=None)
    assert waiting.total == 1 and waiting.items[0].due == timezone.localtime(trip.departs_at).date()
    assert contributions.trips_to_approve(the_mayor, limit=0).total == 1
    trips.approve(actor=the_mayor, trip=trip)
    assert contributions.trips_to_approve(the_mayor, limit=0).total == 0
