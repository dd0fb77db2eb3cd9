"""The calendar page: day, week, month and agenda views of several office holders side by side."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from calendar_app import access, grid, selectors
from calendar_app.forms import CalendarFilterForm
from office.kit import render_page

MAX_SIDE_BY_SIDE = 6


@require_GET
@login_required
def calendar_view(request: HttpRequest) -> HttpResponse:
    if not access.can_view_calendars(request.user):
        raise PermissionDenied
    calendars = list(access.visible_calendars(request.user))
    form = CalendarFilterForm(request.GET or None, calendars=calendars)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    view = data.get("view") or "week"
    anchor = data.get("date") or timezone.localdate()
    managed = access.managed_calendar_ids(request.user)
    wanted = set(data.get("calendars") or [])
    chosen = [c for c in calendars if c.pk in wanted] or [c for c in calendars if c.pk in managed] or calendars
    chosen = chosen[:MAX_SIDE_BY_SIDE]
    first, after = grid.window(view, anchor)
    found = selectors.occurrences(
        user=request.user,
        calendar_ids=[c.pk for c in chosen],
        start=grid.local_midnight(first),
        end=grid.local_midnight(after),
        kinds=[data["kind"]] if data.get("kind") else None,
    )
    context = {
        "form": form,
        "grid": grid.build(view, anchor, chosen, found),
        "today": timezone.localdate(),
        "chosen": chosen,
        "managed": managed,
        "can_create": bool(managed & {c.pk for c in chosen}),
    }
    return render_page(request, "calendar_app/calendar.html", context, fragment="calendar_app/_grid.html")
