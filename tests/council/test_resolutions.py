"""Resolutions (a resolution tasking the mayor becomes an Assignment; reports; repeal), the mayor's
draft resolutions with the 7-days-before-session deadline (a late filing flagged), and the request
for an extraordinary session (its letter, the 7-day date, tracked to the session)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from office.council import contributions
from office.council.models import RequestStatus, ResolutionStatus
from office.council.services import resolutions as services
from office.models import Assignment, AssignmentStatus
from tests.council import factories
from tests.utils import client_for, messages_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(persona: Any) -> Any:
    return persona("council_officer")


def test_a_resolution_tasking_the_mayor_becomes_an_assignment(officer: Any) -> None:
    resolution = factories.resolution(officer, tasks_mayor=True)
    assignment = Assignment.objects.get(pk=resolution.assignment_id)
    assert assignment.unit == resolution.unit and assignment.due_date == resolution.due_on
    assert assignment.source == resolution
    services.save_resolution(actor=officer, resolution=resolution)  # saved again: not handed over twice
    assert Assignment.objects.filter(source_id=resolution.pk, title__contains=resolution.number).count() == 1
    services.report(actor=officer, resolution=resolution, reported_on=timezone.localdate(), text="Część.")
    services.report(actor=officer, resolution=resolution, reported_on=timezone.localdate(), text="Całość.", final=True)
    resolution.refresh_from_db()
    assert resolution.status == ResolutionStatus.CARRIED_OUT and resolution.reports.count() == 2
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.CLOSED
    with pytest.raises(ValidationError):
        services.report(actor=officer, resolution=resolution, reported_on=timezone.localdate(), text="Znowu.")


def test_resolution_checks(officer: Any) -> None:
    with pytest.raises(ValidationError) as error:
        factories.resolution(officer, tasks_mayor=True, unit=None)
    assert "unit" in error.value.message_dict
    with pytest.raises(ValidationError):
        factories.resolution(officer, due_on=timezone.localdate() - dt.timedelta(days=30))
    with pytest.raises(ValidationError):
        factories.resolution(officer, adopted_on=timezone.localdate() + dt.timedelta(days=1))
    resolution = factories.resolution(officer)
    with pytest.raises(ValidationError):
        services.report(
            actor=officer, resolution=resolution, reported_on=resolution.adopted_on - dt.timedelta(days=1), text="x"
        )
    with pytest.raises(ValidationError):
        services.repeal(actor=officer, resolution=resolution, text="")
    services.repeal(actor=officer, resolution=resolution, text="Uchwała nr XXI/500/2026")
    resolution.refresh_from_db()
    assert resolution.status == ResolutionStatus.REPEALED


def test_overdue_resolutions_in_the_digest(officer: Any) -> None:
    late = factories.resolution(
        officer,
        adopted_on=timezone.localdate() - dt.timedelta(days=90),
        due_on=timezone.localdate() - dt.timedelta(days=1),
    )
    factories.resolution(officer)
    assert [item.url for item in contributions.digest_resolutions(officer).items] == [
        reverse("council:resolution_detail", args=[late.pk])
    ]
    assert contributions.search_resolutions(officer, query=late.number)[0].url.endswith(f"/{late.pk}/")


def test_a_draft_is_filed_seven_days_before_the_session(officer: Any) -> None:
    session = factories.session(officer, days=20)
    draft = factories.draft(officer, session=session)
    assert draft.latest_on == session.day - dt.timedelta(days=7) and "art. 20" in draft.filing_rule
    services.file_draft(actor=officer, draft=draft, filed_on=timezone.localdate())
    draft.refresh_from_db()
    assert draft.is_filed and not draft.is_late
    with pytest.raises(ValidationError):
        services.file_draft(actor=officer, draft=draft, filed_on=timezone.localdate())


def test_a_draft_filed_later_is_flagged_with_a_clear_message(officer: Any) -> None:
    session = factories.session(officer, days=3)
    draft = factories.draft(officer, session=session)
    with override("en"):
        response = client_for(officer).post(
            reverse("council:draft_file", args=[draft.pk]),
            {"file-filed_on": timezone.localdate().isoformat()},
            follow=True,
        )
    draft.refresh_from_db()
    assert draft.is_late
    # a warning naming the day it was filed and the last day (7 days before the session)
    latest = draft.latest_on.strftime("%d.%m.%Y")
    assert any(
        latest in message and draft.filed_on.strftime("%d.%m.%Y") in message for message in messages_of(response)
    )
    with pytest.raises(ValidationError):  # never after the session
        services.file_draft(
            actor=officer,
            draft=factories.draft(officer, session=factories.session(officer, days=-2)),
            filed_on=timezone.localdate(),
        )


def test_an_extraordinary_session_requested_by_letter_and_tracked(officer: Any) -> None:
    template = factories.request_template(officer)
    draft = factories.draft(officer, session=None)
    request = factories.extraordinary_request(officer, drafts=[draft])
    assert list(request.drafts.all()) == [draft]
    sent_on = timezone.localdate() - dt.timedelta(days=2)
    services.send_request(
        actor=officer, request=request, template=template, filed_on=sent_on, signatory=factories.mayor()
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.SENT and request.hold_by == sent_on + dt.timedelta(days=7)
    body = request.letter.body.replace("\xa0", " ")
    assert request.letter.sign and "2. Zmiany w budżecie" in body
    assert "Projekt uchwały w sprawie zmian w budżecie" in body
    with pytest.raises(ValidationError):
        services.send_request(
            actor=officer, request=request, template=template, filed_on=sent_on, signatory=factories.mayor()
        )
    with pytest.raises(ValidationError):
        services.link_session(actor=officer, request=request, session=factories.session(officer, days=3))
    session = factories.session(officer, days=3, kind="extraordinary")
    services.link_session(actor=officer, request=request, session=session)
    request.refresh_from_db()
    draft.refresh_from_db()
    assert request.status == RequestStatus.CONVENED and request.held_in_time and draft.session == session


def test_a_request_needs_an_agenda(officer: Any) -> None:
    with pytest.raises(ValidationError) as error:
        factories.extraordinary_request(officer, agenda=" \n ")
    assert "agenda" in error.value.message_dict


def test_the_widget_counts_the_drafts_of_the_next_session(officer: Any) -> None:
    session = factories.session(officer, days=20)
    factories.draft(officer, session=session)
    item = contributions.next_session(officer).items[0]
    assert item.is_warning and "0" in item.meta
