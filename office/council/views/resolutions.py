"""The resolutions register with its implementation reports, the mayor's draft resolutions for a
session, and the requests for an extraordinary session."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from office.council import access
from office.council.filters import DraftFilter, ResolutionFilter
from office.council.forms import (
    DraftResolutionForm,
    FileDraftForm,
    LinkSessionForm,
    RepealForm,
    ReportForm,
    RequestForm,
    ResolutionForm,
)
from office.council.forms import SendRequestForm as SendForm
from office.council.models import DraftResolution, ExtraordinaryRequest, RequestStatus, Resolution
from office.council.services import resolutions as services
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, record_context

SUBNAV = "council/_subnav.html"


def _loader(model: Any, *related: str, change: bool = False) -> Any:
    return lambda request, pk: access.get_for_user(request.user, model, pk, *related, change=change)


# --- Resolutions -----------------------------------------------------------------------------------


@require_GET
@login_required
@permission_required("council.view_resolution", raise_exception=True)
def resolution_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Resolution.objects.select_related("unit", "session").order_by("-adopted_on", "-id"),
        filterset_class=ResolutionFilter,
        fragment="council/resolutions/_table.html",
        title=_("Resolutions of the council"),
        subnav=SUBNAV,
        section="resolutions",
        links=[PageLink(_("Register a resolution"), reverse("council:resolution_create"), "council.add_resolution")],
    )


RESOLUTION_EDITOR = Editor(
    form=ResolutionForm,
    save=lambda request, form: services.save_resolution(actor=request.user, resolution=form.save(commit=False)),
    success=gettext_lazy("The resolution was saved."),
    detail="council:resolution_detail",
    listing=("council:resolution_list", gettext_lazy("Resolutions of the council")),
    titles=(gettext_lazy("Register a resolution"), gettext_lazy("Change %(record)s")),
)
resolution_create = RESOLUTION_EDITOR.create_view(
    permission="council.add_resolution", new=lambda request: Resolution(adopted_on=timezone.localdate())
)


def _editable_resolution(request: HttpRequest, pk: Any) -> Resolution:
    resolution = access.get_for_user(request.user, Resolution, pk, change=True)
    access.require(resolution.is_open)
    return resolution


resolution_edit = RESOLUTION_EDITOR.edit_view(load=_editable_resolution)


def _resolution_page(request: HttpRequest, resolution: Resolution, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "resolution": resolution,
        "reports": resolution.reports.select_related("created_by"),
        "can_change": request.user.has_perm("council.change_resolution") and resolution.is_open,
        **RESOLUTION_ACTIONS.context(request, resolution, bound),
        **record_context(
            request,
            resolution,
            attach_url=reverse("council:resolution_attach", args=[resolution.pk]),
            can_attach=request.user.has_perm("council.change_resolution"),
            attachment_form=(bound or {}).get("attachment_form"),
            with_assignments=True,
        ),
    }
    return render(request, "council/resolutions/detail.html", context)


@require_GET
@login_required
def resolution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _resolution_page(request, access.get_for_user(request.user, Resolution, pk, "unit", "session"))


RESOLUTION_ACTIONS = ActionSet(
    "resolution",
    load=_loader(Resolution, "unit", "session"),
    done_url=services.resolution_url,
    redisplay=_resolution_page,
    permission="council.change_resolution",
    actions=[
        Action(
            "report",
            services.report,
            ReportForm,
            when=lambda r: r.is_open,
            success=gettext_lazy("The report was recorded."),
        ),
        Action(
            "repeal",
            services.repeal,
            RepealForm,
            when=lambda r: r.is_open,
            success=gettext_lazy("The resolution was marked repealed."),
        ),
        attach_action(allowed=lambda user, r: user.has_perm("council.change_resolution")),
    ],
)


# --- Draft resolutions -----------------------------------------------------------------------------


@require_GET
@login_required
@permission_required("council.view_draftresolution", raise_exception=True)
def draft_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=DraftResolution.objects.select_related("unit", "session", "request").order_by("-created_at", "-id"),
        filterset_class=DraftFilter,
        fragment="council/drafts/_table.html",
        title=_("Draft resolutions of the mayor"),
        subnav=SUBNAV,
        section="drafts",
        links=[
            PageLink(_("Prepare a draft"), reverse("council:draft_create"), "council.add_draftresolution"),
            PageLink(_("Extraordinary sessions"), reverse("council:request_list"), "council.view_extraordinaryrequest"),
        ],
    )


DRAFT_EDITOR = Editor(
    form=DraftResolutionForm,
    save=lambda request, form: services.save_draft(actor=request.user, draft=form.save(commit=False)),
    success=gettext_lazy("The draft was saved."),
    detail="council:draft_detail",
    listing=("council:draft_list", gettext_lazy("Draft resolutions of the mayor")),
    titles=(gettext_lazy("Prepare a draft resolution"), gettext_lazy("Change %(record)s")),
)
draft_create = DRAFT_EDITOR.create_view(permission="council.add_draftresolution", new=lambda request: DraftResolution())


def _editable_draft(request: HttpRequest, pk: Any) -> DraftResolution:
    draft = access.get_for_user(request.user, DraftResolution, pk, change=True)
    access.require(not draft.is_filed)
    return draft


draft_edit = DRAFT_EDITOR.edit_view(load=_editable_draft)


def _draft_page(request: HttpRequest, draft: DraftResolution, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "draft": draft,
        "can_change": request.user.has_perm("council.change_draftresolution") and not draft.is_filed,
        **DRAFT_ACTIONS.context(request, draft, bound),
        **record_context(
            request,
            draft,
            attach_url=reverse("council:draft_attach", args=[draft.pk]),
            can_attach=request.user.has_perm("council.change_draftresolution"),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "council/drafts/detail.html", context)


@require_GET
@login_required
def draft_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _draft_page(request, access.get_for_user(request.user, DraftResolution, pk, "unit", "session", "request"))


def _file(request: HttpRequest, draft: DraftResolution, data: dict[str, Any]) -> HttpResponse:
    draft = services.file_draft(actor=request.user, draft=draft, **data)
    if draft.is_late:
        messages.warning(
            request,
            _(
                "The draft was filed on %(filed)s, after %(latest)s — later than 7 days before the session. "
                "The council's chair decides whether the council takes it at this session."
            )
            % {"filed": draft.filed_on.strftime("%d.%m.%Y"), "latest": draft.latest_on.strftime("%d.%m.%Y")},
        )
    else:
        messages.success(request, _("The draft was filed in time."))
    return redirect(services.draft_url(draft))


DRAFT_ACTIONS = ActionSet(
    "draft",
    load=_loader(DraftResolution, "unit", "session", "request"),
    done_url=services.draft_url,
    redisplay=_draft_page,
    permission="council.change_draftresolution",
    actions=[
        Action("file", run=_file, form=FileDraftForm, when=lambda d: not d.is_filed and d.session_id is not None),
        attach_action(allowed=lambda user, d: user.has_perm("council.change_draftresolution")),
    ],
)


# --- Requests for an extraordinary session ---------------------------------------------------------


@require_GET
@login_required
@permission_required("council.view_extraordinaryrequest", raise_exception=True)
def request_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=ExtraordinaryRequest.objects.select_related("session", "letter").order_by("-created_at", "-id"),
        fragment="council/requests/_table.html",
        title=_("Requests for an extraordinary session"),
        subnav=SUBNAV,
        section="drafts",
        links=[PageLink(_("Prepare a request"), reverse("council:request_create"), "council.add_extraordinaryrequest")],
    )


REQUEST_EDITOR = Editor(
    form=RequestForm,
    save=lambda request, form: services.save_request(
        actor=request.user, request=form.save(commit=False), drafts=form.cleaned_data["drafts"]
    ),
    success=gettext_lazy("The request was saved."),
    detail="council:request_detail",
    listing=("council:request_list", gettext_lazy("Requests for an extraordinary session")),
    titles=(gettext_lazy("Request an extraordinary session"), gettext_lazy("Change %(record)s")),
)
request_create = REQUEST_EDITOR.create_view(
    permission="council.add_extraordinaryrequest", new=lambda request: ExtraordinaryRequest()
)


def _editable_request(request: HttpRequest, pk: Any) -> ExtraordinaryRequest:
    record = access.get_for_user(request.user, ExtraordinaryRequest, pk, change=True)
    access.require(record.status == RequestStatus.PREPARED)
    return record


request_edit = REQUEST_EDITOR.edit_view(load=_editable_request)


def _request_page(
    request: HttpRequest, record: ExtraordinaryRequest, bound: dict[str, Any] | None = None
) -> HttpResponse:
    context = {
        "record": record,
        "drafts": record.drafts.select_related("unit"),
        "can_change": request.user.has_perm("council.change_extraordinaryrequest")
        and record.status == RequestStatus.PREPARED,
        **REQUEST_ACTIONS.context(request, record, bound),
        **record_context(request, record),
    }
    return render(request, "council/requests/detail.html", context)


@require_GET
@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _request_page(
        request, access.get_for_user(request.user, ExtraordinaryRequest, pk, "addressee", "letter", "session")
    )


def _send(request: HttpRequest, record: ExtraordinaryRequest, data: dict[str, Any]) -> HttpResponse:
    record = services.send_request(actor=request.user, request=record, **data)
    messages.success(
        request,
        _("The request letter %(sign)s was written; the session must be held by %(day)s.")
        % {"sign": record.letter.sign, "day": record.hold_by.strftime("%d.%m.%Y")},
    )
    return redirect(services.request_url(record))


REQUEST_ACTIONS = ActionSet(
    "request",
    load=_loader(ExtraordinaryRequest, "addressee", "letter", "session"),
    done_url=services.request_url,
    redisplay=_request_page,
    permission="council.change_extraordinaryrequest",
    actions=[
        Action(
            "send",
            run=_send,
            form=SendForm,
            allowed=lambda user, r: user.has_perm("correspondence.add_letter"),
            when=lambda r: r.status == RequestStatus.PREPARED,
        ),
        Action(
            "link",
            services.link_session,
            LinkSessionForm,
            when=lambda r: r.status == RequestStatus.SENT,
            success=gettext_lazy("The request was linked to the session convened."),
        ),
    ],
)
