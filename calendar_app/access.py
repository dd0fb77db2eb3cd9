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


def can_view_calendars(user: Any) -> bool:
    return user.is_authenticated and user.has_perm("calendar_app.view_entry")


def _calendar_rights(user: Any) -> tuple[frozenset[int], frozenset[int]]:
    """(calendars the user manages, calendars whose private entries the user reads), one query,
    remembered on the user object for the rest of the request."""
    cached = getattr(user, "_calendar_rights", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        return frozenset(), frozenset()
    managed: set[int] = set()
    private: set[int] = set()
    rows = Calendar.objects.filter(Q(office_holder__user=user) | Q(office_holder__memberships__user=user)).values_list(
        "pk",
        "office_holder__user_id",
        "office_holder__memberships__user_id",
        "office_holder__memberships__can_see_private",
    )
    for calendar_id, holder_user_id, member_id, member_sees_private in rows:
        if holder_user_id == user.pk:
            managed.add(calendar_id)
            private.add(calendar_id)
        if member_id == user.pk:
            managed.add(calendar_id)
            if member_sees_private:
                private.add(calendar_id)
    if user.has_perm("calendar_app.manage_all_calendars"):
        managed |= set(Calendar.objects.values_list("pk", flat=True))
    rights = (frozenset(managed), frozenset(private))
    user._calendar_rights = rights
    return rights


def managed_calendar_ids(user: Any) -> frozenset[int]:
    """Calendars the user may change: their own, those whose secretariat they run, or all for admins."""
    return _calendar_rights(user)[0]


def private_calendar_ids(user: Any) -> frozenset[int]:
    """Calendars whose private entries the user may read in full."""
    return _calendar_rights(user)[1]


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
