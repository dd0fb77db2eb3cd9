"""Projects commissioned by the mayor: the project with its units, milestones, tasks handed to units
as office Assignments (source: the project), progress; the register of opinions and studies."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from office.council.models import Milestone, Project, ProjectStatus, Study
from office.models import Assignment, OrgUnit
from office.services import assignments as assignment_services
from office.services import audit


def project_url(project: Project) -> str:
    return reverse("council:project_detail", args=[project.pk])


@transaction.atomic
def save_project(*, actor: Any, project: Project, units: Any = None) -> Project:
    if project.starts_on and project.ends_on and project.ends_on < project.starts_on:
        raise ValidationError({"ends_on": _("A project ends after it starts.")})
    if project.status == ProjectStatus.DONE:
        project.progress = 100
    if project.pk is None:
        project.created_by = actor
    project.title = project.title.strip()
    return audit.save_record(actor=actor, record=project, related={"units": units})


@transaction.atomic
def add_milestone(*, actor: Any, project: Project, title: str, due_on: dt.date) -> Milestone:
    if not project.starts_on <= due_on <= project.ends_on:
        raise ValidationError({"due_on": _("A milestone falls within the project.")})
    milestone = Milestone.objects.create(project=project, title=title.strip(), due_on=due_on)
    audit.record_create(actor=actor, instance=milestone)
    return milestone


@transaction.atomic
def reach_milestone(*, actor: Any, project: Project, milestone: Milestone, done_on: dt.date) -> Milestone:
    if milestone.project_id != project.pk:
        raise ValidationError({"milestone": _("Choose a milestone of this project.")})
    if done_on > timezone.localdate() or done_on < project.starts_on:
        raise ValidationError({"done_on": _("Give a day between the project's start and today.")})
    before = audit.snapshot(milestone, ["done_on"])
    milestone.done_on = done_on
    milestone.save(update_fields=["done_on"])
    audit.record_update(actor=actor, instance=milestone, before=before)
    return milestone


@transaction.atomic
def hand_out_task(
    *, actor: Any, project: Project, title: str, unit: OrgUnit, due_date: dt.date, description: str = ""
) -> Assignment:
    """A task of the project handed to a unit: an office Assignment whose source is the project."""
    if due_date < timezone.localdate():
        raise ValidationError({"due_date": _("The due date cannot be in the past.")})
    return assignment_services.hand_over(
        actor=actor,
        title=title.strip(),
        unit=unit,
        due_date=due_date,
        description=description.strip(),
        source=project,
        source_label=str(project),
        source_url=project_url(project),
    )


@transaction.atomic
def update_progress(*, actor: Any, project: Project, status: str, progress: int) -> Project:
    project = Project.objects.select_for_update(of=("self",)).get(pk=project.pk)
    if status == ProjectStatus.DONE:
        progress = 100
    before = audit.snapshot(project, ["status", "progress"])
    project.status, project.progress = status, progress
    project.save(update_fields=["status", "progress", "updated_at"])
    audit.record_update(actor=actor, instance=project, before=before)
    return project


@transaction.atomic
def save_study(*, actor: Any, study: Study) -> Study:
    if study.delivered_on and study.ordered_on and study.delivered_on < study.ordered_on:
        raise ValidationError({"delivered_on": _("A study is delivered after it was ordered.")})
    for name in ("ordered_on", "delivered_on"):
        if getattr(study, name) and getattr(study, name) > timezone.localdate():
            raise ValidationError({name: _("The date cannot be in the future.")})
    return audit.save_record(actor=actor, record=study)
