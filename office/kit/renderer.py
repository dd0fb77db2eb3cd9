"""The form renderer of the office: Django's, with the plain widgets written in Python.

Django renders every widget through the template engine: an ``<input>`` is three templates, a
``<select>`` one more per ``<option>``. A filter form of six fields cost a list page 10–15 ms,
more than its query. ``OfficeFormRenderer`` writes the markup of Django's own templates for inputs
of every type, text areas and selects (``format_html``: everything escaped) and leaves every other
template — the project's own widgets, radio and checkbox lists, field and form layouts — to the
engine. ``tests/office/test_form_renderer.py`` checks the two give the same markup.
"""

from __future__ import annotations

from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from office.kit.widgets import attrs_html, select_html

_WIDGETS = "django/forms/widgets/"
INPUTS = frozenset(
    f"{_WIDGETS}{name}.html"
    for name in (
        "input",
        "text",
        "number",
        "email",
        "url",
        "password",
        "hidden",
        "date",
        "datetime",
        "time",
        "search",
        "tel",
        "color",
        "checkbox",
        "file",
    )
)


def input_html(widget: dict[str, Any]) -> SafeString:
    value = widget.get("value")
    shown = format_html(' value="{}"', str(value)) if value is not None else ""
    return format_html(
        '<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], shown, mark_safe(attrs_html(widget["attrs"]))
    )


def textarea_html(widget: dict[str, Any]) -> SafeString:
    value = widget.get("value")
    return format_html(
        '<textarea name="{}"{}>\n{}</textarea>',
        widget["name"],
        mark_safe(attrs_html(widget["attrs"])),
        value if value else "",
    )


class OfficeFormRenderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        widget = context.get("widget")
        if widget is not None:
            if template_name in INPUTS:
                return input_html(widget)
            if template_name == f"{_WIDGETS}select.html":
                return select_html(widget)
            if template_name == f"{_WIDGETS}textarea.html":
                return textarea_html(widget)
        return super().render(template_name, context, request)


__all__ = ["OfficeFormRenderer", "input_html", "textarea_html"]
