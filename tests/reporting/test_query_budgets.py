"""Query budgets of the mayor's reports: the list as reports grow, a report's page as its sections
grow, and the assembly of a report as the years of data outside its period grow (the number of
queries is the same whatever the office holds)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from office.reporting import services
from tests.reporting.factories import free_section, period, report
from tests.utils import assert_constant_queries, client_for

pytestmark = pytest.mark.django_db


def test_the_list_of_reports(secretariat) -> None:
    assert_constant_queries(
        client_for(secretariat),
        reverse("reporting:report_list"),
        lambda n: [report(secretariat, title=f"Raport {i}") for i in range(n)],
        n=2,
        extra=5,
    )


def test_a_report_page_as_its_sections_grow(secretariat) -> None:
    rep = report(secretariat)
    assert_constant_queries(
        client_for(secretariat),
        reverse("reporting:report_detail", args=[rep.pk]),
        lambda n: [free_section(secretariat, rep, title=f"Sekcja {i}") for i in range(n)],
        n=2,
        extra=10,
    )


def _assembly_queries(user) -> int:
    start, end = period()
    services.assemble(user=user, start=start, end=end)
    with CaptureQueriesContext(connection) as captured:
        services.assemble(user=user, start=start, end=end)
    return len(captured)


def test_the_assembly_does_not_grow_with_data_outside_or_inside_the_period(secretariat, wok) -> None:
    from tests.calendar_app.factories import CalendarFactory, DecisionFactory, EntryFactory
    from tests.factories import AssignmentFactory, OfficeHolderFactory
    from tests.media_relations.factories import ConferenceFactory
    from tests.patronage.factories import granted_application

    calendar = CalendarFactory(office_holder=OfficeHolderFactory(role="mayor"))

    def add(days_ago: int) -> None:
        day = timezone.localdate() - dt.timedelta(days=days_ago)
        entry = EntryFactory(calendar=calendar, day=day)
        DecisionFactory(entry=entry, assignment=AssignmentFactory(unit=wok))
        at = dt.datetime.combine(day, dt.time(10), tzinfo=timezone.get_current_timezone())
        ConferenceFactory(starts_at=at, ends_at=at + dt.timedelta(hours=1))
        granted_application(secretariat)

    add(3)
    few = _assembly_queries(secretariat)
    for days_ago in (5, 8, 400, 800, 1500):
        add(days_ago)
    assert _assembly_queries(secretariat) == few
    assert few <= 20
