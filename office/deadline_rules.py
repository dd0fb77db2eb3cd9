"""The core's deadline rules and their installation into the rules table.

Each app declares its rules in ``<app>/deadlines.toml`` (the data) and names them as
constants in ``<app>/deadlines.py`` (a ``DeadlineRules`` class); the core keeps only the
general ones (``deadline_rules.toml``: public information, accessibility statement, the
internal default). ``ensure_default_rules`` runs after every ``migrate`` (and after a test
database flush): it creates the declared rules that are missing and leaves alone those an
administrator edited (a rule installed before it had an English name and basis gets them).
Each rule has its name and legal basis in Polish (``name``, ``basis``) and English (``name_en``,
``basis_en``): pages show them in the reader's language (``DeadlineRule.label``, and for a
record that keeps a copy, ``{% rule_label code copy %}`` of ``office.templatetags.words``).
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps

from office.contributions import RuleSpec, registry
from office.deadlines import DeadlineRules


class CoreRules(DeadlineRules, table="deadline_rules.toml"):
    """The general rules other apps use too (public information) and the office's own."""

    UDIP_ANSWER: RuleSpec
    UDIP_EXTENSION_CAP: RuleSpec
    UDIP_APPEAL: RuleSpec
    ACCESSIBILITY_STATEMENT: RuleSpec
    INTERNAL_DEFAULT: RuleSpec


def ensure_default_rules() -> int:
    from office.models import DeadlineRule

    created = 0
    for spec in registry.deadline_rules():
        english = {"name_en": spec.name_en, "basis_en": spec.basis_en}
        rule, was_created = DeadlineRule.objects.get_or_create(
            code=spec.code,
            defaults={
                "name": spec.name,
                "basis": spec.basis,
                **english,
                "amount": spec.amount,
                "unit": spec.unit,
                "moves_to_working_day": spec.moves_to_working_day,
                "to_verify": spec.to_verify,
                "annual_month": spec.annual_month,
                "annual_day": spec.annual_day,
            },
        )
        created += was_created
        missing = {field: value for field, value in english.items() if value and not getattr(rule, field)}
        if missing:  # a rule installed before it had an English name: only the empty fields are filled
            DeadlineRule.objects.filter(pk=rule.pk).update(**missing)
    return created


def ensure_rules_after_migrate(sender: Any, **kwargs: Any) -> None:
    configs = [c for c in global_apps.get_app_configs() if c.models_module is not None]
    if configs and sender.label == configs[-1].label:
        ensure_default_rules()
