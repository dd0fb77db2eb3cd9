"""Meeting requests: who asks to meet an office holder, the assessment and its outcome
(scheduled into a free slot, handed to a unit, declined), the reply, statistics, and the
anonymisation of the requesters' personal data after the retention period."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q
from django.db.models.functions import ExtractMonth
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from calendar_app.models import EntryKind, MeetingRequest, Visibility
from calendar_app.services.entries import calendar_of, schedule_entry
from calendar_app.workflows import REQUEST_WORKFLOW, WAITING
from office.services import audit
from office.services.assignments import hand_over

#: Personal data of requesters are kept this long after the decision, then anonymised.
RETENTION_DAYS = 730
ANONYMISED = "[dane zanonimizowane]"


@transaction.atomic
def register_request(*, actor: Any, request: MeetingRequest, save_contact: bool = False) -> MeetingRequest:
    """Register a request (a form's unsaved instance); optionally add the requester to the contacts."""
    if not request.rodo_acknowledged:
        raise ValidationError({"rodo_acknowledged": _("The requester must be given the information clause.")})
    if save_contact and request.contact_id is None:
        from office.models import Contact
        from office.services.contacts import save_contact as save

        kind = {
            "resident": "person",
            "councillor": "person",
            "company": "company",
            "institution": "institution",
            "ngo": "ngo",
        }[request.requester_kind]
        request.contact = save(
            actor=actor,
            contact=Contact(kind=kind, name=request.requester_name, email=request.email, phone=request.phone),
        )
    request.status = MeetingRequest.Status.NEW
    request.created_by = actor
    request.full_clean()
    request.save()
    audit.record_create(actor=actor, instance=request)
    return request


def _move(actor: Any, request: MeetingRequest, target: str, **fields: Any) -> MeetingRequest:
    REQUEST_WORKFLOW.check(request.status, target)
    before = audit.snapshot(request, ["status", "decline_reason", "entry", "assignment"])
    request.status = target
    for name, value in fields.items():
        setattr(request, name, value)
    if target in (MeetingRequest.Status.SCHEDULED, MeetingRequest.Status.HANDED_OVER, MeetingRequest.Status.DECLINED):
        request.decided_on = timezone.localdate()
        request.retain_until = request.decided_on + dt.timedelta(days=RETENTION_DAYS)
        request.reply_text = draft_reply(request)
    request.save()
    audit.record(
        actor=actor,
        instance=request,
        action="transition",
        changes=audit.diff(before, audit.snapshot(request, before.keys())),
    )
    return request


@transaction.atomic
def start_assessment(*, actor: Any, request: MeetingRequest) -> MeetingRequest:
    return _move(
        actor,
        MeetingRequest.objects.select_for_update(of=("self",)).get(pk=request.pk),
        MeetingRequest.Status.ASSESSING,
    )


@transaction.atomic
def schedule_request(
    *,
    actor: Any,
    request: MeetingRequest,
    start: dt.datetime,
    end: dt.datetime,
    place: str = "",
    keep_conflict_reason: str = "",
) -> MeetingRequest:
    """Accept the request: put the meeting on the office holder's calendar and draft the invitation."""
    request = MeetingRequest.objects.select_for_update(of=("self",)).select_related("office_holder").get(pk=request.pk)
    REQUEST_WORKFLOW.check(request.status, MeetingRequest.Status.SCHEDULED)
    entry = schedule_entry(
        actor=actor,
        calendar=calendar_of(request.office_holder),
        title=_("Meeting: %(name)s – %(topic)s") % {"name": request.requester_name, "topic": request.topic},
        start=start,
        end=end,
        place=place,
        kind=EntryKind.MEETING,
        visibility=Visibility.INTERNAL,
        contacts=[request.contact] if request.contact_id else [],
        keep_conflict_reason=keep_conflict_reason,
        source=request,
        source_label=str(request),
        source_url=reverse("calendar_app:request_detail", args=[request.pk]),
    )
    return _move(actor, request, MeetingRequest.Status.SCHEDULED, entry=entry)


@transaction.atomic
def hand_over_request(
    *, actor: Any, request: MeetingRequest, unit: Any, due_date: dt.date, note: str = ""
) -> MeetingRequest:
    """The matter belongs to a unit (or a deputy's area): hand it over as an Assignment."""
    request = MeetingRequest.objects.select_for_update(of=("self",)).get(pk=request.pk)
    REQUEST_WORKFLOW.check(request.status, MeetingRequest.Status.HANDED_OVER)
    assignment = hand_over(
        actor=actor,
        title=_("Request of %(name)s: %(topic)s") % {"name": request.requester_name, "topic": request.topic},
        description="\n\n".join(part for part in (request.description, note) if part),
        unit=unit,
        due_date=due_date,
        source=request,
        source_label=_("Meeting request"),
        source_url=reverse("calendar_app:request_detail", args=[request.pk]),
    )
    return _move(actor, request, MeetingRequest.Status.HANDED_OVER, assignment=assignment)


@transaction.atomic
def decline_request(*, actor: Any, request: MeetingRequest, reason: str) -> MeetingRequest:
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason; it goes into the reply.")})
    request = MeetingRequest.objects.select_for_update(of=("self",)).get(pk=request.pk)
    return _move(actor, request, MeetingRequest.Status.DECLINED, decline_reason=reason.strip())


def draft_reply(request: MeetingRequest) -> str:
    """The reply letter or e-mail to the requester, drafted from the outcome (editable afterwards)."""
    return render_to_string("calendar_app/letters/meeting_request_reply.txt", {"request": request}).strip()


@transaction.atomic
def save_reply(*, actor: Any, request: MeetingRequest, text: str) -> MeetingRequest:
    before = audit.snapshot(request, ["reply_text"])
    request.reply_text = text.strip()
    request.save(update_fields=["reply_text", "updated_at"])
    audit.record_update(actor=actor, instance=request, before=before)
    return request


def send_reply(*, actor: Any, request: MeetingRequest) -> None:
    """E-mail the reply to the requester (after commit, through the worker): queued now, its
    delivery or failure shown on the request's page (``office.OutgoingMail``)."""
    if not request.email:
        raise ValidationError(_("The requester left no e-mail address; print the letter instead."))
    if not request.reply_text:
        raise ValidationError(_("The reply is empty."))
    from calendar_app.tasks import send_request_reply

    audit.record(
        actor=actor,
        instance=request,
        action="action",
        message=audit.note(gettext_noop("Reply queued for e-mail to %(email)s"), email=request.email),
    )
    transaction.on_commit(lambda: send_request_reply.delay(request.pk))


def anonymise_expired(today: dt.date | None = None) -> int:
    """Remove requesters' personal data whose retention has passed (a scheduled job)."""
    today = today or timezone.localdate()
    expired = MeetingRequest.objects.filter(retain_until__lt=today, anonymised_at__isnull=True)
    count = 0
    for request in expired:
        request.requester_name = ANONYMISED
        request.email = request.phone = request.address = ""
        request.description = ""
        request.reply_text = ""
        request.anonymised_at = timezone.now()
        request.save()
        audit.record(
            actor=None,
            instance=request,
            action="action",
            message=audit.note(gettext_noop("Personal data anonymised after the retention period (RODO)")),
        )
        count += 1
    return count


def monthly_statistics(*, year: int, office_holder_id: int | None = None) -> list[dict[str, Any]]:
    """Per month: received, each outcome, still open, average days from receipt to decision (SQL)."""
    qs = MeetingRequest.objects.filter(received_on__year=year)
    if office_holder_id:
        qs = qs.filter(office_holder_id=office_holder_id)
    rows = (
        qs.annotate(month=ExtractMonth("received_on"))
        .values("month")
        .annotate(
            received=Count("id"),
            scheduled=Count("id", filter=Q(status=MeetingRequest.Status.SCHEDULED)),
            handed_over=Count("id", filter=Q(status=MeetingRequest.Status.HANDED_OVER)),
            declined=Count("id", filter=Q(status=MeetingRequest.Status.DECLINED)),
            open=Count("id", filter=Q(status__in=WAITING)),
            wait=Avg(ExpressionWrapper(F("decided_on") - F("received_on"), output_field=DurationField())),
        )
        .order_by("month")
    )
    result = []
    for row in rows:
        wait = row["wait"]
        if isinstance(wait, dt.timedelta):
            row["avg_days"] = round(wait.total_seconds() / 86400, 1)
        elif wait is not None:  # SQLite returns microseconds
            row["avg_days"] = round(float(wait) / 86400e6, 1)
        else:
            row["avg_days"] = None
        result.append(row)
    return result
