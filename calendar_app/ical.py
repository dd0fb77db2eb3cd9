"""iCalendar (RFC 5545) output: subscription feeds and single-entry downloads.

The events are written directly (escaping, line folding, TZID times), which is an order of
magnitude faster than building component objects for a feed of thousands of events; the
Europe/Warsaw VTIMEZONE block is generated once by the icalendar package and reused. The
tests read the output back with an independent parser (vobject).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import BooleanField, Case, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from calendar_app.access import hidden_q
from calendar_app.models import Calendar, Entry, EntryException, EntryStatus, Visibility

PRODID = "-//Kancelaria//Kalendarz Prezydenta//PL"
FEED_PAST_DAYS = 366
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
STATUS = {
    EntryStatus.TENTATIVE: "TENTATIVE",
    EntryStatus.CONFIRMED: "CONFIRMED",
    EntryStatus.CANCELLED: "CANCELLED",
}
CLASS = {Visibility.PUBLIC: "PUBLIC", Visibility.PRIVATE: "CONFIDENTIAL"}
#: Who reads a subscription feed: anyone holding the link, so nobody private entries are shown to.
FEED_READER = AnonymousUser()


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, current, size = [], [], 0
    limit = 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with a space
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y%m%dT%H%M%S")


@lru_cache(maxsize=4)
def vtimezone(tzid: str) -> str:
    import icalendar

    return icalendar.Timezone.from_tzid(tzid).to_ical().decode().strip()


def _event_lines(
    entry: dict[str, Any],
    *,
    masked: bool,
    host: str,
    tzid: str,
    exceptions: list[EntryException],
    recurrence_id: EntryException | None = None,
) -> Iterator[str]:
    link = f"{settings.SITE_URL}{reverse('calendar_app:entry_detail', args=[entry['id']])}"
    start, end = entry["start"], entry["end"]
    if recurrence_id is not None:
        duration = end - start
        start = recurrence_id.start or recurrence_id.original_start
        end = recurrence_id.end or start + duration
    yield "BEGIN:VEVENT"
    yield f"UID:entry-{entry['id']}@{host}"
    yield f"DTSTAMP:{_utc(entry['updated_at'])}"
    yield f"LAST-MODIFIED:{_utc(entry['updated_at'])}"
    if entry["all_day"]:
        yield f"DTSTART;VALUE=DATE:{timezone.localtime(start):%Y%m%d}"
        yield f"DTEND;VALUE=DATE:{timezone.localtime(end):%Y%m%d}"
    else:
        yield f"DTSTART;TZID={tzid}:{_local(start)}"
        yield f"DTEND;TZID={tzid}:{_local(end)}"
    if recurrence_id is not None:
        yield f"RECURRENCE-ID;TZID={tzid}:{_local(recurrence_id.original_start)}"
    if masked:
        yield f"SUMMARY:{escape(_('Busy'))}"
        yield "CLASS:PRIVATE"
        yield f"DESCRIPTION:{escape(link)}"
    else:
        title = recurrence_id.title if recurrence_id is not None and recurrence_id.title else entry["title"]
        place = recurrence_id.place if recurrence_id is not None and recurrence_id.place else entry["place"]
        yield f"SUMMARY:{escape(title)}"
        if place:
            yield f"LOCATION:{escape(place)}"
        # many clients ignore URL: the link back goes into the description too
        yield f"DESCRIPTION:{escape(((entry['notes'] or '') + chr(10) + chr(10) + link).strip())}"
        yield "CLASS:" + CLASS.get(entry["visibility"], "PRIVATE")
    yield f"URL:{link}"
    yield f"STATUS:{STATUS[entry['status']]}"
    yield "TRANSP:" + ("OPAQUE" if entry["blocks_time"] else "TRANSPARENT")
    if entry["recurrence"] and recurrence_id is None:
        rule = entry["recurrence"]
        if entry["recurrence_until"]:
            last = dt.datetime.combine(
                entry["recurrence_until"], dt.time(23, 59, 59), tzinfo=timezone.get_current_timezone()
            )
            rule += f";UNTIL={last:%Y%m%d}" if entry["all_day"] else f";UNTIL={_utc(last)}"
        yield f"RRULE:{rule}"
        cancelled = [e.original_start for e in exceptions if e.cancelled]
        if cancelled:
            yield f"EXDATE;TZID={tzid}:" + ",".join(_local(moment) for moment in cancelled)
    yield "END:VEVENT"


def build_calendar(
    name: str, rows: Iterable[tuple[dict[str, Any], bool]], exceptions: dict[int, list[EntryException]]
) -> bytes:
    tzid = settings.TIME_ZONE
    host = settings.SITE_URL.split("://", 1)[-1].split("/")[0]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
        f"X-WR-TIMEZONE:{tzid}",
    ]
    lines.extend(vtimezone(tzid).splitlines())
    for entry, masked in rows:
        own = exceptions.get(entry["id"], [])
        lines.extend(_event_lines(entry, masked=masked, host=host, tzid=tzid, exceptions=own))
        for exception in own:
            if not exception.cancelled and (exception.start or exception.title or exception.place):
                lines.extend(
                    _event_lines(entry, masked=masked, host=host, tzid=tzid, exceptions=own, recurrence_id=exception)
                )
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode()


def _recent(since: dt.datetime) -> Q:
    return Q(end__gte=since) | (
        ~Q(recurrence="") & (Q(recurrence_until__isnull=True) | Q(recurrence_until__gte=since.date()))
    )


def feed(calendar: Calendar) -> bytes:
    """The subscription feed: the last year and everything ahead; what the masking rule hides from
    a reader without rights (``access.hidden_q``: the private entries) is only "busy"."""
    since = timezone.now() - dt.timedelta(days=FEED_PAST_DAYS)
    entries = list(
        Entry.objects.filter(calendar=calendar)
        .filter(_recent(since))
        .annotate(masked=Case(When(hidden_q(FEED_READER), then=True), default=False, output_field=BooleanField()))
        .values(*FEED_FIELDS, "masked")
        .order_by("start")
    )
    recurring_ids = [e["id"] for e in entries if e["recurrence"]]
    exceptions: dict[int, list[EntryException]] = {}
    if recurring_ids:
        for exception in EntryException.objects.filter(entry_id__in=recurring_ids).order_by("original_start"):
            exceptions.setdefault(exception.entry_id, []).append(exception)
    return build_calendar(str(calendar.office_holder), [(e, e["masked"]) for e in entries], exceptions)


def single(entry: Entry, *, masked: bool) -> bytes:
    values = {name: getattr(entry, name) for name in FEED_FIELDS}
    return build_calendar(
        _("Busy") if masked else entry.title,
        [(values, masked)],
        {entry.pk: list(entry.exceptions.order_by("original_start"))},
    )
