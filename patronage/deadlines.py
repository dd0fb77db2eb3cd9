"""Deadline rules of honorary patronage (the city's own rules): the data in deadlines.toml, the constants here."""

from office.contributions import RuleSpec
from office.deadlines import DeadlineRules


class PatronageRules(DeadlineRules, table="deadlines.toml"):
    PATRONAGE_LEAD_TIME: RuleSpec
    PATRONAGE_REPORT: RuleSpec
