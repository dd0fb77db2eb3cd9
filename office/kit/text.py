"""One-line text stays on one line, in every form of every app.

A browser's one-line input cannot hold a line break, but a request can: a title with CR/LF
was saved, then broke the e-mail about it (a header cannot hold a line break) and the pages
that print it in one line. ``install()`` (from ``bounds.install``, in the core's ``ready``)
wraps ``forms.CharField.to_python`` once: when the field is shown as a one-line input
(``TextInput``, ``EmailInput``, ``URLInput``, ``SearchInput``, ``TelInput``, a hidden input…),
every run of line breaks, tabs, NUL and other control characters becomes one space before
the field strips and validates the value. A ``Textarea`` keeps its lines; a password is
compared as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django import forms
from django.forms.widgets import Input

#: C0 and C1 control characters (line breaks, tabs, NUL, escape…) and Unicode's line and
#: paragraph separators: nothing a one-line value may hold.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def one_line(value: str) -> str:
    """``value`` with each run of control characters folded into one space."""
    return _CONTROL.sub(" ", value)


def is_one_line(widget: Any) -> bool:
    return isinstance(widget, Input) and not isinstance(widget, (forms.PasswordInput, forms.FileInput))


def _folding(to_python: Callable[[forms.CharField, Any], Any]) -> Callable[[forms.CharField, Any], Any]:
    def folded(field: forms.CharField, value: Any) -> Any:
        if isinstance(value, str) and is_one_line(field.widget):
            value = one_line(value)
        return to_python(field, value)

    folded.office_guard = True  # type: ignore[attr-defined]
    return folded


def install() -> None:
    if not getattr(forms.CharField.to_python, "office_guard", False):
        forms.CharField.to_python = _folding(forms.CharField.to_python)
