"""Every (current, target) pair of the press office's workflows (media_relations/workflows.py),
through the services that move the records: an allowed move succeeds and leaves its event and
audit entry; a forbidden one raises ValidationError — code "forbidden_transition" where the
service asks the Workflow — and leaves the database as it was."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone

from media_relations.models import (
    Channel,
    Inquiry,
    InquiryEvent,
    InquiryStatus,
    Release,
    ReleaseStatus,
    ResponseCase,
    ResponseStatus,
)
from media_relations.services import inquiries as inquiry_services
from media_relations.services import monitoring as monitoring_services
from media_relations.services import releases as release_services
from media_relations.workflows import INQUIRY_WORKFLOW, RELEASE_WORKFLOW, RESPONSE_WORKFLOW
from office.models import AuditEntry
from tests.media_relations.factories import inquiry_in_status, release_in_status, response_in_status
from tests.media_relations.helpers import assert_unchanged, db_state

pytestmark = pytest.mark.django_db
INQ, RESP, REL = InquiryStatus, ResponseStatus, ReleaseStatus

INQUIRY_ALLOWED = {
    (INQ.NEW, INQ.GATHERING_INPUT),
    (INQ.NEW, INQ.DRAFT),
    (INQ.GATHERING_INPUT, INQ.DRAFT),
    (INQ.DRAFT, INQ.APPROVAL),
    (INQ.DRAFT, INQ.EXTENDED),
    (INQ.DRAFT, INQ.REFUSED),
    (INQ.APPROVAL, INQ.ANSWERED),
    (INQ.APPROVAL, INQ.DRAFT),
    (INQ.APPROVAL, INQ.EXTENDED),
    (INQ.APPROVAL, INQ.REFUSED),
    (INQ.EXTENDED, INQ.DRAFT),
    (INQ.EXTENDED, INQ.APPROVAL),
    (INQ.EXTENDED, INQ.ANSWERED),
}
RESPONSE_ALLOWED = {
    (RESP.DRAFT, RESP.SENT),
    (RESP.DRAFT, RESP.CLOSED),
    (RESP.SENT, RESP.PUBLISHED),
    (RESP.SENT, RESP.REFUSED),
    (RESP.SENT, RESP.CLOSED),
    (RESP.PUBLISHED, RESP.CLOSED),
    (RESP.REFUSED, RESP.COURT),
    (RESP.REFUSED, RESP.CLOSED),
    (RESP.COURT, RESP.CLOSED),
}
RELEASE_ALLOWED = {(REL.DRAFT, REL.APPROVAL), (REL.APPROVAL, REL.DRAFT), (REL.APPROVAL, REL.PUBLISHED)}


def _pairs(statuses: list[str]) -> list[tuple[str, str]]:
    return list(itertools.product(statuses, statuses))


@pytest.mark.parametrize(
    ("workflow", "statuses", "allowed"),
    [
        (INQUIRY_WORKFLOW, INQ.values, INQUIRY_ALLOWED),
        (RESPONSE_WORKFLOW, RESP.values, RESPONSE_ALLOWED),
        (RELEASE_WORKFLOW, REL.values, RELEASE_ALLOWED),
    ],
    ids=["inquiry", "response", "release"],
)
def test_the_tables(workflow, statuses, allowed):
    assert {pair for pair in _pairs(statuses) if workflow.can(*pair)} == allowed
    assert set(workflow.transitions) == set(statuses)  # every status has its row


def _status_entry(record: Any) -> list[Any]:
    """The ``status`` change of the record's newest audit entry."""
    entry = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=str(record.pk)
    ).latest("at", "id")
    return entry.changes.get("status")


# --- Press inquiries ----------------------------------------------------------------------------


def _move_inquiry(inquiry: Inquiry, target: str, officer: Any, management: Any) -> Inquiry:
    """The service that moves an inquiry to ``target`` (what the inquiry page's actions call)."""
    if target == INQ.EXTENDED:
        return inquiry_services.extend_deadline(
            actor=officer, inquiry=inquiry, new_due=inquiry.due_on + dt.timedelta(days=5), reason="Dane z wydziałów"
        )
    if target == INQ.REFUSED:
        return inquiry_services.refuse(
            actor=officer,
            inquiry=inquiry,
            refusal_by="Rzecznik Prasowy",
            refusal_on=timezone.localdate(),
            information="Dane osobowe mieszkańców",
            reasons="Ochrona prywatności",
        )
    if target == INQ.ANSWERED:
        if inquiry.status == INQ.APPROVAL:  # an answer is sent once approved
            inquiry = inquiry_services.approve_answer(actor=management, inquiry=inquiry, version=inquiry.version)
        return inquiry_services.send_answer(actor=officer, inquiry=inquiry, channel=Channel.EMAIL)
    # new (no service moves an inquiry back to it), gathering input, draft, approval
    return inquiry_services.move(actor=officer, inquiry=inquiry, target=target)


@pytest.mark.parametrize(("current", "target"), _pairs(INQ.values))
def test_inquiry_transition(officer, management, current, target):
    inquiry = inquiry_in_status(current, officer=officer, approver=management)
    assert inquiry.status == current
    if (current, target) in INQUIRY_ALLOWED:
        moved = _move_inquiry(inquiry, target, officer, management)
        assert moved.status == target and Inquiry.objects.get(pk=inquiry.pk).status == target
        event = InquiryEvent.objects.filter(inquiry=inquiry).latest("id")
        assert (event.from_status, event.to_status) == (current, target)
        assert _status_entry(inquiry) == [current, target]
        return
    before = db_state()
    with pytest.raises(ValidationError) as error:
        _move_inquiry(inquiry, target, officer, management)
    if target == INQ.NEW:
        assert error.value.code is None  # "use the dedicated form": no service moves back to new
    elif (current, target) == (INQ.NEW, INQ.APPROVAL):
        # a new inquiry has no draft (saving one starts it): the service refuses that first
        assert set(error.value.message_dict) == {"draft_text"}
    else:
        assert error.value.code == "forbidden_transition", error.value
    assert_unchanged(before)


def test_a_new_inquiry_with_a_draft_still_cannot_skip_to_approval(officer, management):
    """NEW → APPROVAL is refused by the workflow itself, not only for the missing draft."""
    inquiry = inquiry_in_status(INQ.NEW, officer=officer, approver=management)
    Inquiry.objects.filter(pk=inquiry.pk).update(draft_text="Tekst wpisany poza szkicem.")
    before = db_state()
    with pytest.raises(ValidationError) as error:
        inquiry_services.move(actor=officer, inquiry=inquiry, target=INQ.APPROVAL)
    assert error.value.code == "forbidden_transition"
    assert_unchanged(before)


# --- Responses to publications ------------------------------------------------------------------


def _move_response(case: ResponseCase, target: str, officer: Any) -> ResponseCase:
    today = timezone.localdate()
    if target == RESP.SENT:
        return monitoring_services.mark_sent(actor=officer, case=case, sent_on=today)
    return monitoring_services.record_outcome(actor=officer, case=case, target=target, on=today)


_DATE_OF = {RESP.SENT: "sent_on", RESP.PUBLISHED: "published_on", RESP.REFUSED: "refused_on", RESP.CLOSED: "closed_on"}


@pytest.mark.parametrize(("current", "target"), _pairs(RESP.values))
def test_response_transition(officer, current, target):
    case = response_in_status(current, officer=officer)
    assert case.status == current
    if (current, target) in RESPONSE_ALLOWED:
        moved = _move_response(case, target, officer)
        saved = ResponseCase.objects.get(pk=case.pk)
        assert moved.status == target and saved.status == target
        if target in _DATE_OF:
            assert getattr(saved, _DATE_OF[target]) == timezone.localdate()
        assert _status_entry(case) == [current, target]
        return
    before = db_state()
    with pytest.raises(ValidationError) as error:
        _move_response(case, target, officer)
    assert error.value.code == "forbidden_transition", error.value
    assert_unchanged(before)


# --- Press releases -----------------------------------------------------------------------------


@pytest.mark.parametrize(("current", "target"), _pairs(REL.values))
def test_release_transition(officer, management, current, target):
    release = release_in_status(current, officer=officer, approver=management)
    assert release.status == current
    actor = management if target == REL.PUBLISHED else officer
    if (current, target) in RELEASE_ALLOWED:
        moved = release_services.move_release(actor=actor, release=release, target=target)
        saved = Release.objects.get(pk=release.pk)
        assert moved.status == target and saved.status == target
        if target == REL.PUBLISHED:
            assert saved.published_at is not None and saved.approved_by == management
        assert _status_entry(release) == [current, target]
        return
    before = db_state()
    with pytest.raises(ValidationError) as error:
        release_services.move_release(actor=actor, release=release, target=target)
    assert error.value.code == "forbidden_transition", error.value
    assert_unchanged(before)
