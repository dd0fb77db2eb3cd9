"""Polish is complete and every translatable string can be found by ``makemessages``."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "locale" / "pl" / "LC_MESSAGES"
#: Names xgettext knows as translation calls (Django's makemessages keywords and the default "_").
KNOWN = {"_", "gettext", "gettext_lazy", "gettext_noop", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy"}


def _entries() -> list[tuple[str, str, bool, str]]:
    """(msgid, msgstr, fuzzy, msgctxt) of every entry of the Polish catalog (a small .po reader)."""
    text = (CATALOG / "django.po").read_text(encoding="utf-8")
    entries = []
    for block in text.split("\n\n"):
        if block.startswith("#~") or 'msgid ""\nmsgstr ""\n"Project' in block:
            continue
        msgid = "".join(re.findall(r'"(.*)"', block.split("msgid ", 1)[-1].split("\nmsgstr", 1)[0]))
        values = re.findall(r'msgstr(?:\[\d\])? ((?:".*"\n?)+)', block)
        msgstr = ["".join(re.findall(r'"(.*)"', v)) for v in values]
        context = re.search(r'^msgctxt "(.*)"$', block, re.MULTILINE)
        if msgid:
            entries.append(
                (msgid, " | ".join(msgstr), "fuzzy" in block.split("msgid", 1)[0], context.group(1) if context else "")
            )
    return entries


def test_every_polish_entry_is_translated_and_none_is_fuzzy() -> None:
    entries = _entries()
    assert len(entries) > 500
    missing = [msgid for msgid, msgstr, fuzzy, _context in entries if fuzzy or not msgstr.replace("|", "").strip()]
    assert not missing, f"translate these (locale/pl/LC_MESSAGES/django.po): {missing}"


def test_the_compiled_catalog_is_in_step_with_the_source() -> None:
    po, mo = CATALOG / "django.po", CATALOG / "django.mo"
    assert mo.stat().st_size > 10_000
    with translation.override("pl"):
        for msgid, msgstr, _fuzzy, context in _entries():
            if "|" in msgstr or "%" in msgid or "\\" in msgid:
                continue  # plurals and escapes: checked by compilemessages itself
            found = translation.pgettext(context, msgid) if context else translation.gettext(msgid)
            assert found == msgstr, f"run make messages: {msgid!r} ({po})"


def test_translation_functions_are_imported_under_names_makemessages_finds() -> None:
    """``from django.utils.translation import gettext_lazy as _lazy`` hides every string from
    makemessages: the Polish interface would stay in English."""
    tracked = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    wrong = []
    for name in tracked.stdout.split():
        source = (ROOT / name).read_text(encoding="utf-8") if (ROOT / name).exists() else ""
        for match in re.finditer(r"^\s*from django\.utils\.translation import ([^\n(]+)", source, re.MULTILINE):
            for part in match.group(1).split(","):
                original, _, alias = part.strip().partition(" as ")
                if alias and alias.strip() not in KNOWN and "gettext" in original:
                    wrong.append(f"{name}: {part.strip()}")
    assert not wrong, wrong
