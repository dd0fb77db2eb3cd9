"""Meeting requests, meeting notes and decisions, briefing requests, agenda and meeting-file PDFs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from calendar_app import access, services
from calendar_app.filters import MeetingRequestFilter
from calendar_app.forms import (
    BriefingForm,
    DecisionForm,
    DeclineRequestForm,
    HandOverRequestForm,
    MeetingRequestForm,
    NotesForm,
    ReplyForm,
    ScheduleRequestForm,
)
from calendar_app.models import Calendar, Decision, Entry, MeetingRequest
from calendar_app.reports import DAILY_AGENDA_PDF, MEETING_FILE_PDF
from office.forms import AttachmentForm
from office.kit import apply_errors, paginate, render_page
from office.models import Assignment, OrgUnit
from office.models.assignments import OPEN_STATUSES
from office.services import audit
from office.services.attachments import attach, attachments_of
from office.services.jobs import start_job


def _get_request(pk: int) -> MeetingRequest:
    try:
        return MeetingRequest.objects.select_related("office_holder", "entry", "assignment__unit", "contact").get(pk=pk)
    except MeetingRequest.DoesNotExist:
        raise Http404 from None


@require_GET
@login_required
@permission_required("calendar_app.view_meetingrequest", raise_exception=True)
def request_list(request: HttpRequest) -> HttpResponse:
    base = MeetingRequest.objects.select_related("office_holder")
    filterset = MeetingRequestFilter(request.GET or None, queryset=base)
    qs = filterset.qs if filterset.is_bound and filterset.is_valid() else base
    page = paginate(request, qs.order_by("-received_on", "-id"))
    return render_page(
        request,
        "calendar_app/requests/list.html",
        {"filter": filterset, "page_obj": page, "today": timezone.localdate()},
        fragment="calendar_app/requests/_table.html",
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("calendar_app.add_meetingrequest", raise_exception=True)
def request_create(request: HttpRequest) -> HttpResponse:
    form = MeetingRequestForm(request.POST or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            created = services.register_request(
                actor=request.user, request=form.save(commit=False), save_contact=form.cleaned_data["save_contact"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The request was registered."))
            return redirect("calendar_app:request_detail", created.pk)
    return render(request, "calendar_app/requests/form.html", {"form": form})


def _request_context(request: HttpRequest, meeting_request: MeetingRequest, **forms: Any) -> dict[str, Any]:
    can_handle = request.user.has_perm("calendar_app.change_meetingrequest")
    allowed = services.REQUEST_WORKFLOW.allowed(meeting_request.status) if can_handle else frozenset()
    slots: list[dt.datetime] = []
    if "scheduled" in allowed:
        services.ensure_calendars()
        calendar = Calendar.objects.get(office_holder=meeting_request.office_holder)
        slots = services.free_slots(calendar=calendar, first_day=timezone.localdate() + dt.timedelta(days=1))
    return {
        "req": meeting_request,
        "allowed": allowed,
        "can_handle": can_handle,
        "schedule_form": forms.get("schedule_form") or ScheduleRequestForm(slots=slots),
        "handover_form": forms.get("handover_form")
        or HandOverRequestForm(initial={"due_date": timezone.localdate() + dt.timedelta(days=14)}),
        "decline_form": forms.get("decline_form") or DeclineRequestForm(),
        "reply_form": forms.get("reply_form") or ReplyForm(initial={"reply_text": meeting_request.reply_text}),
        "trail": audit.trail_for(meeting_request),
    }


@require_GET
@login_required
@permission_required("calendar_app.view_meetingrequest", raise_exception=True)
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "calendar_app/requests/detail.html", _request_context(request, _get_request(pk)))


@require_POST
@login_required
@permission_required("calendar_app.change_meetingrequest", raise_exception=True)
def request_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    meeting_request = _get_request(pk)
    user = request.user
    forms: dict[str, Any] = {}
    try:
        if action == "assess":
            services.start_assessment(actor=user, request=meeting_request)
            messages.success(request, _("The request is being assessed."))
            return redirect("calendar_app:request_detail", pk)
        if action == "schedule":
            services.ensure_calendars()
            calendar = Calendar.objects.get(office_holder=meeting_request.office_holder)
            slots = services.free_slots(calendar=calendar, first_day=timezone.localdate() + dt.timedelta(days=1))
            form = forms["schedule_form"] = ScheduleRequestForm(request.POST, slots=slots)
            if form.is_valid():
                start = form.cleaned_data["chosen"]
                services.schedule_request(
                    actor=user,
                    request=meeting_request,
                    start=start,
                    end=start + dt.timedelta(minutes=form.cleaned_data["minutes"]),
                    place=form.cleaned_data["place"],
                    keep_conflict_reason=form.cleaned_data["keep_conflict_reason"],
                )
                messages.success(request, _("The meeting is on the calendar; the invitation is drafted below."))
                return redirect("calendar_app:request_detail", pk)
        elif action == "handover":
            form = forms["handover_form"] = HandOverRequestForm(request.POST)
            if form.is_valid():
                services.hand_over_request(actor=user, request=meeting_request, **form.cleaned_data)
                messages.success(request, _("The matter was handed to the unit; the reply is drafted below."))
                return redirect("calendar_app:request_detail", pk)
        elif action == "decline":
            form = forms["decline_form"] = DeclineRequestForm(request.POST)
            if form.is_valid():
                services.decline_request(actor=user, request=meeting_request, reason=form.cleaned_data["reason"])
                messages.success(request, _("The request was declined; the reply is drafted below."))
                return redirect("calendar_app:request_detail", pk)
        elif action in ("reply", "send"):
            form = forms["reply_form"] = ReplyForm(request.POST)
            if form.is_valid():
                services.save_reply(actor=user, request=meeting_request, text=form.cleaned_data["reply_text"])
                if action == "send":
                    services.send_reply(actor=user, request=meeting_request)
                    messages.success(request, _("The reply was sent by e-mail."))
                else:
                    messages.success(request, _("The reply was saved."))
                return redirect("calendar_app:request_detail", pk)
        else:
            raise Http404
    except ValidationError as error:
        form = next(iter(forms.values()), None)
        if form is None:
            messages.error(request, " ".join(error.messages))
            return redirect("calendar_app:request_detail", pk)
        apply_errors(form, error)
    return render(request, "calendar_app/requests/detail.html", _request_context(request, _get_request(pk), **forms))


@require_GET
@login_required
@permission_required("calendar_app.view_meetingrequest", raise_exception=True)
def request_statistics(request: HttpRequest) -> HttpResponse:
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    rows = services.monthly_statistics(year=year)
    totals = {key: sum(r[key] for r in rows) for key in ("received", "scheduled", "handed_over", "declined", "open")}
    return render(request, "calendar_app/requests/statistics.html", {"rows": rows, "year": year, "totals": totals})


# --- Meetings: notes, decisions, briefings, PDFs -------------------------------------------------


def _managed_entry(request: HttpRequest, pk: int) -> Entry:
    entry = access.get_entry_for_user(request.user, pk)
    if not access.can_manage(request.user, entry.calendar_id):
        raise PermissionDenied
    return entry


def _meeting_context(request: HttpRequest, entry: Entry, **forms: Any) -> dict[str, Any]:
    notes = getattr(entry, "meeting_notes", None)
    entry_type = ContentType.objects.get_for_model(Entry)
    due = timezone.localdate() + dt.timedelta(days=7)
    return {
        "entry": entry,
        "notes_form": forms.get("notes_form")
        or NotesForm(initial={"agenda": notes.agenda if notes else "", "notes": notes.notes if notes else ""}),
        "decision_form": forms.get("decision_form") or DecisionForm(initial={"due_date": due}),
        "briefing_form": forms.get("briefing_form")
        or BriefingForm(initial={"due_date": min(due, timezone.localtime(entry.start).date())}),
        "decisions": entry.decisions.select_related("assignment__unit"),
        "attachments": attachments_of(entry),
        "attachment_form": forms.get("attachment_form") or AttachmentForm(),
        "can_attach": request.user.has_perm("office.add_attachment"),
        "briefings": Assignment.objects.filter(source_type=entry_type, source_id=entry.pk).select_related("unit"),
        "today": timezone.localdate(),
    }


@require_http_methods(["GET", "POST"])
@login_required
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat's page of one meeting: agenda and notes, decisions, briefing materials, the file."""
    entry = _managed_entry(request, pk)
    forms: dict[str, Any] = {}
    if request.method == "POST":
        part = request.POST.get("part")
        try:
            if part == "notes":
                form = forms["notes_form"] = NotesForm(request.POST)
                if form.is_valid():
                    services.save_notes(actor=request.user, entry=entry, **form.cleaned_data)
                    messages.success(request, _("The notes were saved."))
                    return redirect("calendar_app:meeting", pk)
            elif part == "decision":
                form = forms["decision_form"] = DecisionForm(request.POST)
                if form.is_valid():
                    services.record_decision(actor=request.user, entry=entry, **form.cleaned_data)
                    messages.success(request, _("The decision was recorded and handed to the unit."))
                    return redirect("calendar_app:meeting", pk)
            elif part == "briefing":
                form = forms["briefing_form"] = BriefingForm(request.POST)
                if form.is_valid():
                    services.request_briefing(actor=request.user, entry=entry, **form.cleaned_data)
                    messages.success(request, _("The unit was asked for materials."))
                    return redirect("calendar_app:meeting", pk)
            elif part == "file":
                job = start_job(
                    actor=request.user,
                    kind=MEETING_FILE_PDF,
                    title=_("Meeting file: %(title)s") % {"title": entry.title},
                    params={"entry_id": entry.pk, "language": request.LANGUAGE_CODE},
                )
                return redirect("office:job_detail", job.pk)
            else:
                raise Http404
        except ValidationError as error:
            apply_errors(next(iter(forms.values())), error)
    return render_page(request, "calendar_app/meeting.html", _meeting_context(request, entry, **forms))


@require_POST
@login_required
def meeting_attach(request: HttpRequest, pk: int) -> HttpResponse:
    """Collect a document for the meeting (briefing material, presentation, draft)."""
    entry = _managed_entry(request, pk)
    if not request.user.has_perm("office.add_attachment"):
        raise PermissionDenied
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        attach(
            actor=request.user,
            record=entry,
            upload=form.cleaned_data["file"],
            description=form.cleaned_data["description"],
        )
        messages.success(request, _("The file was attached."))
        return redirect("calendar_app:meeting", pk)
    return render_page(request, "calendar_app/meeting.html", _meeting_context(request, entry, attachment_form=form))


@require_GET
@login_required
@permission_required("calendar_app.view_decision", raise_exception=True)
def decision_board(request: HttpRequest) -> HttpResponse:
    """Every decision by unit, status and lateness, with the units' progress."""
    today = timezone.localdate()
    qs = Decision.objects.select_related("assignment__unit", "entry__calendar__office_holder").filter(
        assignment__isnull=False
    )
    unit = request.GET.get("unit", "")
    if unit.isdigit():
        qs = qs.filter(assignment__unit_id=int(unit))
    status = request.GET.get("status", "")
    if status:
        qs = qs.filter(assignment__status=status)
    if request.GET.get("late"):
        qs = qs.filter(assignment__status__in=OPEN_STATUSES, assignment__due_date__lt=today)
    page = paginate(request, qs.order_by("assignment__due_date", "id"))
    return render_page(
        request,
        "calendar_app/decisions.html",
        {
            "page_obj": page,
            "today": today,
            "units": OrgUnit.objects.filter(is_active=True).order_by("symbol"),
            "unit": unit,
            "status": status,
            "late": bool(request.GET.get("late")),
            "statuses": Assignment._meta.get_field("status").choices,
        },
        fragment="calendar_app/_decisions_table.html",
    )


@require_POST
@login_required
def agenda_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the PDF of an office holder's agenda for a day."""
    if pk not in {c.pk for c in access.visible_calendars(request.user)}:
        raise Http404
    try:
        day = dt.date.fromisoformat(request.POST.get("day", ""))
    except ValueError:
        day = timezone.localdate()
    calendar = Calendar.objects.select_related("office_holder").get(pk=pk)
    job = start_job(
        actor=request.user,
        kind=DAILY_AGENDA_PDF,
        title=_("Agenda of %(name)s, %(day)s")
        % {"name": calendar.office_holder.full_name, "day": day.strftime("%d.%m.%Y")},
        params={"calendar_id": pk, "day": day.isoformat(), "language": request.LANGUAGE_CODE},
    )
    return redirect("office:job_detail", job.pk)
