"""A meeting's page for the secretariat: briefing materials from units, documents, agenda and
notes, decisions handed to units, the meeting file (PDF job); and the board of decisions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from calendar_app import access
from calendar_app.filters import DecisionFilter
from calendar_app.forms import BriefingForm, DecisionForm, NotesForm
from calendar_app.models import Decision, Entry
from calendar_app.reports import MEETING_FILE_PDF
from calendar_app.services import meetings as services
from office.kit import Action, ActionSet, attach_action, list_page, record_context, render_page
from office.services.jobs import start_job


def _url(entry: Entry) -> str:
    return reverse("calendar_app:meeting", args=[entry.pk])


def _page(request: HttpRequest, entry: Entry, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "entry": entry,
        "decisions": entry.decisions.select_related("assignment__unit"),
        **MEETING_ACTIONS.context(request, entry, bound),
        **record_context(
            request,
            entry,
            attach_url=reverse("calendar_app:meeting_attach", args=[entry.pk]),
            can_attach=True,
            attachment_form=(bound or {}).get("attachment_form"),
            with_assignments=True,
        ),
    }
    return render_page(request, "calendar_app/meeting.html", context)


def _notes_initial(request: HttpRequest, entry: Entry) -> dict[str, str]:
    notes = getattr(entry, "meeting_notes", None)
    return {"agenda": notes.agenda if notes else "", "notes": notes.notes if notes else ""}


def _file(request: HttpRequest, entry: Entry, data: dict[str, Any]) -> HttpResponse:
    job = start_job(
        actor=request.user,
        kind=MEETING_FILE_PDF,
        title=_("Meeting file: %(title)s") % {"title": entry.title},
        params={"entry_id": entry.pk, "language": request.LANGUAGE_CODE},
    )
    return redirect("office:job_detail", job.pk)


def _week_ahead(request: HttpRequest, entry: Entry) -> dict[str, dt.date]:
    return {"due_date": timezone.localdate() + dt.timedelta(days=7)}


def _manages(user: Any, entry: Entry) -> bool:
    return access.can_manage(user, entry.calendar_id)


MEETING_ACTIONS = ActionSet(
    "meeting",
    load=lambda request, pk: access.get_managed_entry(request.user, pk),
    done_url=_url,
    redisplay=_page,
    record_arg="entry",
    actions=[
        Action(
            "notes",
            services.save_notes,
            NotesForm,
            initial=_notes_initial,
            allowed=_manages,
            success=gettext_lazy("The notes were saved."),
        ),
        Action(
            "decision",
            services.record_decision,
            DecisionForm,
            initial=_week_ahead,
            allowed=_manages,
            success=gettext_lazy("The decision was recorded and handed to the unit."),
        ),
        Action(
            "briefing",
            services.request_briefing,
            BriefingForm,
            initial=lambda request, e: {"due_date": min(_week_ahead(request, e)["due_date"], e.start.date())},
            allowed=_manages,
            success=gettext_lazy("The unit was asked for materials."),
        ),
        Action("file", run=_file, allowed=_manages),
        attach_action(allowed=_manages),
    ],
)


@require_GET
@login_required
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat's page of one meeting (only for those who manage its calendar)."""
    return _page(request, access.get_managed_entry(request.user, pk))


@require_GET
@login_required
@permission_required("calendar_app.view_decision", raise_exception=True)
def decision_board(request: HttpRequest) -> HttpResponse:
    """Every decision by unit, status and lateness, with the units' progress."""
    return list_page(
        request,
        queryset=access.with_hidden_entry(
            Decision.objects.select_related("assignment__unit", "entry__calendar__office_holder"), request.user
        )
        .filter(assignment__isnull=False)
        .order_by("assignment__due_date", "id"),
        filterset_class=DecisionFilter,
        fragment="calendar_app/_decisions_table.html",
        title=_("Decisions followed up"),
        filter_label=_("Filter decisions"),
    )
