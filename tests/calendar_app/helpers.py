"""Small helpers shared by the calendar app's tests (URLs, form data, reading pages)."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from office.models import AuditEntry

HX = {"HTTP_HX_REQUEST": "true"}


def calendar_url(**params: Any) -> str:
    """``/calendar/?view=...&date=...&calendars=1&calendars=2`` (lists repeat the key)."""
    pairs = []
    for key, value in params.items():
        values = value if isinstance(value, list | tuple) else [value]
        pairs.extend((key, v.isoformat() if isinstance(v, dt.date) else v) for v in values)
    query = urlencode(pairs)
    return reverse("calendar_app:calendar") + (f"?{query}" if query else "")


def text(response: Any) -> str:
    """The response body with HTML entities resolved."""
    return html.unescape(response.content.decode())


def local_input(moment: dt.datetime) -> str:
    """A datetime as a ``datetime-local`` input sends it."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def entry_data(calendar: Any, start: dt.datetime, end: dt.datetime, **extra: Any) -> dict[str, Any]:
    """The POST of the entry form (create or edit)."""
    data = {
        "calendar": calendar.pk,
        "title": "Spotkanie z dyrekcją Zarządu Dróg i Transportu",
        "kind": "meeting",
        "start": local_input(start),
        "end": local_input(end),
        "place": "Gabinet Prezydenta",
        "status": "confirmed",
        "visibility": "internal",
        "blocks_time": "on",
        "recurrence": "",
    }
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}


def trail(record: Any) -> list[AuditEntry]:
    from django.contrib.contenttypes.models import ContentType

    return list(
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(record, for_concrete_model=False), object_id=str(record.pk)
        ).order_by("id")
    )


def field_value(body: str, name: str) -> str | None:
    """The ``value`` of the input named ``name`` in ``body`` (or the text of that textarea)."""
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', body)
    if match:
        value = re.search(r'value="([^"]*)"', match.group(0))
        return html.unescape(value.group(1)) if value else ""
    match = re.search(rf'<textarea[^>]*name="{re.escape(name)}"[^>]*>(.*?)</textarea>', body, re.S)
    return html.unescape(match.group(1)).strip() if match else None
