"""The citizen budget as staff see it: editions (timetable, districts, paper ballots, results)
and projects (verification by the units, appeals, realisation)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from associations.participation.access import get_for_user, loader, perm
from associations.participation.filters import ProjectFilter
from associations.participation.forms import (
    AppealDecisionForm,
    AppealForm,
    DistrictForm,
    EditionForm,
    NoteForm,
    OutcomeForm,
    PaperVoteForm,
    ProjectForm,
    RealisationForm,
    VerificationForm,
)
from associations.participation.models import Edition, Project, ProjectStatus
from associations.participation.services import budget as services
from associations.participation.views.common import SUBNAV, record_page
from associations.participation.workflows import PROJECT_WORKFLOW
from office.access import require
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page

EDITION_CHANGE = perm("change", "edition")
PROJECT_CHANGE = perm("change", "project")


@require_GET
@login_required
@permission_required(perm("view", "edition"), raise_exception=True)
def edition_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Edition.objects.annotate(project_count=Count("projects", distinct=True)).order_by("-year"),
        fragment="participation/budget/_editions.html",
        title=_("Citizen budget"),
        links=[PageLink(_("New edition"), reverse("participation:edition_create"), perm("add", "edition"))],
        subnav=SUBNAV,
        section="budget",
    )


EDITION_EDITOR = Editor(
    form=EditionForm,
    save=lambda request, form: services.save_edition(actor=request.user, edition=form.save(commit=False)),
    success=gettext_lazy("The edition was saved."),
    detail="participation:edition_detail",
    listing=("participation:edition_list", gettext_lazy("Citizen budget")),
    titles=(gettext_lazy("New citizen budget edition"), gettext_lazy("Change %(record)s")),
)
edition_create = EDITION_EDITOR.create_view(permission=perm("add", "edition"), new=lambda request: Edition())
edition_edit = EDITION_EDITOR.edit_view(load=loader(Edition.objects.all, "edition", "change"))


def _districts(edition: Edition) -> Any:
    return edition.districts.annotate(
        project_count=Count("projects"),
        admitted_count=Count("projects", filter=Q(projects__status=ProjectStatus.ADMITTED)),
    ).order_by("order", "name")


def _edition_page(request: HttpRequest, edition: Edition, bound: dict[str, Any] | None = None) -> HttpResponse:
    return record_page(
        request,
        "participation/budget/edition.html",
        edition,
        EDITION_ACTIONS,
        bound,
        name="edition",
        can_change=request.user.has_perm(EDITION_CHANGE),
        districts=list(_districts(edition)),
        vote_count=edition.votes.count(),
    )


@require_GET
@login_required
def edition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _edition_page(request, get_for_user(request.user, Edition.objects.all(), pk, perm("view", "edition")))


@require_GET
@login_required
def edition_results(request: HttpRequest, pk: int) -> HttpResponse:
    edition = get_for_user(request.user, Edition.objects.all(), pk, perm("view", "edition"))
    context = {"edition": edition, "results": services.compute_results(edition), "vote_count": edition.votes.count()}
    return render(request, "participation/budget/results.html", context)


def _paper_vote(request: HttpRequest, edition: Edition, data: dict[str, Any]) -> Any:
    return services.cast_vote(
        edition=edition, pesel=data["pesel"], projects=data["projects"], channel="paper", actor=request.user
    )


EDITION_ACTIONS = ActionSet(
    "edition",
    load=loader(Edition.objects.all, "edition"),
    done_url=services.edition_url,
    redisplay=_edition_page,
    permission=EDITION_CHANGE,
    actions=[
        Action("district", services.add_district, DistrictForm, success=gettext_lazy("The district was added.")),
        Action(
            "paper_vote",
            run=_paper_vote,
            form=PaperVoteForm,
            form_kwargs=lambda request, edition: {"edition": edition},
            when=lambda edition: not edition.has_results,
            success=gettext_lazy("The paper ballot was counted."),
        ),
        Action(
            "publish_results",
            services.publish_results,
            when=lambda edition: not edition.has_results,
            success=gettext_lazy("The results were published."),
        ),
        attach_action(allowed=lambda user, edition: user.has_perm(EDITION_CHANGE)),
    ],
)


# --- Projects ---------------------------------------------------------------------------------


def _projects() -> Any:
    return Project.objects.select_related("edition", "district", "formal_check__unit", "merit_check__unit")


@require_GET
@login_required
@permission_required(perm("view", "project"), raise_exception=True)
def project_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Project.objects.select_related("edition", "district").order_by("-edition__year", "number"),
        filterset_class=ProjectFilter,
        fragment="participation/budget/_projects.html",
        title=_("Citizen budget projects"),
        filter_label=_("Filter the projects"),
        links=[
            PageLink(_("Register a paper submission"), reverse("participation:project_create"), perm("add", "project"))
        ],
        subnav=SUBNAV,
        section="projects",
    )


def _save_project(request: HttpRequest, form: ProjectForm) -> Project:
    project, supporters = form.save(commit=False), form.cleaned_data["supporters_text"]
    if project.pk:
        return services.update_project(actor=request.user, project=project, supporters=supporters)
    return services.register_project(actor=request.user, project=project, supporters=supporters)


PROJECT_EDITOR = Editor(
    form=ProjectForm,
    save=_save_project,
    success=gettext_lazy("The project was saved."),
    detail="participation:project_detail",
    listing=("participation:project_list", gettext_lazy("Citizen budget projects")),
    titles=(gettext_lazy("Register a citizen budget project"), gettext_lazy("Change %(record)s")),
)
project_create = PROJECT_EDITOR.create_view(permission=perm("add", "project"), new=lambda request: Project())


def _editable(request: HttpRequest, pk: Any) -> Project:
    project = get_for_user(request.user, _projects(), pk, PROJECT_CHANGE)
    require(project.status in (ProjectStatus.SUBMITTED, ProjectStatus.VERIFICATION))
    return project


project_edit = PROJECT_EDITOR.edit_view(load=_editable)


def _project_page(request: HttpRequest, project: Project, bound: dict[str, Any] | None = None) -> HttpResponse:
    return record_page(
        request,
        "participation/budget/project.html",
        project,
        PROJECT_ACTIONS,
        bound,
        name="project",
        can_change=request.user.has_perm(PROJECT_CHANGE),
        with_assignments=True,
        editable=project.status in (ProjectStatus.SUBMITTED, ProjectStatus.VERIFICATION),
    )


@require_GET
@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _project_page(request, get_for_user(request.user, _projects(), pk, perm("view", "project")))


def _can(target: str) -> Any:
    return lambda project: PROJECT_WORKFLOW.can(project.status, target)


def _verify_initial(request: HttpRequest, project: Project) -> dict[str, Any]:
    return {"due_date": project.edition.verification_to}


PROJECT_ACTIONS = ActionSet(
    "project",
    load=loader(_projects, "project"),
    done_url=services.project_url,
    redisplay=_project_page,
    permission=PROJECT_CHANGE,
    actions=[
        Action(
            "verify",
            services.hand_out_verification,
            VerificationForm,
            when=_can(ProjectStatus.VERIFICATION),
            initial=_verify_initial,
            success=gettext_lazy("The project was handed to the units for verification."),
        ),
        Action(
            "outcome",
            services.record_verification,
            OutcomeForm,
            when=lambda project: project.status == ProjectStatus.VERIFICATION,
            success=gettext_lazy("The result of the verification was recorded."),
        ),
        Action(
            "appeal",
            services.file_appeal,
            AppealForm,
            when=_can(ProjectStatus.APPEALED),
            success=gettext_lazy("The appeal was registered."),
        ),
        Action(
            "appeal_decide",
            services.decide_appeal,
            AppealDecisionForm,
            when=lambda project: project.status == ProjectStatus.APPEALED,
            success=gettext_lazy("The decision on the appeal was recorded."),
        ),
        Action(
            "withdraw",
            services.withdraw,
            NoteForm,
            when=_can(ProjectStatus.WITHDRAWN),
            success=gettext_lazy("The project was withdrawn."),
        ),
        Action(
            "realisation",
            services.update_realisation,
            RealisationForm,
            when=lambda project: project.is_funded,
            initial=lambda request, p: {
                "realisation": p.realisation,
                "progress": p.progress,
                "note": p.realisation_note,
            },
            success=gettext_lazy("The realisation was updated."),
        ),
        attach_action(allowed=lambda user, project: user.has_perm(PROJECT_CHANGE)),
    ],
)
