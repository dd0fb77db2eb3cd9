"""The core's deadline rules and their installation into the rules table.

Apps declare their own rules in ``<app>/deadlines.py`` with ``office.deadlines.declare_rule``;
the core keeps only the general ones below (public information, accessibility statement,
the internal default). ``ensure_default_rules`` runs after every ``migrate`` (and after a test
database flush): it creates the declared rules that are missing and leaves alone those an
administrator edited.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps

from office.contributions import registry
from office.deadlines import Unit, declare_rule

UDIP_ANSWER = declare_rule(
    code="udip_answer",
    name="Udostępnienie informacji publicznej",
    basis="UDIP art. 13 ust. 1",
    amount=14,
    unit=Unit.CALENDAR_DAYS,
    moves_to_working_day=True,
)
UDIP_EXTENSION_CAP = declare_rule(
    code="udip_extension_cap",
    name="Przedłużenie terminu informacji publicznej (najpóźniej)",
    basis="UDIP art. 13 ust. 2",
    amount=2,
    unit=Unit.MONTHS,
    moves_to_working_day=True,
)
UDIP_APPEAL = declare_rule(
    code="udip_appeal",
    name="Rozpatrzenie odwołania od odmowy informacji publicznej",
    basis="UDIP art. 16 ust. 2",
    amount=14,
    unit=Unit.CALENDAR_DAYS,
    moves_to_working_day=True,
)
ACCESSIBILITY_STATEMENT = declare_rule(
    code="accessibility_statement",
    name="Aktualizacja deklaracji dostępności",
    basis="Ustawa o dostępności cyfrowej art. 10",
    amount=0,
    unit=Unit.ANNUAL_DATE,
    annual_month=3,
    annual_day=31,
)
INTERNAL_DEFAULT = declare_rule(
    code="internal_default",
    name="Termin wewnętrzny (domyślny)",
    basis="Praktyka kancelarii",
    amount=7,
    unit=Unit.WORKING_DAYS,
)


def ensure_default_rules() -> int:
    from office.models import DeadlineRule

    created = 0
    for spec in registry.deadline_rules():
        _rule, was_created = DeadlineRule.objects.get_or_create(
            code=spec.code,
            defaults={
                "name": spec.name,
                "basis": spec.basis,
                "amount": spec.amount,
                "unit": spec.unit,
                "moves_to_working_day": spec.moves_to_working_day,
                "to_verify": spec.to_verify,
                "annual_month": spec.annual_month,
                "annual_day": spec.annual_day,
            },
        )
        created += was_created
    return created


def ensure_rules_after_migrate(sender: Any, **kwargs: Any) -> None:
    configs = [c for c in global_apps.get_app_configs() if c.models_module is not None]
    if configs and sender.label == configs[-1].label:
        ensure_default_rules()
