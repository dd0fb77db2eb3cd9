"""Citizen budget targets, measured on PostgreSQL.

- the results of an edition (6 districts, 120 admitted projects, 100,000 votes): computed in 3
  queries, at most 500 ms; the staff results page (which computes them live) at most 500 ms, the public
  projects list at most 300 ms;
- an online vote through the service (PESEL check, the keyed hash, the unique key): p95 at most 50 ms.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/participation .venv/bin/python bench/participation_bench.py
It works in its own database (``<name>_bench``), created and filled on the first run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import sys
import time
from decimal import Decimal

from benchdb import percentile  # first: the bench database and django.setup()
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from associations.contributions import NGO_OFFICER
from associations.participation import pesel as pesel_rules
from associations.participation.models import District, Edition, Project, ProjectStatus, Vote
from associations.participation.services import budget
from office.models import User
from office.roles import ensure_roles

PROJECTS = 120
VOTES = 100_000
YEAR = 2150


def seed(rng: random.Random) -> tuple[User, Edition]:
    call_command("migrate", verbosity=0)
    ensure_roles()
    user, _ = User.objects.get_or_create(username="bench-ngo", defaults={"first_name": "Bench"})
    user.groups.add(Group.objects.get(name=NGO_OFFICER.group))
    edition = Edition.objects.filter(year=YEAR).first()
    if edition is not None:
        return user, edition
    today = timezone.localdate()
    edition = Edition.objects.create(
        year=YEAR,
        name="Budżet Obywatelski (bench)",
        submissions_from=today - dt.timedelta(days=200),
        submissions_to=today - dt.timedelta(days=170),
        verification_to=today - dt.timedelta(days=120),
        appeals_to=today - dt.timedelta(days=100),
        voting_from=today - dt.timedelta(days=5),
        voting_to=today + dt.timedelta(days=30),
        results_on=today + dt.timedelta(days=40),
    )
    districts = District.objects.bulk_create(
        [District(edition=edition, name=f"Dzielnica {n}", pool=Decimal(500_000), order=n) for n in range(6)]
    )
    projects = Project.objects.bulk_create(
        [
            Project(
                edition=edition,
                district=districts[n % 6],
                number=n + 1,
                title=f"Projekt {n + 1}",
                description="Opis.",
                location="Miasto",
                cost=Decimal(rng.randrange(20, 400) * 1000),
                author_name="Autor",
                supporters=["Anna"] * 15,
                status=ProjectStatus.ADMITTED,
            )
            for n in range(PROJECTS)
        ]
    )
    by_district: dict[int, list[Project]] = {}
    for project in projects:
        by_district.setdefault(project.district_id, []).append(project)
    votes = Vote.objects.bulk_create(
        [Vote(edition=edition, voter_key=f"{n:064x}") for n in range(VOTES)], batch_size=5000
    )
    through = Vote.projects.through
    rows = [
        through(vote_id=vote.pk, project_id=rng.choice(choices).pk)
        for vote in votes
        for choices in by_district.values()
        if rng.random() < 0.5
    ]
    through.objects.bulk_create(rows, batch_size=10_000)
    return user, edition


def timed(run, times: int = 15) -> tuple[float, int]:
    samples, queries = [], 0
    for _ in range(times):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            run()
            samples.append((time.perf_counter() - start) * 1000)
        queries = len(captured)
    return percentile(samples, 0.95), queries


def main() -> int:
    rng = random.Random(7)
    user, edition = seed(rng)
    client = Client()
    client.force_login(user)
    failures = []
    results_ms, results_queries = timed(lambda: budget.compute_results(edition))
    print(f"compute_results: p95 {results_ms:.0f} ms, {results_queries} queries")
    if results_ms > 500 or results_queries > 3:
        failures.append("compute_results")
    for label, url in (
        ("staff results page", f"/participation/budget/{edition.pk}/results/"),
        ("public projects", f"/participation/public/budget/{YEAR}/projects/"),
    ):
        ms, queries = timed(lambda url=url: client.get(url))
        print(f"{label}: p95 {ms:.0f} ms, {queries} queries")
        if ms > (500 if "results" in label else 300):
            failures.append(label)
    admitted = list(budget.admitted(edition).filter(district__order=0)[:1])
    counter = iter(range(10**6))

    def vote() -> None:
        n = next(counter) + int(time.time()) % 100_000 * 10
        number = pesel_rules.make(dt.date(1970, 1, 1) + dt.timedelta(days=n % 15000), n % 10000)
        with contextlib.suppress(ValidationError):  # a PESEL repeated from an earlier run: refused, still timed
            budget.cast_vote(edition=edition, pesel=number, projects=admitted)

    vote_ms, vote_queries = timed(vote, times=200)
    print(f"cast_vote: p95 {vote_ms:.1f} ms, {vote_queries} queries")
    if vote_ms > 50:
        failures.append("cast_vote")
    print("FAILED: " + ", ".join(failures) if failures else "all targets met")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
