"""Honorary patronage's section of the mayor's reports (``report_section``): the patronages
granted in the period (by the day of the decision), with the applications received and refused.

An organiser who is a private person is not named (the event is). ``units`` is ignored.
Two queries whatever the years of data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from office.contributions import REPORT_ITEMS, Figure, ReportSection, register
from office.models import Contact
from patronage.models import Application, ApplicationStatus

_GRANTED = (ApplicationStatus.GRANTED, ApplicationStatus.REPORTED)


def _line(application: Application) -> str:
    organiser = "" if application.organiser.kind == Contact.Kind.PERSON else f" – {application.organiser.name}"
    return _("%(day)s – %(event)s (%(dates)s, %(place)s)%(organiser)s") % {
        "day": date_format(application.decided_on, "SHORT_DATE_FORMAT"),
        "event": application.event_name,
        "dates": date_format(application.starts_on, "SHORT_DATE_FORMAT"),
        "place": application.place,
        "organiser": organiser,
    }


@register("report_section", "patronage", order=40, label=gettext_lazy("Honorary patronage"))
def patronage_section(user: Any, *, start: dt.date, end: dt.date, units: list[int] | None = None) -> ReportSection:
    decided = Q(decided_on__gte=start, decided_on__lte=end)
    counts = Application.objects.aggregate(
        received=Count("pk", filter=Q(received_on__gte=start, received_on__lte=end)),
        granted=Count("pk", filter=decided & Q(status__in=_GRANTED)),
        refused=Count("pk", filter=decided & Q(status=ApplicationStatus.REFUSED)),
    )
    granted = list(
        Application.objects.filter(decided, status__in=_GRANTED)
        .select_related("organiser")
        .only("event_name", "decided_on", "starts_on", "place", "organiser__name", "organiser__kind")
        .order_by("decided_on", "id")[:REPORT_ITEMS]
    )
    text = (
        _(
            "The Mayor granted honorary patronage to %(granted)d events and refused it to %(refused)d; "
            "%(received)d applications were received in the period."
        )
        % counts
    )
    figures = [
        Figure(_("Applications received"), counts["received"]),
        Figure(_("Patronages granted"), counts["granted"]),
        Figure(_("Patronages refused"), counts["refused"]),
    ]
    return ReportSection(_("Honorary patronage"), [text], [_line(a) for a in granted], figures)
