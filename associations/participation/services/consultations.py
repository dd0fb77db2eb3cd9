"""Public consultations: the consultation itself, comments from the public form (moderated before
they are published) or typed in by staff, the office's answers and the summary of the results."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from associations.participation.models import (
    Consultation,
    Submission,
    SubmissionChannel,
    SubmissionStatus,
)
from associations.participation.models.consultations import check_period
from associations.participation.workflows import SUBMISSION_WORKFLOW
from office.services import audit


def consultation_url(consultation: Consultation) -> str:
    return reverse("participation:consultation_detail", args=[consultation.pk])


def submission_url(submission: Submission) -> str:
    return reverse("participation:submission_detail", args=[submission.pk])


@transaction.atomic
def save_consultation(*, actor: Any, consultation: Consultation) -> Consultation:
    check_period(consultation.starts_on, consultation.ends_on)
    if not (consultation.by_meeting or consultation.by_survey or consultation.by_comments):
        raise ValidationError({"by_comments": _("Choose at least one method of consultation.")})
    if consultation.by_survey and not consultation.survey_url:
        raise ValidationError({"survey_url": _("Give the address of the survey.")})
    if consultation.pk is None:
        consultation.created_by = actor
    return audit.save_record(actor=actor, record=consultation)


def with_counts(qs: QuerySet[Consultation]) -> QuerySet[Consultation]:
    return qs.annotate(
        comment_count=Count("submissions"),
        pending_count=Count("submissions", filter=Q(submissions__status=SubmissionStatus.PENDING)),
    )


def published() -> QuerySet[Consultation]:
    """What the public page lists."""
    return Consultation.objects.filter(is_published=True)


@transaction.atomic
def submit_comment(*, consultation: Consultation, data: dict[str, Any]) -> Submission:
    """A comment from the public form: waits for moderation. Refused when the consultation does
    not take written comments now."""
    consultation = Consultation.objects.select_for_update(of=("self",)).get(pk=consultation.pk)
    if not consultation.accepts_comments:
        raise ValidationError(_("This consultation does not take comments now."))
    submission = Submission(
        consultation=consultation,
        author_name=data["author_name"].strip(),
        organisation=data.get("organisation", "").strip(),
        email=data.get("email", ""),
        text=data["text"].strip(),
        channel=SubmissionChannel.FORM,
    )
    submission.full_clean()
    submission.save()
    audit.record_create(actor=None, instance=submission)
    return submission


@transaction.atomic
def register_comment(
    *,
    actor: Any,
    consultation: Consultation,
    author_name: str,
    text: str,
    channel: str,
    organisation: str = "",
    email: str = "",
) -> Submission:
    """A comment received on paper, by e-mail or at the meeting, typed in by staff (it waits for
    moderation like the others)."""
    if channel == SubmissionChannel.FORM:
        raise ValidationError({"channel": _("Comments from the public form arrive by themselves.")})
    submission = Submission(
        consultation=consultation,
        author_name=author_name.strip(),
        organisation=organisation.strip(),
        email=email,
        text=text.strip(),
        channel=channel,
    )
    submission.full_clean()
    submission.save()
    audit.record_create(actor=actor, instance=submission)
    return submission


def _moderate(actor: Any, submission: Submission, target: str, reason: str = "") -> Submission:
    submission = Submission.objects.select_for_update(of=("self",)).get(pk=submission.pk)
    SUBMISSION_WORKFLOW.check(submission.status, target)
    before = audit.snapshot(submission, ["status", "rejection_reason"])
    submission.status, submission.rejection_reason = target, reason.strip()
    submission.moderated_by, submission.moderated_at = actor, timezone.now()
    submission.save(update_fields=["status", "rejection_reason", "moderated_by", "moderated_at"])
    audit.record_update(actor=actor, instance=submission, before=before)
    return submission


@transaction.atomic
def publish(*, actor: Any, submission: Submission) -> Submission:
    return _moderate(actor, submission, SubmissionStatus.PUBLISHED)


@transaction.atomic
def reject(*, actor: Any, submission: Submission, reason: str) -> Submission:
    """Not published (offensive, off the subject, personal data of others): the reason is kept."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the comment is not published.")})
    return _moderate(actor, submission, SubmissionStatus.REJECTED, reason)


@transaction.atomic
def answer(*, actor: Any, submission: Submission, answer: str) -> Submission:
    """The office's answer to a comment (shown beside it on the public page once published)."""
    if not answer.strip():
        raise ValidationError({"answer": _("Write the answer.")})
    before = audit.snapshot(submission, ["answer"])
    submission.answer, submission.answered_at = answer.strip(), timezone.now()
    submission.save(update_fields=["answer", "answered_at"])
    audit.record_update(actor=actor, instance=submission, before=before)
    return submission


@transaction.atomic
def summarise(*, actor: Any, consultation: Consultation, summary: str) -> Consultation:
    """The results and conclusions of the consultation (printed in its report)."""
    before = audit.snapshot(consultation, ["result_summary"])
    consultation.result_summary = summary.strip()
    consultation.save(update_fields=["result_summary", "updated_at"])
    audit.record_update(actor=actor, instance=consultation, before=before)
    return consultation
