"""The settlement of a business trip under the regulation of the Minister of Labour and Social
Policy of 29 January 2013 on the dues of public employees for business trips (Dz.U. 2013 poz. 167).

Pure computation: no database, no settings. The caller gives the times, the rates in force on
the trip's dates and what the traveller claims; ``settle`` returns the lines of the computation
and the totals, or raises ``SettlementError`` naming the field that is wrong.

- Durations are real elapsed time: both ends are converted to UTC before subtracting, so a night
  across a DST change in Europe/Warsaw counts 23 or 25 hours, as the clock on the wall does not.
- Domestic per diem (§ 7): a trip up to a day: under 8 h none, 8–12 h half, over 12 h full; a
  longer trip: a full per diem for each full day, the started day up to 8 h half, over 8 h full.
- Foreign per diem (§ 13): each full day full, the started day up to 8 h a third, over 8 to 12 h
  half, over 12 h full. The time abroad runs from crossing the border (or the plane's take-off
  from the last airport in Poland) to crossing it back; the time in Poland before and after is
  settled as a domestic trip (§ 12).
- Meals provided reduce the per diem: domestic breakfast 25 %, lunch 50 %, supper 25 % (§ 7
  ust. 3); abroad 15 %, 30 %, 30 % (§ 14). More than the per diem due is refused.
- Accommodation: with an invoice up to the limit a night (domestic 20 × the per diem, § 8 ust. 2;
  abroad the country's hotel limit, § 16 ust. 1); without an invoice a lump sum a night of 150 %
  of the per diem at home (§ 8 ust. 3) and 25 % of the hotel limit abroad (§ 16 ust. 2).
- Local transport lump sum: 20 % of the per diem for each started day of a domestic trip (§ 9);
  10 % of the foreign per diem for each started day abroad (§ 17 ust. 1).
- A private car: kilometres × the rate per km of the vehicle (§ 3 ust. 3, the regulation of the
  Minister of Infrastructure of 25 March 2002).

Money is Decimal, rounded half up to the grosz (cent) per line; the foreign currency's total is
converted once with the exchange rate of the day before payment (typed in by staff).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext as _

CENT = Decimal("0.01")
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)
ZERO = Decimal("0")

#: shares of the per diem a provided meal takes off: (breakfast, lunch, supper)
DOMESTIC_MEALS = (Decimal("0.25"), Decimal("0.50"), Decimal("0.25"))
FOREIGN_MEALS = (Decimal("0.15"), Decimal("0.30"), Decimal("0.30"))
DOMESTIC_HOTEL_LIMIT = 20  # × the per diem
DOMESTIC_NIGHT_LUMP = Decimal("1.50")  # × the per diem
FOREIGN_NIGHT_LUMP = Decimal("0.25")  # × the hotel limit
DOMESTIC_LOCAL_TRANSPORT = Decimal("0.20")
FOREIGN_LOCAL_TRANSPORT = Decimal("0.10")


class SettlementError(ValueError):
    """What the claim gets wrong, by field name (the form shows it there)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def money(value: Decimal | Fraction | int) -> Decimal:
    """Rounded half up to the grosz."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def elapsed(start: dt.datetime, end: dt.datetime) -> dt.timedelta:
    """Real elapsed time between two aware datetimes (Python subtracts wall-clock times when
    both share a tzinfo, so both go to UTC first)."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("elapsed() needs aware datetimes")
    return end.astimezone(dt.UTC) - start.astimezone(dt.UTC)


def domestic_share(duration: dt.timedelta) -> Fraction:
    """How many per diems a domestic trip (or the domestic part of a foreign one) of ``duration`` earns."""
    if duration <= dt.timedelta(0):
        return Fraction(0)
    if duration <= DAY:
        if duration < 8 * HOUR:
            return Fraction(0)
        return Fraction(1, 2) if duration <= 12 * HOUR else Fraction(1)
    days, rest = divmod(duration, DAY)
    if rest == dt.timedelta(0):
        return Fraction(days)
    return Fraction(days) + (Fraction(1, 2) if rest <= 8 * HOUR else Fraction(1))


def foreign_share(duration: dt.timedelta) -> Fraction:
    """How many per diems the time abroad of ``duration`` earns."""
    if duration <= dt.timedelta(0):
        return Fraction(0)
    days, rest = divmod(duration, DAY)
    if rest == dt.timedelta(0):
        return Fraction(days)
    if rest <= 8 * HOUR:
        return Fraction(days) + Fraction(1, 3)
    return Fraction(days) + (Fraction(1, 2) if rest <= 12 * HOUR else Fraction(1))


def started_days(duration: dt.timedelta) -> int:
    """Started days (dobas) of a duration: 24 h is one, 24 h and a minute two."""
    if duration <= dt.timedelta(0):
        return 0
    days, rest = divmod(duration, DAY)
    return days + (1 if rest else 0)


@dataclass(frozen=True)
class Meals:
    breakfasts: int = 0
    lunches: int = 0
    suppers: int = 0

    @property
    def counts(self) -> tuple[int, int, int]:
        return (self.breakfasts, self.lunches, self.suppers)


@dataclass(frozen=True)
class Claim:
    """What is settled. Times are aware datetimes; amounts are Decimal; hotel invoices are the
    amounts of each invoiced night (in PLN at home, in ``currency`` abroad)."""

    start: dt.datetime
    end: dt.datetime
    domestic_per_diem: Decimal
    abroad_from: dt.datetime | None = None
    abroad_until: dt.datetime | None = None
    foreign_per_diem: Decimal | None = None
    foreign_hotel_limit: Decimal | None = None
    currency: str = "PLN"
    meals_home: Meals = field(default_factory=Meals)
    meals_abroad: Meals = field(default_factory=Meals)
    hotel_invoices: tuple[Decimal, ...] = ()
    lump_nights: int = 0
    local_transport: bool = False
    km: Decimal = ZERO
    km_rate: Decimal = ZERO
    tickets: Decimal = ZERO
    other_costs: Decimal = ZERO
    exchange_rate: Decimal | None = None
    advance: Decimal = ZERO

    @property
    def is_foreign(self) -> bool:
        return self.abroad_from is not None


@dataclass(frozen=True)
class Line:
    label: str
    detail: str
    amount: Decimal
    currency: str = "PLN"


@dataclass
class Result:
    lines: list[Line]
    total_pln: Decimal
    total_foreign: Decimal
    currency: str
    foreign_in_pln: Decimal
    advance: Decimal

    @property
    def to_pay(self) -> Decimal:
        """Positive: the office pays the traveller; negative: the traveller returns the advance's rest."""
        return self.total_pln + self.foreign_in_pln - self.advance

    @property
    def grand_total(self) -> Decimal:
        return self.total_pln + self.foreign_in_pln


def _hours(duration: dt.timedelta) -> str:
    minutes = int(duration.total_seconds() // 60)
    return _("%(hours)d h %(minutes)02d min") % {"hours": minutes // 60, "minutes": minutes % 60}


def _share_text(share: Fraction) -> str:
    whole, part = divmod(share, 1)
    parts = [str(int(whole))] if whole else []
    if part:
        parts.append(f"{part.numerator}/{part.denominator}")
    return " ".join(parts) or "0"


def _per_diem(
    lines: list[Line],
    *,
    share: Fraction,
    rate: Decimal,
    meals: Meals,
    shares: tuple,
    days: int,
    part: str,
    cur: str,
    key: str,
) -> Decimal:
    """The per diem of one part (home or abroad) less the meals provided; appends its lines."""
    errors = {}
    field_prefix = key
    for name, count in zip(("breakfasts", "lunches", "suppers"), meals.counts, strict=True):
        if count < 0 or count > days:
            errors[f"{field_prefix}_{name}"] = _("At most %(days)d such meals: one a started day.") % {"days": days}
    if errors:
        raise SettlementError(errors)
    due = money(Fraction(rate) * share) if share else ZERO
    deduction = sum((money(rate * pct * count) for pct, count in zip(shares, meals.counts, strict=True)), ZERO)
    if deduction > due:
        raise SettlementError(
            {
                f"{field_prefix}_breakfasts": _(
                    "The meals provided (%(deduction)s %(currency)s) are more than "
                    "the per diem due (%(due)s %(currency)s)."
                )
                % {"deduction": deduction, "due": due, "currency": cur}
            }
        )
    lines.append(Line(_("Per diem (%(part)s)") % {"part": part}, f"{_share_text(share)} × {rate} {cur}", due, cur))
    if deduction:
        detail = ", ".join(
            f"{count} × {int(pct * 100)} %" for pct, count in zip(shares, meals.counts, strict=True) if count
        )
        lines.append(Line(_("Meals provided (%(part)s)") % {"part": part}, detail, -deduction, cur))
    return due - deduction


def _check_times(claim: Claim) -> dict[str, dt.timedelta]:
    total = elapsed(claim.start, claim.end)
    if total <= dt.timedelta(0):
        raise SettlementError({"start": _("The trip must end after it starts.")})
    if not claim.is_foreign:
        return {"home": total, "abroad": dt.timedelta(0)}
    if claim.abroad_until is None:
        raise SettlementError({"abroad_until": _("Give the time the border was crossed on the way back.")})
    if claim.foreign_per_diem is None or claim.foreign_hotel_limit is None:
        raise SettlementError({"abroad_from": _("The foreign rates are missing.")})
    abroad = elapsed(claim.abroad_from, claim.abroad_until)
    if abroad <= dt.timedelta(0):
        raise SettlementError({"abroad_until": _("The return across the border must be after the way out.")})
    if elapsed(claim.start, claim.abroad_from) < dt.timedelta(0) or elapsed(
        claim.abroad_until, claim.end
    ) < dt.timedelta(0):
        raise SettlementError({"abroad_from": _("The time abroad must lie within the trip.")})
    if claim.exchange_rate is None or claim.exchange_rate <= 0:
        raise SettlementError({"exchange_rate": _("Give the exchange rate of the day before payment.")})
    return {"home": total - abroad, "abroad": abroad}


def settle(claim: Claim) -> Result:
    """The computation, line by line (see the module's docstring)."""
    parts = _check_times(claim)
    lines: list[Line] = []
    home, abroad = parts["home"], parts["abroad"]
    home_rate = claim.domestic_per_diem
    pln = ZERO
    foreign = ZERO
    cur = claim.currency if claim.is_foreign else "PLN"
    home_label = _("in Poland") if claim.is_foreign else _("domestic trip")
    lines.append(Line(_("Time %(part)s") % {"part": home_label}, _hours(home), ZERO))
    pln += _per_diem(
        lines,
        share=domestic_share(home),
        rate=home_rate,
        meals=claim.meals_home,
        shares=DOMESTIC_MEALS,
        days=started_days(home),
        part=home_label,
        cur="PLN",
        key="home",
    )
    if claim.is_foreign:
        lines.append(Line(_("Time abroad"), _hours(abroad), ZERO, cur))
        foreign += _per_diem(
            lines,
            share=foreign_share(abroad),
            rate=claim.foreign_per_diem,
            meals=claim.meals_abroad,
            shares=FOREIGN_MEALS,
            days=started_days(abroad),
            part=_("abroad"),
            cur=cur,
            key="abroad",
        )
    hotel = _accommodation(lines, claim, cur)
    foreign, pln = (foreign + hotel, pln) if claim.is_foreign else (foreign, pln + hotel)
    if claim.local_transport:
        if claim.is_foreign:
            days = started_days(abroad)
            amount = money(claim.foreign_per_diem * FOREIGN_LOCAL_TRANSPORT * days)
            foreign += amount
        else:
            days = started_days(home)
            amount = money(home_rate * DOMESTIC_LOCAL_TRANSPORT * days)
            pln += amount
        share = FOREIGN_LOCAL_TRANSPORT if claim.is_foreign else DOMESTIC_LOCAL_TRANSPORT
        lines.append(Line(_("Local transport lump sum"), f"{days} × {int(share * 100)} %", amount, cur))
    pln += _costs(lines, claim)
    foreign_in_pln = money(foreign * claim.exchange_rate) if claim.is_foreign else ZERO
    if claim.is_foreign:
        lines.append(
            Line(_("Converted at the rate"), f"{foreign} {cur} × {claim.exchange_rate}", foreign_in_pln, "PLN")
        )
    return Result(lines, pln, foreign, cur, foreign_in_pln, money(claim.advance))


def _accommodation(lines: list[Line], claim: Claim, cur: str) -> Decimal:
    if claim.is_foreign:
        limit, lump = claim.foreign_hotel_limit, money(claim.foreign_hotel_limit * FOREIGN_NIGHT_LUMP)
    else:
        limit, lump = (
            claim.domestic_per_diem * DOMESTIC_HOTEL_LIMIT,
            money(claim.domestic_per_diem * DOMESTIC_NIGHT_LUMP),
        )
    if claim.lump_nights < 0 or any(amount < 0 for amount in claim.hotel_invoices):
        raise SettlementError({"hotel_invoices": _("Amounts and nights cannot be negative.")})
    total = ZERO
    for number, amount in enumerate(claim.hotel_invoices, start=1):
        allowed = min(money(amount), money(limit))
        detail = _("invoice %(amount)s %(currency)s, limit %(limit)s") % {
            "amount": money(amount),
            "currency": cur,
            "limit": money(limit),
        }
        lines.append(Line(_("Night %(number)d with an invoice") % {"number": number}, detail, allowed, cur))
        total += allowed
    if claim.lump_nights:
        amount = lump * claim.lump_nights
        lines.append(Line(_("Nights without an invoice (lump sum)"), f"{claim.lump_nights} × {lump}", amount, cur))
        total += amount
    return total


def _costs(lines: list[Line], claim: Claim) -> Decimal:
    total = ZERO
    if claim.km < 0 or claim.tickets < 0 or claim.other_costs < 0 or claim.advance < 0:
        raise SettlementError({"km": _("Amounts cannot be negative.")})
    if claim.km:
        amount = money(claim.km * claim.km_rate)
        lines.append(Line(_("Private car"), f"{claim.km} km × {claim.km_rate}", amount))
        total += amount
    if claim.tickets:
        lines.append(Line(_("Tickets"), "", money(claim.tickets)))
        total += money(claim.tickets)
    if claim.other_costs:
        lines.append(Line(_("Other documented costs"), "", money(claim.other_costs)))
        total += money(claim.other_costs)
    return total
