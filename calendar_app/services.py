"""Calendar services. ``schedule_entry`` is the public way for other apps to put something on a calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from dateutil.rrule import rrulestr
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from calendar_app import access, selectors
from calendar_app.models import MAX_ENTRY_DAYS, Calendar, Decision, Entry, EntryException, MeetingNotes, MeetingRequest
from office.models import OfficeHolder
from office.services import audit
from office.workflow import Workflow


class ConflictError(ValidationError):
    """The entry clashes with time-blocking entries; ``conflicts`` names them."""

    def __init__(self, conflicts: list[selectors.Occurrence]) -> None:
        self.conflicts = conflicts
        busy = _("busy")
        names = "; ".join(
            f"{o.title or busy} ({date_format(timezone.localtime(o.start), 'SHORT_DATETIME_FORMAT')}"
            f"–{date_format(timezone.localtime(o.end), 'TIME_FORMAT')})"
            for o in conflicts
        )
        super().__init__(
            _("This time clashes with: %(names)s. Give a reason to keep it anyway.") % {"names": names},
            code="conflict",
        )


def ensure_calendars() -> int:
    """One calendar for every active office holder (idempotent)."""
    missing = OfficeHolder.objects.filter(is_active=True, calendar__isnull=True)
    created = [Calendar(office_holder=holder) for holder in missing]
    Calendar.objects.bulk_create(created)
    return len(created)


def _validate_times(start: dt.datetime, end: dt.datetime) -> None:
    if end <= start:
        raise ValidationError({"end": _("The end must be after the start.")})
    if end - start > dt.timedelta(days=MAX_ENTRY_DAYS):
        raise ValidationError({"end": _("An entry may last at most %(days)d days.") % {"days": MAX_ENTRY_DAYS}})


def _validate_recurrence(rule: str) -> None:
    if not rule:
        return
    if "DTSTART" in rule.upper() or "\n" in rule:
        raise ValidationError({"recurrence": _("Give only the rule, e.g. FREQ=WEEKLY;BYDAY=MO.")})
    try:
        rrulestr(f"RRULE:{rule}", dtstart=dt.datetime(2026, 1, 1))
    except (ValueError, TypeError):
        raise ValidationError({"recurrence": _("This is not a valid recurrence rule.")}) from None


def _check_conflicts(entry: Entry, keep_reason: str) -> None:
    if not entry.blocks_time or entry.status == "cancelled":
        return
    clashes = selectors.conflicts(
        calendar_id=entry.calendar_id, start=entry.start, end=entry.end, exclude_entry_id=entry.pk
    )
    if entry.recurrence:
        # a series: check its first occurrences in the coming year against the rest of the calendar
        probe = selectors.expand(
            {
                "id": entry.pk or 0,
                "calendar_id": entry.calendar_id,
                "start": entry.start,
                "end": entry.end,
                "all_day": entry.all_day,
                "status": entry.status,
                "visibility": entry.visibility,
                "blocks_time": True,
                "recurrence": entry.recurrence,
                "recurrence_until": entry.recurrence_until,
                "shown_title": entry.title,
                "shown_place": "",
                "shown_kind": entry.kind,
                "masked": False,
            },
            entry.start,
            entry.start + dt.timedelta(days=366),
            {},
        )[:52]
        for occurrence in probe[1:]:
            clashes += selectors.conflicts(
                calendar_id=entry.calendar_id, start=occurrence.start, end=occurrence.end, exclude_entry_id=entry.pk
            )
    if clashes and not keep_reason.strip():
        raise ConflictError(clashes)
    entry.conflict_reason = keep_reason.strip() if clashes else ""


PROTOCOL_FIELDS = ("speech_needed", "dress_code", "accompanying", "precedence", "gifts")
ENTRY_FIELDS = (
    "title",
    "kind",
    "start",
    "end",
    "all_day",
    "place",
    "status",
    "visibility",
    "blocks_time",
    "notes",
    "recurrence",
    "recurrence_until",
    *PROTOCOL_FIELDS,
)


@transaction.atomic
def schedule_entry(
    *,
    actor: Any,
    calendar: Calendar,
    title: str,
    start: dt.datetime,
    end: dt.datetime,
    kind: str = "meeting",
    all_day: bool = False,
    place: str = "",
    status: str = "confirmed",
    visibility: str = "internal",
    blocks_time: bool = True,
    notes: str = "",
    recurrence: str = "",
    recurrence_until: dt.date | None = None,
    staff: Iterable[Any] = (),
    contacts: Iterable[Any] = (),
    keep_conflict_reason: str = "",
    source: models.Model | None = None,
    source_label: str = "",
    source_url: str = "",
    check_permission: bool = True,
    **protocol: Any,
) -> Entry:
    """Put an entry on ``calendar``. Raises ConflictError when it clashes and no reason is given.

    Other apps (a press conference, a scheduled meeting request) call this with ``source`` set,
    so the entry links back to the record that created it.
    """
    if check_permission and not access.can_manage(actor, calendar.pk):
        raise PermissionDenied
    _validate_times(start, end)
    _validate_recurrence(recurrence.strip())
    entry = Entry(
        calendar=calendar,
        title=title.strip(),
        kind=kind,
        start=start,
        end=end,
        all_day=all_day,
        place=place.strip(),
        status=status,
        visibility=visibility,
        blocks_time=blocks_time,
        notes=notes.strip(),
        recurrence=recurrence.strip().upper(),
        recurrence_until=recurrence_until,
        created_by=actor,
    )
    if source is not None:
        entry.source_type = ContentType.objects.get_for_model(source)
        entry.source_id = source.pk
        entry.source_label = (source_label or str(source))[:255]
        entry.source_url = source_url
    entry.full_clean(exclude=["staff", "contacts"])
    _check_conflicts(entry, keep_conflict_reason)
    entry.save()
    entry.staff.set(staff)
    entry.contacts.set(contacts)
    audit.record_create(actor=actor, instance=entry)
    return entry


@transaction.atomic
def update_entry(
    *,
    actor: Any,
    entry: Entry,
    keep_conflict_reason: str = "",
    staff: Iterable[Any] | None = None,
    contacts: Iterable[Any] | None = None,
    check_permission: bool = True,
    **changes: Any,
) -> Entry:
    """Change an entry (or move it: ``start``/``end``); clashes are checked again."""
    if check_permission and not access.can_manage(actor, entry.calendar_id):
        raise PermissionDenied
    unknown = set(changes) - set(ENTRY_FIELDS) - {"calendar"}
    if unknown:
        raise TypeError(f"Unknown entry fields: {sorted(unknown)}")
    if check_permission and "calendar" in changes and not access.can_manage(actor, changes["calendar"].pk):
        raise PermissionDenied
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    before = audit.snapshot(entry)
    for name, value in changes.items():
        setattr(entry, name, value.strip() if isinstance(value, str) else value)
    entry.recurrence = entry.recurrence.upper()
    _validate_times(entry.start, entry.end)
    _validate_recurrence(entry.recurrence)
    entry.full_clean(exclude=["staff", "contacts"])
    _check_conflicts(entry, keep_conflict_reason)
    entry.save()
    if staff is not None:
        entry.staff.set(staff)
    if contacts is not None:
        entry.contacts.set(contacts)
    audit.record_update(actor=actor, instance=entry, before=before, message=entry.conflict_reason)
    return entry


@transaction.atomic
def cancel_entry(*, actor: Any, entry: Entry, reason: str = "", check_permission: bool = True) -> Entry:
    if check_permission and not access.can_manage(actor, entry.calendar_id):
        raise PermissionDenied
    before = audit.snapshot(entry, ["status"])
    entry.status = "cancelled"
    entry.save(update_fields=["status", "updated_at"])
    audit.record_update(actor=actor, instance=entry, before=before, message=reason)
    return entry


@transaction.atomic
def change_occurrence(
    *,
    actor: Any,
    entry: Entry,
    original_start: dt.datetime,
    cancelled: bool = False,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    title: str = "",
    place: str = "",
    keep_conflict_reason: str = "",
) -> EntryException:
    """Cancel or change one occurrence of a recurring entry, leaving the series as it is."""
    if not access.can_manage(actor, entry.calendar_id):
        raise PermissionDenied
    if not entry.recurrence:
        raise ValidationError(_("Only a recurring entry has occurrences to change."))
    window = selectors.occurrences(
        user=None, calendar_ids=[entry.calendar_id], start=original_start, end=original_start + entry.duration
    )
    if not any(o.entry_id == entry.pk and o.original_start == original_start for o in window):
        raise ValidationError(_("The series has no occurrence at that time."))
    if start is not None or end is not None:
        start, end = start or original_start, end or (start or original_start) + entry.duration
        _validate_times(start, end)
        clashes = selectors.conflicts(
            calendar_id=entry.calendar_id,
            start=start,
            end=end,
            exclude_entry_id=entry.pk,
            exclude_original=original_start,
        )
        if clashes and entry.blocks_time and not cancelled and not keep_conflict_reason.strip():
            raise ConflictError(clashes)
    exception, _created = EntryException.objects.update_or_create(
        entry=entry,
        original_start=original_start,
        defaults={"cancelled": cancelled, "start": start, "end": end, "title": title.strip(), "place": place.strip()},
    )
    audit.record(
        actor=actor,
        instance=entry,
        action="action",
        message=(_("Occurrence of %(day)s cancelled") if cancelled else _("Occurrence of %(day)s changed"))
        % {"day": date_format(original_start, "SHORT_DATETIME_FORMAT")},
    )
    return exception


@transaction.atomic
def renew_feed_token(*, actor: Any, calendar: Calendar) -> Calendar:
    """Revoke the calendar's subscription link and issue a new one."""
    if not access.can_manage(actor, calendar.pk):
        raise PermissionDenied
    from calendar_app.models import new_feed_token

    calendar.feed_token = new_feed_token()
    calendar.save(update_fields=["feed_token"])
    audit.record(actor=actor, instance=calendar, action="action", message=_("Subscription link renewed"))
    return calendar


# --- Meeting requests -------------------------------------------------------------------------


REQUEST_WORKFLOW = Workflow(
    "meeting request",
    {
        MeetingRequest.Status.NEW: {
            MeetingRequest.Status.ASSESSING,
            MeetingRequest.Status.SCHEDULED,
            MeetingRequest.Status.HANDED_OVER,
            MeetingRequest.Status.DECLINED,
        },
        MeetingRequest.Status.ASSESSING: {
            MeetingRequest.Status.SCHEDULED,
            MeetingRequest.Status.HANDED_OVER,
            MeetingRequest.Status.DECLINED,
        },
    },
)
#: Personal data of requesters are kept this long after the decision, then anonymised.
RETENTION_DAYS = 730
ANONYMISED = "[dane zanonimizowane]"


def _can_handle_requests(user: Any) -> bool:
    return user.has_perm("calendar_app.change_meetingrequest")


@transaction.atomic
def register_request(*, actor: Any, request: MeetingRequest, save_contact: bool = False) -> MeetingRequest:
    """Register a request (a form's unsaved instance); optionally add the requester to the contacts."""
    if not actor.has_perm("calendar_app.add_meetingrequest"):
        raise PermissionDenied
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
    if not _can_handle_requests(actor):
        raise PermissionDenied
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
    return _move(actor, MeetingRequest.objects.select_for_update().get(pk=request.pk), MeetingRequest.Status.ASSESSING)


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
    request = MeetingRequest.objects.select_for_update().select_related("office_holder").get(pk=request.pk)
    REQUEST_WORKFLOW.check(request.status, MeetingRequest.Status.SCHEDULED)
    ensure_calendars()
    calendar = Calendar.objects.get(office_holder=request.office_holder)
    entry = schedule_entry(
        actor=actor,
        calendar=calendar,
        title=_("Meeting: %(name)s – %(topic)s") % {"name": request.requester_name, "topic": request.topic},
        start=start,
        end=end,
        place=place,
        kind="meeting",
        visibility="internal",
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
    from office.services.assignments import hand_over

    request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
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
    request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    return _move(actor, request, MeetingRequest.Status.DECLINED, decline_reason=reason.strip())


def draft_reply(request: MeetingRequest) -> str:
    """The reply letter or e-mail to the requester, drafted from the outcome (editable afterwards)."""
    from django.template.loader import render_to_string

    return render_to_string("calendar_app/letters/meeting_request_reply.txt", {"request": request}).strip()


@transaction.atomic
def save_reply(*, actor: Any, request: MeetingRequest, text: str) -> MeetingRequest:
    if not _can_handle_requests(actor):
        raise PermissionDenied
    before = audit.snapshot(request, ["reply_text"])
    request.reply_text = text.strip()
    request.save(update_fields=["reply_text", "updated_at"])
    audit.record_update(actor=actor, instance=request, before=before)
    return request


def send_reply(*, actor: Any, request: MeetingRequest) -> None:
    """E-mail the reply to the requester (after commit, through the worker)."""
    if not _can_handle_requests(actor):
        raise PermissionDenied
    if not request.email:
        raise ValidationError(_("The requester left no e-mail address; print the letter instead."))
    if not request.reply_text:
        raise ValidationError(_("The reply is empty."))
    from calendar_app.tasks import send_request_reply

    audit.record(
        actor=actor,
        instance=request,
        action="action",
        message=_("Reply e-mailed to %(email)s") % {"email": request.email},
    )
    transaction.on_commit(lambda: send_request_reply.delay(request.pk))


def free_slots(
    *,
    calendar: Calendar,
    first_day: dt.date,
    days: int = 10,
    minutes: int = 60,
    day_start: int = 9,
    day_end: int = 16,
    limit: int = 12,
) -> list[dt.datetime]:
    """Free time on working days for a meeting of ``minutes`` (one query for the whole range)."""
    from office.deadlines import is_working_day

    tz = timezone.get_current_timezone()
    window_start = dt.datetime.combine(first_day, dt.time.min, tzinfo=tz)
    busy = [
        o
        for o in selectors.occurrences(
            user=None,
            calendar_ids=[calendar.pk],
            start=window_start,
            end=window_start + dt.timedelta(days=days),
            include_cancelled=False,
        )
        if o.blocks_time
    ]
    slots, length = [], dt.timedelta(minutes=minutes)
    now = timezone.now()
    for offset in range(days):
        day = first_day + dt.timedelta(days=offset)
        if not is_working_day(day):
            continue
        moment = dt.datetime.combine(day, dt.time(day_start), tzinfo=tz)
        closing = dt.datetime.combine(day, dt.time(day_end), tzinfo=tz)
        while moment + length <= closing and len(slots) < limit:
            if moment > now and not any(o.overlaps(moment, moment + length) for o in busy):
                slots.append(moment)
                moment += length
            else:
                moment += dt.timedelta(minutes=30)
    return slots


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
        audit.record(actor=None, instance=request, action="action", message="RODO: anonymised after retention")
        count += 1
    return count


def monthly_statistics(*, year: int, office_holder_id: int | None = None) -> list[dict[str, Any]]:
    """Per month: received, each outcome, still open, average days from receipt to decision (SQL)."""
    from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q
    from django.db.models.functions import ExtractMonth

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
            open=Count("id", filter=Q(status__in=[MeetingRequest.Status.NEW, MeetingRequest.Status.ASSESSING])),
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


# --- Meeting notes and decisions ----------------------------------------------------------------


@transaction.atomic
def save_notes(*, actor: Any, entry: Entry, agenda: str, notes: str) -> MeetingNotes:
    if not access.can_manage(actor, entry.calendar_id):
        raise PermissionDenied
    record, _created = MeetingNotes.objects.get_or_create(entry=entry)
    before = audit.snapshot(record, ["agenda", "notes"])
    record.agenda, record.notes, record.updated_by = agenda.strip(), notes.strip(), actor
    record.save()
    audit.record(
        actor=actor,
        instance=entry,
        action="update",
        message=_("Meeting notes saved"),
        changes=audit.diff(before, audit.snapshot(record, ["agenda", "notes"])),
    )
    return record


@transaction.atomic
def record_decision(
    *, actor: Any, entry: Entry, text: str, unit: Any, due_date: dt.date, assignee: Any = None
) -> Decision:
    """A decision of the meeting, followed up as an Assignment to the unit with a deadline."""
    from office.services.assignments import hand_over

    if not access.can_manage(actor, entry.calendar_id):
        raise PermissionDenied
    if not text.strip():
        raise ValidationError({"text": _("Write the decision.")})
    decision = Decision.objects.create(entry=entry, text=text.strip(), created_by=actor)
    decision.assignment = hand_over(
        actor=actor,
        title=text.strip()[:255],
        description=text.strip(),
        unit=unit,
        assignee=assignee,
        due_date=due_date,
        source=decision,
        source_label=_("Decision of %(meeting)s, %(day)s")
        % {"meeting": entry.title, "day": date_format(timezone.localtime(entry.start), "SHORT_DATE_FORMAT")},
        source_url=reverse("calendar_app:entry_detail", args=[entry.pk]),
    )
    decision.save(update_fields=["assignment"])
    audit.record(
        actor=actor,
        instance=entry,
        action="action",
        message=_("Decision recorded: %(text)s") % {"text": text.strip()[:200]},
    )
    return decision


@transaction.atomic
def request_briefing(*, actor: Any, entry: Entry, unit: Any, due_date: dt.date, what: str) -> Any:
    """Ask a unit for briefing materials for the meeting (an Assignment whose source is the entry)."""
    from office.services.assignments import hand_over

    if not access.can_manage(actor, entry.calendar_id):
        raise PermissionDenied
    if due_date > timezone.localtime(entry.start).date():
        raise ValidationError({"due_date": _("Materials are needed before the meeting.")})
    return hand_over(
        actor=actor,
        title=_("Materials for: %(meeting)s") % {"meeting": entry.title},
        description=what,
        unit=unit,
        due_date=due_date,
        source=entry,
        source_label=f"{entry.title} ({date_format(timezone.localtime(entry.start), 'SHORT_DATETIME_FORMAT')})",
        source_url=reverse("calendar_app:entry_detail", args=[entry.pk]),
    )
