"""Pages of business travel: planning a trip through the form, the steps on its page (order,
approval, settlement with the rates missing named, the PDF job), partners and delegations, and
the query budgets of the lists and the record pages."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from calendar_app.travel.models import Country, Delegation, PartnerCity, Trip, TripStatus
from calendar_app.travel.services import relations, settlements, trips
from office.models import Job
from tests.travel.factories import deputy, mayor, order_template, planned_trip, rates, returned_trip, secretary
from tests.utils import assert_constant_queries, client_for, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english(settings: Any) -> Iterator[None]:
    """The messages checked here are the English ones (pages and services in English)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield


@pytest.fixture
def officer(persona):
    rates()
    mayor()
    secretary()
    return persona("travel_officer")


def _local(value: dt.datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")


def test_planning_a_trip_through_the_form(officer) -> None:
    day = timezone.localdate() + dt.timedelta(days=20)
    data = {
        "purpose": "Kongres Polityki Miejskiej",
        "destination": "Kraków",
        "departs_at": f"{day}T06:00",
        "returns_at": f"{day}T21:00",
        "holders": [deputy().pk],
        "budget_line": "750-75023-4410",
    }
    response = client_for(officer).post(reverse("travel:trip_create"), data)
    trip = Trip.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("travel:trip_detail", args=[trip.pk])
    page = client_for(officer).get(response["Location"])
    assert "Kongres Polityki Miejskiej" in page_text(page) and "Beata Zastępczyni" in page_text(page)


def test_a_return_before_the_departure_keeps_what_was_typed(officer) -> None:
    day = timezone.localdate() + dt.timedelta(days=20)
    data = {"purpose": "Targi", "destination": "Poznań", "departs_at": f"{day}T18:00", "returns_at": f"{day}T06:00"}
    response = client_for(officer).post(reverse("travel:trip_create"), {**data, "holders": [deputy().pk]})
    assert response.status_code == 200
    assert "The return must be after the departure." in page_text(response)
    assert 'value="Targi"' in response.content.decode()
    assert not Trip.objects.exists()


def test_ordering_and_approving_from_the_trip_page(officer, persona) -> None:
    trip = planned_trip(officer)
    client = client_for(officer)
    url = reverse("travel:trip_order", args=[trip.pk])
    assert client.post(url, {"order-template": order_template(officer).pk}).status_code == 302
    trip.refresh_from_db()
    assert trip.status == TripStatus.AWAITING
    management = client_for(persona("management"))
    assert management.post(reverse("travel:trip_approve", args=[trip.pk]), {"approve-note": ""}).status_code == 302
    trip.refresh_from_db()
    assert trip.is_approved


def test_the_mayor_sees_the_order_awaiting_his_decision(officer, persona) -> None:
    trip = planned_trip(officer)
    trips.order(actor=officer, trip=trip, template=order_template(officer))
    user = persona("management")
    holder = mayor()
    holder.user = user
    holder.save()
    response = client_for(user).get(reverse("office:awaiting_decision"))
    assert trip.purpose in page_text(response)


def test_a_missing_foreign_rate_is_named_with_a_link_to_add_it(officer) -> None:
    france = Country.objects.create(code="FR", name="Francja")
    trip = returned_trip(officer, country=france, destination="Troyes")
    response = client_for(officer).get(reverse("travel:settlement_edit", args=[trip.travellers.get().pk]))
    text = page_text(response)
    assert "There is no per diem for Francja" in text
    assert f"{reverse('travel:foreign_rate_create')}?country={france.pk}" in response.content.decode()
    add = client_for(officer).get(reverse("travel:foreign_rate_create") + f"?country={france.pk}&valid_from=2026-01-01")
    assert add.status_code == 200 and 'value="2026-01-01"' in add.content.decode()


def test_settling_shows_the_computation_and_makes_its_pdf(officer, django_capture_on_commit_callbacks) -> None:
    trip = returned_trip(officer, length=0)  # 06:00 to 20:00: 14 h, a full per diem
    traveller = trip.travellers.get()
    client = client_for(officer)
    data = {
        "started_at": _local(trip.departs_at),
        "ended_at": _local(trip.returns_at),
        "home_breakfasts": "0",
        "home_lunches": "1",
        "home_suppers": "0",
        "lump_nights": "0",
        "km": "0",
        "tickets": "35.50",
        "other_costs": "0",
        "advance": "0",
        "hotel_invoices": "",
    }
    response = client.post(reverse("travel:settlement_edit", args=[traveller.pk]), data)
    settlement = settlements.Settlement.objects.get()
    assert response.status_code == 302
    assert settlement.total_pln == Decimal("45.00") - Decimal("22.50") + Decimal("35.50")
    page = client.get(response["Location"])
    assert "Meals provided (domestic trip)" in page_text(page)
    assert "58,00" in page_text(page) or "58.00" in page_text(page)
    with django_capture_on_commit_callbacks(execute=True):
        job_response = client.post(reverse("travel:settlement_pdf", args=[settlement.pk]))
    job = Job.objects.get()
    assert job_response["Location"] == reverse("office:job_detail", args=[job.pk])
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    with job.result.open("rb") as stream:
        text = subprocess.run(["pdftotext", "-", "-"], input=stream.read(), capture_output=True, check=True).stdout
    assert b"58,00" in text and b"-22,50" in text  # the office's document, in Polish


def test_partner_and_delegation_pages(officer) -> None:
    germany = rates()
    partner = relations.save_partner(
        actor=officer, partner=PartnerCity(name="Cottbus", country=germany, languages="niemiecki")
    )
    client = client_for(officer)
    assert "Cottbus" in page_text(client.get(reverse("travel:partner_detail", args=[partner.pk])))
    response = client.post(
        reverse("travel:partner_agreement", args=[partner.pk]),
        {"agreement-title": "Umowa", "agreement-signed_on": "1975-06-01"},
    )
    assert response.status_code == 302 and partner.agreements.count() == 1
    day = timezone.localdate() + dt.timedelta(days=5)
    data = {"name": "Delegacja z Cottbus", "country": germany.pk, "partner": partner.pk}
    data |= {"arrives_at": f"{day}T10:00", "departs_at": f"{day}T18:00", "host": mayor().pk}
    response = client.post(reverse("travel:delegation_create"), data)
    delegation = Delegation.objects.get()
    assert response.status_code == 302 and delegation.calendar_entry_id is not None
    gift = {"gift-direction": "received", "gift-description": "Porcelana", "gift-person": "Burmistrz"}
    client.post(reverse("travel:delegation_gift", args=[delegation.pk]), gift)
    assert "Porcelana" in page_text(client.get(reverse("travel:delegation_detail", args=[delegation.pk])))


# --- query budgets ------------------------------------------------------------------------------------


def test_the_trip_list_costs_the_same_whatever_its_length(officer, persona) -> None:
    staff = persona("office_staff")

    def make(count: int) -> None:
        for _ in range(count):
            planned_trip(officer, days_ahead=30 + Trip.objects.count() * 3, users=[staff])

    assert_constant_queries(client_for(officer), reverse("travel:trip_list"), make)


def test_the_trip_page_costs_the_same_whatever_its_legs_and_travellers(officer, persona) -> None:
    trip = planned_trip(officer, length=20)
    users = iter([persona(key) for key in ("office_staff", "secretariat", "press_officer", "auditor")])

    def make(count: int) -> None:
        for _ in range(count):
            start = trip.departs_at + dt.timedelta(hours=trip.legs.count() * 2)
            trips.add_leg(
                actor=officer,
                trip=trip,
                from_place="A",
                to_place="B",
                departs_at=start,
                arrives_at=start + dt.timedelta(hours=1),
                transport="train",
            )
        user = next(users, None)
        if user is not None:
            travellers = [t.user for t in trip.travellers.filter(user__isnull=False)] + [user]
            trips.update_trip(
                actor=officer,
                trip=Trip.objects.get(pk=trip.pk),
                holders=[deputy()],
                users=travellers,
                keep_conflict_reason="x",
            )

    assert_constant_queries(client_for(officer), reverse("travel:trip_detail", args=[trip.pk]), make)


def test_the_partner_and_delegation_lists_cost_the_same(officer) -> None:
    germany = rates()

    def partners(count: int) -> None:
        for n in range(count):
            relations.save_partner(actor=officer, partner=PartnerCity(name=f"Miasto {n}", country=germany))

    def delegations(count: int) -> None:
        start = timezone.now() + dt.timedelta(days=3)
        for n in range(count):
            relations.save_delegation(
                actor=officer,
                delegation=Delegation(
                    name=f"Delegacja {n}", country=germany, arrives_at=start, departs_at=start + dt.timedelta(hours=3)
                ),
            )

    assert_constant_queries(client_for(officer), reverse("travel:partner_list"), partners)
    assert_constant_queries(client_for(officer), reverse("travel:delegation_list"), delegations)
