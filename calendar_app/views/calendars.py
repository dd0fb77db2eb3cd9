"""Calendar pages: day, week, month and agenda views of several office holders side by side,
entries created and moved in place with htmx, iCalendar feeds and downloads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from calendar_app import access, ical, selectors, services
from calendar_app.forms import RECURRENCE_CHOICES, CalendarFilterForm, CancelForm, EntryForm, MoveForm, OccurrenceForm
from calendar_app.models import Calendar, Entry
from office.kit import apply_errors, render_page
from office.services import audit

MAX_SIDE_BY_SIDE = 6


@dataclass
class Cell:
    day: dt.date
    calendar: Calendar | None
    items: list[selectors.Occurrence] = field(default_factory=list)


def _require_viewer(request: HttpRequest) -> None:
    if not access.can_view_calendars(request.user):
        raise PermissionDenied


def _window(view: str, anchor: dt.date) -> tuple[dt.date, dt.date]:
    if view == "day":
        return anchor, anchor + dt.timedelta(days=1)
    if view == "month":
        first = anchor.replace(day=1)
        next_month = (first + dt.timedelta(days=32)).replace(day=1)
        return first - dt.timedelta(days=first.weekday()), next_month + dt.timedelta(
            days=(7 - next_month.weekday()) % 7
        )
    if view == "agenda":
        return anchor, anchor + dt.timedelta(days=30)
    monday = anchor - dt.timedelta(days=anchor.weekday())
    return monday, monday + dt.timedelta(days=7)


def _step(view: str, anchor: dt.date, direction: int) -> dt.date:
    if view == "day":
        return anchor + dt.timedelta(days=direction)
    if view == "month":
        month_index = anchor.month - 1 + direction
        return dt.date(anchor.year + month_index // 12, month_index % 12 + 1, 1)
    if view == "agenda":
        return anchor + dt.timedelta(days=30 * direction)
    return anchor + dt.timedelta(days=7 * direction)


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())


def _days_touched(occurrence: selectors.Occurrence, first: dt.date, last: dt.date) -> list[dt.date]:
    start = timezone.localtime(occurrence.start).date()
    end_moment = timezone.localtime(occurrence.end)
    end = (end_moment - dt.timedelta(microseconds=1)).date() if end_moment.time() == dt.time.min else end_moment.date()
    day, days = max(start, first), []
    while day <= min(end, last):
        days.append(day)
        day += dt.timedelta(days=1)
    return days


@require_GET
@login_required
def calendar_view(request: HttpRequest) -> HttpResponse:
    _require_viewer(request)
    calendars = list(access.visible_calendars(request.user))
    form = CalendarFilterForm(request.GET or None, calendars=calendars)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    view = data.get("view") or "week"
    anchor = data.get("date") or timezone.localdate()
    managed = access.managed_calendar_ids(request.user)
    wanted = set(data.get("calendars") or [])
    chosen = [c for c in calendars if c.pk in wanted]
    if not chosen:
        chosen = [c for c in calendars if c.pk in managed] or calendars
    chosen = chosen[:MAX_SIDE_BY_SIDE]
    first, after = _window(view, anchor)
    kinds = [data["kind"]] if data.get("kind") else None
    found = selectors.occurrences(
        user=request.user,
        calendar_ids=[c.pk for c in chosen],
        start=_local_midnight(first),
        end=_local_midnight(after),
        kinds=kinds,
    )
    days = [first + dt.timedelta(days=i) for i in range((after - first).days)]
    last = days[-1]
    by_calendar = {c.pk: c for c in chosen}
    rows = []
    if view in ("week", "day"):
        cells = {(c.pk, d): Cell(d, c) for c in chosen for d in days}
        for occurrence in found:
            for day in _days_touched(occurrence, first, last):
                cells[(occurrence.calendar_id, day)].items.append(occurrence)
        rows = [(c, [cells[(c.pk, d)] for d in days]) for c in chosen]
    else:
        merged = {d: Cell(d, None) for d in days}
        for occurrence in found:
            for day in _days_touched(occurrence, first, last):
                merged[day].items.append(occurrence)
        rows = (
            [(None, [merged[d] for d in days[i : i + 7]]) for i in range(0, len(days), 7)]
            if view == "month"
            else [(None, [merged[d] for d in days if merged[d].items])]
        )
    query = request.GET.copy()
    query.pop("date", None)
    return render_page(
        request,
        "calendar_app/calendar.html",
        {
            "form": form,
            "view": view,
            "anchor": anchor,
            "days": days,
            "rows": rows,
            "today": timezone.localdate(),
            "chosen": chosen,
            "managed": managed,
            "by_calendar": by_calendar,
            "previous": _step(view, anchor, -1),
            "next": _step(view, anchor, 1),
            "keep_query": query.urlencode(),
            "can_create": bool(managed & {c.pk for c in chosen}),
        },
        fragment="calendar_app/_grid.html",
    )


def _entry_form_calendars(user: Any) -> Any:
    return Calendar.objects.filter(pk__in=access.managed_calendar_ids(user)).select_related("office_holder")


@require_http_methods(["GET", "POST"])
@login_required
def entry_create(request: HttpRequest) -> HttpResponse:
    calendars = _entry_form_calendars(request.user)
    if not calendars:
        raise PermissionDenied
    initial: dict[str, Any] = {}
    day = request.GET.get("date")
    try:
        start_day = dt.date.fromisoformat(day) if day else timezone.localdate()
    except ValueError:
        start_day = timezone.localdate()
    initial["start"] = _local_midnight(start_day) + dt.timedelta(hours=9)
    initial["end"] = initial["start"] + dt.timedelta(hours=1)
    if request.GET.get("calendar", "").isdigit():
        initial["calendar"] = int(request.GET["calendar"])
    form = EntryForm(request.POST or None, calendars=calendars, initial=initial)
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = services.schedule_entry(
                actor=request.user,
                calendar=data["calendar"],
                staff=data["staff"],
                contacts=data["contacts"],
                keep_conflict_reason=data["keep_conflict_reason"],
                **{name: data[name] for name in services.ENTRY_FIELDS},
            )
        except services.ConflictError as error:
            conflict = True
            form.add_error("keep_conflict_reason", error)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The entry was added to the calendar."))
            return _back_to_calendar(request, entry)
    return render_page(
        request,
        "calendar_app/entry_form.html",
        {"form": form, "conflict": conflict},
        fragment="calendar_app/_entry_form.html",
    )


def _back_to_calendar(request: HttpRequest, entry: Entry) -> HttpResponse:
    day = timezone.localtime(entry.start).date().isoformat()
    url = f"{reverse('calendar_app:calendar')}?date={day}"
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Location"] = url
        return response
    return redirect(url)


@require_GET
@login_required
def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.get_entry_for_user(request.user, pk)
    manages = access.can_manage(request.user, entry.calendar_id)
    occurrences = []
    if entry.recurrence:
        now = timezone.now()
        occurrences = [
            o
            for o in selectors.occurrences(
                user=request.user,
                calendar_ids=[entry.calendar_id],
                start=now,
                end=now + dt.timedelta(days=92),
            )
            if o.entry_id == entry.pk
        ][:12]
    return render(
        request,
        "calendar_app/entry_detail.html",
        {
            "entry": entry,
            "recurrence_label": dict(RECURRENCE_CHOICES).get(entry.recurrence, entry.recurrence),
            "manages": manages,
            "occurrences": occurrences,
            "staff": entry.staff.order_by("last_name"),
            "contacts": entry.contacts.order_by("name"),
            "exceptions": entry.exceptions.order_by("original_start"),
            "trail": audit.trail_for(entry) if manages or request.user.has_perm("office.view_auditentry") else [],
            "move_form": MoveForm(
                initial={"start": timezone.localtime(entry.start), "end": timezone.localtime(entry.end)}
            ),
            "cancel_form": CancelForm(),
            "occurrence_form": _occurrence_form(occurrences),
        },
    )


def _occurrence_form(occurrences: list[selectors.Occurrence]) -> OccurrenceForm:
    form = OccurrenceForm()
    form.fields["original_start"].widget.choices = [
        (o.original_start.isoformat(), date_format(timezone.localtime(o.original_start), "SHORT_DATETIME_FORMAT"))
        for o in occurrences
    ]
    return form


def _managed_entry(request: HttpRequest, pk: int) -> Entry:
    entry = access.get_entry_for_user(request.user, pk)
    if not access.can_manage(request.user, entry.calendar_id):
        raise PermissionDenied
    return entry


@require_http_methods(["GET", "POST"])
@login_required
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _managed_entry(request, pk)
    calendars = _entry_form_calendars(request.user)
    form = EntryForm(
        request.POST or None,
        instance=entry,
        calendars=calendars,
        initial={"start": timezone.localtime(entry.start), "end": timezone.localtime(entry.end)},
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in services.ENTRY_FIELDS}
        try:
            entry = services.update_entry(
                actor=request.user,
                entry=Entry.objects.get(pk=entry.pk),
                calendar=data["calendar"],
                keep_conflict_reason=data["keep_conflict_reason"],
                staff=data["staff"],
                contacts=data["contacts"],
                **fields,
            )
        except services.ConflictError as error:
            conflict = True
            form.add_error("keep_conflict_reason", error)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The entry was changed."))
            return _back_to_calendar(request, entry)
    return render_page(
        request,
        "calendar_app/entry_form.html",
        {"form": form, "entry": entry, "conflict": conflict},
        fragment="calendar_app/_entry_form.html",
    )


@require_POST
@login_required
def entry_move(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _managed_entry(request, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            entry = services.update_entry(
                actor=request.user,
                entry=entry,
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
                keep_conflict_reason=form.cleaned_data["keep_conflict_reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The entry was moved."))
            return _back_to_calendar(request, entry)
    else:
        messages.error(request, _("Give a valid new start and end."))
    return redirect("calendar_app:entry_detail", entry.pk)


@require_POST
@login_required
def entry_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _managed_entry(request, pk)
    form = CancelForm(request.POST)
    form.is_valid()
    services.cancel_entry(actor=request.user, entry=entry, reason=form.cleaned_data.get("reason", ""))
    messages.success(request, _("The entry was cancelled."))
    return redirect("calendar_app:entry_detail", entry.pk)


@require_POST
@login_required
def entry_occurrence(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _managed_entry(request, pk)
    form = OccurrenceForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.change_occurrence(
                actor=request.user,
                entry=entry,
                original_start=data["original_start"],
                cancelled=data["action"] == "cancel",
                start=data.get("start"),
                end=data.get("end"),
                keep_conflict_reason=data["keep_conflict_reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The occurrence was changed."))
    else:
        messages.error(request, " ".join(" ".join(e) for e in form.errors.values()))
    return redirect("calendar_app:entry_detail", entry.pk)


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@login_required
def entry_ics(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.get_entry_for_user(request.user, pk)
    return _ics(ical.single(entry, masked=False), f"wydarzenie-{entry.pk}.ics")


@require_http_methods(["GET", "POST"])
@login_required
def feed_settings(request: HttpRequest, pk: int) -> HttpResponse:
    """The subscription link of a calendar, for its owner and secretariat; renewing revokes the old one."""
    if not access.can_manage(request.user, pk):
        raise Http404
    calendar = Calendar.objects.select_related("office_holder").get(pk=pk)
    if request.method == "POST":
        services.renew_feed_token(actor=request.user, calendar=calendar)
        messages.success(request, _("A new subscription link was issued; the old one no longer works."))
        return redirect("calendar_app:feed_settings", pk)
    feed_url = request.build_absolute_uri(reverse("calendar_app:feed", args=[calendar.feed_token]))
    return render(request, "calendar_app/feed_settings.html", {"calendar": calendar, "feed_url": feed_url})


@require_GET
@never_cache
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The iCalendar subscription feed (no login: the secret token is the key)."""
    try:
        calendar = Calendar.objects.select_related("office_holder").get(feed_token=token)
    except Calendar.DoesNotExist:
        raise Http404 from None
    return HttpResponse(ical.feed(calendar), content_type="text/calendar; charset=utf-8")
