"""Business travel in a real browser: a deputy's foreign trip planned, its travel order written,
on the deputy's calendar, approved by the mayor from "Awaiting my decision", settled with a meal
provided (the PDF's amounts read with pdftotext and checked against a computation written here,
independently of the app's), reported with a follow-up task; every page of the app passes axe,
the Nu HTML checker and the 640 px check."""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import ROUND_HALF_UP, Decimal

import pytest

from office.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser]


def _submit(page, action: str) -> None:
    page.locator(f"form[action$='/{action}/'] [type=submit]").first.click()
    page.wait_for_load_state()


def _local(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M")


def _expected(departs, returns, abroad_from, abroad_until, *, per_diem, lunches, nights, limit, rate) -> Decimal:
    """The regulation applied by hand: hours in real time, a started day abroad up to 8 h a third,
    over 8 to 12 h a half, more a full per diem; a lunch takes 30 %; a night up to the limit."""
    cent = Decimal("0.01")
    hours_abroad = Decimal((abroad_until - abroad_from).total_seconds()) / 3600
    full, rest = divmod(hours_abroad, 24)
    part = Decimal(0) if rest == 0 else Decimal(1) / 3 if rest <= 8 else Decimal("0.5") if rest <= 12 else Decimal(1)
    foreign = (per_diem * (full + part)).quantize(cent, ROUND_HALF_UP)
    foreign -= (per_diem * Decimal("0.30") * lunches).quantize(cent, ROUND_HALF_UP)
    foreign += sum(min(night, limit) for night in nights)
    home_hours = Decimal((returns - departs).total_seconds()) / 3600 - hours_abroad
    assert home_hours < 8  # no domestic per diem for the time in Poland
    return (foreign * rate).quantize(cent, ROUND_HALF_UP)


def _travel_officer() -> None:
    """The travel officer of the demo office (made here when the demo has none)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from office.contributions import registry

    user = get_user_model().objects.filter(username="podroze").first() or get_user_model().objects.create_user(
        "podroze", first_name="Tadeusz", last_name="Lewandowski"
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    user.groups.add(Group.objects.get(name=registry.role("travel_officer").group))


def test_a_deputys_foreign_trip_from_the_plan_to_the_report(visitor, demo):
    from django.utils import timezone

    from calendar_app.travel.models import Country, Delegation, PartnerCity, Settlement, Trip
    from office.models import Job, OfficeHolder, OrgUnit

    _travel_officer()
    page = visitor.page
    deputy = OfficeHolder.objects.get(user__username="zastepca")
    germany = Country.objects.get(code="DE")
    tz = timezone.get_current_timezone()
    day = timezone.localdate() - dt.timedelta(days=12)
    departs = dt.datetime.combine(day, dt.time(5, 30), tzinfo=tz)
    returns = dt.datetime.combine(day + dt.timedelta(days=2), dt.time(22, 0), tzinfo=tz)

    # the travel officer plans the trip
    visitor.login("podroze", DEMO_PASSWORD)
    visitor.visit("/travel/new/")
    page.locator("#id_purpose").fill("Forum Miast Partnerskich Łużyc")
    page.locator("#id_destination").fill("Drezno")
    page.locator("#id_country").select_option(str(germany.pk))
    page.locator("#id_departs_at").fill(_local(departs))
    page.locator("#id_returns_at").fill(_local(returns))
    page.locator("#id_holders").select_option(str(deputy.pk))
    page.locator("#id_interpreter").fill("Anna Lis")
    page.locator("#id_keep_conflict_reason").fill("Wyjazd ustalony na sesji")
    page.locator("form[method=post] [type=submit]").last.click()
    page.wait_for_load_state()
    visitor.check()
    trip = Trip.objects.get(purpose="Forum Miast Partnerskich Łużyc")
    assert f"/travel/{trip.pk}/" in page.url

    # the itinerary, then the travel order for approval
    page.locator("#id_leg-from_place").fill("Urząd Miasta")
    page.locator("#id_leg-to_place").fill("Drezno")
    page.locator("#id_leg-departs_at").fill(_local(departs))
    page.locator("#id_leg-arrives_at").fill(_local(departs + dt.timedelta(hours=5)))
    page.locator("#id_leg-transport").select_option("official_car")
    page.locator("#id_leg-crosses_border").check()
    _submit(page, "leg")
    visitor.check()
    page.locator("#id_order-template").select_option(label="Polecenie wyjazdu służbowego")
    _submit(page, "order")
    visitor.check()
    trip.refresh_from_db()
    traveller = trip.travellers.get()
    assert trip.status == "awaiting" and traveller.order_letter is not None
    visitor.visit(f"/calendar/entries/{traveller.calendar_entry_id}/")  # on the deputy's calendar
    assert "Forum Miast Partnerskich Łużyc" in page.content()

    # the mayor approves it from the list of what awaits his decision
    page.context.clear_cookies()
    visitor.login("prezydent", DEMO_PASSWORD)
    visitor.visit("/awaiting-decision/")
    page.get_by_role("link", name=str(trip)).first.click()
    page.wait_for_load_state()
    visitor.check()
    _submit(page, "approve")
    visitor.check()
    trip.refresh_from_db()
    assert trip.is_approved

    # the travel officer settles it: a lunch provided abroad, two nights with invoices
    page.context.clear_cookies()
    visitor.login("podroze", DEMO_PASSWORD)
    visitor.visit(f"/travel/travellers/{traveller.pk}/settle/")
    abroad_from, abroad_until = departs + dt.timedelta(hours=3), returns - dt.timedelta(hours=2)
    page.locator("#id_abroad_from").fill(_local(abroad_from))
    page.locator("#id_abroad_until").fill(_local(abroad_until))
    page.locator("#id_abroad_lunches").fill("1")
    page.locator("#id_hotel_invoices").fill("135,00; 172,40")
    page.locator("#id_exchange_rate").fill("4.2710")
    page.locator("form[method=post] [type=submit]").last.click()
    page.wait_for_load_state()
    visitor.check()
    settlement = Settlement.objects.get(traveller=traveller)
    assert f"/travel/settlements/{settlement.pk}/" in page.url
    _submit(page, "pdf")
    visitor.check()
    job = Job.objects.filter(kind="travel.settlement_pdf").latest("created_at")
    with job.result.open("rb") as stream:
        text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=stream.read(), capture_output=True, check=True)
    expected = _expected(
        departs,
        returns,
        abroad_from,
        abroad_until,
        per_diem=Decimal("49"),
        lunches=1,
        nights=[Decimal("135.00"), Decimal("172.40")],
        limit=Decimal("150"),
        rate=Decimal("4.2710"),
    )
    pdf = text.stdout.decode()
    assert f"{expected:.2f}".replace(".", ",") in pdf, pdf
    assert "-14,70" in pdf  # the lunch: 30 % of 49 EUR
    assert settlement.total_pln == expected

    # the report after the return, and a follow-up task for a unit
    visitor.visit(f"/travel/{trip.pk}/")
    page.locator("#id_report-agreed").fill("Wspólny wniosek do programu Interreg; wymiana młodzieży w 2027 r.")
    page.locator("#id_report-contacts").fill("Burmistrz Drezna, biuro współpracy zagranicznej")
    _submit(page, "report")
    visitor.check()
    unit = OrgUnit.objects.filter(is_active=True).order_by("symbol").first()
    page.locator("#id_follow-up-title").fill("Przygotować wniosek Interreg")
    page.locator("#id_follow-up-unit").select_option(str(unit.pk))
    page.locator("#id_follow-up-due_date").fill((timezone.localdate() + dt.timedelta(days=21)).isoformat())
    _submit(page, "follow-up")
    visitor.check()
    trip.refresh_from_db()
    assert trip.reported_on is not None

    # every other page of the app once
    partner = PartnerCity.objects.order_by("pk").first()
    delegation = Delegation.objects.order_by("pk").first()
    for path in (
        "/travel/",
        "/travel/?foreign=true&unsettled=on",
        f"/travel/{trip.pk}/edit/",
        "/travel/rates/",
        "/travel/rates/domestic/new/",
        f"/travel/rates/foreign/new/?country={germany.pk}",
        "/travel/partners/",
        "/travel/partners/new/",
        f"/travel/partners/{partner.pk}/",
        f"/travel/partners/{partner.pk}/edit/",
        "/travel/delegations/",
        "/travel/delegations/new/",
        f"/travel/delegations/{delegation.pk}/",
    ):
        visitor.visit(path)
