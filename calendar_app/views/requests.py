"""Meeting requests: the register, intake with the information clause, the request page with an
action per outcome (schedule into a free slot, hand to a unit, decline), the reply, statistics."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from calendar_app.filters import MeetingRequestFilter
from calendar_app.forms import (
    DeclineRequestForm,
    HandOverRequestForm,
    MeetingRequestForm,
    ReplyForm,
    ScheduleRequestForm,
)
from calendar_app.models import MeetingRequest
from calendar_app.services import entries as entry_services
from calendar_app.services import requests as services
from calendar_app.workflows import REQUEST_WORKFLOW
from office.kit import Action, ActionSet, PageLink, edit_record, list_page
from office.services import audit, reads

HANDLE = "calendar_app.change_meetingrequest"


def _get(request: HttpRequest, pk: Any) -> MeetingRequest:
    if not request.user.has_perm("calendar_app.view_meetingrequest"):
        raise Http404
    try:
        return MeetingRequest.objects.select_related("office_holder", "entry", "assignment__unit", "contact").get(pk=pk)
    except (MeetingRequest.DoesNotExist, ValueError):
        raise Http404 from None


def _url(meeting_request: MeetingRequest) -> str:
    return reverse("calendar_app:request_detail", args=[meeting_request.pk])


@require_GET
@login_required
@permission_required("calendar_app.view_meetingrequest", raise_exception=True)
def request_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=MeetingRequest.objects.select_related("office_holder").order_by("-received_on", "-id"),
        filterset_class=MeetingRequestFilter,
        fragment="calendar_app/requests/_table.html",
        title=_("Meeting requests"),
        filter_label=_("Filter requests"),
        links=[
            PageLink(
                _("Register a request"), reverse("calendar_app:request_create"), "calendar_app.add_meetingrequest"
            ),
            PageLink(_("Statistics"), reverse("calendar_app:request_statistics")),
        ],
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("calendar_app.add_meetingrequest", raise_exception=True)
def request_create(request: HttpRequest) -> HttpResponse:
    list_url = reverse("calendar_app:request_list")
    return edit_record(
        request,
        MeetingRequestForm(request.POST or None, initial={"received_on": timezone.localdate()}),
        save=lambda form: services.register_request(
            actor=request.user, request=form.save(commit=False), save_contact=form.cleaned_data["save_contact"]
        ),
        success=_("The request was registered."),
        done_url=_url,
        title=_("Register a meeting request"),
        submit_label=_("Register"),
        cancel_url=list_url,
        parents=[(list_url, _("Meeting requests"))],
        template="calendar_app/requests/form.html",
    )


def _free_slots(meeting_request: MeetingRequest) -> list[dt.datetime]:
    calendar = entry_services.calendar_of(meeting_request.office_holder)
    return entry_services.free_slots(calendar=calendar, first_day=timezone.localdate() + dt.timedelta(days=1))


def _detail(request: HttpRequest, meeting_request: MeetingRequest, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "req": meeting_request,
        "trail": audit.trail_for(meeting_request),
        **REQUEST_ACTIONS.context(request, meeting_request, bound),
    }
    return render(request, "calendar_app/requests/detail.html", context)


def _can_move_to(target: str) -> Any:
    return lambda meeting_request: REQUEST_WORKFLOW.can(meeting_request.status, target)


def _schedule(request: HttpRequest, meeting_request: MeetingRequest, data: dict[str, Any]) -> None:
    start = data["chosen"]
    services.schedule_request(
        actor=request.user,
        request=meeting_request,
        start=start,
        end=start + dt.timedelta(minutes=data["minutes"]),
        place=data["place"],
        keep_conflict_reason=data["keep_conflict_reason"],
    )


def _send_reply(request: HttpRequest, meeting_request: MeetingRequest, data: dict[str, Any]) -> None:
    services.save_reply(actor=request.user, request=meeting_request, text=data["reply_text"])
    services.send_reply(actor=request.user, request=meeting_request)


REQUEST_ACTIONS = ActionSet(
    "request",
    load=_get,
    done_url=_url,
    redisplay=_detail,
    record_arg="request",
    permission=HANDLE,
    actions=[
        Action(
            "assess",
            services.start_assessment,
            when=_can_move_to(MeetingRequest.Status.ASSESSING),
            success=gettext_lazy("The request is being assessed."),
        ),
        Action(
            "schedule",
            run=_schedule,
            form=ScheduleRequestForm,
            form_kwargs=lambda request, r: {"slots": _free_slots(r)},
            when=_can_move_to(MeetingRequest.Status.SCHEDULED),
            success=gettext_lazy("The meeting is on the calendar; the invitation is drafted below."),
        ),
        Action(
            "handover",
            services.hand_over_request,
            HandOverRequestForm,
            initial=lambda request, r: {"due_date": timezone.localdate() + dt.timedelta(days=14)},
            when=_can_move_to(MeetingRequest.Status.HANDED_OVER),
            success=gettext_lazy("The matter was handed to the unit; the reply is drafted below."),
        ),
        Action(
            "decline",
            services.decline_request,
            DeclineRequestForm,
            when=_can_move_to(MeetingRequest.Status.DECLINED),
            success=gettext_lazy("The request was declined; the reply is drafted below."),
        ),
        Action(
            "reply",
            run=lambda request, r, data: services.save_reply(actor=request.user, request=r, text=data["reply_text"]),
            form=ReplyForm,
            initial=lambda request, r: {"reply_text": r.reply_text},
            when=lambda r: bool(r.reply_text),
            success=gettext_lazy("The reply was saved."),
        ),
        Action(
            "send_reply",
            run=_send_reply,
            form=ReplyForm,
            form_key="reply_form",
            form_prefix="reply",
            initial=lambda request, r: {"reply_text": r.reply_text},
            when=lambda r: bool(r.reply_text and r.email),
            success=gettext_lazy("The reply is queued for e-mail; the page shows when it was sent."),
        ),
    ],
)


@require_GET
@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting_request = _get(request, pk)
    reads.note_read(request, meeting_request)
    return _detail(request, meeting_request)


@require_GET
@login_required
@permission_required("calendar_app.view_meetingrequest", raise_exception=True)
def request_statistics(request: HttpRequest) -> HttpResponse:
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    if not 2000 <= year <= timezone.localdate().year + 1:
        year = timezone.localdate().year
    rows = services.monthly_statistics(year=year)
    totals = {key: sum(r[key] for r in rows) for key in ("received", "scheduled", "handed_over", "declined", "open")}
    return render(request, "calendar_app/requests/statistics.html", {"rows": rows, "year": year, "totals": totals})
