"""The calendar's section of the mayor's reports (``report_section``): the meetings, ceremonies,
council sessions and trips the office holders attended in the period, and the decisions taken
at meetings with the state of their follow-up.

Private entries are never reported (not even counted): the report goes to the council. Cancelled
entries are left out. Recurring entries count once per occurrence in the period. ``units``
narrows the decisions to those whose follow-up went to one of the units (entries have no unit).
Queries: the calendars (1), the occurrences (2–3), the decisions (1), whatever the years of data.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from calendar_app.models import Calendar, Decision, EntryKind, EntryStatus, Visibility
from calendar_app.selectors import occurrences
from office.contributions import REPORT_ITEMS, Figure, ReportSection, period_bounds, register
from office.models import AssignmentStatus

#: The kinds of entries a report speaks of (internal notes and blocked time are not activity).
REPORTED_KINDS = (EntryKind.MEETING, EntryKind.CEREMONY, EntryKind.COUNCIL, EntryKind.TRIP, EntryKind.PRESS)


_CARRIED_OUT = (AssignmentStatus.ANSWERED, AssignmentStatus.CLOSED)


def _day(moment: dt.datetime) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


@register(
    "report_section", "calendar", order=10, label=gettext_lazy("The office holders' engagements and meeting decisions")
)
def calendar_section(user: Any, *, start: dt.date, end: dt.date, units: list[int] | None = None) -> ReportSection:
    since, until = period_bounds(start, end)
    holders = {
        calendar.pk: str(calendar.office_holder)
        for calendar in Calendar.objects.select_related("office_holder").filter(office_holder__is_active=True)
    }
    attended = [
        occurrence
        for occurrence in occurrences(
            user=None, calendar_ids=holders, start=since, end=until, include_cancelled=False, kinds=REPORTED_KINDS
        )
        if occurrence.visibility != Visibility.PRIVATE and occurrence.status == EntryStatus.CONFIRMED
    ]
    kinds = Counter(occurrence.kind for occurrence in attended)
    decisions = (
        Decision.objects.filter(entry__start__gte=since, entry__start__lt=until)
        .exclude(entry__visibility=Visibility.PRIVATE)
        .select_related("entry", "assignment__unit")
        .order_by("entry__start", "id")
    )
    if units:
        decisions = decisions.filter(assignment__unit_id__in=units)
    decisions = list(decisions)
    done = sum(1 for d in decisions if d.assignment is not None and d.assignment.status in _CARRIED_OUT)
    open_ = sum(1 for d in decisions if d.assignment is not None and d.assignment.status not in _CARRIED_OUT)
    labels = dict(EntryKind.choices)
    items = [
        f"{_day(o.start)} – {holders.get(o.calendar_id, '')}: {o.title}" + (f" ({o.place})" if o.place else "")
        for o in attended[:REPORT_ITEMS]
    ]
    items += [
        _("Decision of %(day)s (%(meeting)s): %(text)s – %(state)s")
        % {
            "day": _day(d.entry.start),
            "meeting": d.entry.title,
            "text": d.text,
            "state": (
                f"{d.assignment.get_status_display()}, {d.assignment.unit.symbol}"
                if d.assignment is not None
                else _("no follow-up")
            ),
        }
        for d in decisions[:REPORT_ITEMS]
    ]
    text = _(
        "In the period the office holders took part in %(count)d meetings, ceremonies, council sessions and "
        "other engagements; %(decisions)d decisions were taken at meetings, of which %(done)d are carried out."
    ) % {"count": len(attended), "decisions": len(decisions), "done": done}
    figures = [Figure(str(labels[kind]).capitalize(), kinds.get(kind, 0)) for kind in REPORTED_KINDS]
    figures += [
        Figure(_("Decisions taken at meetings"), len(decisions)),
        Figure(_("Decisions carried out"), done),
        Figure(_("Decisions being carried out"), open_),
    ]
    return ReportSection(_("The office holders' engagements and meeting decisions"), [text], items, figures)
