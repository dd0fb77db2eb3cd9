"""Deadline rules of the calendar app's matters (business travel)."""

from office.deadlines import Unit, declare_rule

TRIP_SETTLEMENT = declare_rule(
    code="trip_settlement",
    name="Rozliczenie podróży służbowej",
    basis="Rozporządzenie MRiPS z 29.01.2013 r. § 5",
    amount=14,
    unit=Unit.CALENDAR_DAYS,
    moves_to_working_day=True,
    to_verify=True,
)
