"""Media monitoring: publications and the responses they open (statement, reply, correction).

Correction deadlines (press law art. 31a–39) come from the office rules table, except where the
law names no fixed number of days: for a periodical, broadcast or agency the outlet publishes
the correction in its next (or following) issue or analogous programme; the officer enters
that date and the case keeps the rule's name ``NEXT_ISSUE_RULE``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from media_relations.deadlines import PressRules
from media_relations.models import OutletKind, Publication, ResponseCase, ResponseKind, ResponseStatus
from media_relations.models.monitoring import NEXT_ISSUE_RULE
from media_relations.workflows import RESPONSE_WORKFLOW
from office.deadlines import compute_deadline
from office.services import audit

#: The rule for outlets without a fixed number of days (press law art. 32 ust. 1 pkt 2–3).
PUBLISH_RULE_BY_KIND = {
    OutletKind.ONLINE: PressRules.CORRECTION_PUBLISH_ONLINE,
    OutletKind.DAILY: PressRules.CORRECTION_PUBLISH_DAILY,
}


@transaction.atomic
def save_publication(*, actor: Any, publication: Publication, topics: Any = None) -> Publication:
    if publication.published_on and publication.published_on > timezone.localdate():
        raise ValidationError({"published_on": _("A publication cannot be dated in the future.")})
    if publication.pk is None:
        publication.created_by = actor
    return audit.save_record(actor=actor, record=publication, related={"topics": topics})


@transaction.atomic
def open_response(
    *, actor: Any, publication: Publication, kind: str, contested_fragment: str = "", text: str = "", notes: str = ""
) -> ResponseCase:
    """Open a response case; a correction gets its send-by date (21 days) and court limit (12 months)."""
    if kind not in ResponseKind.values:
        raise ValidationError({"kind": _("Choose the kind of response.")})
    case = ResponseCase(
        publication=publication,
        kind=kind,
        contested_fragment=contested_fragment.strip(),
        text=text.strip(),
        notes=notes.strip(),
        created_by=actor,
    )
    if kind == ResponseKind.CORRECTION:
        if not case.contested_fragment:
            raise ValidationError({"contested_fragment": _("Quote the contested fragment of the publication.")})
        _check_length(case)
        send = compute_deadline(PressRules.CORRECTION_SEND, publication.published_on)
        case.send_due, case.send_rule = send.due, send.label
        case.court_due = compute_deadline(PressRules.CORRECTION_COURT, publication.published_on).due
    case.full_clean()
    case.save()
    audit.record_create(actor=actor, instance=case)
    return case


def _check_length(case: ResponseCase) -> None:
    # press law art. 31a ust. 4: the correction may be at most twice as long as the contested fragment
    if case.text and len(case.text) > 2 * len(case.contested_fragment):
        raise ValidationError(
            {
                "text": _("A correction may be at most twice as long as the contested fragment (%(n)d characters).")
                % {"n": 2 * len(case.contested_fragment)}
            }
        )


@transaction.atomic
def update_response_text(*, actor: Any, case: ResponseCase, text: str, notes: str = "") -> ResponseCase:
    case = ResponseCase.objects.select_for_update(of=("self",)).select_related("publication__outlet").get(pk=case.pk)
    if case.status != ResponseStatus.DRAFT:
        raise ValidationError(_("The text can be changed only before it is sent."))
    before = audit.snapshot(case, ["text", "notes"])
    case.text, case.notes = text.strip(), notes.strip()
    if case.kind == ResponseKind.CORRECTION:
        _check_length(case)
    case.save()
    audit.record_update(actor=actor, instance=case, before=before)
    return case


@transaction.atomic
def mark_sent(*, actor: Any, case: ResponseCase, sent_on: dt.date, publish_due: dt.date | None = None) -> ResponseCase:
    """The response was sent to the outlet. For a correction the outlet's deadlines start now."""
    case = ResponseCase.objects.select_for_update(of=("self",)).select_related("publication__outlet").get(pk=case.pk)
    RESPONSE_WORKFLOW.check(case.status, ResponseStatus.SENT)
    if not case.text:
        raise ValidationError({"text": _("Write the text before marking it as sent.")})
    if sent_on < case.publication.published_on:
        raise ValidationError({"sent_on": _("It cannot be sent before the publication.")})
    before = audit.snapshot(case)
    case.sent_on = sent_on
    if case.kind == ResponseKind.CORRECTION:
        rule = PUBLISH_RULE_BY_KIND.get(case.publication.outlet.kind)
        if rule:
            deadline = compute_deadline(rule, sent_on)
            case.publish_due, case.publish_rule = deadline.due, deadline.label
        else:
            if publish_due is None:
                raise ValidationError(
                    {"publish_due": _("Enter the date of the outlet's next issue or analogous programme.")}
                )
            if publish_due < sent_on:
                raise ValidationError({"publish_due": _("The outlet cannot publish before receiving it.")})
            case.publish_due, case.publish_rule = publish_due, NEXT_ISSUE_RULE
        case.refusal_due = compute_deadline(PressRules.CORRECTION_REFUSAL, sent_on).due
    case.status = ResponseStatus.SENT
    case.save()
    audit.record_update(
        actor=actor, instance=case, before=before, message=audit.note(gettext_noop("Sent to the outlet"))
    )
    return case


@transaction.atomic
def record_outcome(*, actor: Any, case: ResponseCase, target: str, on: dt.date, notes: str = "") -> ResponseCase:
    """The outlet published or refused, the city went to court, or the case is closed."""
    case = ResponseCase.objects.select_for_update(of=("self",)).get(pk=case.pk)
    if target == ResponseStatus.SENT:
        raise ValidationError(_("Use the sending form."))
    RESPONSE_WORKFLOW.check(case.status, target)
    before = audit.snapshot(case)
    if target == ResponseStatus.PUBLISHED:
        case.published_on = on
    elif target == ResponseStatus.REFUSED:
        case.refused_on = on
    elif target == ResponseStatus.CLOSED:
        case.closed_on = on
    elif target == ResponseStatus.COURT and case.court_due and on > case.court_due:
        raise ValidationError({"on": _("The one-year limit for court action has passed.")})
    if notes.strip():
        case.notes = (case.notes + "\n" + notes.strip()).strip()
    case.status = target
    case.save()
    audit.record_update(actor=actor, instance=case, before=before)
    return case
