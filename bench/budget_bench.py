"""The budget lines' plan-versus-execution page, measured on PostgreSQL at ten years of lines.

- 10 years × 80 lines of the office's tasks, each with 100 commitments (a tenth cancelled),
  40 entries of execution and 2 changes to the plan (80,000 commitments, 32,000 executions);
- the page (this year's lines; every year's, paginated; only the lines with 90 % or more used;
  a search) server time p95 at most 150 ms, the same number of queries on every request;
- the XLSX of every year's lines (the list's declared columns) and a line's page, for the record.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/budget_bench.py
It works in its own database (``<name>_bench``), filled on the first run.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from decimal import Decimal

from benchdb import percentile  # first: the bench database and django.setup()
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from office.administration.models import BudgetLine, Commitment, Execution, PlanChange
from office.models import User
from office.roles import ensure_roles

YEARS = 10
LINES = 80
COMMITMENTS = 100
EXECUTIONS = 40
ROUNDS = 40
P95_MS = 150.0


def prepare() -> User:
    call_command("migrate", verbosity=0)
    ensure_roles()
    user, _ = User.objects.get_or_create(username="bench-finance", defaults={"first_name": "Bench"})
    user.is_superuser = True
    user.save()
    this_year = timezone.localdate().year
    if BudgetLine.objects.filter(year=this_year - YEARS + 1).count() >= LINES:
        return user
    rng = random.Random(26)
    started = time.monotonic()
    for year in range(this_year - YEARS + 1, this_year + 1):
        lines = BudgetLine.objects.bulk_create(
            BudgetLine(
                year=year,
                division=rng.choice(["750", "921", "926"]),
                chapter=f"{rng.randint(75000, 75099)}",
                paragraph=f"{4000 + index}",
                name=f"Zadanie Kancelarii nr {index + 1}",
                planned=Decimal(rng.randrange(20_000, 400_000)),
            )
            for index in range(LINES)
        )
        day = dt.date(year, 3, 1)
        Commitment.objects.bulk_create(
            (
                Commitment(
                    line=line,
                    kind=rng.choice(["trip", "event", "order", "procurement"]),
                    amount=(line.planned * Decimal(rng.randint(1, 14)) / 1000).quantize(Decimal("0.01")) + 1,
                    committed_on=day,
                    source_label=f"Zlecenie {number}/{year}",
                    cancelled_at=timezone.now() if number % 10 == 0 else None,
                )
                for line in lines
                for number in range(COMMITMENTS)
            ),
            batch_size=5000,
        )
        Execution.objects.bulk_create(
            (
                Execution(
                    line=line,
                    booked_on=day,
                    amount=(line.planned / 100).quantize(Decimal("0.01")) + 1,
                    document=f"WB/{n}",
                )
                for line in lines
                for n in range(EXECUTIONS)
            ),
            batch_size=5000,
        )
        PlanChange.objects.bulk_create(
            PlanChange(line=line, changed_on=day, amount=Decimal(1000 * sign), basis="Zarządzenie")
            for line in lines
            for sign in (1, -1)
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"filled in {time.monotonic() - started:.0f} s")
    return user


def measure(client: Client, url: str) -> tuple[float, float, set[int]]:
    times, counts = [], set()
    client.get(url)  # warm
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        counts.add(len(queries))
    return percentile(times, 0.5), percentile(times, 0.95), counts


def main() -> int:
    user = prepare()
    client = Client()
    client.force_login(user)
    year = timezone.localdate().year
    print(
        f"{BudgetLine.objects.count()} lines, {Commitment.objects.count()} commitments, "
        f"{Execution.objects.count()} executions"
    )
    failed = False
    for url in (
        "/administration/",
        "/administration/?year=",
        "/administration/?year=&page=10",
        f"/administration/?year={year}&nearly_used=on",
        "/administration/?year=&q=Zadanie",
    ):
        p50, p95, counts = measure(client, url)
        ok = p95 <= P95_MS and len(counts) == 1
        failed |= not ok
        print(f"{url:45} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  queries {sorted(counts)}  {'ok' if ok else 'SLOW'}")
    line = BudgetLine.objects.filter(year=year).first()
    p50, p95, counts = measure(client, f"/administration/lines/{line.pk}/")
    print(f"{'a line page':45} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  queries {sorted(counts)}")
    with override_settings(EXPORT_INLINE_ROWS=10_000):
        started = time.perf_counter()
        response = client.get("/administration/?year=&export=xlsx")
        body = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
        elapsed = (time.perf_counter() - started) * 1000
        print(f"XLSX of every year's {BudgetLine.objects.count()} lines: {elapsed:.0f} ms, {len(body)} bytes")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
