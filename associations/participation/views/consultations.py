"""Public consultations as staff see them: the register, a consultation with its documents and
comments, moderation and answers, the summary and the report (PDF)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from associations.participation import reports
from associations.participation.access import get_for_user, loader, perm
from associations.participation.filters import ConsultationFilter, SubmissionFilter
from associations.participation.forms import AnswerForm, CommentForm, ConsultationForm, ReasonForm, SummaryForm
from associations.participation.models import Consultation, Submission
from associations.participation.services import consultations as services
from associations.participation.views.common import SUBNAV, job_starter, record_page
from associations.participation.workflows import SUBMISSION_WORKFLOW
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page

CHANGE = perm("change", "consultation")
MODERATE = perm("change", "submission")


@require_GET
@login_required
@permission_required(perm("view", "consultation"), raise_exception=True)
def consultation_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=services.with_counts(Consultation.objects.order_by("-starts_on", "-id")),
        filterset_class=ConsultationFilter,
        fragment="participation/consultations/_table.html",
        title=_("Public consultations"),
        filter_label=_("Filter the consultations"),
        links=[
            PageLink(_("New consultation"), reverse("participation:consultation_create"), perm("add", "consultation"))
        ],
        subnav=SUBNAV,
        section="consultations",
    )


CONSULTATION_EDITOR = Editor(
    form=ConsultationForm,
    save=lambda request, form: services.save_consultation(actor=request.user, consultation=form.save(commit=False)),
    success=gettext_lazy("The consultation was saved."),
    detail="participation:consultation_detail",
    listing=("participation:consultation_list", gettext_lazy("Public consultations")),
    titles=(gettext_lazy("New public consultation"), gettext_lazy("Change %(record)s")),
)
consultation_create = CONSULTATION_EDITOR.create_view(
    permission=perm("add", "consultation"), new=lambda request: Consultation()
)
consultation_edit = CONSULTATION_EDITOR.edit_view(load=loader(Consultation.objects.all, "consultation", "change"))


def _consultation_page(
    request: HttpRequest, consultation: Consultation, bound: dict[str, Any] | None = None
) -> HttpResponse:
    return record_page(
        request,
        "participation/consultations/detail.html",
        consultation,
        CONSULTATION_ACTIONS,
        bound,
        name="consultation",
        can_change=request.user.has_perm(CHANGE),
        submissions=list(consultation.submissions.order_by("received_at", "id")),
    )


@require_GET
@login_required
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_for_user(request.user, Consultation.objects.all(), pk, perm("view", "consultation"))
    return _consultation_page(request, consultation)


CONSULTATION_ACTIONS = ActionSet(
    "consultation",
    load=loader(Consultation.objects.all, "consultation"),
    done_url=services.consultation_url,
    redisplay=_consultation_page,
    permission=CHANGE,
    actions=[
        Action(
            "comment",
            services.register_comment,
            CommentForm,
            permission=perm("add", "submission"),
            success=gettext_lazy("The comment was registered; it waits for moderation."),
        ),
        Action(
            "summary",
            services.summarise,
            SummaryForm,
            initial=lambda request, consultation: {"summary": consultation.result_summary},
            success=gettext_lazy("The summary was saved."),
        ),
        Action(
            "report_pdf",
            run=job_starter(
                reports.CONSULTATION_REPORT, gettext_lazy("Consultation report: %(record)s"), "consultation"
            ),
            permission=perm("view", "consultation"),
        ),
        attach_action(allowed=lambda user, consultation: user.has_perm(CHANGE)),
    ],
)


# --- Comments ---------------------------------------------------------------------------------


def _submissions() -> Any:
    return Submission.objects.select_related("consultation", "moderated_by")


@require_GET
@login_required
@permission_required(perm("view", "submission"), raise_exception=True)
def submission_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=_submissions().order_by("-received_at", "-id"),
        filterset_class=SubmissionFilter,
        fragment="participation/consultations/_submissions.html",
        title=_("Consultation comments"),
        filter_label=_("Filter the comments"),
        subnav=SUBNAV,
        section="comments",
    )


def _submission_page(request: HttpRequest, submission: Submission, bound: dict[str, Any] | None = None) -> HttpResponse:
    return record_page(
        request,
        "participation/consultations/submission.html",
        submission,
        SUBMISSION_ACTIONS,
        bound,
        name="submission",
        can_change=request.user.has_perm(MODERATE),
    )


@require_GET
@login_required
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _submission_page(request, get_for_user(request.user, _submissions(), pk, perm("view", "submission")))


def _can(target: str) -> Any:
    return lambda submission: SUBMISSION_WORKFLOW.can(submission.status, target)


SUBMISSION_ACTIONS = ActionSet(
    "submission",
    load=loader(_submissions, "submission"),
    done_url=services.submission_url,
    redisplay=_submission_page,
    permission=MODERATE,
    actions=[
        Action("publish", services.publish, when=_can("published"), success=gettext_lazy("The comment is published.")),
        Action(
            "reject", services.reject, ReasonForm, when=_can("rejected"), success=gettext_lazy("The comment is hidden.")
        ),
        Action(
            "answer",
            services.answer,
            AnswerForm,
            initial=lambda request, submission: {"answer": submission.answer},
            success=gettext_lazy("The answer was saved."),
        ),
        attach_action(allowed=lambda user, submission: user.has_perm(MODERATE)),
    ],
)
