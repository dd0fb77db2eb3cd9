"""What the calendar contributes: navigation, today's agenda widget, search, role permissions, demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import calendar_app.deadlines
import calendar_app.report_sections  # (the section of the mayor's reports)
import calendar_app.reports  # noqa: F401  (declares the PDF job kinds)
from calendar_app import access, selectors
from calendar_app.models import Calendar, Decision, Entry, MeetingRequest
from calendar_app.workflows import WAITING
from office.contributions import (
    ListItem,
    Schedule,
    SearchHit,
    Widget,
    has_perm,
    list_widget,
    navigation,
    register,
    registry,
    search_hits,
)
from office.formats.words import date_in_text
from office.models import OPEN_STATUSES

registry.grant(
    "secretariat",
    [
        "calendar_app.view_entry",
        "calendar_app.add_entry",
        "calendar_app.change_entry",
        "calendar_app.view_calendar",
        "calendar_app.view_meetingrequest",
        "calendar_app.add_meetingrequest",
        "calendar_app.change_meetingrequest",
        "calendar_app.view_decision",
        "calendar_app.add_decision",
    ],
)
for role in ("press_officer", "office_staff", "council_officer", "ngo_officer", "travel_officer"):
    registry.grant(role, ["calendar_app.view_entry", "calendar_app.view_calendar"])
for role in ("management", "auditor"):
    registry.grant(
        role,
        [
            "calendar_app.view_entry",
            "calendar_app.view_calendar",
            "calendar_app.view_meetingrequest",
            "calendar_app.view_decision",
        ],
    )
registry.grant("management", ["calendar_app.change_meetingrequest"])

registry.add_schedule(
    Schedule("Jutrzejszy plan dnia (e-mail)", "calendar_app.tasks.send_tomorrows_agendas", minute="0", hour="18")
)
registry.add_schedule(
    Schedule(
        "Anonimizacja wniosków o spotkanie", "calendar_app.tasks.anonymise_meeting_requests", minute="30", hour="2"
    )
)

registry.add_view_check(Entry, access.may_view_entry)
# a decision is shown on its meeting's page; a meeting request on its own, to who reads requests
registry.add_view_check(Decision, lambda user, decision: access.may_view_entry(user, decision.entry))
registry.add_view_check(MeetingRequest, lambda user, request: user.has_perm("calendar_app.view_meetingrequest"))
registry.add_personal_data(MeetingRequest, detail="calendar_app:request_detail")


navigation(
    "calendar",
    gettext_lazy("Calendars"),
    "calendar_app:calendar",
    order=5,
    visible=access.can_view_calendars,
    active_prefix="/calendar/",
)


def _agenda_calendars(user: Any) -> list[int]:
    managed = access.managed_calendar_ids(user)
    if managed:
        return sorted(managed)
    return list(Calendar.objects.filter(office_holder__role="mayor").values_list("pk", flat=True)[:1])


navigation(
    "meeting_requests",
    gettext_lazy("Meeting requests"),
    "calendar_app:request_list",
    order=6,
    visible=has_perm("calendar_app.view_meetingrequest"),
    active_prefix="/calendar/requests/",
)


navigation(
    "decisions",
    gettext_lazy("Decisions"),
    "calendar_app:decision_board",
    order=7,
    visible=has_perm("calendar_app.view_decision"),
    active_prefix="/calendar/decisions/",
)


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


@register("widget", "meeting_requests_waiting", order=15, visible=has_perm("calendar_app.change_meetingrequest"))
def meeting_requests_waiting(user: Any) -> Widget:
    today = timezone.localdate()
    return list_widget(
        MeetingRequest.objects.filter(status__in=WAITING).select_related("office_holder").order_by("received_on", "id"),
        lambda r: ListItem(
            label=f"{r.requester_name}: {r.topic}",
            url=reverse("calendar_app:request_detail", args=[r.pk]),
            meta=f"{r.office_holder.full_name} · "
            + _("%(days)d days waiting") % {"days": (today - r.received_on).days},
            badge=r.get_status_display(),
            is_warning=(today - r.received_on).days > 14,
        ),
        title=_("Meeting requests waiting"),
        more_url=reverse("calendar_app:request_list"),
        empty_text=_("No requests waiting."),
    )


@register("widget", "late_decisions", order=25, visible=has_perm("calendar_app.view_decision"))
def late_decisions(user: Any) -> Widget:
    today = timezone.localdate()
    qs = Decision.objects.filter(assignment__status__in=OPEN_STATUSES, assignment__due_date__lt=today)
    return list_widget(
        qs.select_related("assignment__unit", "entry").order_by("assignment__due_date"),
        lambda d: ListItem(
            label=d.text[:120],
            url=reverse("office:assignment_detail", args=[d.assignment_id]),
            meta=f"{d.assignment.unit.symbol} · "
            + _("due %(day)s") % {"day": d.assignment.due_date.strftime("%d.%m.%Y")},
            is_warning=True,
        ),
        title=_("Late decisions"),
        more_url=reverse("calendar_app:decision_board") + "?late=on",
        empty_text=_("No decision is late."),
    )


@register("search", "meeting_requests", order=31, visible=has_perm("calendar_app.view_meetingrequest"))
def search_requests(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        MeetingRequest.objects.order_by("-received_on"),
        query,
        ("requester_name", "topic", "organisation"),
        title=_("Meeting requests"),
        hit=lambda r: (
            f"{r.requester_name}: {r.topic}",
            reverse("calendar_app:request_detail", args=[r.pk]),
            f"{r.received_on:%d.%m.%Y} · {r.get_status_display()}",
        ),
    )


@register("search", "calendar_entries", order=30, visible=access.can_view_calendars)
def search_entries(user: Any, *, query: str) -> list[SearchHit]:
    # hidden (private) entries are searchable only where the user may read them
    return search_hits(
        Entry.objects.exclude(access.hidden_q(user)).select_related("calendar__office_holder").order_by("-start"),
        query,
        ("title", "place", "notes"),
        title=_("Calendar entries"),
        hit=lambda e: (
            e.title,
            reverse("calendar_app:entry_detail", args=[e.pk]),
            f"{timezone.localtime(e.start):%d.%m.%Y %H:%M} · {e.calendar.office_holder.full_name}",
        ),
    )


@register("demo", "calendar", order=10)
def demo(admin: Any) -> None:
    from calendar_app.demo import seed

    seed(admin)


# --- The workspace of an office holder -------------------------------------------------------------

WORKSPACE_DAYS = 4


@register("workspace", "agenda", order=10, visible=access.can_view_calendars)
def workspace_agenda(user: Any, *, holder: Any) -> Widget:
    """Today and the coming days of the holder's calendar (private entries as "busy" where the
    reader may not read them)."""
    calendar = Calendar.objects.filter(office_holder=holder).first()
    if calendar is None:
        return Widget(_("Today and the coming days"), [], empty_text=_("The office holder has no calendar."))
    start = dt.datetime.combine(timezone.localdate(), dt.time.min, tzinfo=timezone.get_current_timezone())
    found = [
        o
        for o in selectors.occurrences(
            user=user, calendar_ids=[calendar.pk], start=start, end=start + dt.timedelta(days=WORKSPACE_DAYS)
        )
        if not o.is_cancelled
    ]
    items = [
        ListItem(
            label=_("Busy") if o.masked else o.title,
            url="" if o.masked else reverse("calendar_app:entry_detail", args=[o.entry_id]),
            meta=" · ".join(
                part
                for part in (date_in_text(timezone.localtime(o.start), "D j.m, H:i"), "" if o.masked else o.place)
                if part
            ),
        )
        for o in found[:12]
    ]
    return Widget(
        _("Today and the coming days"),
        items,
        total=len(found),
        more_url=f"{reverse('calendar_app:calendar')}?view=week&calendars={calendar.pk}",
        empty_text=_("Nothing planned in the coming days."),
    )


@register("workspace", "meeting_requests", order=30, visible=has_perm("calendar_app.view_meetingrequest"))
def workspace_requests(user: Any, *, holder: Any) -> Widget:
    today = timezone.localdate()
    return list_widget(
        MeetingRequest.objects.filter(status__in=WAITING, office_holder=holder).order_by("received_on", "id"),
        lambda r: ListItem(
            label=f"{r.requester_name}: {r.topic}",
            url=reverse("calendar_app:request_detail", args=[r.pk]),
            meta=_("%(days)d days waiting") % {"days": (today - r.received_on).days},
            badge=r.get_status_display(),
            is_warning=(today - r.received_on).days > 14,
        ),
        title=_("Meeting requests waiting"),
        more_url=reverse("calendar_app:request_list") + f"?office_holder={holder.pk}",
        empty_text=_("No meeting requests waiting."),
    )


@register("contact_history", "meetings", order=10, visible=access.can_view_calendars)
def contact_meetings(user: Any, *, contact: Any) -> Widget:
    qs = Entry.objects.filter(contacts=contact).exclude(access.hidden_q(user)).select_related("calendar__office_holder")
    return list_widget(
        qs.order_by("-start", "-id"),
        lambda e: ListItem(
            label=e.title,
            url=reverse("calendar_app:entry_detail", args=[e.pk]),
            meta=date_format(timezone.localtime(e.start), "SHORT_DATETIME_FORMAT")
            + f" · {e.calendar.office_holder.full_name}",
            badge=e.get_status_display(),
        ),
        title=_("Meetings"),
        empty_text=_("No meetings."),
    )


@register("contact_history", "meeting_requests", order=11, visible=has_perm("calendar_app.view_meetingrequest"))
def contact_requests(user: Any, *, contact: Any) -> Widget:
    return list_widget(
        MeetingRequest.objects.filter(contact=contact).select_related("office_holder").order_by("-received_on", "-id"),
        lambda r: ListItem(
            label=r.topic,
            url=reverse("calendar_app:request_detail", args=[r.pk]),
            meta=f"{date_format(r.received_on, 'SHORT_DATE_FORMAT')} · {r.office_holder.full_name}",
            badge=r.get_status_display(),
        ),
        title=_("Meeting requests"),
        empty_text=_("No meeting requests."),
    )
