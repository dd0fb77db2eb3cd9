"""The settlement computation (no database): the regulation's examples at every boundary, and
properties checked with hypothesis — exact hours, midnight and DST changes in Europe/Warsaw,
meal deductions never above the per diem, money rounded half up to the grosz."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_app.travel import computation as c

WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield


D = Decimal


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=WARSAW)


def domestic(start: dt.datetime, end: dt.datetime, **kw) -> c.Result:
    return c.settle(c.Claim(start=start, end=end, domestic_per_diem=D("45"), **kw))


def per_diem_line(result: c.Result, index: int = 1) -> D:
    return result.lines[index].amount


@pytest.mark.parametrize(
    ("hours", "minutes", "expected"),
    [
        (7, 59, "0.00"),
        (8, 0, "22.50"),  # exactly 8 h: half (the regulation: "od 8 do 12 godzin")
        (12, 0, "22.50"),  # exactly 12 h: still half
        (12, 1, "45.00"),
        (24, 0, "45.00"),  # a day: one per diem
        (24, 1, "67.50"),  # a started day up to 8 h: half
        (32, 0, "67.50"),
        (32, 1, "90.00"),  # over 8 h: full
        (48, 0, "90.00"),
    ],
)
def test_domestic_per_diem_at_the_boundaries(hours: int, minutes: int, expected: str) -> None:
    start = at(2026, 3, 2, 6, 0)
    result = domestic(start, start + dt.timedelta(hours=hours, minutes=minutes))
    assert per_diem_line(result) == D(expected)


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        (1, "16.33"),
        (8, "16.33"),
        (9, "24.50"),
        (12, "24.50"),
        (13, "49.00"),
        (24, "49.00"),
        (25, "65.33"),
        (36, "73.50"),
    ],
)
def test_foreign_share_at_the_boundaries(hours: int, expected: str) -> None:
    assert c.money(Fraction(49) * c.foreign_share(dt.timedelta(hours=hours))) == D(expected)


def test_dst_spring_forward_is_real_elapsed_time() -> None:
    # 29 March 2026: 02:00 → 03:00 in Warsaw. 20:00 to 08:00 on the wall is 11 h of real time.
    result = domestic(at(2026, 3, 28, 20, 0), at(2026, 3, 29, 8, 0))
    assert result.lines[0].detail.startswith("11 h")
    assert per_diem_line(result) == D("22.50")


def test_dst_autumn_back_is_real_elapsed_time() -> None:
    # 25 October 2026: 03:00 → 02:00. 20:00 to 07:30 on the wall is 12 h 30 min: a full per diem.
    result = domestic(at(2026, 10, 24, 20, 0), at(2026, 10, 25, 7, 30))
    assert per_diem_line(result) == D("45.00")
    # the same wall-clock times a week later (no change) give 11 h 30 min: half
    assert per_diem_line(domestic(at(2026, 10, 31, 20, 0), at(2026, 11, 1, 7, 30))) == D("22.50")


def test_meals_reduce_the_domestic_per_diem() -> None:
    result = domestic(at(2026, 3, 2, 6), at(2026, 3, 3, 20), meals_home=c.Meals(breakfasts=1, lunches=1))
    assert per_diem_line(result) == D("90.00")
    assert result.lines[2].amount == D("-33.75")  # 25 % + 50 % of 45
    assert result.total_pln == D("56.25")


def test_meals_above_the_per_diem_are_refused() -> None:
    fine = domestic(at(2026, 3, 2, 6), at(2026, 3, 2, 15), meals_home=c.Meals(lunches=1))  # 22.50 due, 22.50 off
    assert fine.total_pln == D("0.00")
    # 9 h: half (22.50); lunch 50 % (22.50) and breakfast 25 % (11.25) exceed it
    with pytest.raises(c.SettlementError) as failure:
        domestic(at(2026, 3, 2, 6), at(2026, 3, 2, 15), meals_home=c.Meals(breakfasts=1, lunches=1))
    assert "home_breakfasts" in failure.value.errors


def test_more_meals_than_started_days_are_refused() -> None:
    with pytest.raises(c.SettlementError) as failure:
        domestic(at(2026, 3, 2, 6), at(2026, 3, 2, 20), meals_home=c.Meals(suppers=2))
    assert "home_suppers" in failure.value.errors


def test_accommodation_local_transport_and_car() -> None:
    result = domestic(
        at(2026, 3, 2, 6),
        at(2026, 3, 4, 18),
        hotel_invoices=(D("950.00"), D("300.00")),
        lump_nights=1,
        local_transport=True,
        km=D("120"),
        km_rate=D("1.15"),
    )
    amounts = {line.label: line.amount for line in result.lines}
    assert amounts["Night 1 with an invoice"] == D("900.00")  # capped at 20 × 45
    assert amounts["Night 2 with an invoice"] == D("300.00")
    assert amounts["Nights without an invoice (lump sum)"] == D("67.50")  # 150 % of 45
    assert amounts["Local transport lump sum"] == D("27.00")  # 3 started days × 20 % × 45
    assert amounts["Private car"] == D("138.00")


def test_a_foreign_trip_with_its_domestic_part() -> None:
    claim = c.Claim(
        start=at(2026, 5, 10, 5, 0),
        end=at(2026, 5, 12, 23, 0),
        domestic_per_diem=D("45"),
        abroad_from=at(2026, 5, 10, 9, 0),  # 4 h in Poland on the way out
        abroad_until=at(2026, 5, 12, 19, 0),  # and 4 h on the way back: 8 h at home, half
        foreign_per_diem=D("49"),
        foreign_hotel_limit=D("150"),
        currency="EUR",
        meals_abroad=c.Meals(breakfasts=2, lunches=1),
        hotel_invoices=(D("170"), D("140")),
        lump_nights=0,
        local_transport=True,
        exchange_rate=D("4.2512"),
        advance=D("500"),
    )
    result = c.settle(claim)
    eur = {line.label: line.amount for line in result.lines if line.currency == "EUR"}
    # 58 h abroad: 2 days + 10 h → 2.5 per diems = 122.50; meals 2 × 15 % + 30 % of 49 = 14.70 + 14.70
    assert eur["Per diem (abroad)"] == D("122.50")
    assert eur["Meals provided (abroad)"] == D("-29.40")
    assert eur["Night 1 with an invoice"] == D("150.00")
    assert eur["Local transport lump sum"] == D("14.70")  # 3 started days × 10 % × 49
    assert result.total_foreign == D("122.50") - D("29.40") + D("150") + D("140") + D("14.70")
    assert result.foreign_in_pln == c.money(result.total_foreign * D("4.2512"))
    assert result.total_pln == D("22.50")
    assert result.to_pay == result.total_pln + result.foreign_in_pln - D("500")


def test_a_foreign_trip_needs_the_rate_and_the_border_back() -> None:
    base = {
        "start": at(2026, 5, 10, 5),
        "end": at(2026, 5, 11, 23),
        "domestic_per_diem": D("45"),
        "abroad_from": at(2026, 5, 10, 9),
        "foreign_per_diem": D("49"),
        "foreign_hotel_limit": D("150"),
        "currency": "EUR",
    }
    with pytest.raises(c.SettlementError) as failure:
        c.settle(c.Claim(**base, abroad_until=at(2026, 5, 11, 20)))
    assert "exchange_rate" in failure.value.errors
    with pytest.raises(c.SettlementError) as failure:
        c.settle(c.Claim(**base, exchange_rate=D("4.3")))
    assert "abroad_until" in failure.value.errors
    with pytest.raises(c.SettlementError):
        c.settle(c.Claim(**base, abroad_until=at(2026, 5, 12, 1), exchange_rate=D("4.3")))  # after the return


def test_rounding_is_half_up_to_the_grosz() -> None:
    assert c.money(D("0.125")) == D("0.13")
    assert c.money(D("2.675")) == D("2.68")
    assert c.money(Fraction(49, 3)) == D("16.33")
    assert c.money(Fraction(50, 3)) == D("16.67")


# --- properties -------------------------------------------------------------------------------------

starts = st.datetimes(min_value=dt.datetime(2023, 1, 1), max_value=dt.datetime(2027, 12, 31), timezones=st.just(WARSAW))
durations = st.timedeltas(min_value=dt.timedelta(minutes=1), max_value=dt.timedelta(days=20))


@given(start=starts, duration=durations)
@settings(max_examples=300, deadline=None)
def test_duration_is_real_elapsed_time_whatever_the_wall_clock(start: dt.datetime, duration: dt.timedelta) -> None:
    end = (start.astimezone(dt.UTC) + duration).astimezone(WARSAW)
    assert c.elapsed(start, end) == duration


@given(duration=durations)
def test_domestic_share_follows_the_rules(duration: dt.timedelta) -> None:
    share = c.domestic_share(duration)
    hours = Fraction(duration // dt.timedelta(microseconds=1), 3600 * 10**6)
    if hours <= 24:
        assert share == (0 if hours < 8 else Fraction(1, 2) if hours <= 12 else 1)
    else:
        days = int(hours // 24)
        rest = hours - days * 24
        assert share == days + (0 if rest == 0 else Fraction(1, 2) if rest <= 8 else 1)
    assert share <= c.started_days(duration)


@given(a=durations, b=durations)
def test_shares_never_fall_as_the_trip_grows(a: dt.timedelta, b: dt.timedelta) -> None:
    short, long = sorted((a, b))
    assert c.domestic_share(short) <= c.domestic_share(long)
    assert c.foreign_share(short) <= c.foreign_share(long)


@given(duration=durations)
def test_foreign_share_counts_full_days_and_a_part_of_the_started_one(duration: dt.timedelta) -> None:
    days = duration // c.DAY
    share = c.foreign_share(duration)
    assert days <= share <= days + 1
    assert share - days in {0, Fraction(1, 3), Fraction(1, 2), 1}
    assert (share == days) == (duration % c.DAY == dt.timedelta(0))


@given(
    start=starts,
    duration=durations,
    breakfasts=st.integers(0, 3),
    lunches=st.integers(0, 3),
    suppers=st.integers(0, 3),
)
@settings(max_examples=200, deadline=None)
def test_meals_never_take_more_than_the_per_diem(
    start: dt.datetime, duration: dt.timedelta, breakfasts: int, lunches: int, suppers: int
) -> None:
    end = (start.astimezone(dt.UTC) + duration).astimezone(WARSAW)
    try:
        result = domestic(start, end, meals_home=c.Meals(breakfasts, lunches, suppers))
    except c.SettlementError:
        return
    assert result.total_pln >= 0
    assert all(line.amount == line.amount.quantize(c.CENT) for line in result.lines)


@given(hour=st.integers(0, 23), minute=st.sampled_from([0, 1, 59]), day=st.sampled_from([(3, 29), (10, 25), (6, 1)]))
def test_exactly_eight_and_twelve_hours_across_midnight_and_dst(hour: int, minute: int, day: tuple[int, int]) -> None:
    start = at(2026, day[0], day[1], hour, minute)
    for hours, expected in ((8, D("22.50")), (12, D("22.50")), (Fraction(8) - Fraction(1, 60), D("0.00"))):
        end = (start.astimezone(dt.UTC) + dt.timedelta(hours=float(hours))).astimezone(WARSAW)
        assert per_diem_line(domestic(start, end)) == expected
