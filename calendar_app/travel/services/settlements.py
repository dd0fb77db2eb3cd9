"""Settling a traveller's trip: the rates in force on the trip's first day, the pure computation
(``calendar_app.travel.computation``), the settlement kept with the rates it used, its PDF."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from calendar_app.travel import computation
from calendar_app.travel.models import Settlement, Traveller
from calendar_app.travel.services import rates
from office.administration import services as budget
from office.services import audit
from office.services.pdf import render_pdf

#: the claim's fields a form sends (the service keeps them on the settlement)
CLAIM_FIELDS = (
    "started_at",
    "ended_at",
    "abroad_from",
    "abroad_until",
    "home_breakfasts",
    "home_lunches",
    "home_suppers",
    "abroad_breakfasts",
    "abroad_lunches",
    "abroad_suppers",
    "hotel_invoices",
    "lump_nights",
    "local_transport",
    "vehicle",
    "km",
    "tickets",
    "other_costs",
    "other_costs_note",
    "exchange_rate",
    "exchange_rate_on",
    "advance",
)


def parse_amounts(text: str) -> tuple[Decimal, ...]:
    """Amounts typed one a line or separated by ``;`` (a decimal comma is fine)."""
    amounts = []
    for part in text.replace(";", "\n").split("\n"):
        part = part.strip().replace(" ", "").replace(",", ".")
        if not part:
            continue
        try:
            value = Decimal(part)
        except InvalidOperation:
            raise ValidationError({"hotel_invoices": _("“%(value)s” is not an amount.") % {"value": part}}) from None
        if not value.is_finite() or value < 0 or value > Decimal("100000"):
            raise ValidationError({"hotel_invoices": _("“%(value)s” is not an amount.") % {"value": part}})
        amounts.append(value)
    return tuple(amounts)


def claim_of(settlement: Settlement) -> computation.Claim:
    s = settlement
    foreign = s.abroad_from is not None
    return computation.Claim(
        start=s.started_at,
        end=s.ended_at,
        domestic_per_diem=s.domestic_per_diem,
        abroad_from=s.abroad_from,
        abroad_until=s.abroad_until if foreign else None,
        foreign_per_diem=s.foreign_per_diem if foreign else None,
        foreign_hotel_limit=s.foreign_hotel_limit if foreign else None,
        currency=s.currency,
        meals_home=computation.Meals(s.home_breakfasts, s.home_lunches, s.home_suppers),
        meals_abroad=computation.Meals(s.abroad_breakfasts, s.abroad_lunches, s.abroad_suppers),
        hotel_invoices=parse_amounts(s.hotel_invoices),
        lump_nights=s.lump_nights,
        local_transport=s.local_transport,
        km=s.km,
        km_rate=s.km_rate,
        tickets=s.tickets,
        other_costs=s.other_costs,
        exchange_rate=s.exchange_rate if foreign else None,
        advance=s.advance,
    )


def computed(settlement: Settlement) -> computation.Result:
    """The lines of a settlement, computed again from what it keeps."""
    return computation.settle(claim_of(settlement))


def first_day(traveller: Traveller) -> dt.date:
    return timezone.localtime(traveller.trip.departs_at).date()


def _apply_rates(settlement: Settlement, traveller: Traveller) -> None:
    trip = traveller.trip
    day = first_day(traveller)
    missing = rates.missing_rates(
        country=trip.country if trip.is_foreign else None, day=day, vehicle=settlement.vehicle
    )
    if missing:
        raise ValidationError(" ".join(m.text for m in missing))
    settlement.domestic_per_diem = rates.domestic_rate_on(day).per_diem
    if trip.is_foreign:
        foreign = rates.foreign_rate_on(trip.country, day)
        settlement.foreign_per_diem, settlement.foreign_hotel_limit = foreign.per_diem, foreign.hotel_limit
        settlement.currency = foreign.currency
    else:
        settlement.foreign_per_diem = settlement.foreign_hotel_limit = None
        settlement.currency = "PLN"
        settlement.abroad_from = settlement.abroad_until = None
        settlement.exchange_rate = settlement.exchange_rate_on = None
    settlement.km_rate = rates.km_rate_on(settlement.vehicle, day).rate if settlement.vehicle else Decimal("0")


@transaction.atomic
def settle(*, actor: Any, traveller: Traveller, **claim: Any) -> Settlement:
    """Compute and keep the traveller's settlement (a second call corrects it). The rates are those
    in force on the trip's first day; a missing one is named. A foreign trip needs the border
    crossings and the exchange rate."""
    traveller = Traveller.objects.select_for_update(of=("self",)).select_related("trip__country").get(pk=traveller.pk)
    trip = traveller.trip
    if not trip.has_returned:
        raise ValidationError(_("A trip is settled once the approved trip is over."))
    unknown = set(claim) - set(CLAIM_FIELDS)
    if unknown:
        raise TypeError(f"settle() got unexpected arguments {sorted(unknown)}")
    settlement = getattr(traveller, "settlement", None) or Settlement(traveller=traveller)
    for name, value in claim.items():
        setattr(
            settlement,
            name,
            value if value is not None or name not in ("km", "tickets", "other_costs", "advance") else 0,
        )
    if trip.is_foreign and settlement.abroad_from is None:
        raise ValidationError({"abroad_from": _("Give the time the border was crossed on the way out.")})
    if settlement.km and not settlement.vehicle:
        raise ValidationError({"vehicle": _("Choose the vehicle the kilometres were driven in.")})
    _apply_rates(settlement, traveller)
    try:
        result = computed(settlement)
    except computation.SettlementError as error:
        raise ValidationError(error.errors) from None
    settlement.total_pln, settlement.to_pay = result.grand_total, result.to_pay
    settlement.settled_by = actor
    audit.save_record(actor=actor, record=settlement)
    _commit(actor, settlement, trip)
    return settlement


def _commit(actor: Any, settlement: Settlement, trip: Any) -> None:
    """The settled cost is a commitment on the trip's budget line (changed when corrected)."""
    if trip.line_id is None or settlement.total_pln <= 0:
        return
    day = timezone.localtime(trip.departs_at).date()
    existing = budget.commitments_of(settlement).filter(pk=settlement.commitment_id).first()
    try:
        if existing is not None and existing.is_active:
            budget.change_commitment(actor=actor, commitment=existing, amount=settlement.total_pln, date=day)
            return
        commitment = budget.commit(
            actor=actor,
            budget_line=trip.line,
            amount=settlement.total_pln,
            date=day,
            source=settlement,
            description=f"{trip.reference} {settlement.traveller}",
            kind=budget.CommitmentKind.TRIP,
            source_label=str(trip)[:255],
            source_url=reverse("travel:trip_detail", args=[trip.pk]),
        )
    except ValidationError as error:
        raise ValidationError(" ".join(error.messages)) from None
    Settlement.objects.filter(pk=settlement.pk).update(commitment_id=commitment.pk)
    settlement.commitment_id = commitment.pk


def settlement_pdf(settlement: Settlement) -> bytes:
    """The settlement, line by line, as a PDF (in Polish, the office's document)."""
    with translation.override("pl"):
        return render_pdf(
            "travel/pdf/settlement.html",
            {
                "settlement": settlement,
                "traveller": settlement.traveller,
                "trip": settlement.traveller.trip,
                "result": computed(settlement),
                "made_at": timezone.localtime(),
            },
        )
