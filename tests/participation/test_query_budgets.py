"""Query budgets: every list of civic participation, the record pages with repeated rows, the week
of bookings and the public lists make as many queries with 3 rows as with 23
(tests.utils.assert_constant_queries)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from associations.participation.models import Project, Vote
from associations.participation.services import budget, civic, consultations
from tests.factories import ContactFactory
from tests.participation import factories as f
from tests.utils import assert_constant_queries, client_for

pytestmark = pytest.mark.django_db

counter = itertools.count(1)


class World:
    def __init__(self, staff: Any) -> None:
        self.staff = staff
        self.programme = f.a_programme(staff, year=2026)
        self.consultation = f.a_consultation(staff)
        self.edition = f.an_edition(staff, voting=(-10, -1))
        self.room = f.a_room(staff)

    def grants(self, n: int) -> None:
        for _ in range(n):
            f.a_grant(self.staff, self.programme, ContactFactory(kind="ngo"))

    def comments(self, n: int) -> None:
        for i in range(n):
            comment = f.a_comment(self.consultation, text=f"Uwaga {next(counter)}")
            if i % 2:
                consultations.answer(
                    actor=self.staff,
                    submission=consultations.publish(actor=self.staff, submission=comment),
                    answer="Tak.",
                )

    def consultations(self, n: int) -> None:
        for _ in range(n):
            f.a_comment(f.a_consultation(self.staff, title=f"Konsultacje {next(counter)}"))

    def projects(self, n: int) -> None:
        for i in range(n):
            project = f.admitted_project(self.staff, self.edition, district=i % 2, cost=Decimal(1000 + i))
            Vote.objects.create(edition=self.edition, voter_key=f"{next(counter):064d}").projects.add(project)

    def published_projects(self, n: int) -> None:
        self.projects(n)
        Project.objects.filter(edition=self.edition).update(votes=1, is_funded=True)
        self.edition.results_published_at = self.edition.updated_at
        self.edition.save()

    def editions(self, n: int) -> None:
        for _ in range(n):
            f.an_edition(self.staff, year=2000 + next(counter))

    def programmes(self, n: int) -> None:
        for _ in range(n):
            f.a_programme(self.staff, year=2100 + next(counter))

    def civic(self, n: int) -> None:
        for _ in range(n):
            project = f.a_civic_project(self.staff, name=f"Projekt {next(counter)}")
            civic.save_civic_project(actor=self.staff, project=project, partners=[ContactFactory(), ContactFactory()])

    def rooms(self, n: int) -> None:
        for _ in range(n):
            f.a_room(self.staff, name=f"Sala {next(counter)}")

    def bookings(self, n: int) -> None:
        for _ in range(n):
            day = next(counter)
            f.a_booking(self.staff, self.room, day=day % 6, hour=6 + (day // 6) % 16 * 1)
            if day > 90:
                break

    def districts(self, n: int) -> None:
        for _ in range(n):
            budget.add_district(
                actor=self.staff, edition=self.edition, name=f"Osiedle {next(counter)}", pool=Decimal(1000)
            )


PAGES: list[tuple[str, Callable[[World], str], str]] = [
    ("programmes", lambda w: "/participation/programme/", "programmes"),
    ("grants", lambda w: "/participation/grants/", "grants"),
    ("programme page", lambda w: f"/participation/programme/{w.programme.pk}/", "grants"),
    ("consultations", lambda w: "/participation/", "consultations"),
    ("consultation page", lambda w: f"/participation/consultations/{w.consultation.pk}/", "comments"),
    ("comments", lambda w: "/participation/comments/", "comments"),
    ("editions", lambda w: "/participation/budget/", "editions"),
    ("edition page", lambda w: f"/participation/budget/{w.edition.pk}/", "districts"),
    ("results", lambda w: f"/participation/budget/{w.edition.pk}/results/", "projects"),
    ("projects", lambda w: "/participation/projects/", "projects"),
    ("civic projects", lambda w: "/participation/civic/", "civic"),
    ("rooms", lambda w: "/participation/rooms/", "rooms"),
    ("bookings", lambda w: "/participation/bookings/", "bookings"),
    ("week", lambda w: f"/participation/rooms/week/?week={f.days(0).isoformat()}", "bookings"),
    ("public consultations", lambda w: "/participation/public/consultations/", "consultations"),
    ("public consultation", lambda w: f"/participation/public/consultations/{w.consultation.pk}/", "comments"),
    ("public projects", lambda w: f"/participation/public/budget/{w.edition.year}/projects/", "projects"),
    ("public results", lambda w: f"/participation/public/budget/{w.edition.year}/results/", "published_projects"),
    (
        "public realisation",
        lambda w: f"/participation/public/budget/{w.edition.year}/realisation/",
        "published_projects",
    ),
]


@pytest.mark.parametrize(("name", "url", "rows"), PAGES, ids=[p[0] for p in PAGES])
def test_constant_queries(persona, name: str, url: Callable[[World], str], rows: str) -> None:
    staff = persona("ngo_officer")
    world = World(staff)
    client = client_for(staff) if "public" not in name else client_for(None)
    assert_constant_queries(client, url(world), getattr(world, rows))
