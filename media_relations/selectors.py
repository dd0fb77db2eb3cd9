"""Querysets for the pages (related rows loaded in the same query) and the statistics."""

from __future__ import annotations

import datetime as dt
import statistics as pystats
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone

from media_relations.models import (
    OPEN_INQUIRY_STATUSES,
    Conference,
    Inquiry,
    Journalist,
    JournalistOutlet,
    Outlet,
    Publication,
    Release,
    ResponseCase,
    ResponseStatus,
    Tone,
)
from office.db import polish


def outlets() -> QuerySet[Outlet]:
    return Outlet.objects.annotate(
        journalist_count=Count("employments", filter=Q(employments__ended_on__isnull=True), distinct=True)
    ).order_by(polish("name"), "id")


def journalists() -> QuerySet[Journalist]:
    current = JournalistOutlet.objects.filter(journalist=OuterRef("pk"), ended_on__isnull=True)
    return Journalist.objects.annotate(
        current_outlet_name=Subquery(current.values("outlet__name")[:1]),
        current_outlet_id=Subquery(current.values("outlet_id")[:1]),
    ).order_by(polish("name"), "id")


def inquiries() -> QuerySet[Inquiry]:
    return Inquiry.objects.select_related("journalist", "outlet", "officer")


def publications() -> QuerySet[Publication]:
    return Publication.objects.select_related("outlet", "unit", "office_holder").prefetch_related("topics")


def releases() -> QuerySet[Release]:
    return Release.objects.annotate(
        delivery_count=Count("deliveries", distinct=True),
    ).order_by("-created_at", "-id")


def conferences() -> QuerySet[Conference]:
    return Conference.objects.select_related("office_holder").annotate(
        invited=Count("invitations", distinct=True),
        came=Count("invitations", filter=Q(invitations__attended=True), distinct=True),
    )


def open_responses() -> QuerySet[ResponseCase]:
    return ResponseCase.objects.exclude(status=ResponseStatus.CLOSED).select_related("publication__outlet")


def _if_allowed(user: Any, permission: str, rows: Callable[[], QuerySet]) -> list[Any] | None:
    """The rows when ``user`` may read them; ``None`` (the section is left out) otherwise."""
    return list(rows()) if user.has_perm(permission) else None


def journalist_history(user: Any, journalist: Journalist) -> dict[str, Any]:
    """The contacts with a journalist: inquiries, releases sent, conference invitations of their
    outlets — each only for a reader who may see such records (else ``None``)."""
    from media_relations.models import Delivery, Invitation

    employments = list(journalist.employments.select_related("outlet"))
    outlet_ids = [e.outlet_id for e in employments]
    return {
        "employments": employments,
        "inquiries": _if_allowed(
            user,
            "media_relations.view_inquiry",
            lambda: journalist.inquiries.select_related("outlet").order_by("-received_at")[:50],
        ),
        "deliveries": _if_allowed(
            user,
            "media_relations.view_release",
            lambda: (
                Delivery.objects.filter(journalist=journalist).select_related("release").order_by("-created_at")[:50]
            ),
        ),
        "invitations": _if_allowed(
            user,
            "media_relations.view_conference",
            lambda: (
                Invitation.objects.filter(Q(journalist=journalist) | Q(outlet_id__in=outlet_ids))
                .select_related("conference", "outlet")
                .order_by("-conference__starts_at")[:50]
            ),
        ),
    }


def outlet_detail(user: Any, outlet: Outlet) -> dict[str, Any]:
    return {
        "employments": list(
            outlet.employments.select_related("journalist").order_by(F("ended_on").desc(nulls_first=True))
        ),
        "inquiries": _if_allowed(
            user,
            "media_relations.view_inquiry",
            lambda: outlet.inquiries.select_related("journalist").order_by("-received_at")[:20],
        ),
        "publications": _if_allowed(
            user, "media_relations.view_publication", lambda: outlet.publications.order_by("-published_on")[:20]
        ),
    }


def journalists_with_outlet() -> QuerySet[Journalist]:
    return Journalist.objects.prefetch_related(
        Prefetch("employments", JournalistOutlet.objects.filter(ended_on__isnull=True).select_related("outlet"))
    ).order_by(polish("name"), "id")


# --- Statistics ---------------------------------------------------------------------------------


@dataclass
class Bar:
    label: str
    value: int
    width: float = 0
    y: float = 0


@dataclass
class Chart:
    """A horizontal bar chart computed here so the template only draws it (inline SVG)."""

    title: str
    bars: list[Bar]
    bar_height: int = 22
    gap: int = 6
    label_width: int = 160
    plot_width: int = 420
    height: int = 0
    segments: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        top = max((b.value for b in self.bars), default=0) or 1
        for index, bar in enumerate(self.bars):
            bar.width = round(self.plot_width * bar.value / top, 1)
            bar.y = index * (self.bar_height + self.gap)
        self.height = max(1, len(self.bars)) * (self.bar_height + self.gap)


TONE_COLOURS = {Tone.POSITIVE: "#1b6e3a", Tone.NEUTRAL: "#5a6470", Tone.NEGATIVE: "#a4161a"}


def _period(year: int) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    return dt.datetime(year, 1, 1, tzinfo=tz), dt.datetime(year + 1, 1, 1, tzinfo=tz)


def statistics(*, year: int) -> dict[str, Any]:
    """Aggregates of ``year``: a few GROUP BY queries, and one values_list for the median."""
    start, end = _period(year)
    base = Inquiry.objects.filter(received_at__gte=start, received_at__lt=end)
    on_time = Q(answered_at__isnull=False) & Q(answered_on__lte=F("due_on"))
    annotated = base.annotate(answered_on=TruncDate("answered_at"))
    monthly = list(
        annotated.annotate(month=TruncMonth("received_at"))
        .values("month")
        .annotate(
            received=Count("id"),
            answered=Count("id", filter=Q(answered_at__isnull=False)),
            on_time=Count("id", filter=on_time),
            open=Count("id", filter=Q(status__in=OPEN_INQUIRY_STATUSES)),
        )
        .order_by("month")
    )
    for row in monthly:
        row["on_time_share"] = round(100 * row["on_time"] / row["answered"]) if row["answered"] else None
    totals = annotated.aggregate(
        received=Count("id"),
        answered=Count("id", filter=Q(answered_at__isnull=False)),
        on_time=Count("id", filter=on_time),
    )
    totals["on_time_share"] = round(100 * totals["on_time"] / totals["answered"]) if totals["answered"] else None
    durations = [
        (answered - received).total_seconds() / 86400
        for received, answered in base.filter(answered_at__isnull=False).values_list("received_at", "answered_at")
    ]
    totals["median_days"] = round(pystats.median(durations), 1) if durations else None
    by_topic = list(
        annotated.exclude(topic="")
        .values("topic")
        .annotate(n=Count("id"), on_time=Count("id", filter=on_time))
        .order_by("-n", "topic")[:12]
    )
    by_outlet = list(
        base.filter(outlet__isnull=False)
        .values("outlet__name")
        .annotate(n=Count("id"))
        .order_by("-n", "outlet__name")[:10]
    )
    pubs = Publication.objects.filter(published_on__year=year)
    tone_rows = pubs.annotate(month=TruncMonth("published_on")).values("month", "tone").annotate(n=Count("id"))
    tone_by_month: dict[dt.date, dict[str, int]] = {}
    for row in tone_rows:
        month = row["month"].date() if isinstance(row["month"], dt.datetime) else row["month"]
        tone_by_month.setdefault(month, dict.fromkeys(Tone.values, 0))[row["tone"]] = row["n"]
    tone_table = [
        {"month": month, **counts, "total": sum(counts.values())} for month, counts in sorted(tone_by_month.items())
    ]
    top_outlets = list(pubs.values("outlet__name").annotate(n=Count("id")).order_by("-n", "outlet__name")[:10])
    return {
        "year": year,
        "monthly": monthly,
        "totals": totals,
        "by_topic": by_topic,
        "by_outlet": by_outlet,
        "tone_table": tone_table,
        "top_outlets": top_outlets,
        "inquiry_chart": Chart("", [Bar(f"{r['month']:%m.%Y}", r["received"]) for r in monthly]),
        "outlet_chart": Chart("", [Bar(r["outlet__name"], r["n"]) for r in top_outlets]),
        "tone_chart": _tone_chart(tone_table),
    }


def _tone_chart(rows: list[dict[str, Any]]) -> Chart:
    chart = Chart("", [Bar(f"{r['month']:%m.%Y}", r["total"]) for r in rows])
    top = max((r["total"] for r in rows), default=0) or 1
    for bar, row in zip(chart.bars, rows, strict=True):
        x = float(chart.label_width)
        for tone in Tone.values:
            width = round(chart.plot_width * row[tone] / top, 1)
            chart.segments.append(
                {
                    "x": x,
                    "y": bar.y,
                    "width": width,
                    "fill": TONE_COLOURS[tone],
                    "tone": Tone(tone).label,
                    "n": row[tone],
                    "month": bar.label,
                }
            )
            x += width
    return chart
