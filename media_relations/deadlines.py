"""The press office's deadline rules (press law): the data in deadlines.toml, the constants here."""

from office.contributions import RuleSpec
from office.deadlines import DeadlineRules


class PressRules(DeadlineRules, table="deadlines.toml"):
    PRESS_INFO_ANSWER: RuleSpec
    PRESS_REFUSAL_WRITTEN: RuleSpec
    QUOTE_AUTHORISATION_DAILY: RuleSpec
    QUOTE_AUTHORISATION_PERIODICAL: RuleSpec
    CORRECTION_SEND: RuleSpec
    CORRECTION_PUBLISH_ONLINE: RuleSpec
    CORRECTION_PUBLISH_DAILY: RuleSpec
    CORRECTION_REFUSAL: RuleSpec
    CORRECTION_COURT: RuleSpec
