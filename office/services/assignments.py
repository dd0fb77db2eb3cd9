"""Assignments: hand a matter to a unit with a deadline, work on it, answer, accept, close.

Every function is keyword-only, runs in a transaction, validates, writes the history and the
audit trail, and enqueues notifications after commit. Who may call which is decided before the
call (``office.access.can_answer`` / ``can_manage``, checked by the views): services trust
their caller.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from office.deadlines import Deadline
from office.models import Assignment, AssignmentEvent, AssignmentStatus, OrgUnit
from office.models.assignments import ISSUER_WORKFLOW, UNIT_WORKFLOW
from office.services import audit


def _notify_unit(assignment_id: int) -> None:
    from office.tasks import notify_assignment_handed_over

    notify_assignment_handed_over.delay(assignment_id)


@transaction.atomic
def hand_over(
    *,
    actor: Any,
    title: str,
    unit: OrgUnit,
    due_date: dt.date | None = None,
    deadline: Deadline | None = None,
    description: str = "",
    assignee: Any = None,
    source: models.Model | None = None,
    source_label: str = "",
    source_url: str = "",
) -> Assignment:
    """Create an assignment for ``unit``, due on ``due_date`` or on a computed ``deadline``.

    ``source`` links it to the record in any app it came from (a meeting decision, a press
    inquiry, ...); the label and URL are kept so lists never load the source records.
    """
    if deadline is None and due_date is None:
        raise ValidationError({"due_date": _("Give a due date.")})
    if not unit.is_active:
        raise ValidationError({"unit": _("This unit is no longer active.")})
    if assignee is not None and assignee.unit_id not in (None, unit.pk):
        raise ValidationError({"assignee": _("The responsible person must belong to the responsible unit.")})
    assignment = Assignment(
        title=title.strip(),
        description=description.strip(),
        unit=unit,
        assignee=assignee,
        created_by=actor,
        due_date=deadline.due if deadline else due_date,
        deadline_rule=deadline.rule_code if deadline else "",
        deadline_basis=deadline.label if deadline else "",
    )
    if source is not None:
        assignment.source_type = ContentType.objects.get_for_model(source)
        assignment.source_id = source.pk
        assignment.source_label = (source_label or str(source))[:255]
        assignment.source_url = source_url
    assignment.full_clean()
    assignment.save()
    AssignmentEvent.objects.create(
        assignment=assignment,
        kind=AssignmentEvent.Kind.CREATED,
        actor=actor,
        to_status=assignment.status,
        text=assignment.description,
    )
    audit.record_create(actor=actor, instance=assignment)
    transaction.on_commit(lambda: _notify_unit(assignment.pk))
    return assignment


TRAIL_FIELDS = ["status", "reply", "unit", "due_date"]


def _transition(
    assignment: Assignment, *, actor: Any, target: str, text: str = "", before: dict[str, Any] | None = None
) -> Assignment:
    before = before or audit.snapshot(assignment, TRAIL_FIELDS)
    previous = assignment.status
    assignment.status = target
    now = timezone.now()
    if target == AssignmentStatus.CLOSED:
        assignment.closed_at = now
    elif previous == AssignmentStatus.CLOSED:
        assignment.closed_at = None
    assignment.save()
    AssignmentEvent.objects.create(
        assignment=assignment,
        kind=AssignmentEvent.Kind.STATUS,
        actor=actor,
        from_status=previous,
        to_status=target,
        text=text,
    )
    audit.record(
        actor=actor,
        instance=assignment,
        action="transition",
        changes=audit.diff(before, audit.snapshot(assignment, before.keys())),
        message=text,
    )
    return assignment


def _locked(assignment: Assignment) -> Assignment:
    return Assignment.objects.select_for_update(of=("self",)).get(pk=assignment.pk)


@transaction.atomic
def start_work(*, actor: Any, assignment: Assignment) -> Assignment:
    """The unit takes the assignment up (new → in progress)."""
    assignment = _locked(assignment)
    UNIT_WORKFLOW.check(assignment.status, AssignmentStatus.IN_PROGRESS)
    return _transition(assignment, actor=actor, target=AssignmentStatus.IN_PROGRESS)


@transaction.atomic
def answer(*, actor: Any, assignment: Assignment, reply: str) -> Assignment:
    """The unit answers: the reply text is kept and the issuer is told."""
    if not reply.strip():
        raise ValidationError({"reply": _("Write the reply.")})
    assignment = _locked(assignment)
    UNIT_WORKFLOW.check(assignment.status, AssignmentStatus.ANSWERED)
    before = audit.snapshot(assignment, TRAIL_FIELDS)
    assignment.reply = reply.strip()
    assignment.answered_at = timezone.now()
    assignment.answered_by = actor
    AssignmentEvent.objects.create(
        assignment=assignment, kind=AssignmentEvent.Kind.REPLY, actor=actor, text=assignment.reply
    )
    _transition(assignment, actor=actor, target=AssignmentStatus.ANSWERED, before=before)
    transaction.on_commit(lambda: _notify_issuer(assignment.pk))
    return assignment


@transaction.atomic
def return_to_issuer(*, actor: Any, assignment: Assignment, reason: str) -> Assignment:
    """The unit returns a matter that is not theirs, with a reason."""
    if not reason.strip():
        raise ValidationError({"text": _("Say why the matter is returned.")})
    assignment = _locked(assignment)
    UNIT_WORKFLOW.check(assignment.status, AssignmentStatus.RETURNED)
    _transition(assignment, actor=actor, target=AssignmentStatus.RETURNED, text=reason.strip())
    transaction.on_commit(lambda: _notify_issuer(assignment.pk))
    return assignment


@transaction.atomic
def decide(*, actor: Any, assignment: Assignment, target: str, text: str = "") -> Assignment:
    """The issuer's side: accept and close, send back for more work, re-send, reopen."""
    assignment = _locked(assignment)
    ISSUER_WORKFLOW.check(assignment.status, target)
    if target == AssignmentStatus.IN_PROGRESS and assignment.status == AssignmentStatus.ANSWERED and not text.strip():
        raise ValidationError({"text": _("Say what is still missing.")})
    return _transition(assignment, actor=actor, target=target, text=text.strip())


@transaction.atomic
def add_note(*, actor: Any, assignment: Assignment, text: str) -> AssignmentEvent:
    """A progress note from the unit or the issuer."""
    if not text.strip():
        raise ValidationError({"text": _("Write the note.")})
    event = AssignmentEvent.objects.create(
        assignment=assignment, kind=AssignmentEvent.Kind.COMMENT, actor=actor, text=text.strip()
    )
    Assignment.objects.filter(pk=assignment.pk).update(updated_at=timezone.now())
    return event


@transaction.atomic
def update_details(
    *,
    actor: Any,
    assignment: Assignment,
    title: str,
    description: str,
    unit: OrgUnit,
    assignee: Any,
    due_date: dt.date,
    reason: str = "",
) -> Assignment:
    """The issuer changes the matter, the unit or the due date; a change of date needs a reason."""
    assignment = _locked(assignment)
    if assignment.status == AssignmentStatus.CLOSED:
        raise ValidationError(_("A closed assignment cannot be changed; reopen it first."))
    before = audit.snapshot(assignment)
    old_due, old_unit = assignment.due_date, assignment.unit_id
    if due_date != old_due and not reason.strip():
        raise ValidationError({"reason": _("Say why the due date changes.")})
    if assignee is not None and assignee.unit_id not in (None, unit.pk):
        raise ValidationError({"assignee": _("The responsible person must belong to the responsible unit.")})
    assignment.title, assignment.description = title.strip(), description.strip()
    assignment.unit, assignment.assignee, assignment.due_date = unit, assignee, due_date
    if due_date != old_due:
        assignment.deadline_rule, assignment.deadline_basis = "", ""
    assignment.full_clean()
    assignment.save()
    if due_date != old_due:
        AssignmentEvent.objects.create(
            assignment=assignment,
            kind=AssignmentEvent.Kind.DUE_CHANGED,
            actor=actor,
            text=f"{old_due:%d.%m.%Y} → {due_date:%d.%m.%Y}: {reason.strip()}",
        )
    if unit.pk != old_unit:
        AssignmentEvent.objects.create(
            assignment=assignment, kind=AssignmentEvent.Kind.REASSIGNED, actor=actor, text=str(unit)
        )
        transaction.on_commit(lambda: _notify_unit(assignment.pk))
    audit.record_update(actor=actor, instance=assignment, before=before, message=reason.strip())
    return assignment


def _notify_issuer(assignment_id: int) -> None:
    from office.tasks import notify_assignment_answered

    notify_assignment_answered.delay(assignment_id)


def claim_reminder(*, assignment_id: int, today: dt.date) -> bool:
    """Mark today's reminder as sent; False when another run already sent it (idempotency)."""
    claimed = Assignment.objects.filter(pk=assignment_id).exclude(last_reminder_on=today).update(last_reminder_on=today)
    if claimed:
        AssignmentEvent.objects.create(assignment_id=assignment_id, kind=AssignmentEvent.Kind.REMINDER)
    return bool(claimed)
