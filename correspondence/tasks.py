"""Tasks of the correspondence app: thin wrappers taking ids."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _
from django.utils.translation import override

from correspondence.models import ResidentMatter
from correspondence.services import archive, matters
from office.kit.tasks import background_task
from office.services.mail import deliver


@background_task(retries=5)
def email_matter_reply(matter_id: int) -> None:
    """The reply to a resident who asked to be answered by e-mail."""
    matter = ResidentMatter.objects.get(pk=matter_id)
    if not matter.email or not matter.reply_text or matter.is_anonymised:
        return
    with override(settings.LANGUAGE_CODE):
        message = EmailMessage(
            subject=_("Your matter: %(subject)s") % {"subject": matter.subject},
            body=matter.reply_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[matter.email],
        )
        deliver(message, record=matter)


@background_task()
def anonymise_expired() -> int:
    """Residents' and private persons' data whose retention has passed (nightly)."""
    return matters.anonymise_expired() + archive.anonymise_letters()
