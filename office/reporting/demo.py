"""Demo data of the mayor's reports: two inter-session reports assembled from the other apps'
demo data through the services — the last one final, the current one a draft with a section of
free text. Idempotent (nothing is added when reports exist)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from office.reporting import services
from office.reporting.models import Report

TITLE = "Informacja Prezydenta Miasta z pracy w okresie między sesjami Rady Miasta"
#: the usual time between two sessions of the council
BETWEEN_SESSIONS = dt.timedelta(days=41)


def seed(admin: Any) -> None:
    if Report.objects.exists():
        return
    today = timezone.localdate()
    current_start = today - BETWEEN_SESSIONS
    last_start = current_start - BETWEEN_SESSIONS - dt.timedelta(days=1)
    last = services.create_report(
        actor=admin,
        report=Report(
            title=f"{TITLE} (sesja {last_start:%m.%Y})", start=last_start, end=current_start - dt.timedelta(1)
        ),
    )
    services.add_section(
        actor=admin,
        report=last,
        title="Sprawy różne",
        text=(
            "Prezydent Miasta spotkał się z przedstawicielami rad osiedli w sprawie budżetu obywatelskiego."
            "\n\nW okresie sprawozdawczym zakończono konsultacje społeczne dotyczące planu transportowego."
        ),
    )
    services.finalise(actor=admin, report=last)
    current = services.create_report(
        actor=admin, report=Report(title=f"{TITLE} (sesja {today:%m.%Y})", start=current_start, end=today)
    )
    services.add_section(
        actor=admin,
        report=current,
        title="Inwestycje miejskie",
        text="Trwa przebudowa ul. Kolejowej; zakończenie robót planowane jest na koniec kwartału.",
    )
