"""Merge fields in letter templates, rendered in a sandbox.

A template's texts (subject, salutation, body, closing) are Django template language limited to
``{{ group.field }}``, a few filters and ``{% if %}`` (``merge_library``), rendered by an engine
of its own that has no other tags or filters. The context holds only dictionaries of strings —
the fields offered for the recipient, the letter, the signatory and the record the letter is
written from — so no template can reach an object, an attribute or a method. ``check`` refuses a
template naming any field that is not offered, with the name in the message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.template import Context, Engine, TemplateSyntaxError
from django.template.base import FilterExpression, Node, Variable, VariableNode
from django.template.defaulttags import IfNode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from office.contributions import registry

MAX_TEXT = 20_000


class _SandboxEngine(Engine):
    default_builtins: list[str] = []


ENGINE = _SandboxEngine(builtins=["correspondence.merge_library"], autoescape=False, libraries={})


@dataclass(frozen=True)
class FieldGroup:
    key: str
    label: Any
    fields: dict[str, tuple[Any, str]]  # name → (label, example)


#: the fields every letter offers, with an example each (the preview of a template uses them)
RECIPIENT = FieldGroup(
    "adresat",
    gettext_lazy("recipient"),
    {
        "nazwa": (gettext_lazy("name"), "Jan Kowalski"),
        "stanowisko": (gettext_lazy("position"), "Prezes Zarządu"),
        "organizacja": (gettext_lazy("organisation"), "Stowarzyszenie Przyjaciół Miasta"),
        "ulica": (gettext_lazy("street and number"), "ul. Piotrkowska 1"),
        "kod_pocztowy": (gettext_lazy("postal code"), "90-001"),
        "miejscowosc": (gettext_lazy("city"), "Łódź"),
        "email": (gettext_lazy("e-mail"), "jan.kowalski@example.pl"),
    },
)
LETTER = FieldGroup(
    "pismo",
    gettext_lazy("letter"),
    {
        "znak": (gettext_lazy("sign"), "KP.0521.12.2026"),
        "data": (gettext_lazy("date"), "29 listopada 2026 r."),
        "miejscowosc": (gettext_lazy("place"), "Miasto Przykładowo"),
    },
)
SIGNATORY = FieldGroup(
    "podpis",
    gettext_lazy("signatory"),
    {
        "imie_nazwisko": (gettext_lazy("name"), "Anna Nowak"),
        "funkcja": (gettext_lazy("title"), "Prezydent Miasta"),
    },
)


def groups_for(source_kind: str = "") -> list[FieldGroup]:
    """The field groups a template written from ``source_kind`` may use."""
    groups = [RECIPIENT, LETTER, SIGNATORY]
    if source_kind:
        source = registry.letter_source(source_kind)
        groups.append(FieldGroup(source.key, source.label, dict(source.fields)))
    return groups


def allowed_names(source_kind: str = "") -> set[str]:
    return {f"{group.key}.{name}" for group in groups_for(source_kind) for name in group.fields}


def example_context(source_kind: str = "") -> dict[str, dict[str, str]]:
    return {
        group.key: {name: str(example) for name, (_label, example) in group.fields.items()}
        for group in groups_for(source_kind)
    }


# --- Checking a template ----------------------------------------------------------------------


def _variables(expression: FilterExpression) -> Iterator[str]:
    if isinstance(expression.var, Variable) and expression.var.lookups is not None:
        yield ".".join(expression.var.lookups)
    for _func, args in expression.filters:
        for lookup, arg in args:
            if lookup and isinstance(arg, Variable) and arg.lookups is not None:
                yield ".".join(arg.lookups)


def _condition_variables(condition: Any) -> Iterator[str]:
    if condition is None:
        return
    value = getattr(condition, "value", None)
    if isinstance(value, FilterExpression):
        yield from _variables(value)
    for part in (getattr(condition, "first", None), getattr(condition, "second", None)):
        if part is not None and part is not condition:
            yield from _condition_variables(part)


def _walk(nodes: Iterable[Node]) -> Iterator[str]:
    for node in nodes:
        if isinstance(node, VariableNode):
            yield from _variables(node.filter_expression)
        elif isinstance(node, IfNode):
            for condition, nodelist in node.conditions_nodelists:
                yield from _condition_variables(condition)
                yield from _walk(nodelist)


def used_names(text: str) -> set[str]:
    """The merge fields ``text`` names (raises TemplateSyntaxError on a broken template)."""
    return set(_walk(ENGINE.from_string(text).nodelist))


def check(texts: dict[str, str], source_kind: str = "") -> None:
    """Refuse texts that do not compile or that name a field not offered (the field named)."""
    allowed = allowed_names(source_kind)
    errors: dict[str, list[str]] = {}
    for name, text in texts.items():
        if len(text or "") > MAX_TEXT:
            errors.setdefault(name, []).append(_("At most %(count)d characters.") % {"count": MAX_TEXT})
            continue
        try:
            unknown = sorted(used_names(text or "") - allowed)
        except TemplateSyntaxError as error:
            errors.setdefault(name, []).append(_("The template cannot be read: %(error)s") % {"error": error})
            continue
        if unknown:
            errors.setdefault(name, []).append(
                _("Unknown merge field: %(fields)s. Use only the fields listed beside the form.")
                % {"fields": ", ".join("{{ " + field + " }}" for field in unknown)}
            )
    if errors:
        raise ValidationError(errors)


def render(text: str, context: dict[str, dict[str, str]]) -> str:
    """The text with its fields filled in (plain text: the letter's layout escapes it)."""
    plain = {group: {name: str(value) for name, value in fields.items()} for group, fields in context.items()}
    return ENGINE.from_string(text or "").render(Context(plain, autoescape=False)).strip()


# --- Polish typography --------------------------------------------------------------------------

NBSP = "\u00a0"
_SINGLE_LETTER = re.compile(r"(?<![\w.])([aiouwzAIOUWZ]|[0-9]+) (?=\S)")
_UNITS = re.compile(r"(\d) (r\.|zł|tys\.|mln|mld|km|m|%)(?=[\s,.;:)]|$)")


def polish_typography(text: str) -> str:
    """Polish quotation marks, dashes and ellipsis; one-letter words and numbers kept with the
    word after them, and units with their number (no "sierotki" at line ends)."""
    text = re.sub(r'"([^"\n]*)"', "\u201e\\1\u201d", text)
    text = text.replace(" - ", " \u2013 ").replace("...", "\u2026")
    text = _UNITS.sub(rf"\1{NBSP}\2", text)
    return _SINGLE_LETTER.sub(rf"\1{NBSP}", text)
