"""Who sees and manages which calendar (the Outlook conventions the secretariats expect).

- The office holder manages their own calendar and sees everything in it.
- Secretariat staff manage the calendars of the office holders they serve; they see private
  entries only where their membership says so.
- Every other member of staff with ``calendar_app.view_entry`` sees public and internal
  entries; private entries show to them as "busy" with nothing else.

**The one masking rule** is ``hidden_q`` (for queries) and ``is_hidden`` (for one entry): a
private entry of a calendar whose private entries the reader may not read. The grid, the entry
page, search, widgets, clash warnings, feeds (read by anyone holding the link: an anonymous
reader) and attachment downloads all ask it; text copied out of an entry into other records
goes through ``entry_label``, which never carries a private entry's title.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from calendar_app.models import Calendar, Entry, Visibility


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


# --- The masking rule of private entries ------------------------------------------------------


def hidden_q(user: Any | None, prefix: str = "") -> Q:
    """Entries whose details ``user`` may not read. ``None`` is the system (reads everything);
    an anonymous user is a feed reader (reads no private entry). ``prefix`` reaches the entry
    from another model (``"entry__"`` from a decision)."""
    if user is None:
        return Q(**{f"{prefix}pk__in": []})
    return Q(**{f"{prefix}visibility": Visibility.PRIVATE}) & ~Q(
        **{f"{prefix}calendar_id__in": sorted(private_calendar_ids(user))}
    )


def with_hidden_entry(queryset: QuerySet, user: Any, prefix: str = "entry__") -> QuerySet:
    """Rows linked to an entry, each marked ``entry_hidden`` when ``user`` may not read it."""
    return queryset.annotate(entry_hidden=ExpressionWrapper(hidden_q(user, prefix), output_field=BooleanField()))


def is_hidden(user: Any | None, entry: Entry) -> bool:
    """``hidden_q`` for one entry already loaded."""
    if user is None:
        return False
    return entry.visibility == Visibility.PRIVATE and entry.calendar_id not in private_calendar_ids(user)


def entry_label(entry: Entry) -> str:
    """How an entry is named where its text is copied into other records (an assignment made
    from a meeting's decision, a briefing request): a private entry by its day only."""
    day = date_format(timezone.localtime(entry.start), "SHORT_DATETIME_FORMAT")
    if entry.visibility == Visibility.PRIVATE:
        return _("Private meeting, %(day)s") % {"day": day}
    return f"{entry.title} ({day})"


def may_view_entry(user: Any, entry: Entry) -> bool:
    """The record check the core asks (attachments of an entry, links from assignments)."""
    return can_view_calendars(user) and not is_hidden(user, entry)


def get_entry_for_user(user: Any, pk: Any) -> Entry:
    """An entry the user may open: 404 when the user may not read calendars or the entry is
    hidden from them (a private entry's details exist only for its owner and trusted delegates)."""
    if not can_view_calendars(user):
        raise Http404
    try:
        entry = Entry.objects.select_related("calendar__office_holder").get(pk=pk)
    except (Entry.DoesNotExist, ValueError):
        raise Http404 from None
    if is_hidden(user, entry):
        raise Http404
    return entry


def get_managed_entry(user: Any, pk: Any) -> Entry:
    """An entry of a calendar the user manages (403 when they may only read it)."""
    entry = get_entry_for_user(user, pk)
    if not can_manage(user, entry.calendar_id):
        raise PermissionDenied
    return entry
