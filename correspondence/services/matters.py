"""Residents' matters and interventions: intake with the RODO clause, forwarding to the competent
unit (an Assignment), the reply to the resident, closing, and the removal of personal data when
the retention has passed (a scheduled job)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from correspondence.deadlines import CorrespondenceRules
from correspondence.models import ANONYMISED, MatterChannel, MatterKind, MatterStatus, ReplyChannel, ResidentMatter
from correspondence.workflows import MATTER_WORKFLOW
from office.deadlines import compute_deadline
from office.models import AssignmentStatus, OfficeHolder, OrgUnit
from office.services import assignments as assignment_services
from office.services import audit

#: personal data of a resident's matter are kept this many full years after it closed (B5), then removed
RETENTION_YEARS = getattr(settings, "RESIDENT_MATTER_RETENTION_YEARS", 5)
PERSONAL_FIELDS = ("resident_name", "email", "phone", "address", "description", "reply_text", "location")


def matter_url(matter: ResidentMatter) -> str:
    return reverse("correspondence:matter_detail", args=[matter.pk])


def retain_until(closed_on: dt.date) -> dt.date:
    """The last day personal data are kept: the end of the ``RETENTION_YEARS``-th full year after
    the year the matter closed (JRWA category B: counted from 1 January of the next year)."""
    return dt.date(closed_on.year + RETENTION_YEARS, 12, 31)


@transaction.atomic
def register_matter(
    *,
    actor: Any,
    resident_name: str,
    channel: str,
    subject: str,
    description: str,
    principal: OfficeHolder,
    received_on: dt.date,
    rodo_clause_shown: bool,
    kind: str,
    email: str = "",
    phone: str = "",
    address: str = "",
    location: str = "",
    contact: Any = None,
    letter: Any = None,
) -> ResidentMatter:
    if not rodo_clause_shown:
        raise ValidationError(
            {"rodo_clause_shown": _("Give the resident the information clause (RODO art. 13) before registering.")}
        )
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("The date of receipt cannot be in the future.")})
    deadline = compute_deadline(CorrespondenceRules.RESIDENT_INTERVENTION, received_on)
    matter = ResidentMatter(
        resident_name=resident_name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        address=address.strip(),
        contact=contact,
        kind=kind,
        channel=channel,
        received_on=received_on,
        subject=subject.strip(),
        description=description.strip(),
        location=location.strip(),
        principal=principal,
        letter=letter,
        rodo_clause_shown=True,
        due_on=deadline.due,
        deadline_rule=deadline.rule_code,
        deadline_basis=deadline.label,
        created_by=actor,
    )
    return audit.save_record(actor=actor, record=matter)


@transaction.atomic
def forward(*, actor: Any, matter: ResidentMatter, unit: OrgUnit, instruction: str = "") -> ResidentMatter:
    """Hand the matter to the competent unit: an Assignment due when the resident's answer is."""
    matter = ResidentMatter.objects.select_for_update(of=("self",)).get(pk=matter.pk)
    MATTER_WORKFLOW.check(matter.status, MatterStatus.FORWARDED)
    assignment = assignment_services.hand_over(
        actor=actor,
        title=_("Resident's matter: %(subject)s") % {"subject": matter.subject},
        unit=unit,
        due_date=max(matter.due_on, timezone.localdate()),
        description=instruction.strip(),
        source=matter,
        source_label=matter.subject,
        source_url=matter_url(matter),
    )
    before = audit.snapshot(matter, ["status", "unit"])
    matter.status, matter.unit, matter.assignment = MatterStatus.FORWARDED, unit, assignment
    matter.save(update_fields=["status", "unit", "assignment", "updated_at"])
    audit.record_update(actor=actor, instance=matter, before=before)
    return matter


@transaction.atomic
def reply(*, actor: Any, matter: ResidentMatter, text: str, channel: str, replied_on: dt.date) -> ResidentMatter:
    """The answer given to the resident (by letter, e-mail, phone or in person)."""
    if not text.strip():
        raise ValidationError({"text": _("Write what the resident was told.")})
    matter = ResidentMatter.objects.select_for_update(of=("self",)).get(pk=matter.pk)
    if replied_on < matter.received_on:
        raise ValidationError({"replied_on": _("The reply cannot be dated before the matter was received.")})
    if replied_on > timezone.localdate():
        raise ValidationError({"replied_on": _("The date of the reply cannot be in the future.")})
    if channel == ReplyChannel.EMAIL and not matter.email:
        raise ValidationError({"channel": _("The resident left no e-mail address.")})
    MATTER_WORKFLOW.check(matter.status, MatterStatus.ANSWERED)
    before = audit.snapshot(matter, ["status", "reply_text", "reply_channel", "replied_on"])
    matter.status, matter.reply_text, matter.reply_channel, matter.replied_on = (
        MatterStatus.ANSWERED,
        text.strip(),
        channel,
        replied_on,
    )
    matter.save()
    audit.record_update(actor=actor, instance=matter, before=before)
    if matter.assignment_id and matter.assignment.is_open:
        assignment_services.decide(
            actor=actor,
            assignment=matter.assignment,
            target=AssignmentStatus.CLOSED,
            text=_("The resident was answered."),
        )
    if channel == ReplyChannel.EMAIL:
        from correspondence.tasks import email_matter_reply

        transaction.on_commit(lambda: email_matter_reply.delay(matter.pk))
    return matter


@transaction.atomic
def close(*, actor: Any, matter: ResidentMatter, note: str = "") -> ResidentMatter:
    matter = ResidentMatter.objects.select_for_update(of=("self",)).get(pk=matter.pk)
    MATTER_WORKFLOW.check(matter.status, MatterStatus.CLOSED)
    if matter.status != MatterStatus.ANSWERED and not note.strip():
        raise ValidationError({"note": _("Say why the matter is closed without an answer.")})
    before = audit.snapshot(matter, ["status", "closed_on", "retain_until"])
    today = timezone.localdate()
    matter.status, matter.closed_on, matter.retain_until = MatterStatus.CLOSED, today, retain_until(today)
    matter.save()
    audit.record_update(actor=actor, instance=matter, before=before, message=note.strip())
    if matter.assignment_id and matter.assignment.is_open:
        assignment_services.decide(
            actor=actor,
            assignment=matter.assignment,
            target=AssignmentStatus.CLOSED,
            text=note.strip() or _("Matter closed."),
        )
    return matter


def anonymise_expired(today: dt.date | None = None) -> int:
    """Remove residents' personal data whose retention has passed (the beat runs it nightly)."""
    today = today or timezone.localdate()
    count = 0
    for matter in ResidentMatter.objects.filter(retain_until__lt=today, anonymised_at__isnull=True):
        with transaction.atomic():
            matter.resident_name = ANONYMISED
            for name in PERSONAL_FIELDS[1:]:
                setattr(matter, name, "")
            matter.contact = None
            matter.anonymised_at = timezone.now()
            matter.save()
            audit.record(
                actor=None,
                instance=matter,
                action="action",
                message=audit.note(gettext_noop("Personal data removed after the retention period")),
            )
        count += 1
    return count


# --- Statistics -------------------------------------------------------------------------------


def monthly_statistics(year: int, month: int) -> dict[str, Any]:
    """Matters received in a month: by unit, by kind, and how many were answered on time."""
    qs: QuerySet = ResidentMatter.objects.filter(received_on__year=year, received_on__month=month)
    on_time = Q(replied_on__isnull=False) & Q(replied_on__lte=F("due_on"))
    late = Q(replied_on__gt=F("due_on")) | (Q(replied_on__isnull=True) & Q(due_on__lt=timezone.localdate()))
    totals = qs.aggregate(total=Count("pk"), on_time=Count("pk", filter=on_time), late=Count("pk", filter=late))
    by_unit = list(
        qs.values("unit__symbol", "unit__name")
        .annotate(total=Count("pk"), on_time=Count("pk", filter=on_time), late=Count("pk", filter=late))
        .order_by("-total", "unit__symbol")
    )
    kinds, channels = dict(MatterKind.choices), dict(MatterChannel.choices)
    by_kind = [
        {**row, "label": kinds.get(row["kind"], row["kind"])}
        for row in qs.values("kind").annotate(total=Count("pk")).order_by("-total", "kind")
    ]
    by_channel = [
        {**row, "label": channels.get(row["channel"], row["channel"])}
        for row in qs.values("channel").annotate(total=Count("pk")).order_by("-total", "channel")
    ]
    return {"totals": totals, "by_unit": by_unit, "by_kind": by_kind, "by_channel": by_channel}
