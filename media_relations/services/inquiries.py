"""Press inquiries: intake, statutory deadline, input from units, draft with lost-update
protection, approval, answer, extension, refusal, quote authorisations.

Deadlines come from the office rules table: ``PRESS_INFO_ANSWER`` (press law art. 4 via art.
3a) or the core's ``CoreRules.UDIP_ANSWER`` (public information), the extension cap ``CoreRules.UDIP_EXTENSION_CAP``
and the written refusal ``PRESS_REFUSAL_WRITTEN``; quotes ``QUOTE_AUTHORISATION_DAILY``/``_PERIODICAL``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from media_relations.deadlines import PressRules
from media_relations.models import (
    Channel,
    Inquiry,
    InquiryEvent,
    InquiryStatus,
    Journalist,
    LegalBasis,
    Outlet,
    OutletKind,
    Publication,
    QuoteAuthorisation,
)
from media_relations.services.directory import current_employment, save_journalist
from media_relations.workflows import DRAFT_EDITABLE, INQUIRY_WORKFLOW
from office.contributions import RuleSpec
from office.deadline_rules import CoreRules
from office.deadlines import Deadline, compute_deadline
from office.models import Assignment, OrgUnit
from office.services import assignments, audit

RULE_BY_BASIS = {
    LegalBasis.PRESS_INFORMATION: PressRules.PRESS_INFO_ANSWER,
    LegalBasis.PUBLIC_INFORMATION: CoreRules.UDIP_ANSWER,
}

TRAIL_FIELDS = ["status", "due_on", "approved_version", "answer_text", "answered_at", "refusal_reasons"]


class DraftConflict(Exception):
    """Someone saved the draft after the user started editing: nothing was overwritten."""

    def __init__(self, *, current_text: str, current_version: int, yours: str) -> None:
        super().__init__("draft conflict")
        self.current_text = current_text
        self.current_version = current_version
        self.yours = yours


def statutory_deadline(*, legal_basis: str, received_at: dt.datetime) -> Deadline:
    return compute_deadline(RULE_BY_BASIS[legal_basis], received_at)


def extension_cap(inquiry: Inquiry) -> dt.date:
    """The latest date an extension may set: two months from receipt (UDIP art. 13 ust. 2)."""
    return compute_deadline(CoreRules.UDIP_EXTENSION_CAP, inquiry.received_at).due


def inquiry_url(inquiry: Inquiry) -> str:
    return reverse("media_relations:inquiry_detail", args=[inquiry.pk])


def _event(inquiry: Inquiry, kind: str, actor: Any, text: str = "", **statuses: str) -> InquiryEvent:
    return InquiryEvent.objects.create(inquiry=inquiry, kind=kind, actor=actor, text=text, **statuses)


def _locked(inquiry: Inquiry) -> Inquiry:
    return Inquiry.objects.select_for_update(of=("self",)).get(pk=inquiry.pk)


@transaction.atomic
def register_inquiry(
    *,
    actor: Any,
    subject: str,
    questions: str,
    legal_basis: str,
    journalist: Journalist | None = None,
    new_journalist_name: str = "",
    new_journalist_outlet: Outlet | None = None,
    new_journalist_email: str = "",
    new_journalist_phone: str = "",
    channel: str = Channel.PHONE,
    received_at: dt.datetime | None = None,
    journalist_deadline: dt.datetime | None = None,
    topic: str = "",
    officer: Any = None,
) -> Inquiry:
    """Register an inquiry: an existing journalist, or a new one created in place (name + outlet)."""
    received_at = received_at or timezone.now()
    if received_at > timezone.now() + dt.timedelta(minutes=5):
        raise ValidationError({"received_at": _("The inquiry cannot be received in the future.")})
    if journalist is None:
        if not new_journalist_name.strip():
            raise ValidationError({"journalist": _("Choose a journalist or give the name of a new one.")})
        journalist = save_journalist(
            actor=actor,
            journalist=Journalist(
                name=new_journalist_name, email=new_journalist_email.strip(), phone=new_journalist_phone.strip()
            ),
            outlet=new_journalist_outlet,
        )
    if legal_basis not in RULE_BY_BASIS:
        raise ValidationError({"legal_basis": _("Choose the legal basis.")})
    if not questions.strip():
        raise ValidationError({"questions": _("Write down the questions.")})
    employment = current_employment(journalist)
    deadline = statutory_deadline(legal_basis=legal_basis, received_at=received_at)
    inquiry = Inquiry(
        journalist=journalist,
        outlet=employment.outlet if employment else new_journalist_outlet,
        subject=subject.strip() or questions.strip()[:80],
        topic=topic.strip(),
        channel=channel,
        received_at=received_at,
        questions=questions.strip(),
        journalist_deadline=journalist_deadline,
        legal_basis=legal_basis,
        statutory_due_on=deadline.due,
        due_on=deadline.due,
        deadline_rule=deadline.rule_code,
        deadline_name=deadline.rule_name,
        deadline_basis=deadline.basis,
        officer=officer or actor,
        created_by=actor,
    )
    inquiry.full_clean()
    inquiry.save()
    _event(inquiry, InquiryEvent.Kind.CREATED, actor, to_status=inquiry.status)
    audit.record_create(actor=actor, instance=inquiry)
    return inquiry


def _transition(
    inquiry: Inquiry, *, actor: Any, target: str, kind: str = InquiryEvent.Kind.STATUS, text: str = ""
) -> Inquiry:
    INQUIRY_WORKFLOW.check(inquiry.status, target)
    before = audit.snapshot(inquiry, TRAIL_FIELDS)
    previous = inquiry.status
    inquiry.status = target
    inquiry.save()
    _event(inquiry, kind, actor, text, from_status=previous, to_status=target)
    audit.record(
        actor=actor,
        instance=inquiry,
        action="transition",
        changes=audit.diff(before, audit.snapshot(inquiry, TRAIL_FIELDS)),
        message=text[:500],
    )
    return inquiry


@transaction.atomic
def move(*, actor: Any, inquiry: Inquiry, target: str, text: str = "") -> Inquiry:
    """The plain moves: start gathering input, start the draft, submit for approval, send back."""
    inquiry = _locked(inquiry)
    if target not in (InquiryStatus.GATHERING_INPUT, InquiryStatus.DRAFT, InquiryStatus.APPROVAL):
        raise ValidationError(_("Use the dedicated form for this step."))
    if target == InquiryStatus.APPROVAL and not inquiry.draft_text.strip():
        raise ValidationError({"draft_text": _("Write the draft answer before asking for approval.")})
    if target == InquiryStatus.DRAFT and inquiry.status == InquiryStatus.APPROVAL:
        inquiry.approved_version = None
    return _transition(inquiry, actor=actor, target=target, text=text)


@transaction.atomic
def request_input(
    *, actor: Any, inquiry: Inquiry, unit: OrgUnit, due_date: dt.date, question: str, assignee: Any = None
) -> Assignment:
    """Ask a unit for input through the office assignment mechanism (the liaison answers in /inbox/)."""
    inquiry = _locked(inquiry)
    if not inquiry.is_open:
        raise ValidationError(_("The inquiry is closed; no more input can be requested."))
    if due_date < timezone.localdate():
        raise ValidationError({"due_date": _("The due date cannot be in the past.")})
    if due_date > inquiry.due_on:
        raise ValidationError(
            {
                "due_date": _("The unit must answer by the answer deadline (%(day)s).")
                % {"day": inquiry.due_on.strftime("%d.%m.%Y")}
            }
        )
    assignment = assignments.hand_over(
        actor=actor,
        title=_("Input for a press answer: %(subject)s") % {"subject": inquiry.subject},
        unit=unit,
        due_date=due_date,
        description=question,
        assignee=assignee,
        source=inquiry,
        source_label=_("Press inquiry: %(subject)s") % {"subject": inquiry.subject},
        source_url=inquiry_url(inquiry),
    )
    _event(inquiry, InquiryEvent.Kind.INPUT_REQUESTED, actor, f"{unit.symbol}: {question.strip()}")
    if inquiry.status == InquiryStatus.NEW:
        _transition(inquiry, actor=actor, target=InquiryStatus.GATHERING_INPUT)
    return assignment


def input_requests(inquiry: Inquiry) -> list[Assignment]:
    from django.contrib.contenttypes.models import ContentType

    return list(
        Assignment.objects.filter(source_type=ContentType.objects.get_for_model(Inquiry), source_id=inquiry.pk)
        .select_related("unit", "answered_by")
        .order_by("created_at", "id")
    )


@transaction.atomic
def save_draft(*, actor: Any, inquiry: Inquiry, text: str, base_version: int) -> Inquiry:
    """Save the draft answer if nobody saved it since ``base_version``; else raise DraftConflict.

    A change after approval withdraws the approval (the approver approved another text).
    """
    inquiry = _locked(inquiry)
    if inquiry.status not in DRAFT_EDITABLE:
        raise ValidationError(_("The answer can no longer be changed."))
    if inquiry.version != base_version:
        raise DraftConflict(current_text=inquiry.draft_text, current_version=inquiry.version, yours=text)
    if text.strip() == inquiry.draft_text.strip():
        return inquiry
    inquiry.draft_text = text.strip()
    inquiry.version += 1
    inquiry.save(update_fields=["draft_text", "version", "updated_at"])
    _event(inquiry, InquiryEvent.Kind.DRAFT, actor, _("Version %(n)d") % {"n": inquiry.version})
    audit.record(actor=actor, instance=inquiry, action="update", message=audit.note(gettext_noop("Draft answer saved")))
    if inquiry.status == InquiryStatus.NEW:
        _transition(inquiry, actor=actor, target=InquiryStatus.DRAFT)
    return inquiry


@transaction.atomic
def approve_answer(*, actor: Any, inquiry: Inquiry, version: int) -> Inquiry:
    """The spokesperson (the caller holds approve_answer) approves the draft in the version they read."""
    inquiry = _locked(inquiry)
    if inquiry.status != InquiryStatus.APPROVAL:
        raise ValidationError(_("Only an answer awaiting approval can be approved."))
    if version != inquiry.version:
        raise ValidationError(_("The draft changed while you were reading it; read it again."))
    inquiry.approved_version = inquiry.version
    inquiry.approved_by = actor
    inquiry.approved_at = timezone.now()
    inquiry.save(update_fields=["approved_version", "approved_by", "approved_at", "updated_at"])
    _event(inquiry, InquiryEvent.Kind.APPROVED, actor, _("Version %(n)d") % {"n": inquiry.version})
    audit.record(actor=actor, instance=inquiry, action="update", message=audit.note(gettext_noop("Answer approved")))
    return inquiry


@transaction.atomic
def send_answer(*, actor: Any, inquiry: Inquiry, channel: str, sent_at: dt.datetime | None = None) -> Inquiry:
    """Record the approved answer as sent to the journalist."""
    inquiry = _locked(inquiry)
    INQUIRY_WORKFLOW.check(inquiry.status, InquiryStatus.ANSWERED)
    if not inquiry.is_approved:
        raise ValidationError(_("The answer must be approved in its current version before it is sent."))
    sent_at = sent_at or timezone.now()
    if sent_at < inquiry.received_at:
        raise ValidationError({"sent_at": _("The answer cannot be sent before the inquiry was received.")})
    inquiry.answer_text = inquiry.draft_text
    inquiry.answer_channel = channel
    inquiry.answered_at = sent_at
    return _transition(
        inquiry,
        actor=actor,
        target=InquiryStatus.ANSWERED,
        kind=InquiryEvent.Kind.ANSWERED,
        text=inquiry.get_answer_channel_display(),
    )


@transaction.atomic
def extend_deadline(
    *, actor: Any, inquiry: Inquiry, new_due: dt.date, reason: str, notified_at: dt.datetime | None = None
) -> Inquiry:
    """Notice to the journalist with a new date: after the current deadline, at most two months from receipt."""
    inquiry = _locked(inquiry)
    INQUIRY_WORKFLOW.check(inquiry.status, InquiryStatus.EXTENDED)
    cap = extension_cap(inquiry)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the delay; the journalist must be told it.")})
    if new_due <= inquiry.due_on:
        raise ValidationError({"new_due": _("The new date must be later than the current deadline.")})
    if new_due > cap:
        raise ValidationError(
            {
                "new_due": _("The new date may be at most two months from receipt: %(day)s.")
                % {"day": cap.strftime("%d.%m.%Y")}
            }
        )
    inquiry.due_on = new_due
    inquiry.extension_reason = reason.strip()
    inquiry.extension_notified_at = notified_at or timezone.now()
    return _transition(
        inquiry,
        actor=actor,
        target=InquiryStatus.EXTENDED,
        kind=InquiryEvent.Kind.EXTENDED,
        text=f"{new_due:%d.%m.%Y}: {reason.strip()}",
    )


@transaction.atomic
def refuse(
    *,
    actor: Any,
    inquiry: Inquiry,
    refusal_by: str,
    refusal_on: dt.date,
    information: str,
    reasons: str,
) -> Inquiry:
    """Refuse the information; the written form names the refusing body, date, outlet, information, reasons."""
    inquiry = _locked(inquiry)
    INQUIRY_WORKFLOW.check(inquiry.status, InquiryStatus.REFUSED)
    errors = {}
    for field, value, message in (
        ("refusal_by", refusal_by, _("Name the refusing body or person.")),
        ("information", information, _("Say which information is refused.")),
        ("reasons", reasons, _("Give the reasons.")),
    ):
        if not value.strip():
            errors[field] = message
    if inquiry.outlet_id is None:
        errors["__all__"] = _("The refusal must name the outlet: set the journalist's outlet first.")
    if errors:
        raise ValidationError(errors)
    inquiry.refusal_by, inquiry.refusal_on = refusal_by.strip(), refusal_on
    inquiry.refusal_information, inquiry.refusal_reasons = information.strip(), reasons.strip()
    return _transition(
        inquiry, actor=actor, target=InquiryStatus.REFUSED, kind=InquiryEvent.Kind.REFUSED, text=reasons.strip()
    )


@transaction.atomic
def demand_written_refusal(*, actor: Any, inquiry: Inquiry, demanded_at: dt.datetime) -> Inquiry:
    """The editor-in-chief demands the refusal in writing: three days (press law art. 4 ust. 3)."""
    inquiry = _locked(inquiry)
    if inquiry.status != InquiryStatus.REFUSED:
        raise ValidationError(_("Only a refused inquiry can have a written refusal demanded."))
    inquiry.written_refusal_demanded_at = demanded_at
    inquiry.written_refusal_due = compute_deadline(PressRules.PRESS_REFUSAL_WRITTEN, demanded_at).due
    inquiry.save(update_fields=["written_refusal_demanded_at", "written_refusal_due", "updated_at"])
    _event(
        inquiry,
        InquiryEvent.Kind.NOTE,
        actor,
        _("Written refusal demanded; due %(day)s") % {"day": inquiry.written_refusal_due},
    )
    audit.record(
        actor=actor, instance=inquiry, action="update", message=audit.note(gettext_noop("Written refusal demanded"))
    )
    return inquiry


@transaction.atomic
def link_publication(*, actor: Any, inquiry: Inquiry, publication: Publication | None) -> Inquiry:
    before = audit.snapshot(inquiry, ["publication"])
    inquiry.publication = publication
    inquiry.save(update_fields=["publication", "updated_at"])
    audit.record_update(actor=actor, instance=inquiry, before=before)
    return inquiry


def quote_rule(outlet: Outlet | None) -> RuleSpec:
    if outlet is not None and outlet.kind == OutletKind.DAILY:
        return PressRules.QUOTE_AUTHORISATION_DAILY
    return PressRules.QUOTE_AUTHORISATION_PERIODICAL


@transaction.atomic
def send_quote_for_authorisation(
    *, actor: Any, journalist: Journalist, text: str, sent_at: dt.datetime | None = None, inquiry: Inquiry | None = None
) -> QuoteAuthorisation:
    """A quote sent to the city for authorisation: 6 h for a daily, 24 h for others (silence = consent)."""
    if not text.strip():
        raise ValidationError({"text": _("Paste the quote.")})
    sent_at = sent_at or timezone.now()
    outlet = inquiry.outlet if inquiry is not None and inquiry.outlet_id else None
    if outlet is None:
        employment = current_employment(journalist)
        outlet = employment.outlet if employment else None
    deadline = compute_deadline(quote_rule(outlet), sent_at)
    quote = QuoteAuthorisation.objects.create(
        inquiry=inquiry,
        journalist=journalist,
        outlet=outlet,
        text=text.strip(),
        sent_at=sent_at,
        due_at=deadline.due_at,
        rule_code=deadline.rule_code,
        rule_name=deadline.rule_name,
    )
    audit.record_create(actor=actor, instance=quote)
    return quote


@transaction.atomic
def answer_quote(*, actor: Any, quote: QuoteAuthorisation, status: str, answer: str = "") -> QuoteAuthorisation:
    quote = QuoteAuthorisation.objects.select_for_update(of=("self",)).get(pk=quote.pk)
    if quote.status != QuoteAuthorisation.Status.PENDING:
        raise ValidationError(_("The quote was already answered."))
    if status not in (QuoteAuthorisation.Status.AUTHORISED, QuoteAuthorisation.Status.CHANGES):
        raise ValidationError({"status": _("Choose the answer.")})
    if status == QuoteAuthorisation.Status.CHANGES and not answer.strip():
        raise ValidationError({"answer": _("Say what must change.")})
    before = audit.snapshot(quote, ["status", "answer"])
    quote.status, quote.answer, quote.answered_at = status, answer.strip(), timezone.now()
    quote.save()
    audit.record_update(actor=actor, instance=quote, before=before)
    return quote


@dataclass(frozen=True)
class TimelineItem:
    at: dt.datetime
    label: str
    actor: str
    text: str


def timeline(inquiry: Inquiry, requests: list[Assignment] | None = None) -> list[TimelineItem]:
    """The inquiry's events and the units' replies, in time order."""
    items = [
        TimelineItem(
            e.at,
            e.get_kind_display()
            + (
                f": {InquiryStatus(e.to_status).label}"
                if e.kind == InquiryEvent.Kind.STATUS and e.to_status in InquiryStatus.values
                else ""
            ),
            str(e.actor or ""),
            e.text,
        )
        for e in inquiry.events.select_related("actor")
    ]
    for assignment in requests if requests is not None else input_requests(inquiry):
        if assignment.answered_at:
            items.append(
                TimelineItem(
                    assignment.answered_at,
                    _("Reply from %(unit)s") % {"unit": assignment.unit.symbol},
                    str(assignment.answered_by or ""),
                    assignment.reply,
                )
            )
    return sorted(items, key=lambda item: item.at)
