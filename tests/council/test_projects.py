"""Projects commissioned by the mayor: milestones within the project, tasks as Assignments whose
source is the project, progress (completed is 100 %); the register of opinions and studies."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from office.council import contributions
from office.council.services import projects as services
from office.models import Assignment
from tests.council import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(persona: Any) -> Any:
    return persona("council_officer")


def test_milestones_tasks_and_progress(officer: Any) -> None:
    project = factories.project(officer)
    with pytest.raises(ValidationError):
        services.add_milestone(
            actor=officer, project=project, title="Poza", due_on=project.ends_on + dt.timedelta(days=1)
        )
    milestone = services.add_milestone(actor=officer, project=project, title="Koncepcja", due_on=timezone.localdate())
    services.reach_milestone(actor=officer, project=project, milestone=milestone, done_on=timezone.localdate())
    task = services.hand_out_task(
        actor=officer, project=project, title="Harmonogram", unit=factories.unit("WE"), due_date=timezone.localdate()
    )
    assert Assignment.objects.get(pk=task.pk).source == project
    with pytest.raises(ValidationError):
        services.hand_out_task(
            actor=officer,
            project=project,
            title="x",
            unit=factories.unit(),
            due_date=timezone.localdate() - dt.timedelta(days=1),
        )
    project = services.update_progress(actor=officer, project=project, status="done", progress=40)
    assert project.progress == 100
    assert contributions.projects_widget(officer).items == []


def test_studies(officer: Any) -> None:
    with pytest.raises(ValidationError):
        factories.study(officer, delivered_on=timezone.localdate() - dt.timedelta(days=20))
    study = factories.study(officer, summary="Wnioski")
    assert contributions.search_studies(officer, query=study.title)[0].title == study.title
