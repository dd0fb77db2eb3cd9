"""Business trips' section of the mayor's reports: the approved trips of the period, domestic and
foreign, and the delegations received; the same queries whatever lies outside the period."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from calendar_app.travel.report_sections import travel_section
from tests.travel.factories import planned_trip, rates, returned_trip

pytestmark = pytest.mark.django_db


def test_the_section_counts_the_approved_trips_of_the_period(persona: Any) -> None:
    officer = persona("travel_officer")
    country = rates()
    returned_trip(officer, purpose="Targi turystyczne")
    returned_trip(officer, purpose="Forum miast partnerskich", country=country)
    planned_trip(officer, purpose="Wyjazd jeszcze niezatwierdzony", days_ahead=-5)
    today = timezone.localdate()
    with translation.override("en"):
        section = travel_section(officer, start=today - dt.timedelta(days=30), end=today)
        with CaptureQueriesContext(connection) as queries:
            later = travel_section(officer, start=today + dt.timedelta(days=100), end=today + dt.timedelta(days=140))
    figures = {figure.label: figure.value for figure in section.figures}
    assert figures == {"Business trips": 2, "of them abroad": 1, "Foreign delegations received": 0}
    assert any("Targi turystyczne" in item for item in section.items)
    assert not any("niezatwierdzony" in item for item in section.items)
    assert {figure.value for figure in later.figures} == {0}
    assert len(queries) == 2
