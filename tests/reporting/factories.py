"""Reports made through the services, and the period the tests report on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from office.reporting import services
from office.reporting.models import Report


def period(days: int = 42) -> tuple[dt.date, dt.date]:
    """The last ``days`` days up to today."""
    end = timezone.localdate()
    return end - dt.timedelta(days=days - 1), end


def report(actor: Any, *, units: Any = (), **fields: Any) -> Report:
    start, end = period()
    values: dict[str, Any] = {
        "title": "Informacja Prezydenta Miasta z pracy między sesjami",
        "start": start,
        "end": end,
    }
    values.update(fields)
    return services.create_report(actor=actor, report=Report(**values), units=units)


def free_section(actor: Any, rep: Report, title: str = "Sprawy różne", text: str = "Akapit pierwszy.") -> Any:
    return services.add_section(actor=actor, report=rep, title=title, text=text)
