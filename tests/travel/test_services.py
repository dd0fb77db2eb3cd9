"""Services of business travel: planning on the calendars, the itinerary's rules, orders and their
approval by the entitled person, settlements with the rates in force, reports and follow-ups,
partners and delegations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from calendar_app.models import Entry, EntryStatus
from calendar_app.travel.models import ApproverRule, Delegation, ForeignRate, PartnerCity, Transport, TripStatus
from calendar_app.travel.services import rates, relations, settlements, trips
from office.models import Assignment, AuditEntry
from tests.travel.factories import (
    at,
    deputy,
    mayor,
    order_template,
    planned_trip,
    returned_trip,
    secretary,
)
from tests.travel.factories import (
    rates as make_rates,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english(settings: Any) -> Iterator[None]:
    """The messages checked here are the English ones (pages and services in English)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def officer(persona):
    make_rates()
    mayor()
    secretary()
    return persona("travel_officer")


def test_a_planned_trip_is_numbered_and_tentative_on_the_holders_calendar(officer, persona) -> None:
    staff = persona("office_staff")
    trip = planned_trip(officer, users=[staff])
    assert trip.reference == f"PS.1.{trip.year}"
    traveller = trip.travellers.get(holder=deputy())
    entry = Entry.objects.get(pk=traveller.calendar_entry_id)
    assert entry.calendar.office_holder == deputy()
    assert entry.status == EntryStatus.TENTATIVE and entry.kind == "trip"
    assert list(entry.staff.all()) == [staff]
    assert trip.settlement_due_on == timezone.localtime(trip.returns_at).date() + dt.timedelta(days=14) or (
        trip.settlement_due_on.weekday() == 0
    )
    assert AuditEntry.objects.filter(object_id=str(trip.pk), action="create").exists()


def test_the_entry_moves_with_the_trip_and_leaves_with_the_traveller(officer) -> None:
    trip = planned_trip(officer)
    trip.departs_at += dt.timedelta(days=1)
    trip.returns_at += dt.timedelta(days=1)
    trips.update_trip(actor=officer, trip=trip, holders=[deputy()], users=[], keep_conflict_reason="x")
    entry = Entry.objects.get(pk=trip.travellers.get().calendar_entry_id)
    assert entry.start == trip.departs_at and entry.end == trip.returns_at
    trips.update_trip(actor=officer, trip=trip, holders=[mayor()], users=[], keep_conflict_reason="x")
    entry.refresh_from_db()
    assert entry.status == EntryStatus.CANCELLED
    assert trip.travellers.get().holder == mayor()


def test_return_before_departure_and_no_traveller_are_refused(officer) -> None:
    with pytest.raises(ValidationError) as failure:
        planned_trip(officer, returns_at=at(timezone.localdate(), 5), holders=[])
    assert {"returns_at", "holders"} <= set(failure.value.message_dict)


def test_legs_must_not_overlap_and_lie_within_the_trip(officer) -> None:
    trip = planned_trip(officer)
    leg = {"from_place": "A", "to_place": "B", "transport": Transport.TRAIN}
    trips.add_leg(
        actor=officer, trip=trip, departs_at=trip.departs_at, arrives_at=trip.departs_at + dt.timedelta(hours=3), **leg
    )
    with pytest.raises(ValidationError, match="overlaps"):
        trips.add_leg(
            actor=officer,
            trip=trip,
            departs_at=trip.departs_at + dt.timedelta(hours=2),
            arrives_at=trip.departs_at + dt.timedelta(hours=4),
            **leg,
        )
    with pytest.raises(ValidationError) as failure:
        trips.add_leg(
            actor=officer,
            trip=trip,
            departs_at=trip.returns_at,
            arrives_at=trip.returns_at - dt.timedelta(hours=1),
            **leg,
        )
    assert "arrives_at" in failure.value.message_dict
    with pytest.raises(ValidationError):
        trips.add_leg(
            actor=officer,
            trip=trip,
            departs_at=trip.returns_at,
            arrives_at=trip.returns_at + dt.timedelta(hours=1),
            **leg,
        )
    trip.returns_at = trip.departs_at + dt.timedelta(hours=2)  # would leave the leg outside
    with pytest.raises(ValidationError, match="outside"):
        trips.update_trip(actor=officer, trip=trip, holders=[deputy()], users=[])


def test_the_approver_is_the_mayor_for_deputies_and_the_secretary_for_staff(officer, persona) -> None:
    assert trips.approver_for(planned_trip(officer)) == mayor()
    staff_trip = planned_trip(officer, holders=[], users=[persona("office_staff")], days_ahead=60)
    assert trips.approver_for(staff_trip) == secretary()
    ApproverRule.objects.create(traveller_kind="staff", approver=deputy())
    assert trips.approver_for(staff_trip) == deputy()


def test_ordering_writes_a_letter_per_traveller_and_waits_for_the_approver(officer, persona) -> None:
    trip = planned_trip(officer, users=[persona("office_staff")])
    trips.order(actor=officer, trip=trip, template=order_template(officer))
    trip.refresh_from_db()
    assert trip.status == TripStatus.AWAITING and trip.approver == mayor()
    letters = [t.order_letter for t in trip.travellers.select_related("order_letter")]
    assert all(letter is not None for letter in letters) and len({letter.sign for letter in letters}) == 2
    assert "Forum Miast Partnerskich" in letters[0].body
    with pytest.raises(ValidationError):
        trips.order(actor=officer, trip=trip, template=order_template(officer))


def test_approval_confirms_the_entries_and_refusal_takes_them_off(officer, persona) -> None:
    template = order_template(officer)
    trip = planned_trip(officer)
    trips.order(actor=officer, trip=trip, template=template)
    trips.approve(actor=persona("management"), trip=trip)
    entry = Entry.objects.get(pk=trip.travellers.get().calendar_entry_id)
    assert entry.status == EntryStatus.CONFIRMED
    other = planned_trip(officer, days_ahead=90)
    trips.order(actor=officer, trip=other, template=template)
    other_entry = other.travellers.get().calendar_entry_id
    with pytest.raises(ValidationError):
        trips.refuse(actor=officer, trip=other, note=" ")
    trips.refuse(actor=officer, trip=other, note="Budżet")
    assert Entry.objects.get(pk=other_entry).status == EntryStatus.CANCELLED
    trips.cancel(actor=officer, trip=trip, note="Odwołane")
    assert Entry.objects.get(pk=entry.pk).status == EntryStatus.CANCELLED


def test_a_domestic_settlement_uses_the_rates_in_force(officer) -> None:
    trip = returned_trip(officer, length=1)
    traveller = trip.travellers.get()
    settlement = settlements.settle(
        actor=officer,
        traveller=traveller,
        started_at=trip.departs_at,
        ended_at=trip.returns_at,
        home_breakfasts=1,
        local_transport=True,
        vehicle="car_large",
        km=Decimal("100"),
    )
    # 38 h: 1 day + 14 h → 2 per diems (90), breakfast −11.25, transport 2 × 9, car 115
    assert settlement.domestic_per_diem == Decimal("45.00") and settlement.km_rate == Decimal("1.15")
    assert settlement.total_pln == Decimal("90.00") - Decimal("11.25") + Decimal("18.00") + Decimal("115.00")
    with pytest.raises(ValidationError) as failure:
        settlements.settle(
            actor=officer, traveller=traveller, started_at=trip.departs_at, ended_at=trip.returns_at, home_lunches=5
        )
    assert "home_lunches" in failure.value.message_dict


def test_a_foreign_settlement_needs_the_country_rate_on_the_trips_date(officer) -> None:
    germany = make_rates()
    trip = returned_trip(officer, country=germany, length=2)
    traveller = trip.travellers.get()
    claim = {
        "started_at": trip.departs_at,
        "ended_at": trip.returns_at,
        "abroad_from": trip.departs_at + dt.timedelta(hours=3),
        "abroad_until": trip.returns_at - dt.timedelta(hours=3),
        "abroad_lunches": 1,
        "exchange_rate": Decimal("4.30"),
        "hotel_invoices": "160; 120,50",
    }
    settlement = settlements.settle(actor=officer, traveller=traveller, **claim)
    assert settlement.currency == "EUR" and settlement.foreign_per_diem == Decimal("49.00")
    result = settlements.computed(settlement)
    # 56 h abroad: 2 days + 8 h → 2 1/3 per diems (114.33), lunch 30 % of 49, one night capped at 150
    assert result.total_foreign == Decimal("114.33") - Decimal("14.70") + Decimal("150") + Decimal("120.50")
    ForeignRate.objects.update(valid_from=timezone.localdate())
    missing = rates.missing_rates(country=germany, day=settlements.first_day(traveller))
    assert "Niemcy" in missing[0].text and "country=" in missing[0].add_url
    with pytest.raises(ValidationError, match="Niemcy"):
        settlements.settle(actor=officer, traveller=traveller, **claim)


def test_a_trip_not_over_is_not_settled(officer) -> None:
    trip = planned_trip(officer)
    with pytest.raises(ValidationError):
        settlements.settle(
            actor=officer, traveller=trip.travellers.get(), started_at=trip.departs_at, ended_at=trip.returns_at
        )


def test_the_report_and_its_follow_up_assignment(officer, wok) -> None:
    trip = returned_trip(officer)
    with pytest.raises(ValidationError):
        trips.follow_up(actor=officer, trip=trip, title="x", unit=wok, due_date=timezone.localdate())
    trips.file_report(actor=officer, trip=trip, agreed="Wspólny projekt", contacts="Burmistrz")
    assignment = trips.follow_up(
        actor=officer,
        trip=trip,
        title="Przygotować umowę",
        unit=wok,
        due_date=timezone.localdate() + dt.timedelta(days=7),
    )
    assert Assignment.objects.get(pk=assignment.pk).source_url == trips.trip_url(trip)


def test_rate_periods_never_overlap(officer) -> None:
    from calendar_app.travel.models import DomesticRate

    with pytest.raises(ValidationError):
        rates.save_domestic_rate(
            actor=officer, rate=DomesticRate(valid_from=dt.date(2024, 1, 1), per_diem=Decimal("50"))
        )
    DomesticRate.objects.update(valid_to=dt.date(2025, 12, 31))
    rates.save_domestic_rate(actor=officer, rate=DomesticRate(valid_from=dt.date(2026, 1, 1), per_diem=Decimal("50")))
    assert rates.domestic_rate_on(dt.date(2026, 2, 1)).per_diem == Decimal("50")
    assert rates.domestic_rate_on(dt.date(2025, 2, 1)).per_diem == Decimal("45")


def test_a_delegation_is_on_the_hosts_calendar_and_moves_with_it(officer) -> None:
    germany = make_rates()
    partner = relations.save_partner(actor=officer, partner=PartnerCity(name="Cottbus", country=germany))
    day = timezone.localdate() + dt.timedelta(days=10)
    delegation = relations.save_delegation(
        actor=officer,
        delegation=Delegation(
            name="Delegacja z Cottbus",
            partner=partner,
            country=germany,
            arrives_at=at(day, 10),
            departs_at=at(day, 18),
            host=mayor(),
        ),
        keep_conflict_reason="x",
    )
    relations.add_programme_item(
        actor=officer, delegation=delegation, starts_at=at(day, 11), ends_at=at(day, 12), title="Ratusz"
    )
    with pytest.raises(ValidationError):
        relations.add_programme_item(
            actor=officer, delegation=delegation, starts_at=at(day, 9), ends_at=at(day, 12), title="X"
        )
    relations.add_gift(actor=officer, delegation=delegation, direction="given", description="Album", person="Burmistrz")
    delegation.departs_at = at(day, 20)
    relations.save_delegation(actor=officer, delegation=delegation, keep_conflict_reason="x")
    entry = Entry.objects.get(pk=delegation.calendar_entry_id)
    assert entry.end == at(day, 20)
    relations.set_status(actor=officer, delegation=delegation, status="cancelled")
    entry.refresh_from_db()
    assert entry.status == EntryStatus.CANCELLED


def test_the_settled_cost_is_committed_on_the_trips_budget_line(officer) -> None:
    from office.administration import services as budget

    trip = returned_trip(officer, length=0)
    year = timezone.localtime(trip.departs_at).year
    line = budget.BudgetLine.objects.create(
        year=year,
        division="750",
        chapter="75023",
        paragraph="4410",
        name="Podróże służbowe krajowe",
        planned=Decimal("20000"),
    )
    wrong_year = budget.BudgetLine.objects.create(
        year=year - 1, division="750", chapter="75023", paragraph="4410", name="Podróże", planned=Decimal("1")
    )
    trip.line = wrong_year
    with pytest.raises(ValidationError) as failure:
        trips.update_trip(actor=officer, trip=trip, holders=[deputy()], users=[])
    assert "line" in failure.value.message_dict
    trip.line = line
    trips.update_trip(actor=officer, trip=trip, holders=[deputy()], users=[])
    traveller = trip.travellers.get()
    claim = {"started_at": trip.departs_at, "ended_at": trip.returns_at, "tickets": Decimal("40")}
    settlement = settlements.settle(actor=officer, traveller=traveller, **claim)
    commitment = budget.commitments_of(settlement).get()
    assert commitment.amount == Decimal("85.00") and commitment.line == line and commitment.kind == "trip"
    settlements.settle(actor=officer, traveller=traveller, **{**claim, "tickets": Decimal("60")})
    commitment.refresh_from_db()
    assert commitment.amount == Decimal("105.00") and budget.commitments_of(settlement).count() == 1
