"""The social fund's register: numbered applications, their decisions; every change audited
(the views record every reading of an application, too)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from office.administration.models import SocialFundApplication, SocialFundStatus
from office.services import audit

NUMBER_LOCK = 27_003


@transaction.atomic
def save_application(*, actor: Any, application: SocialFundApplication) -> SocialFundApplication:
    """Register or change an application; a decided one has its date, a granted or paid one its amount."""
    today = timezone.localdate()
    errors = {}
    if application.status != SocialFundStatus.RECEIVED and application.decided_on is None:
        errors["decided_on"] = _("Give the date of the decision.")
    if application.decided_on and application.decided_on < application.received_on:
        errors["decided_on"] = _("The decision cannot come before the application.")
    if application.decided_on and application.decided_on > today:
        errors["decided_on"] = _("The date cannot be in the future.")
    if application.status in (SocialFundStatus.GRANTED, SocialFundStatus.PAID) and not application.granted:
        errors["granted"] = _("Give the amount granted.")
    if application.status == SocialFundStatus.REFUSED and application.granted:
        errors["granted"] = _("A refused application has no amount granted.")
    for field in ("requested", "granted"):
        value = getattr(application, field)
        if value is not None and value <= 0:
            errors[field] = _("The amount must be more than zero.")
    if errors:
        raise ValidationError(errors)
    if application.pk is None:
        application.year = application.received_on.year
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [NUMBER_LOCK, application.year])
        last = SocialFundApplication.objects.filter(year=application.year).aggregate(last=Max("number"))["last"]
        application.number = (last or 0) + 1
        application.created_by = actor
    created = application.pk is None
    before = {} if created else audit.snapshot(SocialFundApplication.objects.get(pk=application.pk))
    application.full_clean()
    application.save()
    after = audit.snapshot(application)
    changes = {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}
    changes = {name: [_masked(name, old), _masked(name, new)] for name, (old, new) in changes.items()}
    if changes or created:
        audit.record(actor=actor, instance=application, action="create" if created else "update", changes=changes)
    return application


#: Fields whose values the trail does not copy: the audit log is read by administrators and auditors,
#: who must not learn who applied or why; the trail says that the field changed.
PRIVATE_FIELDS = ("applicant", "notes")


def _masked(name: str, value: Any) -> Any:
    return "•••" if name in PRIVATE_FIELDS and value not in (None, "") else value
