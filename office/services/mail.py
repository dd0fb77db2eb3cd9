"""E-mail: digests and notifications, in the recipient's language, with HTML and text parts."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from office.contributions import registry
from office.kit.text import one_line
from office.models import Assignment, DigestDelivery, MailStatus, OutgoingMail

logger = logging.getLogger(__name__)
DAILY_DIGEST = "daily"


def _current_task() -> tuple[str, tuple[type[BaseException], ...]]:
    """The id of the background task running now ('' outside one) and the errors it will try
    again after (none on its last attempt, or when it is not retried at all)."""
    from celery import current_task

    request = getattr(current_task, "request", None)
    task_id = getattr(request, "id", None) or ""
    if not task_id:
        return "", ()
    retried = tuple(getattr(current_task, "autoretry_for", ()) or ())
    most = current_task.max_retries
    if most is not None and (request.retries or 0) >= most:
        retried = ()
    return task_id, retried


def deliver(message: EmailMessage, *, record: Any = None) -> OutgoingMail:
    """Send ``message`` and keep it in the outgoing mail (``office.OutgoingMail``), linked to the
    ``record`` it was sent about, so the record's page shows whether it went out.

    Inside a background task every attempt updates the one row of that task and message; an
    error the task retries (``background_task(retries=)``: the network, the SMTP server) leaves
    it queued for the next attempt; the last attempt, any other error, or a task that is not
    retried marks it failed with the error's text. The error is raised again either way.
    A subject cannot hold a line break (it is a header): each is folded into a space.
    """
    message.subject = one_line(str(message.subject)).strip()
    task_id, retried = _current_task()
    recipients = ", ".join([*message.to, *message.cc, *message.bcc])
    fields: dict[str, Any] = {"recipients": recipients, "subject": message.subject[:500]}
    if record is not None and record.pk is not None:
        fields |= {"record_type": ContentType.objects.get_for_model(record), "record_id": record.pk}
    mail = None
    if task_id:
        mail = OutgoingMail.objects.filter(task_id=task_id, **fields).exclude(status=MailStatus.SENT).first()
    if mail is None:
        mail = OutgoingMail.objects.create(task_id=task_id, **fields)
    mail.attempts += 1
    try:
        message.send()
    except Exception as error:
        mail.status = MailStatus.QUEUED if retried and isinstance(error, retried) else MailStatus.FAILED
        mail.error = f"{type(error).__name__}: {error}"[:2000]
        mail.save(update_fields=["status", "error", "attempts"])
        logger.warning("The e-mail %s to %s failed (attempt %s)", mail.pk, recipients, mail.attempts, exc_info=True)
        raise
    mail.status, mail.error, mail.sent_at = MailStatus.SENT, "", timezone.now()
    mail.save(update_fields=["status", "error", "attempts", "sent_at"])
    return mail


def mails_of(record: Any) -> list[OutgoingMail]:
    """The e-mails sent about ``record``, newest first."""
    return list(
        OutgoingMail.objects.filter(
            record_type=ContentType.objects.get_for_model(record), record_id=record.pk
        ).order_by("-created_at", "-id")
    )


def send_templated(
    *,
    to: list[str],
    subject: str,
    template: str,
    context: dict[str, Any],
    connection: Any = None,
    record: Any = None,
) -> OutgoingMail:
    """Send ``template``.txt and ``template``.html as one message (over ``connection`` when given,
    so a batch of messages shares one SMTP session), kept in the outgoing mail about ``record``."""
    context = {
        "site_url": settings.SITE_URL,
        "city_name": settings.CITY_NAME,
        "office_name": settings.OFFICE_NAME,
        **context,
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        connection=connection,
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return deliver(message, record=record)


def digest_sections(user: Any) -> list[Any]:
    """The sections every app contributes to ``user``'s digest; empty ones left out."""
    return [outcome.data for outcome in registry.collect("digest", user) if not outcome.failed and outcome.data.items]


def send_daily_digest(*, user_id: int, day: dt.date) -> bool:
    """Send ``day``'s digest to one user: at most once, and only when there is something to say."""
    user = get_user_model().objects.select_related("unit").get(pk=user_id)
    if not user.is_active or not user.email:
        return False
    with override(user.language or settings.LANGUAGE_CODE):
        sections = digest_sections(user)
        if not sections:
            return False
        try:
            with transaction.atomic():
                DigestDelivery.objects.create(user=user, kind=DAILY_DIGEST, day=day)
                send_templated(
                    to=[user.email],
                    subject=_("Your matters for %(day)s") % {"day": day.strftime("%d.%m.%Y")},
                    template="office/email/daily_digest",
                    context={"user": user, "sections": sections, "day": day},
                )
        except IntegrityError:
            return False  # already sent today by another run
    return True


def digest_recipients() -> list[int]:
    return list(get_user_model().objects.filter(is_active=True).exclude(email="").values_list("pk", flat=True))


def notify_handed_over(assignment_id: int) -> None:
    assignment = Assignment.objects.select_related("unit", "assignee", "created_by").get(pk=assignment_id)
    recipients = {
        u.email: u
        for u in assignment.unit.staff.filter(is_active=True).exclude(email="")
        if u.has_perm("office.answer_assignment")
    }
    if assignment.assignee and assignment.assignee.email:
        recipients[assignment.assignee.email] = assignment.assignee
    if assignment.unit.email:
        recipients.setdefault(assignment.unit.email, None)
    for email, user in recipients.items():
        with override(getattr(user, "language", None) or settings.LANGUAGE_CODE):
            send_templated(
                to=[email],
                subject=_("New assignment for %(unit)s: %(title)s")
                % {"unit": assignment.unit.symbol, "title": assignment.title},
                template="office/email/assignment_handed_over",
                context={"assignment": assignment},
                record=assignment,
            )


def notify_answered(assignment_id: int) -> None:
    assignment = Assignment.objects.select_related("unit", "created_by", "answered_by").get(pk=assignment_id)
    issuer = assignment.created_by
    if issuer is None or not issuer.email or not issuer.is_active:
        return
    with override(issuer.language or settings.LANGUAGE_CODE):
        send_templated(
            to=[issuer.email],
            subject=_("%(unit)s replied: %(title)s") % {"unit": assignment.unit.symbol, "title": assignment.title},
            template="office/email/assignment_answered",
            context={"assignment": assignment},
            record=assignment,
        )


def send_reminders(today: dt.date | None = None) -> int:
    """Remind units of assignments due tomorrow or overdue, once a day per assignment."""
    from office.services.assignments import claim_reminder

    today = today or timezone.localdate()
    sent = 0
    due = (
        Assignment.objects.open().filter(due_date__lte=today + dt.timedelta(days=1)).select_related("unit", "assignee")
    )
    for assignment in due.iterator():
        if not claim_reminder(assignment_id=assignment.pk, today=today):
            continue
        recipients = [
            u
            for u in assignment.unit.staff.filter(is_active=True).exclude(email="")
            if u.has_perm("office.answer_assignment")
        ]
        if assignment.assignee and assignment.assignee not in recipients and assignment.assignee.email:
            recipients.append(assignment.assignee)
        for user in recipients:
            with override(user.language or settings.LANGUAGE_CODE):
                send_templated(
                    to=[user.email],
                    subject=_("Reminder: %(title)s is due %(due)s")
                    % {"title": assignment.title, "due": assignment.due_date.strftime("%d.%m.%Y")},
                    template="office/email/assignment_reminder",
                    context={"assignment": assignment, "overdue": assignment.is_overdue(today)},
                    record=assignment,
                )
        sent += 1
    return sent
