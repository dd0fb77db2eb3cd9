"""Press office fixtures: outlets of each kind, a journalist working for the daily, inquiries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from media_relations.contributions import PRESS_OFFICER
from media_relations.models import Journalist, JournalistOutlet, LegalBasis, Outlet
from media_relations.services import inquiries as inquiry_services
from tests.factories import UserFactory


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def officer(persona: Callable[[str], Any]) -> Any:
    return persona("press_officer")


@pytest.fixture
def second_officer(units: Any) -> Any:
    return UserFactory(username="rzecznik2", groups=[Group.objects.get(name=PRESS_OFFICER.group)])


@pytest.fixture
def daily(db: Any) -> Outlet:
    return Outlet.objects.create(name="Gazeta Przykładowska", kind="daily", reach="regional")


@pytest.fixture
def online(db: Any) -> Outlet:
    return Outlet.objects.create(name="przykladowo24.pl", kind="online")


@pytest.fixture
def periodical(db: Any) -> Outlet:
    return Outlet.objects.create(name="Tygodnik Regionalny", kind="periodical")


@pytest.fixture
def journalist(daily: Outlet) -> Journalist:
    person = Journalist.objects.create(name="Agnieszka Nowakowska", email="a.nowakowska@example.com")
    JournalistOutlet.objects.create(journalist=person, outlet=daily, started_on=dt.date(2020, 1, 1))
    return person


@pytest.fixture
def make_inquiry(officer: Any, journalist: Journalist) -> Callable[..., Any]:
    def make(**kwargs: Any) -> Any:
        values = {
            "actor": officer,
            "journalist": journalist,
            "subject": "Remont wiaduktu",
            "questions": "Kiedy skończy się remont wiaduktu?",
            "legal_basis": LegalBasis.PRESS_INFORMATION,
            "received_at": timezone.now() - dt.timedelta(hours=2),
            "topic": "transport",
        }
        values.update(kwargs)
        return inquiry_services.register_inquiry(**values)

    return make
