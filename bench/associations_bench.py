"""The register of ordinary associations at a large city's scale, measured on PostgreSQL.

5,000 entered associations with 5 versions each (25,000 rows): the register "as of" a day (the
staff list and the public list, today and a year ago), a record's page, and the open data (CSV,
JSON, XLSX of every association): server time p50/p95 over the rounds, and the number of
queries, which must not depend on the rows.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/associations_bench.py
"""

from __future__ import annotations

import datetime as dt
import time

from benchdb import percentile  # first: the bench database and django.setup()
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from associations.models import AssociationStatus, AssociationVersion, OrdinaryAssociation
from office.contributions import registry
from office.models import Contact, User
from office.roles import ensure_roles

ASSOCIATIONS = 5000
VERSIONS = 5
ROUNDS = 20


def prepare() -> User:
    call_command("migrate", verbosity=0)
    ensure_roles()
    user, _ = User.objects.get_or_create(username="bench-ngo", defaults={"first_name": "Bench"})
    user.groups.add(Group.objects.get(name=registry.role("ngo_officer").group))
    have = OrdinaryAssociation.objects.filter(status=AssociationStatus.ENTERED).count()
    if have >= ASSOCIATIONS:
        return user
    today = timezone.localdate()
    contacts = Contact.objects.bulk_create(
        [Contact(kind="ngo", name=f"Bench {n}", street="ul. Prywatna 1") for n in range(have, ASSOCIATIONS)]
    )
    associations = OrdinaryAssociation.objects.bulk_create(
        [
            OrdinaryAssociation(
                number=n + 1,
                status=AssociationStatus.ENTERED,
                contact=contact,
                received_on=today - dt.timedelta(days=2000),
                entered_on=today - dt.timedelta(days=1995),
            )
            for n, contact in zip(range(have, ASSOCIATIONS), contacts, strict=True)
        ],
        batch_size=1000,
    )
    versions = []
    for association in associations:
        for step in range(VERSIONS):
            versions.append(
                AssociationVersion(
                    association=association,
                    kind="entry" if step == 0 else "change",
                    valid_from=today - dt.timedelta(days=1995 - step * 380),
                    name=f"Stowarzyszenie {association.number}",
                    goals="Cele statutowe.",
                    territory="Miasto",
                    means_of_action="Spotkania.",
                    seat_address=f"ul. Siedziby {step}",
                    representatives="Jan Kowalski – przedstawiciel",
                )
            )
    AssociationVersion.objects.bulk_create(versions, batch_size=2000)
    for n, association in enumerate(associations):
        association.current = versions[(n + 1) * VERSIONS - 1]
    OrdinaryAssociation.objects.bulk_update(associations, ["current"], batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the planner's statistics, as autovacuum keeps them after a bulk load
    return user


def measure(client: Client, url: str) -> tuple[float, float, int, int]:
    timings, counts = [], set()
    size = 0
    client.get(url)  # warms the per-process caches (content types, translations, the session)
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            body = response.content
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
        counts.add(len(queries))
        size = len(body)
    assert len(counts) == 1, f"{url}: the number of queries varies: {counts}"
    return percentile(timings, 0.5), percentile(timings, 0.95), counts.pop(), size


def main() -> None:
    user = prepare()
    staff = Client()
    staff.force_login(user)
    public = Client()
    year_ago = (timezone.localdate() - dt.timedelta(days=365)).isoformat()
    number = ASSOCIATIONS // 2
    pages = [
        (staff, "/associations/"),
        (staff, f"/associations/?as_of={year_ago}"),
        (staff, "/associations/?q=Stowarzyszenie%2012"),
        (staff, f"/associations/{OrdinaryAssociation.objects.get(number=number).pk}/?as_of={year_ago}"),
        (public, "/associations/public/"),
        (public, f"/associations/public/?as_of={year_ago}&page=100"),
        (public, f"/associations/public/{number}/"),
        (public, "/associations/public/register.csv"),
        (public, "/associations/public/register.json"),
        (public, "/associations/public/register.xlsx"),
    ]
    print(f"{ASSOCIATIONS} associations, {AssociationVersion.objects.count()} versions; {ROUNDS} rounds")
    for client, url in pages:
        p50, p95, queries, size = measure(client, url)
        print(f"{url:60} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  {queries:3} queries  {size / 1024:8.0f} KiB")


if __name__ == "__main__":
    main()
