"""The correspondence register: registering letters with their sign, decrees (dekretacja),
replies, delivery, filing. Every function is a complete change: validated, atomic, on the trail.
The caller (a view, another app) decided that ``actor`` may do it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from correspondence.deadlines import RULES_BY_KIND
from correspondence.models import (
    Channel,
    Decree,
    Direction,
    JrwaClass,
    Letter,
    LetterKind,
    LetterStatus,
    SignCounter,
)
from correspondence.workflows import INCOMING_WORKFLOW, OUTGOING_WORKFLOW
from office.deadline_rules import CoreRules
from office.deadlines import compute_deadline
from office.models import Assignment, AssignmentStatus, Contact, OfficeHolder, OrgUnit
from office.services import assignments as assignment_services
from office.services import audit

# --- The sign -----------------------------------------------------------------------------------


def next_sequence(*, unit: OrgUnit, jrwa_class: JrwaClass, year: int) -> int:
    """The next number in the unit's file of the class and year. Call inside the transaction that
    saves the letter: the counter row stays locked until it commits, so two registrations never
    get the same number, and a registration that fails gives its number back (no gaps)."""
    SignCounter.objects.bulk_create([SignCounter(unit=unit, jrwa_class=jrwa_class, year=year)], ignore_conflicts=True)
    counter = SignCounter.objects.select_for_update(of=("self",)).get(unit=unit, jrwa_class=jrwa_class, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def file_mark(unit: OrgUnit, jrwa_class: JrwaClass) -> str:
    """``KP.0511``: the file (teczka) of the unit and the JRWA class, the first part of a sign."""
    return f"{unit.symbol}.{jrwa_class.symbol}"


def format_sign(unit: OrgUnit, jrwa_class: JrwaClass, sequence: int, year: int) -> str:
    """``KP.0511.15.2026``: the unit's symbol, the JRWA symbol, the number in the file, the year."""
    return f"{file_mark(unit, jrwa_class)}.{sequence}.{year}"


# --- Registering ----------------------------------------------------------------------------------


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def likely_duplicates(
    *, contact: Contact | None, correspondent: str, subject: str, received_on: dt.date | None
) -> QuerySet[Letter]:
    """Incoming letters from the same sender, with the same subject, received the same day."""
    if received_on is None or not subject:
        return Letter.objects.none()
    sender = Q(correspondent__iexact=_normalised(correspondent)) if correspondent else Q(pk__in=[])
    if contact is not None:
        sender |= Q(contact=contact)
    return Letter.objects.filter(
        sender, direction=Direction.INCOMING, received_on=received_on, subject__iexact=_normalised(subject)
    )


def _contact_for(actor: Any, contact: Contact | None, new_contact: dict[str, Any] | None) -> Contact:
    if contact is not None:
        return contact
    data = {key: (value or "").strip() for key, value in (new_contact or {}).items()}
    if not data.get("name"):
        raise ValidationError({"contact": _("Choose the sender or recipient from the contacts, or type a new one.")})
    from office.services.contacts import save_contact

    return save_contact(actor=actor, contact=Contact(kind=data.pop("kind", "") or Contact.Kind.PERSON, **data))


def _deadline_fields(kind: str, received_on: dt.date, *, extended: bool = False) -> dict[str, Any]:
    rules = RULES_BY_KIND.get(kind)
    if rules is None:
        return {"due_on": None, "deadline_rule": "", "deadline_basis": ""}
    rule = rules[1] if extended and rules[1] is not None else rules[0]
    deadline = compute_deadline(rule, received_on)
    return {"due_on": deadline.due, "deadline_rule": deadline.rule_code, "deadline_basis": deadline.label}


def _validate_dates(letter: Letter) -> None:
    today = timezone.localdate()
    errors: dict[str, str] = {}
    if letter.is_incoming:
        if letter.received_on is None:
            errors["received_on"] = _("Give the date the letter was received.")
        elif letter.received_on > today:
            errors["received_on"] = _("The date of receipt cannot be in the future.")
        elif letter.dated_on and letter.dated_on > letter.received_on:
            errors["dated_on"] = _("A letter cannot be dated after it was received.")
    else:
        reply_to = letter.in_reply_to
        if reply_to is not None and not reply_to.is_incoming:
            errors["in_reply_to"] = _("A reply answers an incoming letter.")
        for name in ("sent_on", "dated_on"):
            day = getattr(letter, name)
            if reply_to is not None and day and reply_to.received_on and day < reply_to.received_on:
                errors[name] = _("A reply cannot be dated before the letter it answers was received (%(day)s).") % {
                    "day": date_format(reply_to.received_on, "SHORT_DATE_FORMAT")
                }
        if letter.sent_on and letter.sent_on > today:
            errors["sent_on"] = _("A letter cannot be sent in the future; register it as prepared.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def register_letter(
    *,
    actor: Any,
    direction: str,
    unit: OrgUnit,
    jrwa_class: JrwaClass,
    principal: OfficeHolder,
    subject: str,
    contact: Contact | None = None,
    new_contact: dict[str, Any] | None = None,
    kind: str = LetterKind.ORDINARY,
    is_complex: bool = False,
    channel: str = Channel.POST,
    received_on: dt.date | None = None,
    sent_on: dt.date | None = None,
    dated_on: dt.date | None = None,
    their_reference: str = "",
    ezd_reference: str = "",
    summary: str = "",
    body: str = "",
    confidential: bool = False,
    in_reply_to: Letter | None = None,
    template: Any = None,
    batch: Any = None,
    allow_duplicate: bool = False,
    compose: Callable[[str], dict[str, str]] | None = None,
) -> Letter:
    """Register a letter and give it the next sign of its file. An incoming letter waits for its
    principal's decree, with the deadline of its kind; an outgoing one is prepared, or sent when
    ``sent_on`` is given (a reply then closes the letter it answers)."""
    if not jrwa_class.is_active:
        raise ValidationError(
            {"jrwa_class": _("The JRWA class %(symbol)s is no longer in use.") % {"symbol": jrwa_class.symbol}}
        )
    contact = _contact_for(actor, contact, new_contact)
    letter = Letter(
        direction=direction,
        unit=unit,
        jrwa_class=jrwa_class,
        principal=principal,
        subject=_normalised(subject),
        contact=contact,
        correspondent=contact.name,
        kind=kind,
        is_complex=is_complex,
        channel=channel,
        received_on=received_on if direction == Direction.INCOMING else None,
        sent_on=sent_on if direction == Direction.OUTGOING else None,
        dated_on=dated_on,
        their_reference=their_reference.strip(),
        ezd_reference=ezd_reference.strip(),
        summary=summary.strip(),
        body=body,
        confidential=confidential,
        in_reply_to=in_reply_to,
        template=template,
        batch=batch,
        created_by=actor,
    )
    _validate_dates(letter)
    if letter.is_incoming:
        if not allow_duplicate:
            twins = list(
                likely_duplicates(
                    contact=contact, correspondent=contact.name, subject=subject, received_on=received_on
                ).values_list("sign", flat=True)[:3]
            )
            if twins:
                raise ValidationError(
                    _(
                        "This looks like a letter already registered (%(signs)s): same sender, subject and day. "
                        "Tick “register anyway” if it is another letter."
                    )
                    % {"signs": ", ".join(twins)},
                    code="duplicate",
                )
        letter.status = LetterStatus.REGISTERED
        for name, value in _deadline_fields(kind, received_on, extended=is_complex).items():
            setattr(letter, name, value)
    else:
        letter.status = LetterStatus.SENT if sent_on else LetterStatus.PREPARED
    year = timezone.localdate().year
    letter.year = year
    letter.sequence = next_sequence(unit=unit, jrwa_class=jrwa_class, year=year)
    letter.sign = format_sign(unit, jrwa_class, letter.sequence, year)
    letter.file_mark = file_mark(unit, jrwa_class)
    for name, value in (compose(letter.sign) if compose else {}).items():
        setattr(letter, name, value)
    letter.full_clean()
    letter.save()
    audit.record_create(actor=actor, instance=letter)
    if letter.is_sent and in_reply_to is not None:
        _close_by_reply(actor=actor, letter=in_reply_to, reply=letter)
    return letter


LETTER_FIELDS = [
    "subject",
    "summary",
    "kind",
    "is_complex",
    "channel",
    "received_on",
    "dated_on",
    "their_reference",
    "ezd_reference",
    "principal",
    "confidential",
    "jrwa_class",
]


@transaction.atomic
def update_letter(*, actor: Any, letter: Letter, **fields: Any) -> Letter:
    """Correct a registered letter. The sign stays; a new kind or date of receipt of a letter
    still waiting for its decree gives a new deadline."""
    unknown = set(fields) - set(LETTER_FIELDS)
    if unknown:
        raise TypeError(f"update_letter() got unexpected fields {sorted(unknown)}")
    letter = Letter.objects.select_for_update(of=("self",)).get(pk=letter.pk)
    before = audit.snapshot(letter)
    if "jrwa_class" in fields and fields["jrwa_class"] != letter.jrwa_class:
        raise ValidationError({"jrwa_class": _("The class is part of the sign; register the letter again instead.")})
    for name, value in fields.items():
        setattr(letter, name, value.strip() if isinstance(value, str) and name != "body" else value)
    _validate_dates(letter)
    if letter.is_incoming and letter.status == LetterStatus.REGISTERED:
        for name, value in _deadline_fields(letter.kind, letter.received_on, extended=letter.is_complex).items():
            setattr(letter, name, value)
    letter.full_clean()
    letter.save()
    audit.record_update(actor=actor, instance=letter, before=before)
    return letter


# --- Decree (dekretacja) ----------------------------------------------------------------------


def letter_url(letter: Letter) -> str:
    return reverse("correspondence:letter_detail", args=[letter.pk])


def _assignment_title(letter: Letter) -> str:
    if letter.confidential:
        return _("Confidential letter %(sign)s") % {"sign": letter.sign}
    return _("Letter %(sign)s: %(subject)s") % {"sign": letter.sign, "subject": letter.subject}


def _due_for_units(letter: Letter) -> dict[str, Any]:
    if letter.due_on:
        return {"due_date": letter.due_on}
    return {"deadline": compute_deadline(CoreRules.INTERNAL_DEFAULT, timezone.localdate())}


@transaction.atomic
def decree(
    *,
    actor: Any,
    letter: Letter,
    lead_unit: OrgUnit,
    units: Iterable[OrgUnit] = (),
    instruction: str = "",
    assignee: Any = None,
) -> list[Decree]:
    """The principal (or their secretary on their behalf) hands the letter to a lead unit and any
    co-operating units with an instruction: each gets an Assignment due when the reply is."""
    letter = Letter.objects.select_for_update(of=("self",)).select_related("principal").get(pk=letter.pk)
    if not letter.is_incoming:
        raise ValidationError(_("Only incoming letters are decreed."))
    if letter.status != LetterStatus.DECREED:
        INCOMING_WORKFLOW.check(letter.status, LetterStatus.DECREED)
    others = [unit for unit in units if unit.pk != lead_unit.pk]
    already = set(letter.decrees.filter(unit__isnull=False).values_list("unit_id", flat=True))
    repeated = [unit.symbol for unit in [lead_unit, *others] if unit.pk in already]
    if repeated:
        raise ValidationError({"units": _("Already decreed to: %(units)s.") % {"units": ", ".join(repeated)}})
    made = []
    for unit, is_lead in [(lead_unit, True), *((unit, False) for unit in others)]:
        role = _("lead unit") if is_lead else _("co-operating unit")
        assignment = assignment_services.hand_over(
            actor=actor,
            title=_assignment_title(letter),
            unit=unit,
            # a confidential letter's instruction stays on its page, with the letter
            description=f"{role}: {instruction.strip()}" if instruction.strip() and not letter.confidential else role,
            assignee=assignee if is_lead else None,
            source=letter,
            source_label=str(letter),
            source_url=letter_url(letter),
            **_due_for_units(letter),
        )
        made.append(
            Decree.objects.create(
                letter=letter,
                unit=unit,
                is_lead=is_lead,
                instruction=instruction.strip(),
                assignment=assignment,
                decreed_by=actor,
                on_behalf_of=letter.principal,
            )
        )
    before = audit.snapshot(letter, ["status"])
    letter.status = LetterStatus.DECREED
    letter.save(update_fields=["status", "updated_at"])
    audit.record(
        actor=actor,
        instance=letter,
        action="transition",
        changes=audit.diff(before, audit.snapshot(letter, ["status"])),
        message=audit.note(
            gettext_noop("Decreed to %(units)s on behalf of %(holder)s"),
            units=", ".join(d.unit.symbol for d in made),
            holder=letter.principal.full_name,
        ),
    )
    return made


@transaction.atomic
def pass_to_holder(*, actor: Any, letter: Letter, holder: OfficeHolder, instruction: str = "") -> Decree:
    """The principal passes the letter to a deputy (or another office holder), who decrees it."""
    letter = Letter.objects.select_for_update(of=("self",)).select_related("principal").get(pk=letter.pk)
    if not letter.is_incoming or letter.status != LetterStatus.REGISTERED:
        raise ValidationError(_("Only a letter still waiting for its decree can be passed on."))
    if holder.pk == letter.principal_id:
        raise ValidationError(
            {"holder": _("The letter is already addressed to %(name)s.") % {"name": holder.full_name}}
        )
    if not holder.is_active:
        raise ValidationError({"holder": _("This office holder is no longer active.")})
    passed = Decree.objects.create(
        letter=letter,
        to_holder=holder,
        instruction=instruction.strip(),
        decreed_by=actor,
        on_behalf_of=letter.principal,
    )
    before = audit.snapshot(letter, ["principal"])
    letter.principal = holder
    letter.save(update_fields=["principal", "updated_at"])
    audit.record_update(
        actor=actor,
        instance=letter,
        before=before,
        message=audit.note(gettext_noop("Passed to %(holder)s"), holder=holder.full_name),
    )
    return passed


# --- Reply, delivery, filing ----------------------------------------------------------------------


def _close_by_reply(*, actor: Any, letter: Letter, reply: Letter) -> None:
    letter = Letter.objects.select_for_update(of=("self",)).get(pk=letter.pk)
    if letter.status == LetterStatus.ANSWERED:
        return  # a second reply (a correction) leaves the letter answered
    INCOMING_WORKFLOW.check(letter.status, LetterStatus.ANSWERED)
    before = audit.snapshot(letter, ["status", "closed_on"])
    letter.status = LetterStatus.ANSWERED
    letter.closed_on = reply.sent_on
    letter.save(update_fields=["status", "closed_on", "updated_at"])
    audit.record_update(
        actor=actor,
        instance=letter,
        before=before,
        message=audit.note(gettext_noop("Answered by %(sign)s"), sign=reply.sign),
    )
    _close_assignments(actor=actor, letter=letter, reason=_("The reply %(sign)s was sent.") % {"sign": reply.sign})


def _close_assignments(*, actor: Any, letter: Letter, reason: str) -> None:
    open_ones = Assignment.objects.filter(letter_decree__letter=letter).exclude(status=AssignmentStatus.CLOSED)
    for assignment in open_ones:
        assignment_services.decide(actor=actor, assignment=assignment, target=AssignmentStatus.CLOSED, text=reason)


@transaction.atomic
def mark_sent(*, actor: Any, letter: Letter, sent_on: dt.date, channel: str) -> Letter:
    """A prepared outgoing letter was posted or sent: a reply closes the letter it answers."""
    letter = Letter.objects.select_for_update(of=("self",)).select_related("in_reply_to").get(pk=letter.pk)
    if not letter.is_outgoing:
        raise ValidationError(_("Only outgoing letters are sent."))
    OUTGOING_WORKFLOW.check(letter.status, LetterStatus.SENT)
    before = audit.snapshot(letter, ["status", "sent_on", "channel"])
    letter.status, letter.sent_on, letter.channel = LetterStatus.SENT, sent_on, channel
    _validate_dates(letter)
    letter.save(update_fields=["status", "sent_on", "channel", "updated_at"])
    audit.record_update(actor=actor, instance=letter, before=before)
    if letter.in_reply_to_id:
        _close_by_reply(actor=actor, letter=letter.in_reply_to, reply=letter)
    return letter


@transaction.atomic
def confirm_delivery(*, actor: Any, letter: Letter, delivered_on: dt.date) -> Letter:
    """The return receipt (zwrotka) came back: the day the recipient received the letter."""
    letter = Letter.objects.select_for_update(of=("self",)).get(pk=letter.pk)
    if not letter.is_sent:
        raise ValidationError(_("Record the delivery of a letter that was sent."))
    if delivered_on < letter.sent_on:
        raise ValidationError({"delivered_on": _("A letter cannot be delivered before it was sent.")})
    if delivered_on > timezone.localdate():
        raise ValidationError({"delivered_on": _("The date of delivery cannot be in the future.")})
    before = audit.snapshot(letter, ["delivery_confirmed_on"])
    letter.delivery_confirmed_on = delivered_on
    letter.save(update_fields=["delivery_confirmed_on", "updated_at"])
    audit.record_update(actor=actor, instance=letter, before=before)
    return letter


@transaction.atomic
def close_letter(*, actor: Any, letter: Letter, note: str) -> Letter:
    """File an incoming letter without a reply (ad acta), saying why; its units' work ends."""
    if not note.strip():
        raise ValidationError({"note": _("Say why the letter needs no reply.")})
    letter = Letter.objects.select_for_update(of=("self",)).get(pk=letter.pk)
    INCOMING_WORKFLOW.check(letter.status, LetterStatus.CLOSED)
    before = audit.snapshot(letter, ["status", "closed_on", "closing_note"])
    letter.status, letter.closed_on, letter.closing_note = LetterStatus.CLOSED, timezone.localdate(), note.strip()
    letter.save(update_fields=["status", "closed_on", "closing_note", "updated_at"])
    audit.record_update(actor=actor, instance=letter, before=before)
    _close_assignments(actor=actor, letter=letter, reason=note.strip())
    return letter


@transaction.atomic
def reopen(*, actor: Any, letter: Letter) -> Letter:
    """A filed letter needs work after all: back to its units (or to the principal)."""
    letter = Letter.objects.select_for_update(of=("self",)).get(pk=letter.pk)
    target = LetterStatus.DECREED if letter.decrees.filter(unit__isnull=False).exists() else LetterStatus.REGISTERED
    INCOMING_WORKFLOW.check(letter.status, target)
    before = audit.snapshot(letter, ["status", "closed_on", "closing_note"])
    letter.status, letter.closed_on, letter.closing_note = target, None, ""
    letter.save(update_fields=["status", "closed_on", "closing_note", "updated_at"])
    audit.record_update(actor=actor, instance=letter, before=before)
    return letter


@transaction.atomic
def extend_deadline(*, actor: Any, letter: Letter, reason: str) -> Letter:
    """The longer deadline the law allows for the letter's kind (a complex matter: two months;
    public information: at most two months; a petition: at most six), with the reason the
    sender must be told."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason; the sender must be told of it.")})
    letter = Letter.objects.select_for_update(of=("self",)).get(pk=letter.pk)
    rules = RULES_BY_KIND.get(letter.kind)
    if not letter.is_open or rules is None or rules[1] is None:
        raise ValidationError(_("The deadline of this letter cannot be extended."))
    if letter.deadline_rule == rules[1].code:
        raise ValidationError(_("The deadline was already extended."))
    before = audit.snapshot(letter, ["due_on", "deadline_rule", "deadline_basis", "extension_reason", "is_complex"])
    for name, value in _deadline_fields(letter.kind, letter.received_on, extended=True).items():
        setattr(letter, name, value)
    letter.extension_reason = reason.strip()
    letter.is_complex = letter.kind == LetterKind.ORDINARY or letter.is_complex
    letter.save()
    audit.record_update(actor=actor, instance=letter, before=before)
    # the units' assignments still open follow the new date
    for decree_row in letter.decrees.select_related("assignment__unit", "assignment__assignee"):
        assignment = decree_row.assignment
        if assignment is not None and assignment.is_open and assignment.due_date != letter.due_on:
            assignment_services.update_details(
                actor=actor,
                assignment=assignment,
                title=assignment.title,
                description=assignment.description,
                unit=assignment.unit,
                assignee=assignment.assignee,
                due_date=letter.due_on,
                reason=reason.strip(),
            )
    return letter
