"""Interpellations and questions: the register, typing one in, its page with the steps — forwarding
to units, the draft answer, the approval by the mayor or a deputy, the answer sent — and the
statistics."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from office.council import access
from office.council.filters import InterpellationFilter
from office.council.forms import (
    AnswerForm,
    ApproveForm,
    DraftForm,
    ForwardForm,
    InterpellationForm,
    NoteForm,
    ReasonForm,
)
from office.council.models import Interpellation, InterpellationStatus
from office.council.services import interpellations as services
from office.council.workflows import INTERPELLATION_WORKFLOW
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, record_context
from office.models import OfficeHolder

VIEW = "council.view_interpellation"
CHANGE = "council.change_interpellation"
S = InterpellationStatus


@require_GET
@login_required
@permission_required(VIEW, raise_exception=True)
def interpellation_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Interpellation.objects.select_related("councillor").order_by("-received_on", "-id"),
        filterset_class=InterpellationFilter,
        fragment="council/interpellations/_table.html",
        title=_("Interpellations and questions"),
        filter_label=_("Filter the interpellations"),
        subnav="council/_subnav.html",
        section="interpellations",
        links=[
            PageLink(
                _("Register an interpellation"), reverse("council:interpellation_create"), "council.add_interpellation"
            ),
            PageLink(_("Statistics"), reverse("council:interpellation_statistics"), VIEW),
        ],
    )


def _save(request: HttpRequest, form: InterpellationForm) -> Interpellation:
    interpellation = form.save(commit=False)
    if interpellation.pk:
        return services.update_interpellation(actor=request.user, interpellation=interpellation)
    return services.register_interpellation(actor=request.user, interpellation=interpellation)


EDITOR = Editor(
    form=InterpellationForm,
    save=_save,
    success=gettext_lazy("The interpellation was saved."),
    detail="council:interpellation_detail",
    listing=("council:interpellation_list", gettext_lazy("Interpellations and questions")),
    titles=(gettext_lazy("Register an interpellation or a question"), gettext_lazy("Change %(record)s")),
)
interpellation_create = EDITOR.create_view(
    permission="council.add_interpellation", new=lambda request: Interpellation(received_on=timezone.localdate())
)


def _editable(request: HttpRequest, pk: Any) -> Interpellation:
    interpellation = access.get_for_user(request.user, Interpellation, pk, "councillor", change=True)
    access.require(interpellation.is_open)
    return interpellation


interpellation_edit = EDITOR.edit_view(load=_editable)


def _detail(request: HttpRequest, interpellation: Interpellation, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "interpellation": interpellation,
        "can_change": request.user.has_perm(CHANGE) and interpellation.is_open,
        **ACTIONS.context(request, interpellation, bound),
        **record_context(
            request,
            interpellation,
            attach_url=reverse("council:interpellation_attach", args=[interpellation.pk]),
            can_attach=request.user.has_perm(CHANGE),
            attachment_form=(bound or {}).get("attachment_form"),
            with_assignments=True,
        ),
    }
    return render(request, "council/interpellations/detail.html", context)


def _load(request: HttpRequest, pk: Any) -> Interpellation:
    return access.get_for_user(request.user, Interpellation, pk, "councillor", "approved_by")


@require_GET
@login_required
def interpellation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _load(request, pk))


def _can(target: str) -> Any:
    return lambda interpellation: INTERPELLATION_WORKFLOW.can(interpellation.status, target)


def _approver(request: HttpRequest, interpellation: Interpellation) -> dict[str, Any]:
    holder = OfficeHolder.objects.filter(user=request.user, is_active=True).values_list("pk", flat=True).first()
    return {"approved_by": holder}


ACTIONS = ActionSet(
    "interpellation",
    load=_load,
    done_url=services.interpellation_url,
    redisplay=_detail,
    permission=CHANGE,
    actions=[
        Action(
            "forward",
            services.forward,
            ForwardForm,
            when=_can(S.IN_PREPARATION),
            success=gettext_lazy("The interpellation was forwarded."),
        ),
        Action(
            "draft",
            services.submit_draft,
            DraftForm,
            when=_can(S.FOR_APPROVAL),
            initial=lambda request, i: {"text": i.draft_answer},
            success=gettext_lazy("The draft answer was submitted for approval."),
        ),
        Action(
            "approve",
            services.approve,
            ApproveForm,
            permission=access.APPROVE,
            when=lambda i: i.status == S.FOR_APPROVAL,
            initial=_approver,
            success=gettext_lazy("The answer was approved."),
        ),
        Action(
            "send_back",
            services.send_back,
            ReasonForm,
            permission=None,
            allowed=lambda user, i: user.has_perm(access.APPROVE) or user.has_perm(CHANGE),
            when=lambda i: i.status in (S.FOR_APPROVAL, S.APPROVED),
            success=gettext_lazy("The draft was sent back."),
        ),
        Action(
            "answer",
            services.send_answer,
            AnswerForm,
            when=_can(S.ANSWERED),
            success=gettext_lazy("The answer was recorded as sent."),
        ),
        Action(
            "withdraw",
            services.withdraw,
            NoteForm,
            when=_can(S.WITHDRAWN),
            success=gettext_lazy("The interpellation was withdrawn."),
        ),
        attach_action(allowed=lambda user, i: user.has_perm(CHANGE)),
    ],
)


@require_GET
@login_required
@permission_required(VIEW, raise_exception=True)
def statistics(request: HttpRequest) -> HttpResponse:
    this_year = timezone.localdate().year
    asked = request.GET.get("year", "")
    year = int(asked) if asked.isdigit() and 2000 <= int(asked) <= this_year else this_year
    context = {
        "year": year,
        "previous": year - 1 if year > 2000 else None,
        "following": year + 1 if year < this_year else None,
        **services.statistics(year),
    }
    return render(request, "council/interpellations/statistics.html", context)
