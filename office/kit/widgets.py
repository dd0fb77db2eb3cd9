"""Choosing one record among thousands without sending thousands of options.

``SearchSelect`` is a plain ``<select>`` (keyboard and screen readers know it) that lists only
the option already chosen and the first ``limit`` of the field's queryset; a search box above it
asks ``search_url`` for the options matching what is typed (htmx) and keeps the chosen one.
The field keeps its full queryset, so validation accepts any record of it. Without JavaScript
the select still works with the options it has.

``options_view`` makes the view that answers the search box for one kind of record: a
permission, a queryset for the user, the fields searched and a label.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.forms.models import ModelChoiceIterator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET


class _PickerInput:
    """A browser picker that shows back what was typed even when it is no date: a value the
    picker type may not hold (``2199-13-01``, ``jutro``) is shown in a text field, so the page
    stays valid HTML and the user sees their input next to the error."""

    input_type: str
    shape: re.Pattern[str]

    def get_context(self, name: str, value: Any, attrs: Any) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)  # type: ignore[misc]
        shown = context["widget"]["value"]
        if shown not in (None, "") and not self.holds(str(shown)):
            context["widget"]["type"] = "text"
        return context

    def holds(self, text: str) -> bool:
        if not self.shape.fullmatch(text):
            return False
        try:
            dt.datetime.fromisoformat(text)
        except ValueError:
            return False
        return True


class DateInput(_PickerInput, forms.DateInput):
    """The browser's date picker (``<input type="date">``), with the ISO value it expects."""

    input_type = "date"
    shape = re.compile(r"\d{4}-\d{2}-\d{2}")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(_PickerInput, forms.DateTimeInput):
    """The browser's date and time picker (``<input type="datetime-local">``)."""

    input_type = "datetime-local"
    shape = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


#: how many options a search returns, and how many an untouched select shows
SEARCH_LIMIT = 30


def attrs_html(attrs: dict[str, Any]) -> str:
    """The attributes as Django's ``attrs.html`` writes them: in their order, ``True`` as the bare
    name, ``False`` left out, every value escaped."""
    return "".join(
        format_html(" {}", name) if value is True else format_html(' {}="{}"', name, str(value))
        for name, value in attrs.items()
        if value is not False
    )


def select_html(widget: dict[str, Any]) -> str:
    """A ``<select>`` from a select widget's context: the same markup as Django's templates,
    written in Python instead of one template render per ``<option>`` (a page with a few selects
    of twenty or thirty options spent a third of its time there)."""
    parts = [format_html('<select name="{}"{}>', widget["name"], mark_safe(attrs_html(widget["attrs"])))]
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(format_html('<optgroup label="{}">', group_name))
        parts.extend(
            format_html(
                '<option value="{}"{}>{}</option>',
                str(option["value"]),
                mark_safe(attrs_html(option["attrs"])),
                option["label"],
            )
            for option in options
        )
        if group_name:
            parts.append(mark_safe("</optgroup>"))
    parts.append(mark_safe("</select>"))
    return mark_safe("".join(parts))  # every part escaped by format_html


class QuickSelect(forms.Select):
    """A select rendered by ``select_html``."""

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> str:
        return select_html(self.get_context(name, value, attrs)["widget"])


def _ids(values: Iterable[Any]) -> list[int]:
    return [int(v) for v in values if str(v).isdecimal() and len(str(v)) < 19]


class SearchSelect(forms.Select):
    template_name = "kit/widgets/search_select.html"

    def __init__(self, search_url: str | Callable[[], str], *, limit: int = SEARCH_LIMIT, attrs: Any = None) -> None:
        super().__init__(attrs)
        self.search_url = search_url
        self.limit = limit

    def _bounded_choices(self, value: list[Any]) -> list[tuple[Any, Any]] | None:
        choices = self.choices
        if not isinstance(choices, ModelChoiceIterator):
            return None
        field = choices.field
        queryset = choices.queryset
        chosen_ids = _ids(value)
        chosen = list(queryset.filter(pk__in=chosen_ids)) if chosen_ids else []
        others = list(queryset.exclude(pk__in=chosen_ids)[: self.limit])
        bounded: list[tuple[Any, Any]] = []
        if field.empty_label is not None:
            bounded.append(("", field.empty_label))
        bounded.extend(choices.choice(obj) for obj in [*chosen, *others])
        return bounded

    def optgroups(self, name: str, value: list[Any], attrs: Any = None) -> list[Any]:
        bounded = self._bounded_choices(value)
        if bounded is None:
            return super().optgroups(name, value, attrs)
        full, self.choices = self.choices, bounded
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = full

    def get_context(self, name: str, value: Any, attrs: Any) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        url = self.search_url() if callable(self.search_url) else str(self.search_url)
        separator = "&" if "?" in url else "?"
        context["widget"]["search_url"] = f"{url}{separator}field={name}"
        context["widget"]["select"] = select_html(context["widget"])
        return context


class SearchSelectMultiple(SearchSelect, forms.SelectMultiple):
    allow_multiple_selected = True


def options_view(
    *,
    permission: str,
    queryset: Callable[[Any, Any], QuerySet],
    fields: Iterable[str],
    label: Callable[[Any], str] = str,
) -> Callable[[HttpRequest], HttpResponse]:
    """GET ``?q=…&field=<name>&<name>=<chosen id>``: the ``<option>`` elements for a SearchSelect.

    ``queryset(user, params)``: the records the user may choose (``params``: the query string,
    for a narrowing the widget's URL carries, e.g. ``?outlet=3``)."""
    fields = tuple(fields)

    @require_GET
    @login_required
    def view(request: HttpRequest) -> HttpResponse:
        if not request.user.has_perm(permission):
            raise PermissionDenied
        field = request.GET.get("field", "")
        chosen_ids = _ids(request.GET.getlist(field)) if field else []
        text = request.GET.get("q", "").strip()[:100]
        base = queryset(request.user, request.GET)
        chosen = list(base.filter(pk__in=chosen_ids)) if chosen_ids else []
        matches = base.exclude(pk__in=chosen_ids)
        for word in text.split()[:5]:
            condition = Q()
            for name in fields:
                condition |= Q(**{f"{name}__icontains": word})
            matches = matches.filter(condition)
        options = [(obj.pk, label(obj), True) for obj in chosen]
        options += [(obj.pk, label(obj), False) for obj in matches[:SEARCH_LIMIT]]
        return render(request, "kit/widgets/options.html", {"options": options, "query": text, "count": len(options)})

    return view
