"""The press office's section of the mayor's reports (``report_section``): the press conferences
held, the releases published and the journalists' inquiries received and answered in the period.

No journalist is named: the section lists conferences and releases (public anyway) and counts
inquiries by topic. ``units`` is ignored (the press office's records have no unit). Four
queries whatever the years of data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from media_relations.models import Conference, Inquiry, InquiryStatus, LegalBasis, Release, ReleaseStatus
from office.contributions import REPORT_ITEMS, Figure, ReportSection, period_bounds, register


def _day(moment: dt.datetime) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


@register("report_section", "media_relations", order=20, label=gettext_lazy("Press office"))
def press_section(user: Any, *, start: dt.date, end: dt.date, units: list[int] | None = None) -> ReportSection:
    since, until = period_bounds(start, end)
    conferences = list(
        Conference.objects.filter(starts_at__gte=since, starts_at__lt=until)
        .only("topic", "starts_at", "place")
        .order_by("starts_at", "id")
    )
    releases = list(
        Release.objects.filter(status=ReleaseStatus.PUBLISHED, published_at__gte=since, published_at__lt=until)
        .only("title", "published_at")
        .order_by("published_at", "id")
    )
    answered_in = Q(answered_at__gte=since, answered_at__lt=until)
    inquiries = Inquiry.objects.aggregate(
        received=Count("pk", filter=Q(received_at__gte=since, received_at__lt=until)),
        answered=Count("pk", filter=answered_in & Q(status=InquiryStatus.ANSWERED)),
        public=Count("pk", filter=answered_in & Q(legal_basis=LegalBasis.PUBLIC_INFORMATION)),
        refused=Count("pk", filter=Q(refusal_on__gte=start, refusal_on__lte=end)),
    )
    topics = (
        Inquiry.objects.filter(answered_in)
        .exclude(topic="")
        .values("topic")
        .annotate(n=Count("pk"))
        .order_by("-n", "topic")[:10]
    )
    items = [
        _("%(day)s – press conference: %(topic)s (%(place)s)")
        % {"day": _day(c.starts_at), "topic": c.topic, "place": c.place}
        for c in conferences[:REPORT_ITEMS]
    ]
    items += [
        _("%(day)s – press release: %(title)s") % {"day": _day(r.published_at), "title": r.title}
        for r in releases[:REPORT_ITEMS]
    ]
    text = _(
        "The press office held %(conferences)d press conferences, published %(releases)d press releases and "
        "answered %(answered)d journalists' inquiries (%(received)d were received in the period)."
    ) % {
        "conferences": len(conferences),
        "releases": len(releases),
        "answered": inquiries["answered"],
        "received": inquiries["received"],
    }
    paragraphs = [text]
    if topics:
        paragraphs.append(
            _("The inquiries answered most often concerned: %(topics)s.")
            % {"topics": ", ".join(f"{row['topic']} ({row['n']})" for row in topics)}
        )
    figures = [
        Figure(_("Press conferences held"), len(conferences)),
        Figure(_("Press releases published"), len(releases)),
        Figure(_("Inquiries received"), inquiries["received"]),
        Figure(_("Inquiries answered"), inquiries["answered"]),
        Figure(_("of which requests for public information"), inquiries["public"]),
        Figure(_("Refusals to give information"), inquiries["refused"]),
    ]
    return ReportSection(_("Press office"), paragraphs, items, figures)
