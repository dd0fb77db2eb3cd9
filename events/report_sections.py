"""The ceremonies' section of the mayor's reports (``report_section``): the ceremonies, anniversaries,
city events, visits and galas held in the period (planned ones included when the period reaches
into the future), and the state holidays and memorial days that fell in it — with those the city
marked with a ceremony.

``units`` is ignored (events have no unit). Two queries whatever the years of data (the
observances are one small table of the days marked every year).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import Event, EventKind, EventStatus, Observance, ObservanceKind
from office.contributions import REPORT_ITEMS, Figure, ReportSection, period_bounds, register

_REPORTED = (EventStatus.HELD, EventStatus.PLANNED)


def _observed(start: dt.date, end: dt.date) -> list[tuple[dt.date, Observance]]:
    """The state holidays and memorial days falling in the period, each on its day."""
    days = []
    for observance in Observance.objects.filter(is_active=True).exclude(kind=ObservanceKind.CITY):
        for year in range(start.year, end.year + 1):
            try:
                day = dt.date(year, observance.month, observance.day)
            except ValueError:  # 29 February of a common year
                continue
            if start <= day <= end and (observance.since_year or 0) <= year:
                days.append((day, observance))
    return sorted(days, key=lambda pair: (pair[0], pair[1].name))


@register("report_section", "events", order=50, label=gettext_lazy("Ceremonies and state holidays"))
def events_section(user: Any, *, start: dt.date, end: dt.date, units: list[int] | None = None) -> ReportSection:
    since, until = period_bounds(start, end)
    events = list(
        Event.objects.filter(starts_at__gte=since, starts_at__lt=until, status__in=_REPORTED)
        .select_related("holder")
        .only("name", "kind", "starts_at", "place", "observance_id", "holder__first_name", "holder__last_name")
        .order_by("starts_at", "id")
    )
    observed = _observed(start, end)
    marked = {event.observance_id for event in events if event.observance_id}
    kinds = Counter(event.kind for event in events)
    labels = dict(EventKind.choices)
    items = [
        f"{date_format(timezone.localtime(e.starts_at), 'SHORT_DATE_FORMAT')} – {e.name}"
        + (f" ({e.place})" if e.place else "")
        + (f" – {e.holder.first_name} {e.holder.last_name}" if e.holder_id else "")
        for e in events[:REPORT_ITEMS]
    ]
    items += [
        _("%(day)s – %(name)s: %(how)s")
        % {
            "day": date_format(day, "SHORT_DATE_FORMAT"),
            "name": observance.name,
            "how": _("marked with a ceremony") if observance.pk in marked else _("not marked by the city"),
        }
        for day, observance in observed
    ]
    text = _(
        "The office organised or took part in %(count)d ceremonies and events; %(days)d state holidays and "
        "memorial days fell in the period, %(marked)d of them marked with a ceremony."
    ) % {"count": len(events), "days": len(observed), "marked": sum(1 for _day, o in observed if o.pk in marked)}
    figures = [Figure(str(labels[kind]).capitalize(), kinds.get(kind, 0)) for kind in EventKind.values]
    figures.append(Figure(_("State holidays and memorial days"), len(observed)))
    return ReportSection(_("Ceremonies and state holidays"), [text], items, figures)
