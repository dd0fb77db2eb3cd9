"""Template tags of the app kit, available in every template (a builtin, see settings.TEMPLATES)."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.contenttypes.models import ContentType
from django.utils.html import format_html, format_html_join

from office import access

register = template.Library()


def _user(context: Any) -> Any:
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user")


@register.inclusion_tag("kit/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: Any, current: Any, *pairs: Any) -> dict[str, Any]:
    """``{% breadcrumbs current url1 label1 url2 label2 … %}``: the trail to the page ``current``
    (a parent the user may not open is named without a link)."""
    return {
        "parents": list(zip(pairs[::2], pairs[1::2], strict=True)),
        "current": current,
        "request": context.get("request"),
        "user": context.get("user"),
    }


@register.simple_tag(takes_context=True)
def may_follow(context: Any, url: Any) -> bool:
    """``{% may_follow url as followable %}``: whether the page's user passes the permission of
    the view at ``url`` (``office.access.may_follow``); without a user (an e-mail), True."""
    user = _user(context)
    return user is None or access.may_follow(user, url)


@register.simple_tag(takes_context=True)
def record_link(
    context: Any, url: Any, label: Any, record: Any = None, record_type: Any = None, record_id: Any = None
) -> str:
    """``{% record_link url label record=entry %}`` or ``record_type=row.record_type_id record_id=row.record_id``:
    a link to a record of any app when the user may open it (``office.access.may_open``),
    else its label alone. A stored type and id that name nothing any more give the label alone.
    ``record_type`` without ``record_id`` (a long list of records of many kinds) checks the view
    permission of the kind only, without reading the record."""
    user = _user(context)
    if record is None and record_type and record_id is None:
        kind = ContentType.objects.get_for_id(record_type)  # cached per process: no query per row
        if user is not None and not user.has_perm(f"{kind.app_label}.view_{kind.model}"):
            return format_html("{}", label)
    elif record is None and record_type:
        record = access.record_of(record_type, record_id)
        if record is None:
            return format_html("{}", label)
    if url and (user is None or access.may_open(user, record, str(url))):
        return format_html('<a href="{}">{}</a>', url, label)
    return format_html("{}", label)


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
