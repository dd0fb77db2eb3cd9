"""The council's registers: councillors, committees, sessions (agenda, the mayor's attendance,
the recording) and committee meetings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from office.council import access
from office.council.filters import CommitteeFilter, CouncillorFilter, MeetingFilter, SessionFilter
from office.council.forms import (
    AttendForm,
    CloseSessionForm,
    CommitteeForm,
    CouncillorForm,
    MeetingForm,
    RecordingForm,
    SessionForm,
)
from office.council.models import Committee, CommitteeMeeting, Councillor, Interpellation, Session
from office.council.services import council as services
from office.council.services import resolutions as resolution_services
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, record_context

SUBNAV = "council/_subnav.html"


def _list(request: HttpRequest, model: Any, queryset: Any, **kwargs: Any) -> HttpResponse:
    name = model._meta.model_name
    return list_page(request, queryset=queryset, subnav=SUBNAV, fragment=f"council/{name}s/_table.html", **kwargs)


def _loader(model: Any, *related: str, change: bool = False) -> Any:
    return lambda request, pk: access.get_for_user(request.user, model, pk, *related, change=change)


def _can_change(model: Any) -> Any:
    return lambda user, record: user.has_perm(access.perm("change", model))


# --- Councillors -----------------------------------------------------------------------------------


@require_GET
@login_required
@permission_required(access.perm("view", Councillor), raise_exception=True)
def councillor_list(request: HttpRequest) -> HttpResponse:
    return _list(
        request,
        Councillor,
        Councillor.objects.select_related("term").order_by("-term__starts_on", "last_name", "first_name", "id"),
        filterset_class=CouncillorFilter,
        title=_("Councillors"),
        section="councillors",
        links=[PageLink(_("Add a councillor"), reverse("council:councillor_create"), "council.add_councillor")],
    )


COUNCILLOR_EDITOR = Editor(
    form=CouncillorForm,
    save=lambda request, form: services.save_councillor(actor=request.user, councillor=form.save(commit=False)),
    success=gettext_lazy("The councillor was saved."),
    detail="council:councillor_detail",
    listing=("council:councillor_list", gettext_lazy("Councillors")),
    titles=(gettext_lazy("Add a councillor"), gettext_lazy("Change %(record)s")),
)
councillor_create = COUNCILLOR_EDITOR.create_view(
    permission="council.add_councillor",
    new=lambda request: Councillor(
        term=services.current_term(), mandate_from=getattr(services.current_term(), "starts_on", None)
    ),
)
councillor_edit = COUNCILLOR_EDITOR.edit_view(load=_loader(Councillor, change=True))


@require_GET
@login_required
def councillor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    councillor = access.get_for_user(request.user, Councillor, pk, "term")
    context = {
        "councillor": councillor,
        "committees": councillor.committees.order_by("name"),
        "interpellations": Interpellation.objects.filter(councillor=councillor).order_by("-received_on", "-id")[:20],
        "can_change": request.user.has_perm("council.change_councillor"),
        **record_context(request, councillor),
    }
    return render(request, "council/councillors/detail.html", context)


# --- Committees ------------------------------------------------------------------------------------


@require_GET
@login_required
@permission_required(access.perm("view", Committee), raise_exception=True)
def committee_list(request: HttpRequest) -> HttpResponse:
    return _list(
        request,
        Committee,
        Committee.objects.select_related("term", "chair").annotate(size=Count("members")).order_by("name", "id"),
        filterset_class=CommitteeFilter,
        title=_("Committees"),
        section="committees",
        links=[PageLink(_("Add a committee"), reverse("council:committee_create"), "council.add_committee")],
    )


COMMITTEE_EDITOR = Editor(
    form=CommitteeForm,
    save=lambda request, form: services.save_committee(
        actor=request.user, committee=form.save(commit=False), members=form.cleaned_data["members"]
    ),
    success=gettext_lazy("The committee was saved."),
    detail="council:committee_detail",
    listing=("council:committee_list", gettext_lazy("Committees")),
    titles=(gettext_lazy("Add a committee"), gettext_lazy("Change %(record)s")),
)
committee_create = COMMITTEE_EDITOR.create_view(
    permission="council.add_committee", new=lambda request: Committee(term=services.current_term())
)
committee_edit = COMMITTEE_EDITOR.edit_view(load=_loader(Committee, change=True))


@require_GET
@login_required
def committee_detail(request: HttpRequest, pk: int) -> HttpResponse:
    committee = access.get_for_user(request.user, Committee, pk, "term", "chair")
    context = {
        "committee": committee,
        "members": committee.members.order_by("last_name", "first_name"),
        "meetings": committee.meetings.order_by("-starts_at")[:20],
        "can_change": request.user.has_perm("council.change_committee"),
        **record_context(request, committee),
    }
    return render(request, "council/committees/detail.html", context)


# --- Sessions --------------------------------------------------------------------------------------


@require_GET
@login_required
@permission_required(access.perm("view", Session), raise_exception=True)
def session_list(request: HttpRequest) -> HttpResponse:
    return _list(
        request,
        Session,
        Session.objects.select_related("term", "attended_by")
        .annotate(points=Count("agenda"))
        .order_by("-starts_at", "-id"),
        filterset_class=SessionFilter,
        title=_("Sessions of the council"),
        section="sessions",
        links=[PageLink(_("Plan a session"), reverse("council:session_create"), "council.add_session")],
    )


def _new_session(request: HttpRequest) -> Session:
    term = services.current_term()
    start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) + dt.timedelta(days=14)
    return Session(term=term, number=services.next_session_number(term) if term else 1, starts_at=start)


SESSION_EDITOR = Editor(
    form=SessionForm,
    save=lambda request, form: services.save_session(
        actor=request.user, session=form.save(commit=False), agenda=form.cleaned_data["agenda_text"]
    ),
    success=gettext_lazy("The session was saved."),
    detail="council:session_detail",
    listing=("council:session_list", gettext_lazy("Sessions of the council")),
    titles=(gettext_lazy("Plan a session"), gettext_lazy("Change %(record)s")),
    initial=lambda session: {"agenda_text": "\n".join(item.title for item in session.agenda.all())},
)
session_create = SESSION_EDITOR.create_view(permission="council.add_session", new=_new_session)
session_edit = SESSION_EDITOR.edit_view(load=_loader(Session, "term", change=True))


def _session_page(request: HttpRequest, session: Session, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "session": session,
        "agenda": session.agenda.all(),
        "drafts": session.drafts.select_related("unit").order_by("pk"),
        "filing_deadline": resolution_services.filing_deadline(session)[0],
        "can_change": request.user.has_perm("council.change_session"),
        **SESSION_ACTIONS.context(request, session, bound),
        **record_context(
            request,
            session,
            attach_url=reverse("council:session_attach", args=[session.pk]),
            can_attach=request.user.has_perm("council.change_session"),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "council/sessions/detail.html", context)


@require_GET
@login_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _session_page(request, access.get_for_user(request.user, Session, pk, "term", "attended_by"))


def _attend_initial(request: HttpRequest, record: Any) -> dict[str, Any]:
    start = timezone.localtime(record.starts_at)
    holder = getattr(getattr(request.user, "office_holder", None), "pk", None)
    return {"holder": holder, "start": start, "end": start + dt.timedelta(hours=4)}


def _recording_initial(request: HttpRequest, session: Session) -> dict[str, Any]:
    fields = ("broadcast", "recording_url", "minutes_url", "minutes_published_on")
    return {name: getattr(session, name) for name in fields}


SESSION_ACTIONS = ActionSet(
    "session",
    load=_loader(Session, "term", "attended_by"),
    done_url=services.session_url,
    redisplay=_session_page,
    permission="council.change_session",
    actions=[
        Action(
            "attend",
            services.attend_session,
            AttendForm,
            when=lambda session: session.is_planned and session.calendar_entry_id is None,
            initial=_attend_initial,
            success=gettext_lazy("The session was put on the calendar."),
        ),
        Action(
            "close",
            services.close_session,
            CloseSessionForm,
            when=lambda session: session.is_planned,
            success=gettext_lazy("The session's status was recorded."),
        ),
        Action(
            "recording",
            services.update_recording,
            RecordingForm,
            initial=_recording_initial,
            success=gettext_lazy("The recording was saved."),
        ),
        attach_action(allowed=_can_change(Session)),
    ],
)


# --- Committee meetings ----------------------------------------------------------------------------


@require_GET
@login_required
@permission_required(access.perm("view", CommitteeMeeting), raise_exception=True)
def meeting_list(request: HttpRequest) -> HttpResponse:
    return _list(
        request,
        CommitteeMeeting,
        CommitteeMeeting.objects.select_related("committee", "attended_by").order_by("-starts_at", "-id"),
        filterset_class=MeetingFilter,
        title=_("Committee meetings"),
        section="meetings",
        links=[PageLink(_("Plan a meeting"), reverse("council:meeting_create"), "council.add_committeemeeting")],
    )


MEETING_EDITOR = Editor(
    form=MeetingForm,
    save=lambda request, form: services.save_meeting(actor=request.user, meeting=form.save(commit=False)),
    success=gettext_lazy("The meeting was saved."),
    detail="council:meeting_detail",
    listing=("council:meeting_list", gettext_lazy("Committee meetings")),
    titles=(gettext_lazy("Plan a committee meeting"), gettext_lazy("Change %(record)s")),
)
meeting_create = MEETING_EDITOR.create_view(
    permission="council.add_committeemeeting",
    new=lambda request: CommitteeMeeting(
        starts_at=timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0) + dt.timedelta(days=7)
    ),
)
meeting_edit = MEETING_EDITOR.edit_view(load=_loader(CommitteeMeeting, "committee", change=True))


def _meeting_page(request: HttpRequest, meeting: CommitteeMeeting, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "meeting": meeting,
        "can_change": request.user.has_perm("council.change_committeemeeting"),
        **MEETING_ACTIONS.context(request, meeting, bound),
        **record_context(request, meeting),
    }
    return render(request, "council/committeemeetings/detail.html", context)


@require_GET
@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _meeting_page(request, access.get_for_user(request.user, CommitteeMeeting, pk, "committee", "attended_by"))


MEETING_ACTIONS = ActionSet(
    "meeting",
    load=_loader(CommitteeMeeting, "committee", "attended_by"),
    done_url=services.meeting_url,
    redisplay=_meeting_page,
    permission="council.change_committeemeeting",
    actions=[
        Action(
            "attend",
            services.attend_meeting,
            AttendForm,
            when=lambda meeting: meeting.calendar_entry_id is None and meeting.starts_at > timezone.now(),
            initial=_attend_initial,
            success=gettext_lazy("The meeting was put on the calendar."),
        ),
    ],
)
