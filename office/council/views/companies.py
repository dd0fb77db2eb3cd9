"""Municipal companies and their shareholders' or general meetings: the documents, the office's
opinion asked of a unit, the mayor's instruction to the city's representative, the outcome."""

from __future__ import annotations

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
from office.council.forms import CompanyForm, InstructionForm, OpinionForm, OutcomeForm, ShareholderMeetingForm
from office.council.models import Company, ShareholderMeeting
from office.council.services import companies as services
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, record_context

SUBNAV = "council/_subnav.html"
CHANGE_MEETING = "council.change_shareholdermeeting"


def _loader(model: Any, *related: str, change: bool = False) -> Any:
    return lambda request, pk: access.get_for_user(request.user, model, pk, *related, change=change)


@require_GET
@login_required
@permission_required("council.view_company", raise_exception=True)
def company_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Company.objects.select_related("unit").annotate(meeting_count=Count("meetings")).order_by("name"),
        fragment="council/companies/_table.html",
        title=_("Municipal companies"),
        subnav=SUBNAV,
        section="companies",
        links=[
            PageLink(_("Add a company"), reverse("council:company_create"), "council.add_company"),
            PageLink(_("Meetings"), reverse("council:shareholder_meeting_list"), "council.view_shareholdermeeting"),
        ],
    )


COMPANY_EDITOR = Editor(
    form=CompanyForm,
    save=lambda request, form: services.save_company(actor=request.user, company=form.save(commit=False)),
    success=gettext_lazy("The company was saved."),
    detail="council:company_detail",
    listing=("council:company_list", gettext_lazy("Municipal companies")),
    titles=(gettext_lazy("Add a municipal company"), gettext_lazy("Change %(record)s")),
)
company_create = COMPANY_EDITOR.create_view(permission="council.add_company", new=lambda request: Company())
company_edit = COMPANY_EDITOR.edit_view(load=_loader(Company, change=True))


def _company_page(request: HttpRequest, company: Company, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "company": company,
        "meetings": company.meetings.order_by("-starts_at")[:30],
        "can_change": request.user.has_perm("council.change_company"),
        **COMPANY_ACTIONS.context(request, company, bound),
        **record_context(
            request,
            company,
            attach_url=reverse("council:company_attach", args=[company.pk]),
            can_attach=request.user.has_perm("council.change_company"),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "council/companies/detail.html", context)


@require_GET
@login_required
def company_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _company_page(request, access.get_for_user(request.user, Company, pk, "unit"))


COMPANY_ACTIONS = ActionSet(
    "company",
    load=_loader(Company, "unit"),
    done_url=services.company_url,
    redisplay=_company_page,
    permission="council.change_company",
    actions=[attach_action(allowed=lambda user, c: user.has_perm("council.change_company"))],
)


@require_GET
@login_required
@permission_required("council.view_shareholdermeeting", raise_exception=True)
def meeting_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=ShareholderMeeting.objects.select_related("company", "opinion", "instructed_by").order_by(
            "-starts_at", "-id"
        ),
        fragment="council/shareholdermeetings/_table.html",
        title=_("Shareholders' and general meetings"),
        subnav=SUBNAV,
        section="companies",
        links=[
            PageLink(
                _("Register a meeting"), reverse("council:shareholder_meeting_create"), "council.add_shareholdermeeting"
            )
        ],
    )


MEETING_EDITOR = Editor(
    form=ShareholderMeetingForm,
    save=lambda request, form: services.save_meeting(actor=request.user, meeting=form.save(commit=False)),
    success=gettext_lazy("The meeting was saved."),
    detail="council:shareholder_meeting_detail",
    listing=("council:shareholder_meeting_list", gettext_lazy("Shareholders' and general meetings")),
    titles=(gettext_lazy("Register a shareholders' meeting"), gettext_lazy("Change %(record)s")),
)
meeting_create = MEETING_EDITOR.create_view(
    permission="council.add_shareholdermeeting", new=lambda request: ShareholderMeeting()
)
meeting_edit = MEETING_EDITOR.edit_view(load=_loader(ShareholderMeeting, "company", change=True))


def _meeting_page(
    request: HttpRequest, meeting: ShareholderMeeting, bound: dict[str, Any] | None = None
) -> HttpResponse:
    context = {
        "meeting": meeting,
        "opinion_due": services.opinion_due(meeting),
        "can_change": request.user.has_perm(CHANGE_MEETING),
        **MEETING_ACTIONS.context(request, meeting, bound),
        **record_context(
            request,
            meeting,
            attach_url=reverse("council:shareholder_meeting_attach", args=[meeting.pk]),
            can_attach=request.user.has_perm(CHANGE_MEETING),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "council/shareholdermeetings/detail.html", context)


@require_GET
@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_for_user(request.user, ShareholderMeeting, pk, "company", "opinion__unit", "instructed_by")
    return _meeting_page(request, meeting)


MEETING_ACTIONS = ActionSet(
    "shareholder_meeting",
    load=_loader(ShareholderMeeting, "company", "opinion__unit", "instructed_by"),
    done_url=services.meeting_url,
    redisplay=_meeting_page,
    permission=CHANGE_MEETING,
    record_arg="meeting",
    actions=[
        Action(
            "opinion",
            services.request_opinion,
            OpinionForm,
            when=lambda m: m.opinion_id is None and not m.is_past,
            success=gettext_lazy("The unit was asked for the opinion."),
        ),
        Action(
            "instruct",
            services.instruct,
            InstructionForm,
            when=lambda m: not m.is_past,
            initial=lambda request, m: {"text": m.instruction, "instructed_by": m.instructed_by_id},
            success=gettext_lazy("The instruction was recorded."),
        ),
        Action(
            "outcome",
            services.record_outcome,
            OutcomeForm,
            when=lambda m: m.starts_at <= timezone.now(),
            initial=lambda request, m: {"text": m.outcome},
            success=gettext_lazy("The outcome was recorded."),
        ),
        attach_action(allowed=lambda user, m: user.has_perm(CHANGE_MEETING)),
    ],
)
