"""The words of dates in every template: one way to write weekday and month names (through
``date_in_text``, which writes them in lower case inside a Polish sentence) and one numeric date
format, the Polish ``d.m.Y`` (ISO ``Y-m-d`` only for machines: links, file names, attributes)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.formats import get_format

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_SUFFIXES = {".html", ".txt", ".xml", ".ics"}

#: ``|date:"..."`` / ``|date:'...'`` and the format it gives.
DATE_FILTER = re.compile(r"""\|date:(["'])(.*?)\1""")
NAMED = re.compile(r"^[A-Z_]+_FORMAT$")
#: Format characters that give a weekday or a month name Django's Polish catalogue capitalises.
NAME_CHARACTERS = re.compile(r"(?<!\\)[lDFNM]")
#: Day and month joined by a dash or a slash, other than ISO (``Y-m-d``, ``Y-m``).
NON_POLISH_NUMERIC = re.compile(r"[dj]\s*[-/]\s*[mn]|[mn]\s*/\s*[dj]|(?<!Y-)[mn]-[dj]")


def templates() -> list[Path]:
    found = []
    for directory in ROOT.glob("**/templates"):
        if ".venv" in directory.parts or "node_modules" in directory.parts:
            continue
        found.extend(p for p in directory.rglob("*") if p.is_file() and p.suffix in TEMPLATE_SUFFIXES)
    return sorted(found)


def date_formats() -> list[tuple[str, str]]:
    """(file:line, format) of every ``date`` filter format in the templates; a named format
    (``SHORT_DATE_FORMAT``) as the Polish formats define it."""
    found = []
    with translation.override("pl"):
        for path in templates():
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                for match in DATE_FILTER.finditer(line):
                    fmt = match.group(2)
                    found.append((f"{path.relative_to(ROOT)}:{number}", get_format(fmt) if NAMED.match(fmt) else fmt))
    return found


def test_the_templates_are_found() -> None:
    assert len(templates()) > 100
    assert len(date_formats()) > 100


def test_weekday_and_month_names_go_through_date_in_text() -> None:
    """``|date:"l"`` would print "Poniedziałek" mid-sentence: use ``|date_in_text:"l"`` (``{% load
    words %}``), followed by ``|capfirst`` where the date starts a heading or a sentence."""
    offending = [f"{where}: {fmt}" for where, fmt in date_formats() if NAME_CHARACTERS.search(fmt)]
    assert offending == []


@pytest.mark.parametrize("fmt", ["d-m-Y", "j/n/Y", "m/d/Y", "d/m/Y"])
def test_non_polish_numeric_formats_are_recognised(fmt: str) -> None:
    assert NON_POLISH_NUMERIC.search(fmt)


@pytest.mark.parametrize("fmt", ["d.m.Y", "Y-m-d", "Y-m", "SHORT_DATE_FORMAT", "j E Y", "H:i"])
def test_polish_and_iso_formats_pass(fmt: str) -> None:
    assert not NON_POLISH_NUMERIC.search(fmt)


def test_dates_are_written_in_one_numeric_format() -> None:
    """The Polish ``d.m.Y`` (``SHORT_DATE_FORMAT``): no template writes ``29-11-2026`` or ``11/29/2026``."""
    offending = [f"{where}: {fmt}" for where, fmt in date_formats() if NON_POLISH_NUMERIC.search(fmt)]
    assert offending == []
