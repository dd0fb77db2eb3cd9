"""Who sees and changes business trips and foreign relations.

The travel officer handles everything; the secretariat plans trips (adds and changes them, writes
the orders); management approves trips and reads everything; auditors read; the finance reader
reads trips and their settlements. There is no record scope below the permissions, so a user
without the permission gets 403 and a record that does not exist 404.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404

from calendar_app.travel.models import Delegation, PartnerCity, Settlement, Traveller, Trip
from office.access import require

VIEW = "travel.view_trip"
ADD = "travel.add_trip"
CHANGE = "travel.change_trip"
APPROVE = "travel.approve_trip"
VIEW_SETTLEMENT = "travel.view_settlement"
SETTLE = "travel.add_settlement"
VIEW_RATES = "travel.view_domesticrate"
VIEW_PARTNER = "travel.view_partnercity"
CHANGE_PARTNER = "travel.change_partnercity"
VIEW_DELEGATION = "travel.view_delegation"
CHANGE_DELEGATION = "travel.change_delegation"


def _get(queryset: Any, pk: Any) -> Any:
    try:
        return queryset.get(pk=pk)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_trip(user: Any, pk: Any) -> Trip:
    require(user.has_perm(VIEW))
    return _get(Trip.objects.select_related("country", "partner", "approver", "decided_by", "created_by", "line"), pk)


def get_traveller(user: Any, pk: Any) -> Traveller:
    require(user.has_perm(SETTLE))
    return _get(Traveller.objects.select_related("trip__country", "holder", "user"), pk)


def get_settlement(user: Any, pk: Any) -> Settlement:
    require(user.has_perm(VIEW_SETTLEMENT))
    return _get(
        Settlement.objects.select_related(
            "traveller__trip__country", "traveller__holder", "traveller__user", "settled_by"
        ),
        pk,
    )


def get_partner(user: Any, pk: Any) -> PartnerCity:
    require(user.has_perm(VIEW_PARTNER))
    return _get(PartnerCity.objects.select_related("country"), pk)


def get_delegation(user: Any, pk: Any) -> Delegation:
    require(user.has_perm(VIEW_DELEGATION))
    return _get(Delegation.objects.select_related("country", "partner", "host", "created_by"), pk)


def is_approver(user: Any, trip: Trip) -> bool:
    """The trip's entitled approver (their own account), or a user who records approvals."""
    if not user.has_perm(APPROVE):
        return False
    try:
        holder = user.office_holder
    except ObjectDoesNotExist:
        holder = None
    return holder is None or trip.approver_id is None or holder.pk == trip.approver_id
