"""Council relations' section of the mayor's reports (``report_section``): the sessions held in the
period, the interpellations and questions answered (on time and late), and the resolutions carried
out (by their responsible units when ``units`` is given). Three queries whatever the years of data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from office.contributions import REPORT_ITEMS, Figure, ReportSection, register
from office.council.models import Interpellation, InterpellationStatus, Resolution, ResolutionStatus, Session
from office.council.models import SessionStatus as SS


def _window(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    first = timezone.make_aware(dt.datetime.combine(start, dt.time.min))
    return first, timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min))


def _session_line(session: Session) -> str:
    return _("%(day)s – %(number)s session of the council (%(kind)s), %(place)s") % {
        "day": date_format(timezone.localtime(session.starts_at), "SHORT_DATE_FORMAT"),
        "number": session.roman,
        "kind": session.get_kind_display(),
        "place": session.place,
    }


@register("report_section", "council", order=38, label=gettext_lazy("Council relations"))
def council_section(user: Any, *, start: dt.date, end: dt.date, units: list[int] | None = None) -> ReportSection:
    first, after = _window(start, end)
    sessions = list(
        Session.objects.filter(status=SS.HELD, starts_at__gte=first, starts_at__lt=after)
        .only("number", "kind", "starts_at", "place")
        .order_by("starts_at", "id")[:REPORT_ITEMS]
    )
    answered = Q(status=InterpellationStatus.ANSWERED, answered_on__gte=start, answered_on__lte=end)
    asked = Interpellation.objects.aggregate(
        received=Count("pk", filter=Q(received_on__gte=start, received_on__lte=end)),
        answered=Count("pk", filter=answered),
        on_time=Count("pk", filter=answered & Q(answered_on__lte=F("due_on"))),
    )
    resolutions = Resolution.objects.filter(status=ResolutionStatus.CARRIED_OUT, carried_out_on__gte=start)
    resolutions = resolutions.filter(carried_out_on__lte=end)
    if units:
        resolutions = resolutions.filter(unit_id__in=units)
    carried_out = resolutions.count()
    text = _(
        "The council held %(sessions)d sessions in the period. The Mayor answered %(answered)d interpellations "
        "and questions of the councillors (%(on_time)d within the statutory 14 days) of %(received)d received, "
        "and %(carried_out)d resolutions of the council were carried out."
    ) % {**asked, "sessions": len(sessions), "carried_out": carried_out}
    figures = [
        Figure(_("Sessions held"), len(sessions)),
        Figure(_("Interpellations and questions received"), asked["received"]),
        Figure(_("Interpellations and questions answered"), asked["answered"]),
        Figure(_("of them within 14 days"), asked["on_time"]),
        Figure(_("Resolutions carried out"), carried_out),
    ]
    return ReportSection(_("Council relations"), [text], [_session_line(s) for s in sessions], figures)
