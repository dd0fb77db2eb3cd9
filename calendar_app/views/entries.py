"""Calendar entries: created and changed in place (htmx), the entry page with its actions (move,
cancel, change one occurrence), and the single-entry .ics download."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from calendar_app import access, grid, ical, selectors
from calendar_app.forms import RECURRENCE_CHOICES, CancelForm, EntryForm, MoveForm, OccurrenceForm
from calendar_app.models import Calendar, Entry, EntryStatus
from calendar_app.services import entries as services
from office.kit import Action, ActionSet, apply_errors, bounds, render_page
from office.services import audit


def _managed_calendars(user: Any) -> Any:
    return Calendar.objects.filter(pk__in=access.managed_calendar_ids(user)).select_related("office_holder")


def _back_to_calendar(request: HttpRequest, entry: Entry) -> HttpResponse:
    """To the calendar on the entry's day: a whole page, also after an in-place (htmx) form."""
    url = f"{reverse('calendar_app:calendar')}?date={timezone.localtime(entry.start).date().isoformat()}"
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _entry_form_page(request: HttpRequest, form: EntryForm, entry: Entry | None, save: Any) -> HttpResponse:
    """The entry form, in place (htmx fragment) or as a page; a clash asks for a reason."""
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except services.ConflictError as error:
            conflict = True
            form.add_error("keep_conflict_reason", error)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, _("The entry was changed.") if entry else _("The entry was added to the calendar.")
            )
            return _back_to_calendar(request, saved)
    context = {"form": form, "entry": entry, "conflict": conflict}
    return render_page(request, "calendar_app/entry_form.html", context, fragment="calendar_app/_entry_form.html")


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in services.ENTRY_FIELDS}


@require_http_methods(["GET", "POST"])
@login_required
def entry_create(request: HttpRequest) -> HttpResponse:
    calendars = _managed_calendars(request.user)
    if not calendars:
        raise PermissionDenied
    try:
        day = bounds.clamp(dt.date.fromisoformat(request.GET.get("date", "")))
    except ValueError:
        day = timezone.localdate()
    start = grid.local_midnight(day) + dt.timedelta(hours=9)
    initial: dict[str, Any] = {"start": start, "end": start + dt.timedelta(hours=1)}
    if request.GET.get("calendar", "").isdecimal():
        initial["calendar"] = int(request.GET["calendar"])
    form = EntryForm(request.POST or None, calendars=calendars, initial=initial)
    return _entry_form_page(
        request,
        form,
        None,
        lambda data: services.schedule_entry(
            actor=request.user,
            calendar=data["calendar"],
            staff=data["staff"],
            contacts=data["contacts"],
            keep_conflict_reason=data["keep_conflict_reason"],
            **_fields(data),
        ),
    )


@require_http_methods(["GET", "POST"])
@login_required
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.get_managed_entry(request.user, pk)
    calendars = _managed_calendars(request.user)
    initial = {"start": timezone.localtime(entry.start), "end": timezone.localtime(entry.end)}
    form = EntryForm(request.POST or None, instance=entry, calendars=calendars, initial=initial)
    return _entry_form_page(
        request,
        form,
        entry,
        lambda data: services.update_entry(
            actor=request.user,
            entry=Entry.objects.get(pk=entry.pk),
            calendar=data["calendar"],
            keep_conflict_reason=data["keep_conflict_reason"],
            staff=data["staff"],
            contacts=data["contacts"],
            **_fields(data),
        ),
    )


def _upcoming(request: HttpRequest, entry: Entry) -> list[selectors.Occurrence]:
    """The next occurrences of a recurring entry (three months, twelve at most)."""
    if not entry.recurrence:
        return []
    now = timezone.now()
    found = selectors.occurrences(
        user=request.user, calendar_ids=[entry.calendar_id], start=now, end=now + dt.timedelta(days=92)
    )
    return [o for o in found if o.entry_id == entry.pk][:12]


def _detail(request: HttpRequest, entry: Entry, bound: dict[str, Any] | None = None) -> HttpResponse:
    manages = access.can_manage(request.user, entry.calendar_id)
    context = {
        "entry": entry,
        "recurrence_label": dict(RECURRENCE_CHOICES).get(entry.recurrence, entry.recurrence),
        "manages": manages,
        "occurrences": _upcoming(request, entry),
        "staff": entry.staff.order_by("last_name"),
        "contacts": entry.contacts.order_by("name"),
        "exceptions": entry.exceptions.order_by("original_start"),
        "trail": audit.trail_for(entry) if manages or request.user.has_perm("office.view_auditentry") else [],
        **ENTRY_ACTIONS.context(request, entry, bound),
    }
    return render_page(request, "calendar_app/entry_detail.html", context)


def _move(request: HttpRequest, entry: Entry, data: dict[str, Any]) -> HttpResponse:
    entry = services.update_entry(actor=request.user, entry=entry, **data)
    messages.success(request, _("The entry was moved."))
    return _back_to_calendar(request, entry)


def _change_occurrence(request: HttpRequest, entry: Entry, data: dict[str, Any]) -> None:
    services.change_occurrence(
        actor=request.user,
        entry=entry,
        original_start=data["original_start"],
        cancelled=data["action"] == "cancel",
        start=data.get("start"),
        end=data.get("end"),
        keep_conflict_reason=data["keep_conflict_reason"],
    )


def _manages(user: Any, entry: Entry) -> bool:
    return access.can_manage(user, entry.calendar_id)


ENTRY_ACTIONS = ActionSet(
    "entry",
    load=lambda request, pk: access.get_entry_for_user(request.user, pk),
    done_url=lambda entry: reverse("calendar_app:entry_detail", args=[entry.pk]),
    redisplay=_detail,
    actions=[
        Action(
            "move",
            run=_move,
            form=MoveForm,
            initial=lambda request, e: {"start": timezone.localtime(e.start), "end": timezone.localtime(e.end)},
            allowed=_manages,
            when=lambda entry: not entry.recurrence,
        ),
        Action(
            "cancel",
            services.cancel_entry,
            CancelForm,
            allowed=_manages,
            when=lambda entry: entry.status != EntryStatus.CANCELLED,
            success=gettext_lazy("The entry was cancelled."),
        ),
        Action(
            "occurrence",
            run=_change_occurrence,
            form=OccurrenceForm,
            form_kwargs=lambda request, entry: {"occurrences": _upcoming(request, entry)},
            allowed=_manages,
            when=lambda entry: bool(entry.recurrence),
            success=gettext_lazy("The occurrence was changed."),
        ),
    ],
)


@require_GET
@login_required
def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.get_entry_for_user(request.user, pk))


@require_GET
@login_required
def entry_ics(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.get_entry_for_user(request.user, pk)
    response = HttpResponse(ical.single(entry, masked=False), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="wydarzenie-{entry.pk}.ics"'
    return response
