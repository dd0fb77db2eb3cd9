"""Registers: contracts and agreements of the office (with end-date reminders to the unit in
charge) and the city's cultural institutions. Every change is on the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.models import User
from office.registers.models import Agreement, AgreementStatus, CulturalInstitution
from office.services import audit, mail


@transaction.atomic
def save_agreement(*, actor: Any, agreement: Agreement, parties: Any = None) -> Agreement:
    if agreement.pk is None:
        agreement.created_by = actor
    if agreement.signed_on and agreement.ends_on and agreement.signed_on > agreement.ends_on:
        raise ValidationError({"signed_on": _("An agreement cannot be signed after it ends.")})
    if agreement.ends_on and agreement.ends_on < agreement.starts_on:
        raise ValidationError({"ends_on": _("The end cannot come before the start.")})
    return audit.save_record(actor=actor, record=agreement, related={"parties": parties})


@transaction.atomic
def end_agreement(*, actor: Any, agreement: Agreement, status: str, note: str = "") -> Agreement:
    """An agreement ended (its term ran out) or was terminated early (which needs a reason)."""
    if status not in (AgreementStatus.ENDED, AgreementStatus.TERMINATED):
        raise ValidationError({"status": _("Choose ended or terminated.")})
    if status == AgreementStatus.TERMINATED and not note.strip():
        raise ValidationError({"note": _("Say why the agreement was terminated.")})
    agreement = Agreement.objects.select_for_update(of=("self",)).get(pk=agreement.pk)
    if not agreement.is_in_force:
        raise ValidationError(_("The agreement is not in force."))
    before = audit.snapshot(agreement, ["status", "notes"])
    agreement.status = status
    if note.strip():
        agreement.notes = f"{agreement.notes}\n{note.strip()}".strip()
    agreement.save(update_fields=["status", "notes", "updated_at"])
    audit.record_update(actor=actor, instance=agreement, before=before)
    return agreement


#: the longest reminder period a form allows (days)
MAX_REMINDER_DAYS = 365


def due_reminders(today: dt.date) -> list[Agreement]:
    """Agreements in force whose end is within their reminder period and were not reminded yet."""
    candidates = Agreement.objects.filter(
        status=AgreementStatus.IN_FORCE,
        ends_on__isnull=False,
        reminded_on__isnull=True,
        ends_on__lte=today + dt.timedelta(days=MAX_REMINDER_DAYS),
    ).select_related("unit__head", "created_by")
    return [agreement for agreement in candidates if agreement.remind_on() <= today]


def _recipients(agreement: Agreement) -> list[str]:
    people = set(
        User.objects.filter(unit=agreement.unit, is_active=True).exclude(email="").values_list("email", flat=True)
    )
    for person in (agreement.unit.head, agreement.created_by):
        if person is not None and person.email:
            people.add(person.email)
    if agreement.unit.email:
        people.add(agreement.unit.email)
    return sorted(people)


def send_end_reminders(today: dt.date | None = None) -> int:
    """E-mail the unit in charge about each agreement ending soon, once (``reminded_on`` claims it)."""
    today = today or timezone.localdate()
    sent = 0
    for agreement in due_reminders(today):
        claimed = Agreement.objects.filter(pk=agreement.pk, reminded_on__isnull=True).update(reminded_on=today)
        if not claimed:
            continue
        recipients = _recipients(agreement)
        if recipients:
            with translation.override(settings.LANGUAGE_CODE):
                message = EmailMessage(
                    subject=_("Agreement %(number)s ends on %(day)s")
                    % {"number": agreement.number, "day": date_format(agreement.ends_on, "SHORT_DATE_FORMAT")},
                    body=_("%(subject)s\n\nThe agreement ends on %(day)s. Decide whether to renew it.\n%(url)s")
                    % {
                        "subject": agreement.subject,
                        "day": date_format(agreement.ends_on, "SHORT_DATE_FORMAT"),
                        "url": settings.SITE_URL.rstrip("/")
                        + reverse("registers:agreement_detail", args=[agreement.pk]),
                    },
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=recipients,
                )
                mail.deliver(message, record=agreement)
        audit.record(
            actor=None,
            instance=agreement,
            action="action",
            message=audit.note(gettext_noop("Reminder of the end sent to %(count)s addresses"), count=len(recipients)),
        )
        sent += 1
    return sent


@transaction.atomic
def save_institution(*, actor: Any, institution: CulturalInstitution) -> CulturalInstitution:
    return audit.save_record(actor=actor, record=institution)
