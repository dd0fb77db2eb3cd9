"""The city's memberships of unions and associations (NM-10)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from associations.models import Membership
from office.services import audit


@transaction.atomic
def save_membership(*, actor: Any, membership: Membership) -> Membership:
    """Register or change a membership: the council's resolution comes first, the membership ends after it began."""
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if membership.resolution_on and membership.resolution_on > today:
        errors["resolution_on"] = _("The date cannot be in the future.")
    if membership.member_since and membership.resolution_on and membership.member_since < membership.resolution_on:
        errors["member_since"] = _("The membership begins on or after the council's resolution.")
    if membership.ended_on and membership.member_since and membership.ended_on <= membership.member_since:
        errors["ended_on"] = _("A membership ends after it began.")
    if not membership.representative_lines():
        errors["representatives"] = _("Name at least one representative of the city.")
    if errors:
        raise ValidationError(errors)
    if membership.pk is None:
        membership.created_by = actor if getattr(actor, "is_authenticated", False) else None
    return audit.save_record(actor=actor, record=membership)


def active() -> QuerySet:
    today = timezone.localdate()
    return Membership.objects.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today))


def yearly_fees() -> Any:
    """The sum of the yearly fees of the memberships in force."""
    return active().aggregate(total=Sum("yearly_fee"))["total"] or 0
