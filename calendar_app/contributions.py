"""What the calendar contributes: navigation, today's agenda widget, search, role permissions, demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from calendar_app import access, selectors
from calendar_app.models import Calendar, Entry
from office.access import register_view_check
from office.contributions import ListItem, NavLink, SearchHit, Widget, register, registry

registry.add_role_permissions(
    "secretariat",
    ["calendar_app.view_entry", "calendar_app.add_entry", "calendar_app.change_entry", "calendar_app.view_calendar"],
)
for role in ("press_officer", "office_staff", "management", "auditor"):
    registry.add_role_permissions(role, ["calendar_app.view_entry", "calendar_app.view_calendar"])

register_view_check(
    Entry,
    lambda user, entry: (
        access.can_view_calendars(user)
        and (entry.visibility != "private" or entry.calendar_id in access.private_calendar_ids(user))
    ),
)


@register("navigation", "calendar", order=5, visible=access.can_view_calendars)
def nav_calendar(user: Any) -> NavLink:
    return NavLink(_("Calendars"), reverse("calendar_app:calendar"), active_prefix="/calendar/")


def _agenda_calendars(user: Any) -> list[int]:
    managed = access.managed_calendar_ids(user)
    if managed:
        return sorted(managed)
    return list(Calendar.objects.filter(office_holder__role="mayor").values_list("pk", flat=True)[:1])


@register("widget", "todays_agenda", order=5, visible=access.can_view_calendars)
def todays_agenda(user: Any) -> Widget:
    ids = _agenda_calendars(user)
    today = timezone.localdate()
    start = dt.datetime.combine(today, dt.time.min, tzinfo=timezone.get_current_timezone())
    found = [
        o
        for o in selectors.occurrences(user=user, calendar_ids=ids, start=start, end=start + dt.timedelta(days=1))
        if not o.is_cancelled
    ]
    holders = dict(Calendar.objects.filter(pk__in=ids).values_list("pk", "office_holder__last_name"))
    items = [
        ListItem(
            label=_("Busy") if o.masked else o.title,
            url="" if o.masked else reverse("calendar_app:entry_detail", args=[o.entry_id]),
            meta=" · ".join(
                part
                for part in (
                    f"{timezone.localtime(o.start):%H:%M}–{timezone.localtime(o.end):%H:%M}",
                    holders.get(o.calendar_id, ""),
                    o.place,
                )
                if part
            ),
        )
        for o in found[:8]
    ]
    return Widget(
        _("Today's agenda"),
        items,
        total=len(found),
        more_url=f"{reverse('calendar_app:calendar')}?view=day",
        empty_text=_("Nothing planned today."),
    )


@register("search", "calendar_entries", order=30, visible=access.can_view_calendars)
def search_entries(user: Any, *, query: str) -> list[SearchHit]:
    # private entries are searchable only where the user may read them
    allowed_private = access.private_calendar_ids(user)
    qs = (
        Entry.objects.filter(Q(title__icontains=query) | Q(place__icontains=query) | Q(notes__icontains=query))
        .filter(~Q(visibility="private") | Q(calendar_id__in=allowed_private))
        .select_related("calendar__office_holder")
        .order_by("-start")[:8]
    )
    return [
        SearchHit(
            _("Calendar entries"),
            e.title,
            reverse("calendar_app:entry_detail", args=[e.pk]),
            f"{timezone.localtime(e.start):%d.%m.%Y %H:%M} · {e.calendar.office_holder.full_name}",
        )
        for e in qs
    ]


@register("demo", "calendar", order=10)
def demo(admin: Any) -> None:
    from calendar_app.demo import seed

    seed(admin)
