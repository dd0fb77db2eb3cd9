"""Correspondence targets, measured on PostgreSQL.

- the register list at ten years of data (at least 200,000 letters, 20,000 contacts): server
  time p95 at most 150 ms for each filter and the text search; each filter's page makes the
  same number of queries on every request (tests/correspondence/test_query_budgets.py shows the
  number does not grow with the rows);
- a batch of 500 congratulation letters: the request returns at once; the worker (a real Celery
  worker when REDIS_URL is set and ``--worker`` is given, else the job run in this process)
  produces the PDF and the ZIP in at most 60 s.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/correspondence_bench.py
[--list-only | --worker]
It works in its own database (``<name>_bench``), filled on the first run (a few minutes).
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

from correspondence.models import Direction, JrwaClass, Letter, LetterStatus, LetterTemplate, SignCounter
from correspondence.services import archive
from office.models import Contact, OfficeHolder, OrgUnit, SecretariatMembership, User
from office.roles import SECRETARIAT, ensure_roles

YEARS = 10
LETTERS = 200_000
CONTACTS = 20_000
BATCH = 500
STATUSES = [LetterStatus.ANSWERED] * 6 + [LetterStatus.CLOSED, LetterStatus.DECREED, LetterStatus.REGISTERED]
SUBJECTS = ["remont chodnika", "oświetlenie ulicy", "budowa boiska", "zaproszenie na jubileusz", "skarga na hałas"]


def prepare() -> tuple[User, OfficeHolder, OrgUnit]:
    call_command("migrate", verbosity=0)
    ensure_roles()
    archive.ensure_shipped_classes()
    user, _ = User.objects.get_or_create(username="bench-secretary", defaults={"first_name": "Bench"})
    user.groups.add(Group.objects.get(name=SECRETARIAT.group))
    unit, _ = OrgUnit.objects.get_or_create(symbol="KP", defaults={"name": "Kancelaria Prezydenta"})
    holder, _ = OfficeHolder.objects.get_or_create(
        role="mayor", defaults={"title": "Prezydent Miasta", "first_name": "Anna", "last_name": "Nowak"}
    )
    SecretariatMembership.objects.get_or_create(office_holder=holder, user=user)
    rng = random.Random(8)
    if Contact.objects.count() < CONTACTS:
        Contact.objects.bulk_create(
            [
                Contact(name=f"{rng.choice(['Jan', 'Anna', 'Piotr', 'Ewa'])} Mieszkaniec {n:05d}", city="Przykładowo")
                for n in range(CONTACTS - Contact.objects.count())
            ],
            batch_size=5000,
        )
    if Letter.objects.count() < LETTERS:
        _letters(rng, unit, holder, user)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE correspondence_letter")
        cursor.execute("ANALYZE correspondence_decree")
        cursor.execute("ANALYZE office_contact")
    return user, holder, unit


def _letters(rng: random.Random, unit: OrgUnit, holder: OfficeHolder, user: User) -> None:
    classes = list(JrwaClass.objects.all())
    contacts = list(Contact.objects.values_list("pk", "name"))
    today = timezone.localdate()
    counters: dict[tuple[int, int], int] = {}
    rows = []
    for n in range(LETTERS - Letter.objects.count()):
        received = today - dt.timedelta(days=rng.randint(0, 365 * YEARS))
        jrwa = rng.choice(classes)
        key = (jrwa.pk, received.year)
        counters[key] = counters.get(key, 0) + 1
        contact_id, name = rng.choice(contacts)
        incoming = rng.random() < 0.6
        rows.append(
            Letter(
                direction=Direction.INCOMING if incoming else Direction.OUTGOING,
                unit=unit,
                jrwa_class=jrwa,
                year=received.year,
                sequence=counters[key] + 1_000_000,
                sign=f"{unit.symbol}.{jrwa.symbol}.{counters[key] + 1_000_000}.{received.year}",
                file_mark=f"{unit.symbol}.{jrwa.symbol}",
                kind="ordinary",
                status=rng.choice(STATUSES) if incoming else LetterStatus.SENT,
                received_on=received if incoming else None,
                sent_on=None if incoming else received,
                due_on=received + dt.timedelta(days=30) if incoming else None,
                contact_id=contact_id,
                correspondent=name,
                subject=f"Pismo {n}: {rng.choice(SUBJECTS)}",
                principal=holder,
                confidential=rng.random() < 0.01,
                created_by=user,
            )
        )
        if len(rows) == 20_000:
            Letter.objects.bulk_create(rows)
            rows = []
    Letter.objects.bulk_create(rows)
    SignCounter.objects.all().delete()


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


def batch(user: User, holder: OfficeHolder, unit: OrgUnit) -> tuple[float, float]:
    """(seconds until the request returned, seconds until the PDF was ready)."""
    from django.test import override_settings

    from correspondence.services import batches

    template, _ = LetterTemplate.objects.get_or_create(
        name="Gratulacje (bench)",
        defaults={
            "subject": "Gratulacje",
            "salutation": "Szanowny Panie {{ adresat.nazwa }},",
            "body": "w imieniu mieszkańców składam serdeczne gratulacje.\n\nŻyczę dalszych sukcesów.",
            "closing": "Z wyrazami szacunku",
            "jrwa_class": JrwaClass.objects.get(symbol="0521"),
            "signatory": holder,
        },
    )
    contacts = list(Contact.objects.order_by("pk")[:BATCH])
    worker = "--worker" in sys.argv
    with override_settings(CELERY_TASK_ALWAYS_EAGER=not worker):
        started = time.perf_counter()
        job = batches.start_batch(
            actor=user, template=template, contacts=contacts, signatory=holder, unit=unit, dated_on=timezone.localdate()
        )
        returned = time.perf_counter() - started
    while True:
        job.refresh_from_db()
        if job.is_finished:
            break
        time.sleep(0.5)
    assert job.is_done, job.message
    return returned, time.perf_counter() - started


def main() -> None:
    user, holder, unit = prepare()
    client = Client()
    client.force_login(user)
    combos = [
        "",
        "?direction=in",
        "?status=registered",
        "?status=answered&direction=in",
        "?kind=ordinary",
        f"?principal={holder.pk}",
        "?jrwa_class=0520",
        "?open=on&sort=due",
        "?overdue=on",
        "?since=2024-01-01&until=2024-12-31",
        "?sort=sign",
        "?q=chodnika",
        "?q=KP.0520.1000123",
        "?q=Mieszkaniec 01234",
        "?page=200",
    ]
    timings: list[float] = []
    counts: dict[str, set[int]] = {}
    worst = []
    for combo in combos:
        t, counts[combo] = measure(client, f"/correspondence/{combo}", 6)
        timings += t
        worst.append((percentile(t, 0.95), combo))
    steady = all(len(c) == 1 for c in counts.values())
    spread = sorted({n for c in counts.values() for n in c})
    print(f"letters in the database:  {Letter.objects.count()}")
    print(f"contacts in the database: {Contact.objects.count()}")
    print(
        f"register list, {len(combos)} filters: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms, queries per page {spread[0]}–{spread[-1]} "
        f"({'the same on every request of a filter' if steady else 'CHANGING between requests'})"
    )
    for p95, combo in sorted(worst, reverse=True)[:4]:
        print(f"    slowest: {combo or '(no filter)'}: p95 {p95:.1f} ms")
    if "--list-only" in sys.argv:
        return
    returned, ready = batch(user, holder, unit)
    print(f"batch of {BATCH} letters: request {returned * 1000:.0f} ms, PDF and ZIP ready after {ready:.1f} s")
    ok = max(p95 for p95, _ in worst) <= 150 and steady and ready <= 60
    print("targets met" if ok else "TARGETS MISSED")


if __name__ == "__main__":
    main()
