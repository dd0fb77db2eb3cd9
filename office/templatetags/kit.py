"""Template tags of the app kit, available in every template (a builtin, see settings.TEMPLATES)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html_join

register = template.Library()


@register.inclusion_tag("kit/breadcrumbs.html")
def breadcrumbs(current: Any, *pairs: Any) -> dict[str, Any]:
    """``{% breadcrumbs current url1 label1 url2 label2 … %}``: the trail to the page ``current``."""
    return {"parents": list(zip(pairs[::2], pairs[1::2], strict=True)), "current": current}


@register.filter
def ref(record: Any) -> str:
    """``{{ inquiry|ref }}`` → "#12": how a record without a title of its own is named."""
    return f"#{record.pk}"


@register.simple_tag
def headers(*labels: Any) -> str:
    """``{% headers _("When") _("Topic") %}``: the column headers of a results table."""
    return format_html_join("", '<th scope="col">{}</th>', ((label,) for label in labels))


#: Bootstrap's class for each kind of widget (``BoundField.widget_type``)
_CONTROL_CLASS = {
    "select": "form-select",
    "selectmultiple": "form-select",
    "nullbooleanselect": "form-select",
    "checkbox": "form-check-input",
    "radioselect": "form-check-input",
    "checkboxselectmultiple": "form-check-input",
}


@register.filter
def control(field: Any) -> str:
    """``{{ field|control }}``: the field's widget with Bootstrap's class and, when the field has
    errors, ``aria-invalid`` and the id of its message (a light alternative to crispy's field
    templates where many fields render on every request, e.g. list filters)."""
    attrs = {"class": _CONTROL_CLASS.get(field.widget_type, "form-control")}
    if field.errors:
        attrs["class"] += " is-invalid"
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"{field.auto_id}_error"
    return field.as_widget(attrs=attrs)


@register.filter
def css_string(value: Any) -> str:
    """``content: "{{ text|css_string }}"``: text inside a CSS string (PDF page headers and
    footers): backslashes, quotes and line ends escaped the CSS way, angle brackets too."""
    text = str(value)
    for char, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\A "), ("\r", ""), ("<", "\\3C "), (">", "\\3E ")):
        text = text.replace(char, escaped)
    return text
