"""Press office targets, measured on PostgreSQL.

- the press-inquiry list over 50,000 inquiries with filter/sort combinations: the same number
  of queries for every combination and server time p95 at most 150 ms;
- the statistics page of a year (200,000 monitoring entries in the database): at most 300 ms.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/media_bench.py
It works in its own database (``<name>_bench``), created and filled on the first run.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time

from benchdb import percentile  # first: the bench database and django.setup()
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from media_relations.contributions import PRESS_OFFICER
from media_relations.models import Inquiry, Journalist, JournalistOutlet, Outlet, Publication
from media_relations.services.inquiries import RULE_BY_BASIS
from office.deadlines import apply_rule
from office.models import DeadlineRule, User
from office.roles import ensure_roles

INQUIRIES = 50_000
PUBLICATIONS = 200_000
STATUSES = ["new", "gathering_input", "draft", "approval", "extended", "answered", "answered", "answered", "refused"]


def seed_inquiries(rng: random.Random) -> User:
    """A press officer and 50,000 inquiries (40 outlets, 2,000 journalists), made once."""
    call_command("migrate", verbosity=0)
    ensure_roles()
    user, _ = User.objects.get_or_create(username="bench-press", defaults={"first_name": "Bench"})
    user.groups.add(Group.objects.get(name=PRESS_OFFICER.group))
    if Outlet.objects.count() < 40:
        Outlet.objects.bulk_create(
            [
                Outlet(name=f"Redakcja {n:03d}", kind=rng.choice(["daily", "online", "periodical", "radio", "tv"]))
                for n in range(40)
            ],
            ignore_conflicts=True,
        )
    outlets = list(Outlet.objects.all())
    if Journalist.objects.count() < 2000:
        people = Journalist.objects.bulk_create([Journalist(name=f"Dziennikarz {n:04d}") for n in range(2000)])
        JournalistOutlet.objects.bulk_create(
            [JournalistOutlet(journalist=p, outlet=rng.choice(outlets)) for p in people]
        )
    journalists = list(JournalistOutlet.objects.filter(ended_on__isnull=True).values_list("journalist_id", "outlet_id"))
    now = timezone.now()
    if Inquiry.objects.count() < INQUIRIES:
        rules = {b: DeadlineRule.objects.get(code=c) for b, c in RULE_BY_BASIS.items()}
        rows = []
        for n in range(INQUIRIES - Inquiry.objects.count()):
            received = now - dt.timedelta(days=rng.randint(0, 365 * 5), minutes=rng.randint(0, 600))
            basis = rng.choice(list(rules))
            deadline = apply_rule(rules[basis], received)
            status = rng.choice(STATUSES)
            jid, oid = rng.choice(journalists)
            rows.append(
                Inquiry(
                    journalist_id=jid,
                    outlet_id=oid,
                    subject=f"Pytanie {n}",
                    topic=rng.choice(["transport", "budżet", "oświata", "zieleń"]),
                    questions="Pytanie?",
                    received_at=received,
                    legal_basis=basis,
                    statutory_due_on=deadline.due,
                    due_on=deadline.due,
                    deadline_rule=deadline.rule_code,
                    deadline_name=deadline.rule_name,
                    status=status,
                    answered_at=received + dt.timedelta(days=rng.randint(1, 20)) if status == "answered" else None,
                )
            )
        Inquiry.objects.bulk_create(rows, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE media_relations_inquiry")
    return user


def prepare() -> User:
    rng = random.Random(11)
    user = seed_inquiries(rng)
    outlets = list(Outlet.objects.all())
    now = timezone.now()
    if Publication.objects.count() < PUBLICATIONS:
        rows = [
            Publication(
                outlet=rng.choice(outlets),
                published_on=(now - dt.timedelta(days=rng.randint(0, 365 * 5))).date(),
                title=f"Publikacja {n}",
                tone=rng.choice(["positive", "neutral", "neutral", "negative"]),
                importance=rng.choice(["low", "normal", "high"]),
            )
            for n in range(PUBLICATIONS - Publication.objects.count())
        ]
        Publication.objects.bulk_create(rows, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE media_relations_publication")
    return user


def measure(client: Client, url: str, rounds: int) -> tuple[list[float], set[int]]:
    client.get(url)  # warm up
    timings, counts = [], set()
    for _ in range(rounds):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
        counts.add(len(queries))
    return timings, counts


def main() -> None:
    user = prepare()
    client = Client()
    client.force_login(user)
    outlet = Outlet.objects.order_by("pk").first()
    combos = [
        "",
        "?sort=due",
        "?sort=-due",
        "?sort=received",
        "?open=on",
        "?open=on&sort=due",
        "?overdue=on&sort=due",
        "?status=answered",
        "?legal_basis=public_information",
        f"?outlet={outlet.pk}",
        f"?outlet={outlet.pk}&open=on&sort=due",
        "?topic=transport&sort=-due",
        "?q=Pytanie 123",
        "?page=50",
        "?status=draft&page=3",
    ]
    timings: list[float] = []
    counts: set[int] = set()
    for combo in combos:
        t, c = measure(client, f"/press/inquiries/{combo}", 6)
        timings += t
        counts |= c
    year = timezone.localdate().year
    stats_times, stats_counts = measure(client, f"/press/statistics/?year={year}", 8)
    print(f"inquiries in the database:     {Inquiry.objects.count()}")
    print(f"publications in the database:  {Publication.objects.count()}")
    print(
        f"inquiry list, {len(combos)} filter/sort combinations: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms, queries {sorted(counts)}"
    )
    print(
        f"statistics page:               p50 {statistics.median(stats_times):.1f} ms, "
        f"max {max(stats_times):.1f} ms, queries {sorted(stats_counts)}"
    )
    ok = percentile(timings, 0.95) <= 150 and len(counts) == 1 and statistics.median(stats_times) <= 300
    print("targets met" if ok else "TARGETS MISSED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
