"""Every deadline rule in both languages: each ``[code]`` of every rules table (the core's
``office/deadline_rules.toml`` and each app's ``deadlines.toml``) has a Polish and an English
name and legal basis, the installed rows carry them, and a rule without them stops the start."""

from __future__ import annotations

import sys
import tomllib
import types
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from office.contributions import RuleSpec, registry
from office.models import DeadlineRule

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("name", "basis", "name_en", "basis_en")


def tables() -> dict[str, dict[str, Any]]:
    """Every rules table of the project: path → its rules."""
    paths = [ROOT / "office" / "deadline_rules.toml"] + [
        p for p in ROOT.glob("**/deadlines.toml") if ".venv" not in p.parts and "tests" not in p.parts
    ]
    return {str(p.relative_to(ROOT)): tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(paths)}


def test_every_declared_rule_comes_from_a_table_found_here() -> None:
    codes = {code for rules in tables().values() for code in rules}
    assert codes == {spec.code for spec in registry.deadline_rules()}


@pytest.mark.parametrize("path", sorted(tables()))
def test_every_rule_has_its_name_and_basis_in_polish_and_english(path: str) -> None:
    missing = [f"[{code}] {key}" for code, rule in tables()[path].items() for key in LANGUAGES if not rule.get(key)]
    assert missing == []
    untranslated = [code for code, rule in tables()[path].items() if rule["name_en"] == rule["name"]]
    assert untranslated == []


@pytest.mark.django_db
def test_the_installed_rules_carry_both_languages() -> None:
    rows = DeadlineRule.objects.filter(code__in=[spec.code for spec in registry.deadline_rules()])
    assert rows.count() == len(registry.deadline_rules())
    assert not rows.filter(name_en="").exists() and not rows.filter(basis_en="").exists()


@pytest.mark.django_db
def test_a_rule_installed_before_it_had_english_gets_it_and_keeps_its_polish_edits() -> None:
    from office.deadline_rules import CoreRules, ensure_default_rules

    DeadlineRule.objects.filter(code=CoreRules.UDIP_ANSWER.code).update(name="Edytowana", name_en="", basis_en="")
    ensure_default_rules()
    rule = DeadlineRule.objects.get(code=CoreRules.UDIP_ANSWER.code)
    assert (rule.name, rule.name_en, rule.basis_en) == (
        "Edytowana",
        CoreRules.UDIP_ANSWER.name_en,
        CoreRules.UDIP_ANSWER.basis_en,
    )


def test_a_rule_without_english_stops_the_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from office.deadlines import DeadlineRules

    (tmp_path / "rules.toml").write_text(
        '[words_test_rule]\nname = "Jeden"\nbasis = "Test"\namount = 3\nunit = "calendar_days"\n', encoding="utf-8"
    )
    module = types.ModuleType("fake_word_rules")
    module.__file__ = str(tmp_path / "fake_word_rules.py")
    monkeypatch.setitem(sys.modules, "fake_word_rules", module)
    with pytest.raises(ImproperlyConfigured, match="name_en"):
        type(
            "Rules",
            (DeadlineRules,),
            {"__module__": "fake_word_rules", "__annotations__": {"WORDS_TEST_RULE": RuleSpec}},
            table="rules.toml",
        )
