"""Deadline rules of associations and NGO cooperation: the data in deadlines.toml, the constants here."""

from office.contributions import RuleSpec
from office.deadlines import DeadlineRules


class AssociationRules(DeadlineRules, table="deadlines.toml"):
    ASSOCIATION_ENTRY: RuleSpec
    ASSOCIATION_CHANGE: RuleSpec
    COOPERATION_PROGRAMME: RuleSpec
    COOPERATION_REPORT: RuleSpec
