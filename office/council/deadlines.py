"""Deadline rules of council relations: the data in deadlines.toml, the constants here."""

from office.contributions import RuleSpec
from office.deadlines import DeadlineRules


class CouncilRules(DeadlineRules, table="deadlines.toml"):
    INTERPELLATION_ANSWER: RuleSpec
    EXTRAORDINARY_SESSION: RuleSpec
    DRAFT_RESOLUTION_FILING: RuleSpec
    STATE_OF_MUNICIPALITY_REPORT: RuleSpec
    LAY_JUDGES_NOMINATIONS: RuleSpec
    LAY_JUDGES_ELECTION: RuleSpec
