"""Tasks of honorary patronage: thin wrappers taking ids."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from office.kit.tasks import background_task
from patronage.models import Application


@background_task(retries=5)
def send_confirmation(application_id: int, status_url: str) -> None:
    """The confirmation to an organiser who applied through the public form, with the status link."""
    application = Application.objects.select_related("organiser").get(pk=application_id)
    if not application.organiser.email:
        return
    with override(settings.LANGUAGE_CODE):
        EmailMessage(
            subject=_("Your application for honorary patronage %(ref)s") % {"ref": application.reference},
            body=render_to_string(
                "patronage/email/confirmation.txt", {"application": application, "status_url": status_url}
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[application.organiser.email],
        ).send()
