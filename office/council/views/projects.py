"""Projects commissioned by the mayor (milestones, tasks as assignments, progress) and the register
of opinions and studies."""

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
from office.council.forms import MilestoneForm, ProgressForm, ProjectForm, ReachForm, StudyForm, TaskForm
from office.council.models import Project, Study
from office.council.services import projects as services
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, record_context

SUBNAV = "council/_subnav.html"
CHANGE = "council.change_project"


def _loader(model: Any, *related: str, change: bool = False) -> Any:
    return lambda request, pk: access.get_for_user(request.user, model, pk, *related, change=change)


@require_GET
@login_required
@permission_required("council.view_project", raise_exception=True)
def project_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Project.objects.select_related("owner", "commissioned_by").order_by("ends_on", "id"),
        fragment="council/projects/_table.html",
        title=_("Projects commissioned by the mayor"),
        subnav=SUBNAV,
        section="projects",
        links=[
            PageLink(_("Add a project"), reverse("council:project_create"), "council.add_project"),
            PageLink(_("Opinions and studies"), reverse("council:study_list"), "council.view_study"),
        ],
    )


PROJECT_EDITOR = Editor(
    form=ProjectForm,
    save=lambda request, form: services.save_project(
        actor=request.user, project=form.save(commit=False), units=form.cleaned_data["units"]
    ),
    success=gettext_lazy("The project was saved."),
    detail="council:project_detail",
    listing=("council:project_list", gettext_lazy("Projects commissioned by the mayor")),
    titles=(gettext_lazy("Add a project"), gettext_lazy("Change %(record)s")),
)
project_create = PROJECT_EDITOR.create_view(
    permission="council.add_project", new=lambda request: Project(starts_on=timezone.localdate())
)
project_edit = PROJECT_EDITOR.edit_view(load=_loader(Project, change=True))


def _project_page(request: HttpRequest, project: Project, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "project": project,
        "units": project.units.order_by("symbol"),
        "milestones": project.milestones.all(),
        "studies": project.studies.order_by("-ordered_on"),
        "can_change": request.user.has_perm(CHANGE),
        **PROJECT_ACTIONS.context(request, project, bound),
        **record_context(
            request,
            project,
            attach_url=reverse("council:project_attach", args=[project.pk]),
            can_attach=request.user.has_perm(CHANGE),
            attachment_form=(bound or {}).get("attachment_form"),
            with_assignments=True,
        ),
    }
    return render(request, "council/projects/detail.html", context)


@require_GET
@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _project_page(request, access.get_for_user(request.user, Project, pk, "owner", "commissioned_by"))


PROJECT_ACTIONS = ActionSet(
    "project",
    load=_loader(Project, "owner", "commissioned_by"),
    done_url=services.project_url,
    redisplay=_project_page,
    permission=CHANGE,
    actions=[
        Action("milestone", services.add_milestone, MilestoneForm, success=gettext_lazy("The milestone was added.")),
        Action(
            "reach",
            services.reach_milestone,
            ReachForm,
            form_kwargs=lambda request, p: {"project": p},
            when=lambda p: p.milestones.filter(done_on__isnull=True).exists(),
            success=gettext_lazy("The milestone was marked reached."),
        ),
        Action("task", services.hand_out_task, TaskForm, success=gettext_lazy("The task was handed to the unit.")),
        Action(
            "progress",
            services.update_progress,
            ProgressForm,
            initial=lambda request, p: {"status": p.status, "progress": p.progress},
            success=gettext_lazy("The progress was recorded."),
        ),
        attach_action(allowed=lambda user, p: user.has_perm(CHANGE)),
    ],
)


@require_GET
@login_required
@permission_required("council.view_study", raise_exception=True)
def study_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Study.objects.select_related("unit", "project").order_by("-ordered_on", "-id"),
        fragment="council/studies/_table.html",
        title=_("Opinions and studies"),
        subnav=SUBNAV,
        section="projects",
        links=[PageLink(_("Register an opinion or study"), reverse("council:study_create"), "council.add_study")],
    )


STUDY_EDITOR = Editor(
    form=StudyForm,
    save=lambda request, form: services.save_study(actor=request.user, study=form.save(commit=False)),
    success=gettext_lazy("The opinion or study was saved."),
    detail="council:study_detail",
    listing=("council:study_list", gettext_lazy("Opinions and studies")),
    titles=(gettext_lazy("Register an opinion or study"), gettext_lazy("Change %(record)s")),
)
study_create = STUDY_EDITOR.create_view(
    permission="council.add_study", new=lambda request: Study(ordered_on=timezone.localdate())
)
study_edit = STUDY_EDITOR.edit_view(load=_loader(Study, change=True))


def _study_page(request: HttpRequest, study: Study, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "study": study,
        "can_change": request.user.has_perm("council.change_study"),
        **STUDY_ACTIONS.context(request, study, bound),
        **record_context(
            request,
            study,
            attach_url=reverse("council:study_attach", args=[study.pk]),
            can_attach=request.user.has_perm("council.change_study"),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "council/studies/detail.html", context)


@require_GET
@login_required
def study_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _study_page(request, access.get_for_user(request.user, Study, pk, "unit", "project"))


STUDY_ACTIONS = ActionSet(
    "study",
    load=_loader(Study, "unit", "project"),
    done_url=lambda s: reverse("council:study_detail", args=[s.pk]),
    redisplay=_study_page,
    permission="council.change_study",
    actions=[attach_action(allowed=lambda user, s: user.has_perm("council.change_study"))],
)
