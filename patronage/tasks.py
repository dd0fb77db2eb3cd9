"""Tasks of honorary patronage: thin wrappers taking ids."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from office.kit.tasks import background_task
from office.services.mail import deliver
from patronage.models import Application


@background_task(retries=5)
def send_confirmation(application_id: int, status_url: str) -> None:
    """The confirmation to an organiser who applied through the public form, with the status link."""
    application = Application.objects.select_related("organiser").get(pk=application_id)
    if not application.organiser.email:
        return
    with override(settings.LANGUAGE_CODE):
        message = EmailMessage(
            subject=_("Your application for honorary patronage %(ref)s") % {"ref": application.reference},
            body=render_to_string(
                "patronage/email/confirmation.txt", {"application": application, "status_url": status_url}
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[application.organiser.email],
        )
        deliver(message, record=application)


@background_task()
def remind_reports() -> int:
    """Daily: remind organisers of the report due after a patronage event (once before, once after)."""
    from django.utils import timezone

    from patronage import services

    claimed = services.reports_to_remind(timezone.localdate())
    for pk, number in claimed:
        send_report_reminder.delay(pk, number)
    return len(claimed)


@background_task(retries=5)
def send_report_reminder(application_id: int, number: int) -> None:
    application = Application.objects.select_related("organiser").get(pk=application_id)
    if not application.organiser.email:
        return
    with override(settings.LANGUAGE_CODE):
        message = EmailMessage(
            subject=_("Report on the event under honorary patronage %(ref)s") % {"ref": application.reference},
            body=render_to_string(
                "patronage/email/report_reminder.txt", {"application": application, "overdue": number > 1}
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[application.organiser.email],
        )
        deliver(message, record=application)
