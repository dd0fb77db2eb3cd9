"""The shape every app keeps (docs/architecture.md, "A new app, step by step"), checked."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from django.apps import apps

import office

ROOT = Path(__file__).resolve().parents[2]
APPS = ["office", "calendar_app", "media_relations", "patronage", "events", "correspondence", "associations"]


def _sources() -> list[Path]:
    tracked = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [
        ROOT / name
        for name in tracked.stdout.split()
        if name.split("/")[0] in APPS and "/migrations/" not in name and (ROOT / name).exists()
    ]


def test_no_module_over_600_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in _sources() if (n := p.read_text().count("\n")) > 600}
    assert not long, f"split these modules by noun: {long}"


def test_no_view_over_40_lines() -> None:
    long = {}
    for path in _sources():
        if "views" not in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and node.end_lineno - node.lineno + 1 > 40:
                long[f"{path.relative_to(ROOT)}:{node.name}"] = node.end_lineno - node.lineno + 1
    assert not long, f"views over 40 lines (move the work to services, selectors or the kit): {long}"


def test_no_template_line_over_300_characters() -> None:
    long = []
    # every template folder, those of the apps inside office/ too
    for path in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("**/templates/**/*.html")]:
        if ".venv" in path.parts or "var" in path.relative_to(ROOT).parts[:1]:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if len(line) > 300:
                long.append(f"{path.relative_to(ROOT)}:{number} ({len(line)})")
    long = sorted(set(long))
    assert not long, "break these template lines: " + ", ".join(long)


def test_the_council_contract_names_every_module_of_the_core() -> None:
    """The import contract keeping the core away from office.council lists the core's modules by
    name: a new core module must be added there, or the contract would not check it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contract = next(
        c
        for c in config["tool"]["importlinter"]["contracts"]
        if "office.council" in c["forbidden_modules"] and len(c["source_modules"]) > 1
    )
    # the feature apps that live inside the office package (their own AppConfig) are not the core
    inside = {
        config.name.removeprefix("office.") for config in apps.get_app_configs() if config.name.startswith("office.")
    }
    core = {f"office.{m.name}" for m in pkgutil.iter_modules(office.__path__) if m.name not in {*inside, "migrations"}}
    assert core == set(contract["source_modules"])


@pytest.mark.parametrize("switchboard", ["<slug:action>", "<str:action>"])
def test_no_switchboard_urls(switchboard: str) -> None:
    """One URL per action: no view dispatching on an ``action`` part of the path."""
    for path in ROOT.glob("*/urls.py"):
        assert switchboard not in path.read_text(), path
