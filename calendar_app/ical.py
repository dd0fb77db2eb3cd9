"""iCalendar (RFC 5545) output: subscription feeds and single-entry downloads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from calendar_app.models import Calendar, Entry, EntryException

PRODID = "-//Kancelaria//Kalendarz Prezydenta//PL"
FEED_PAST_DAYS = 366


def _uid(entry_id: int) -> str:
    return f"entry-{entry_id}@{settings.SITE_URL.split('://', 1)[-1].split('/')[0]}"


def _event(entry: dict | Entry, *, masked: bool) -> icalendar.Event:
    get = entry.get if isinstance(entry, dict) else lambda k: getattr(entry, k)
    event = icalendar.Event()
    event.add("uid", _uid(get("id")))
    event.add("dtstamp", get("updated_at"))
    event.add("last-modified", get("updated_at"))
    tz = timezone.get_current_timezone()
    start, end = timezone.localtime(get("start"), tz), timezone.localtime(get("end"), tz)
    if get("all_day"):
        event.add("dtstart", start.date())
        event.add("dtend", end.date())
    else:
        event.add("dtstart", start)
        event.add("dtend", end)
    link = settings.SITE_URL + reverse("calendar_app:entry_detail", args=[get("id")])
    if masked:
        event.add("summary", _("Busy"))
        event.add("class", "PRIVATE")
        event.add("description", link)
    else:
        event.add("summary", get("title"))
        if get("place"):
            event.add("location", get("place"))
        notes = get("notes") or ""
        # many clients ignore URL: the link goes into the description too
        event.add("description", f"{notes}\n\n{link}".strip())
        event.add(
            "class",
            "PUBLIC"
            if get("visibility") == "public"
            else "CONFIDENTIAL"
            if get("visibility") == "private"
            else "PRIVATE",
        )
    event.add("url", link)
    event.add("status", {"tentative": "TENTATIVE", "confirmed": "CONFIRMED", "cancelled": "CANCELLED"}[get("status")])
    event.add("transp", "OPAQUE" if get("blocks_time") else "TRANSPARENT")
    if get("recurrence"):
        rule = icalendar.vRecur.from_ical(get("recurrence"))
        if get("recurrence_until"):
            until = dt.datetime.combine(get("recurrence_until"), dt.time(23, 59, 59), tzinfo=tz).astimezone(dt.UTC)
            rule["UNTIL"] = until.date() if get("all_day") else until
        event.add("rrule", rule)
    return event


def _with_exceptions(
    cal: icalendar.Calendar, event: icalendar.Event, entry: Any, exceptions: list[EntryException], masked: bool
) -> None:
    tz = timezone.get_current_timezone()
    cancelled = [timezone.localtime(e.original_start, tz) for e in exceptions if e.cancelled]
    if cancelled:
        event.add("exdate", cancelled)
    cal.add_component(event)
    for exception in exceptions:
        if exception.cancelled or not (exception.start or exception.title or exception.place):
            continue
        moved = _event(entry, masked=masked)
        moved.add("recurrence-id", timezone.localtime(exception.original_start, tz))
        del moved["rrule"]
        start = exception.start or exception.original_start
        end = exception.end or start + (entry["end"] - entry["start"] if isinstance(entry, dict) else entry.duration)
        moved["dtstart"] = icalendar.vDDDTypes(timezone.localtime(start, tz))
        moved["dtend"] = icalendar.vDDDTypes(timezone.localtime(end, tz))
        if not masked and exception.title:
            moved["summary"] = exception.title
        cal.add_component(moved)


def build_calendar(name: str, rows: Iterable[tuple[Any, bool]], exceptions: dict[int, list[EntryException]]) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for entry, masked in rows:
        entry_id = entry["id"] if isinstance(entry, dict) else entry.id
        _with_exceptions(cal, _event(entry, masked=masked), entry, exceptions.get(entry_id, []), masked)
    cal.add_missing_timezones()
    return cal.to_ical()


FEED_FIELDS = (
    "id",
    "title",
    "place",
    "notes",
    "start",
    "end",
    "all_day",
    "status",
    "visibility",
    "blocks_time",
    "recurrence",
    "recurrence_until",
    "updated_at",
)


def feed(calendar: Calendar) -> bytes:
    """The subscription feed: the last year and everything ahead; private entries are "busy"."""
    since = timezone.now() - dt.timedelta(days=FEED_PAST_DAYS)
    entries = list(
        Entry.objects.filter(calendar=calendar).filter(models_q_recent(since)).values(*FEED_FIELDS).order_by("start")
    )
    recurring_ids = [e["id"] for e in entries if e["recurrence"]]
    exceptions: dict[int, list[EntryException]] = {}
    for exception in EntryException.objects.filter(entry_id__in=recurring_ids).order_by("original_start"):
        exceptions.setdefault(exception.entry_id, []).append(exception)
    rows = [(e, e["visibility"] == "private") for e in entries]
    return build_calendar(str(calendar.office_holder), rows, exceptions)


def models_q_recent(since: dt.datetime) -> Any:
    from django.db.models import Q

    return Q(end__gte=since) | (
        ~Q(recurrence="") & (Q(recurrence_until__isnull=True) | Q(recurrence_until__gte=since.date()))
    )


def single(entry: Entry, *, masked: bool) -> bytes:
    values = {name: getattr(entry, name) for name in FEED_FIELDS}
    return build_calendar(
        entry.title if not masked else _("Busy"), [(values, masked)], {entry.pk: list(entry.exceptions.all())}
    )
