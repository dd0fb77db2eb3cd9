"""Dates written inside a sentence: weekday and month names in the case the language writes them.

Django's Polish catalogue capitalises weekday names ("Poniedziałek") and the nominative month
names ("Listopad"), but Polish writes them in lower case except at the start of a sentence or
a heading. ``date_in_text(day, "l, j E Y")`` gives "poniedziałek, 30 listopada 2026" in Polish and
"Monday, 30 November 2026" in English; a heading that starts with the date adds ``capfirst``.
The template filter of the same name is in ``office.templatetags.words``.
"""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from django.utils.dateformat import DateFormat
from django.utils.formats import date_format, get_format

#: Languages that write weekday and month names in lower case inside a sentence.
LOWER_CASE_NAMES = frozenset({"pl", "cs", "sk", "ru", "uk", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi"})

#: The format characters that give a weekday or month name.
NAME_CHARACTERS = frozenset("lDFNME")


def writes_names_in_lower_case(language: str | None = None) -> bool:
    language = (language or translation.get_language() or "").split("-")[0].lower()
    return language in LOWER_CASE_NAMES


def date_in_text(value: dt.date | dt.datetime | None, format_: str = "DATE_FORMAT") -> str:
    """``value`` formatted as ``date_format(value, format_)`` would (a named format or a format
    string), with its weekday and month names in lower case where the active language writes
    them so inside a sentence; ``""`` for no value."""
    if value in (None, ""):
        return ""
    pattern = get_format(format_) if format_.isupper() and format_.endswith("FORMAT") else format_
    if not writes_names_in_lower_case():
        return date_format(value, pattern)
    names = DateFormat(value)
    parts: list[str] = []
    escaped = False
    for char in pattern:
        if escaped:
            parts.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in NAME_CHARACTERS:
            parts.append("".join("\\" + letter for letter in names.format(char).lower()))
        else:
            parts.append(char)
    return date_format(value, "".join(parts))
