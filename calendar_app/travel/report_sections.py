"""Business trips' section of the mayor's reports (``report_section``): the approved trips that took
place in the period (domestic and foreign) and the foreign delegations received. Two queries
whatever the years of data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from calendar_app.travel.models import Delegation, DelegationStatus, Trip, TripStatus
from office.contributions import REPORT_ITEMS, Figure, ReportSection, register


def _window(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    first = timezone.make_aware(dt.datetime.combine(start, dt.time.min))
    return first, timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min))


def _day(moment: dt.datetime) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


@register("report_section", "travel", order=15, label=gettext_lazy("Business trips and foreign visits"))
def travel_section(user: Any, *, start: dt.date, end: dt.date, units: list[int] | None = None) -> ReportSection:
    """Trips and delegations have no unit: ``units`` does not narrow them."""
    first, after = _window(start, end)
    trips = list(
        Trip.objects.filter(status=TripStatus.APPROVED, departs_at__lt=after, returns_at__gte=first)
        .select_related("country")
        .only("purpose", "destination", "departs_at", "country__name")
        .order_by("departs_at", "id")[:REPORT_ITEMS]
    )
    delegations = list(
        Delegation.objects.filter(status=DelegationStatus.HELD, arrives_at__lt=after, departs_at__gte=first)
        .select_related("country")
        .only("name", "arrives_at", "country__name")
        .order_by("arrives_at", "id")[:REPORT_ITEMS]
    )
    foreign = sum(1 for trip in trips if trip.country_id)
    items = [
        _("%(day)s – trip to %(place)s: %(purpose)s")
        % {
            "day": _day(trip.departs_at),
            "place": f"{trip.destination} ({trip.country.name})" if trip.country_id else trip.destination,
            "purpose": trip.purpose,
        }
        for trip in trips
    ] + [
        _("%(day)s – delegation received: %(name)s (%(country)s)")
        % {"day": _day(delegation.arrives_at), "name": delegation.name, "country": delegation.country.name}
        for delegation in delegations
    ]
    text = _(
        "In the period the office holders and staff made %(trips)d business trips (%(foreign)d abroad) "
        "and the city received %(delegations)d foreign delegations."
    ) % {"trips": len(trips), "foreign": foreign, "delegations": len(delegations)}
    figures = [
        Figure(_("Business trips"), len(trips)),
        Figure(_("of them abroad"), foreign),
        Figure(_("Foreign delegations received"), len(delegations)),
    ]
    return ReportSection(_("Business trips and foreign visits"), [text], items, figures)
