"""Calendar fixtures: the mayor (with a user account), a deputy, and the secretary who serves the mayor."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from calendar_app.models import Calendar
from office.models import SecretariatMembership
from tests.factories import OfficeHolderFactory


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def monday() -> dt.date:
    today = timezone.localdate()
    return today - dt.timedelta(days=today.weekday())


@pytest.fixture
def mayor_user(persona: Any) -> Any:
    return persona("management")


@pytest.fixture
def mayor_calendar(mayor_user: Any, secretariat: Any) -> Calendar:
    holder = OfficeHolderFactory(
        role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Kowalczyk", user=mayor_user, order=1
    )
    SecretariatMembership.objects.create(office_holder=holder, user=secretariat, can_see_private=False)
    return Calendar.objects.create(office_holder=holder)


@pytest.fixture
def deputy_calendar() -> Calendar:
    holder = OfficeHolderFactory(
        role="deputy", title="Zastępczyni Prezydenta", first_name="Ewa", last_name="Zielińska", order=2
    )
    return Calendar.objects.create(office_holder=holder)
