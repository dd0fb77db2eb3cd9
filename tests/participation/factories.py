"""Records of civic participation made through the services, in the states the tests need."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from associations.participation import pesel as pesel_rules
from associations.participation.models import (
    Booking,
    CivicProject,
    Consultation,
    Edition,
    Grant,
    Programme,
    Project,
    Room,
    Submission,
)
from associations.participation.services import budget, civic, consultations, programme
from office.models import Contact, OrgUnit
from tests.factories import ContactFactory

SUPPORTERS = [f"Mieszkaniec {n}" for n in range(20)]


def days(count: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=count)


def a_programme(actor: Any, year: int | None = None, **fields: Any) -> Programme:
    values = {
        "year": year or timezone.localdate().year,
        "title": "Program współpracy",
        "priorities": "Seniorzy; sport.",
        "forms_of_cooperation": "Konkursy ofert.",
        "planned_funds": Decimal("100000.00"),
    }
    values.update(fields)
    return programme.save_programme(actor=actor, programme=Programme(**values))


def a_grant(actor: Any, prog: Programme, organisation: Contact | None = None, **fields: Any) -> Grant:
    values = {
        "programme": prog,
        "organisation": organisation or ContactFactory(name="Stowarzyszenie „Razem”", kind="ngo"),
        "task": "Zajęcia sportowe",
        "amount": Decimal("20000.00"),
        "starts_on": days(-30),
        "ends_on": days(30),
        "awarded_on": days(-40),
    }
    values.update(fields)
    return programme.save_grant(actor=actor, grant=Grant(**values))


def a_consultation(actor: Any, **fields: Any) -> Consultation:
    values = {
        "title": "Rewitalizacja placu",
        "subject": "Jak ma wyglądać plac?",
        "starts_on": days(-5),
        "ends_on": days(10),
        "by_comments": True,
    }
    values.update(fields)
    return consultations.save_consultation(actor=actor, consultation=Consultation(**values))


def a_comment(consultation: Consultation, **fields: Any) -> Submission:
    data = {"author_name": "Anna Nowak", "organisation": "", "email": "anna@example.pl", "text": "Więcej zieleni."}
    data.update(fields)
    return consultations.submit_comment(consultation=consultation, data=data)


def an_edition(actor: Any, *, year: int | None = None, voting: tuple[int, int] = (-2, 10), **fields: Any) -> Edition:
    """An edition whose vote runs from ``voting[0]`` to ``voting[1]`` days from today, with two districts."""
    start = days(voting[0] - 120)
    values = {
        "year": year or timezone.localdate().year,
        "name": "Budżet Obywatelski",
        "submissions_from": start,
        "submissions_to": start + dt.timedelta(days=30),
        "verification_to": start + dt.timedelta(days=60),
        "appeals_to": start + dt.timedelta(days=90),
        "voting_from": days(voting[0]),
        "voting_to": days(voting[1]),
        "results_on": days(voting[1] + 5),
        "min_supporters": 15,
    }
    values.update(fields)
    edition = budget.save_edition(actor=actor, edition=Edition(**values))
    budget.add_district(actor=actor, edition=edition, name="Śródmieście", pool=Decimal("300000"), order=1)
    budget.add_district(actor=actor, edition=edition, name="Północ", pool=Decimal("200000"), order=2)
    return edition


def a_project(actor: Any, edition: Edition, *, district: int = 0, **fields: Any) -> Project:
    values = {
        "edition": edition,
        "district": list(edition.districts.order_by("order"))[district],
        "title": "Plac zabaw",
        "description": "Nowy plac zabaw.",
        "location": "ul. Lipowa",
        "cost": Decimal("100000"),
        "author_name": "Karolina Mazur",
        "author_email": "karolina@example.pl",
    }
    values.update(fields)
    return budget.register_project(actor=actor, project=Project(**values), supporters=SUPPORTERS)


def units() -> tuple[OrgUnit, OrgUnit]:
    return (
        OrgUnit.objects.get_or_create(symbol="WSS", defaults={"name": "Wydział Spraw Społecznych"})[0],
        OrgUnit.objects.get_or_create(symbol="WIN", defaults={"name": "Wydział Inwestycji"})[0],
    )


def in_verification(actor: Any, project: Project) -> Project:
    formal, merit = units()
    return budget.hand_out_verification(
        actor=actor, project=project, formal_unit=formal, merit_unit=merit, due_date=days(7)
    )


def admitted_project(actor: Any, edition: Edition, **fields: Any) -> Project:
    project = in_verification(actor, a_project(actor, edition, **fields))
    return budget.record_verification(actor=actor, project=project, admitted=True)


def rejected_project(actor: Any, edition: Edition, **fields: Any) -> Project:
    project = in_verification(actor, a_project(actor, edition, **fields))
    return budget.record_verification(actor=actor, project=project, admitted=False, notes="Teren prywatny.")


def pesel(n: int = 1) -> str:
    return pesel_rules.make(dt.date(1980, 1 + n % 12, 1 + n % 28), n)


def a_room(actor: Any, name: str = "Sala warsztatowa", capacity: int = 20) -> Room:
    return civic.save_room(actor=actor, room=Room(name=name, capacity=capacity))


def at(day: int, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(days(day), dt.time(hour)))


def a_booking(actor: Any, room: Room, organisation: Contact | None = None, *, day: int = 3, hour: int = 10) -> Booking:
    return civic.request_booking(
        actor=actor,
        booking=Booking(
            room=room,
            organisation=organisation or ContactFactory(name="Klub Seniora", kind="ngo"),
            purpose="Spotkanie",
            starts_at=at(day, hour),
            ends_at=at(day, hour + 2),
        ),
    )


def a_civic_project(actor: Any, **fields: Any) -> CivicProject:
    values = {"name": "Młodzieżowa Rada Miasta", "kind": "youth", "starts_on": days(-100)}
    values.update(fields)
    return civic.save_civic_project(actor=actor, project=CivicProject(**values))
