"""Calendar targets, measured on PostgreSQL.

- the week view of three office holders over ten years of data (at least 25,000 entries):
  the same number of queries as over a handful of entries (at most 10) and server time
  p95 at most 150 ms;
- a year's iCalendar subscription feed: at most 300 ms.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/calendar_bench.py
It works in its own database (``<name>_bench``), created and filled on the first run.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time

from benchdb import percentile  # first: the bench database and django.setup()
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from calendar_app.models import Calendar, Entry
from office.models import OfficeHolder, SecretariatMembership, User
from office.roles import SECRETARIAT, ensure_roles

YEARS = 10
TARGET_ENTRIES = 25_000


def prepare() -> tuple[list[Calendar], User]:
    call_command("migrate", verbosity=0)
    ensure_roles()
    user, _ = User.objects.get_or_create(username="bench-secretary", defaults={"first_name": "Bench"})
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name=SECRETARIAT.group))
    calendars = []
    for order, (role, last) in enumerate([("mayor", "Prezydent"), ("deputy", "Pierwszy"), ("deputy", "Druga")], 1):
        holder, _ = OfficeHolder.objects.get_or_create(
            title=f"Bench {last}", defaults={"role": role, "first_name": "Jan", "last_name": last, "order": order}
        )
        SecretariatMembership.objects.get_or_create(office_holder=holder, user=user, defaults={"can_see_private": True})
        calendars.append(Calendar.objects.get_or_create(office_holder=holder)[0])
    if Entry.objects.filter(calendar__in=calendars).count() < TARGET_ENTRIES:
        Entry.objects.filter(calendar__in=calendars).delete()
        rng = random.Random(7)
        tz = timezone.get_current_timezone()
        today = timezone.localdate()
        first = today - dt.timedelta(days=365 * (YEARS - 1))
        rows = []
        for calendar in calendars:
            rows.append(
                Entry(
                    calendar=calendar,
                    title="Kolegium",
                    start=dt.datetime.combine(first, dt.time(8), tz),
                    end=dt.datetime.combine(first, dt.time(9), tz),
                    recurrence="FREQ=WEEKLY;BYDAY=MO",
                )
            )
            day = first
            while day <= today + dt.timedelta(days=365):
                if day.weekday() < 5:
                    hour = 9
                    for _ in range(rng.randint(2, 5)):
                        start = dt.datetime.combine(day, dt.time(hour), tz)
                        rows.append(
                            Entry(
                                calendar=calendar,
                                title=f"Spotkanie {rng.randint(1, 9999)}",
                                start=start,
                                end=start + dt.timedelta(minutes=rng.choice([30, 60, 90])),
                                visibility=rng.choice(["public", "internal", "private"]),
                            )
                        )
                        hour += 2
                day += dt.timedelta(days=1)
        Entry.objects.bulk_create(rows, batch_size=2000)
        connection.cursor().execute("ANALYZE calendar_app_entry")
    return calendars, user


def main() -> None:
    calendars, user = prepare()
    total = Entry.objects.filter(calendar__in=calendars).count()
    client = Client()
    client.force_login(user)
    ids = "&".join(f"calendars={c.pk}" for c in calendars)
    today = timezone.localdate()
    rng = random.Random(1)
    timings, query_counts = [], set()
    client.get(f"/calendar/?{ids}")  # warm up
    for _ in range(60):
        day = today - dt.timedelta(days=rng.randint(0, 365 * YEARS - 1))
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(f"/calendar/?date={day:%Y-%m-%d}&{ids}")
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
        query_counts.add(len(queries))
    feed_times = []
    for _ in range(10):
        started = time.perf_counter()
        response = client.get(f"/calendar/feed/{calendars[0].feed_token}.ics")
        feed_times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    events = response.content.count(b"BEGIN:VEVENT")
    print(f"entries in the database:           {total}")
    print(
        f"week view, 3 office holders:       p50 {statistics.median(timings):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms, queries {sorted(query_counts)}"
    )
    print(
        f"iCalendar feed ({events} events):  p50 {statistics.median(feed_times):.1f} ms, max {max(feed_times):.1f} ms"
    )
    ok = percentile(timings, 0.95) <= 150 and max(query_counts) <= 10 and statistics.median(feed_times) <= 300
    print("targets met" if ok else "TARGETS MISSED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
