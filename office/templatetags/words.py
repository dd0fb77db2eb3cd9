"""Words in the reader's language: ``{% load words %}``.

- ``{{ day|date_in_text:"l, j E Y" }}``: a date inside a sentence, weekday and month names in
  the case the language writes them there (lower case in Polish); a heading or a sentence that
  starts with the date adds ``|capfirst``. See ``office.formats.words``.
- ``{% rule_name code copy %}``, ``{% rule_basis code copy %}``, ``{% rule_label code copy %}``: a
  deadline rule's name, legal basis or "name (basis)" in the reader's language (below).
"""

from __future__ import annotations

from typing import Any

from django import template

from office.formats.words import date_in_text as _date_in_text

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def date_in_text(value: Any, arg: str = "DATE_FORMAT") -> str:
    try:
        return _date_in_text(value, arg)
    except (AttributeError, TypeError, ValueError):
        return ""


# --- deadline rules in the reader's language ----------------------------------------------------
#
# A record keeps the code of the rule that computed its date and a copy of the rule's Polish
# name and basis. Pages show the rule's name and basis in the reader's language, looked up by the
# code; the copy is what is shown when the rule no longer exists (the historic value). A record
# that kept only the copy of "name (basis)" (no code) is matched by that copy.


_RULES = "office.words.deadline_rules"


def _rules(context: Any) -> dict[str, Any]:
    """Every rule by code, read once per template rendered."""
    cache = context.render_context
    if _RULES not in cache:
        from office.models import DeadlineRule

        cache[_RULES] = {
            rule.code: rule for rule in DeadlineRule.objects.only("code", "name", "basis", "name_en", "basis_en")
        }
    return cache[_RULES]


def _rule(context: Any, code: Any, copy: Any) -> Any:
    rules = _rules(context)
    if code:
        return rules.get(str(code))
    if copy:
        copy = str(copy)
        return next((rule for rule in rules.values() if f"{rule.name} ({rule.basis})" == copy), None)
    return None


@register.simple_tag(takes_context=True)
def rule_name(context: Any, code: Any, copy: Any = "") -> str:
    """``{% rule_name inquiry.deadline_rule inquiry.deadline_name %}``: the rule's name in the
    reader's language, the record's copy when the rule is gone."""
    rule = _rule(context, code, "")
    return rule.localized_name if rule else str(copy or "")


@register.simple_tag(takes_context=True)
def rule_basis(context: Any, code: Any, copy: Any = "") -> str:
    """``{% rule_basis inquiry.deadline_rule inquiry.deadline_basis %}``: the legal basis likewise."""
    rule = _rule(context, code, "")
    return rule.localized_basis if rule else str(copy or "")


@register.simple_tag(takes_context=True)
def rule_label(context: Any, code: Any, copy: Any = "") -> str:
    """``{% rule_label letter.deadline_rule letter.deadline_basis %}``: "name (basis)" likewise;
    without a code (``{% rule_label "" application.report_rule %}``) the rule whose Polish
    "name (basis)" is the copy."""
    rule = _rule(context, code, copy)
    return rule.label if rule else str(copy or "")
