"""E-mail: digests and notifications, in the recipient's language, with HTML and text parts."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from office.contributions import registry
from office.models import Assignment, DigestDelivery

logger = logging.getLogger(__name__)
DAILY_DIGEST = "daily"


def send_templated(
    *, to: list[str], subject: str, template: str, context: dict[str, Any], connection: Any = None
) -> None:
    """Send ``template``.txt and ``template``.html as one message (over ``connection`` when given,
    so a batch of messages shares one SMTP session)."""
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
    message.send()


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
                )
        sent += 1
    return sent
