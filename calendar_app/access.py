"""Who sees and manages which calendar (the Outlook conventions the secretariats expect).

- The office holder manages their own calendar and sees everything in it.
- Secretariat staff manage the calendars of the office holders they serve; they see private
  entries only where their membership says so.
- Every other member of staff with ``calendar_app.view_entry`` sees public and internal
  entries; private entries show to them as "busy" with nothing else.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from calendar_app.models import Calendar, Entry
from office.models import SecretariatMembership


def can_view_calendars(user: Any) -> bool:
    return user.is_authenticated and user.has_perm("calendar_app.view_entry")


def managed_calendar_ids(user: Any) -> set[int]:
    """Calendars the user may change: their own, those they run the secretariat of, or all for admins."""
    if not user.is_authenticated:
        return set()
    if user.has_perm("calendar_app.manage_all_calendars"):
        return set(Calendar.objects.values_list("pk", flat=True))
    served = SecretariatMembership.objects.filter(user=user).values_list("office_holder_id", flat=True)
    return set(
        Calendar.objects.filter(Q(office_holder__user=user) | Q(office_holder_id__in=served)).values_list(
            "pk", flat=True
        )
    )


def private_calendar_ids(user: Any) -> set[int]:
    """Calendars whose private entries the user may read in full."""
    if not user.is_authenticated:
        return set()
    trusted = SecretariatMembership.objects.filter(user=user, can_see_private=True).values_list(
        "office_holder_id", flat=True
    )
    return set(
        Calendar.objects.filter(Q(office_holder__user=user) | Q(office_holder_id__in=trusted)).values_list(
            "pk", flat=True
        )
    )


def can_manage(user: Any, calendar_id: int) -> bool:
    return calendar_id in managed_calendar_ids(user)


def visible_calendars(user: Any) -> QuerySet[Calendar]:
    if not can_view_calendars(user):
        return Calendar.objects.none()
    return Calendar.objects.filter(office_holder__is_active=True).select_related("office_holder")


def get_entry_for_user(user: Any, pk: int, *, full: bool = False) -> Entry:
    """An entry the user may open. ``full``: its private details are needed (else 404 for them)."""
    if not can_view_calendars(user):
        raise Http404
    try:
        entry = Entry.objects.select_related("calendar__office_holder").get(pk=pk)
    except Entry.DoesNotExist:
        raise Http404 from None
    if entry.visibility == "private" and entry.calendar_id not in private_calendar_ids(user):
        raise Http404  # a private entry's details exist only for its owner and trusted delegates
    return entry
