"""Deadline rules of the calendar app's matters (business travel): the data in deadlines.toml, the constants here."""

from office.contributions import RuleSpec
from office.deadlines import DeadlineRules


class TravelRules(DeadlineRules, table="deadlines.toml"):
    TRIP_SETTLEMENT: RuleSpec
