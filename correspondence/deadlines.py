"""Deadline rules of the correspondence register: the data in deadlines.toml, the constants
here, and which rule each kind of letter follows (with the longer rule it may move to)."""

from __future__ import annotations

from correspondence.models import LetterKind
from office.contributions import RuleSpec
from office.deadline_rules import CoreRules
from office.deadlines import DeadlineRules


class CorrespondenceRules(DeadlineRules, table="deadlines.toml"):
    KPA_LETTER: RuleSpec
    KPA_LETTER_COMPLEX: RuleSpec
    KPA_COMPLAINT: RuleSpec
    KPA_MOTION: RuleSpec
    PETITION: RuleSpec
    PETITION_EXTENDED: RuleSpec
    RESIDENT_INTERVENTION: RuleSpec


#: kind → (the rule of its reply, the longer rule it may be moved to with a reason, or None);
#: a kind not listed (occasional letters, letters for information) has no deadline
RULES_BY_KIND: dict[str, tuple[RuleSpec, RuleSpec | None]] = {
    LetterKind.ORDINARY: (CorrespondenceRules.KPA_LETTER, CorrespondenceRules.KPA_LETTER_COMPLEX),
    LetterKind.COMPLAINT: (CorrespondenceRules.KPA_COMPLAINT, None),
    LetterKind.MOTION: (CorrespondenceRules.KPA_MOTION, None),
    LetterKind.PETITION: (CorrespondenceRules.PETITION, CorrespondenceRules.PETITION_EXTENDED),
    LetterKind.PUBLIC_INFORMATION: (CoreRules.UDIP_ANSWER, CoreRules.UDIP_EXTENSION_CAP),
    LetterKind.INTERVENTION: (CorrespondenceRules.RESIDENT_INTERVENTION, None),
}
