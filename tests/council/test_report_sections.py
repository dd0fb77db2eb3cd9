"""The council's section of the mayor's reports: sessions held, interpellations answered (on time),
resolutions carried out in the period, by units when asked; a constant number of queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import override

from office.council.report_sections import council_section
from office.council.services import council as council_services
from office.council.services import resolutions
from tests.council import factories

pytestmark = pytest.mark.django_db


def _figures(section: Any) -> dict[str, Any]:
    return {figure.label: figure.value for figure in section.figures}


def test_the_section_counts_the_period(persona: Any) -> None:
    officer = persona("council_officer")
    today = timezone.localdate()
    held = factories.session(officer, days=-3)
    council_services.close_session(actor=officer, session=held, held=True)
    factories.session(officer, days=10)  # planned: not in the report
    factories.answered(officer)
    factories.interpellation(officer)
    done = factories.resolution(officer, unit=factories.unit("WIN"))
    resolutions.report(actor=officer, resolution=done, reported_on=today, text="Wykonano.", final=True)
    with override("en"):
        section = council_section(officer, start=today - dt.timedelta(days=30), end=today)
        by_unit = council_section(
            officer, start=today - dt.timedelta(days=30), end=today, units=[factories.unit("WE").pk]
        )
        before = council_section(officer, start=today - dt.timedelta(days=400), end=today - dt.timedelta(days=100))
    figures = _figures(section)
    assert figures["Sessions held"] == 1 and len(section.items) == 1 and held.roman in section.items[0]
    assert figures["Interpellations and questions received"] == 2
    assert figures["Interpellations and questions answered"] == 1 and figures["of them within 14 days"] == 1
    assert figures["Resolutions carried out"] == 1 and _figures(by_unit)["Resolutions carried out"] == 0
    assert set(_figures(before).values()) == {0}


def test_constant_queries(persona: Any) -> None:
    officer = persona("council_officer")
    today = timezone.localdate()

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            council_section(officer, start=today - dt.timedelta(days=30), end=today, units=[1])
        return len(queries)

    few = count()
    for _ in range(5):
        factories.answered(officer)
        council_services.close_session(actor=officer, session=factories.session(officer, days=-2), held=True)
    assert count() == few
