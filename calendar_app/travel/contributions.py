"""What business trips and foreign relations declare to the office registry: the role and its
permissions, the travel order's merge fields, the settlement's PDF job, navigation, widgets,
search, digest, the approvals waiting for the entitled person, the contact's history, demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import calendar_app.deadlines
import calendar_app.travel.report_sections
import calendar_app.travel.reports  # noqa: F401  (declares the settlement's PDF job)
from calendar_app.travel.models import Delegation, DelegationStatus, PartnerCity, Settlement, Trip, TripStatus
from calendar_app.travel.services.trips import ORDER_SOURCE
from office.contributions import (
    Approval,
    Approvals,
    DigestSection,
    LetterSource,
    ListItem,
    Role,
    SearchHit,
    Widget,
    approvals,
    has_perm,
    list_widget,
    navigation,
    register,
    registry,
    search_hits,
)
from office.roles import STAFF_CORE

TRAVEL_OFFICER = registry.add_role(
    Role(
        "travel_officer",
        "Podróże służbowe",
        gettext_lazy("Travel officer"),
        gettext_lazy("Plans business trips and foreign visits, writes travel orders and settles their costs."),
        order=90,
    )
)
registry.grant(TRAVEL_OFFICER.key, STAFF_CORE)

_RECORDS = ("trip", "leg", "traveller", "settlement", "partnercity", "agreement", "delegation", "programmeitem", "gift")
_RATES = ("country", "domesticrate", "foreignrate", "kmrate", "approverrule")
_VIEW = [f"travel.view_{model}" for model in _RECORDS + _RATES]
registry.grant(
    TRAVEL_OFFICER.key,
    [
        *(f"travel.{action}_{model}" for model in _RECORDS + _RATES for action in ("view", "add", "change")),
        "travel.approve_trip",
        "correspondence.add_letter",
    ],
)
registry.grant(
    "secretariat",
    [
        *("travel.view_trip", "travel.add_trip", "travel.change_trip", "travel.view_leg", "travel.view_traveller"),
        *("travel.view_partnercity", "travel.view_agreement", "travel.view_delegation", "travel.view_programmeitem"),
        *("travel.view_gift", "travel.add_delegation", "travel.change_delegation"),
    ],
)
registry.grant("management", [*_VIEW, "travel.approve_trip"])
registry.grant("auditor", _VIEW)
registry.grant(
    "finance_reader",
    ["travel.view_trip", "travel.view_leg", "travel.view_traveller", "travel.view_settlement"]
    + [f"travel.view_{model}" for model in _RATES],
)

registry.add_letter_source(
    LetterSource(
        ORDER_SOURCE,
        gettext_lazy("a business trip (the travel order)"),
        {
            "numer": (gettext_lazy("the trip's number"), "PS.12.2026"),
            "podrozny": (gettext_lazy("the traveller"), "Jan Nowak"),
            "stanowisko": (gettext_lazy("the traveller's position"), "Zastępca Prezydenta Miasta"),
            "cel": (gettext_lazy("the purpose"), "Forum Miast Partnerskich"),
            "miejsce": (gettext_lazy("the destination"), "Lipsk"),
            "kraj": (gettext_lazy("the country"), "Niemcy"),
            "wyjazd": (gettext_lazy("departure"), "3 marca 2026, 06:00"),
            "powrot": (gettext_lazy("return"), "5 marca 2026, 22:30"),
            "trasa": (gettext_lazy("the itinerary"), "Kraków → Lipsk (pociąg)"),
            "zakwaterowanie": (gettext_lazy("accommodation"), "Hotel Astoria"),
            "tlumacz": (gettext_lazy("the interpreter"), ""),
            "budzet": (gettext_lazy("the budget line"), "750-75023-4420"),
        },
    )
)
registry.add_view_check(Trip, lambda user, trip: user.has_perm("travel.view_trip"))
registry.add_view_check(Settlement, lambda user, settlement: user.has_perm("travel.view_settlement"))
registry.add_view_check(PartnerCity, lambda user, partner: user.has_perm("travel.view_partnercity"))
registry.add_view_check(Delegation, lambda user, delegation: user.has_perm("travel.view_delegation"))

navigation(
    "travel",
    gettext_lazy("Business trips"),
    "travel:trip_list",
    order=32,
    visible=has_perm("travel.view_trip"),
    active_prefix="/travel/",
)


def _trip_item(trip: Trip) -> ListItem:
    return ListItem(
        label=str(trip),
        url=reverse("travel:trip_detail", args=[trip.pk]),
        meta=f"{trip.destination} · {date_format(timezone.localtime(trip.departs_at), 'SHORT_DATE_FORMAT')}",
        badge=trip.get_status_display(),
        is_warning=bool(trip.settlement_due_on and trip.settlement_due_on < timezone.localdate()),
    )


def _unsettled() -> Any:
    return (
        Trip.objects.filter(
            status=TripStatus.APPROVED, returns_at__lte=timezone.now(), travellers__settlement__isnull=True
        )
        .distinct()
        .order_by("settlement_due_on", "id")
    )


@register("widget", "travel_settlements_due", order=60, visible=has_perm("travel.add_settlement"))
def settlements_due(user: Any) -> Widget:
    return list_widget(
        _unsettled(),
        _trip_item,
        title=_("Trip settlements due"),
        more_url=reverse("travel:trip_list") + "?unsettled=on",
        empty_text=_("Every returned trip is settled."),
    )


def _delegations_this_month() -> Any:
    today = timezone.localdate()
    first = today.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return (
        Delegation.objects.filter(arrives_at__date__lt=following, departs_at__date__gte=first)
        .exclude(status=DelegationStatus.CANCELLED)
        .select_related("country")
        .order_by("arrives_at", "id")
    )


def _delegation_item(delegation: Delegation) -> ListItem:
    return ListItem(
        label=delegation.name,
        url=reverse("travel:delegation_detail", args=[delegation.pk]),
        meta=f"{delegation.country.name} · "
        f"{date_format(timezone.localtime(delegation.arrives_at), 'SHORT_DATE_FORMAT')}",
        badge=delegation.get_status_display(),
    )


@register("widget", "travel_delegations", order=61, visible=has_perm("travel.view_delegation"))
def delegations_this_month(user: Any) -> Widget:
    return list_widget(
        _delegations_this_month(),
        _delegation_item,
        title=_("Foreign delegations this month"),
        more_url=reverse("travel:delegation_list"),
        empty_text=_("No foreign delegation this month."),
    )


def _holder_of(user: Any) -> Any:
    try:
        return user.office_holder
    except (ObjectDoesNotExist, AttributeError):
        return None


def _is_an_approver(user: Any) -> bool:
    return has_perm("travel.approve_trip")(user) and _holder_of(user) is not None


@register("approval", "travel", order=60, visible=_is_an_approver)
def trips_to_approve(user: Any, *, limit: int | None) -> Approvals:
    """Trips whose travel orders wait for this office holder's approval, the nearest departure first."""
    holder = _holder_of(user)
    qs = (
        Trip.objects.filter(status=TripStatus.AWAITING, approver=holder)
        .only("pk", "year", "number", "purpose", "updated_at", "departs_at")
        .order_by("departs_at", "id")
    )
    return approvals(
        qs,
        lambda trip: Approval(
            title=str(trip),
            url=reverse("travel:trip_detail", args=[trip.pk]),
            app=_("Business trips"),
            what=_("travel order"),
            since=timezone.localtime(trip.updated_at).date(),
            due=timezone.localtime(trip.departs_at).date(),
        ),
        limit=limit,
    )


@register("digest", "travel_settlements_due", order=60, visible=has_perm("travel.add_settlement"))
def digest_settlements(user: Any) -> DigestSection:
    return DigestSection(_("Trip settlements due"), [_trip_item(trip) for trip in _unsettled()[:50]])


@register("digest", "travel_delegations", order=61, visible=has_perm("travel.view_delegation"))
def digest_delegations(user: Any) -> DigestSection:
    return DigestSection(
        _("Foreign delegations this month"), [_delegation_item(d) for d in _delegations_this_month()[:50]]
    )


@register("search", "travel_trips", order=32, visible=has_perm("travel.view_trip"))
def search_trips(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Trip.objects.order_by("-departs_at"),
        query,
        ("purpose", "destination"),
        title=_("Business trips"),
        hit=lambda trip: (str(trip), reverse("travel:trip_detail", args=[trip.pk]), trip.get_status_display()),
    )


@register("search", "travel_partners", order=33, visible=has_perm("travel.view_partnercity"))
def search_partners(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        PartnerCity.objects.select_related("country").order_by("name"),
        query,
        ("name", "description"),
        title=_("Partner cities"),
        hit=lambda partner: (
            str(partner),
            reverse("travel:partner_detail", args=[partner.pk]),
            partner.get_kind_display(),
        ),
    )


@register("search", "travel_delegations", order=34, visible=has_perm("travel.view_delegation"))
def search_delegations(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Delegation.objects.select_related("country").order_by("-arrives_at"),
        query,
        ("name", "guests"),
        title=_("Foreign delegations"),
        hit=lambda d: (d.name, reverse("travel:delegation_detail", args=[d.pk]), d.country.name),
    )


@register("demo", "travel", order=90)  # after the administration's budget lines
def demo(admin: Any) -> None:
    from calendar_app.travel.demo import seed

    seed(admin)
