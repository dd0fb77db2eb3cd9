"""The council: terms, councillors, committees, sessions with their agendas and recordings, committee
meetings, and the mayor's attendance on his calendar (calendar_app's public service). Every
function is a complete change: validated, atomic, on the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from calendar_app import services as calendar_services
from office.council.models import (
    AgendaItem,
    Broadcast,
    Committee,
    CommitteeMeeting,
    Councillor,
    Session,
    SessionStatus,
    Term,
)
from office.council.workflows import SESSION_WORKFLOW
from office.models import OfficeHolder
from office.services import audit


def session_url(session: Session) -> str:
    return reverse("council:session_detail", args=[session.pk])


def meeting_url(meeting: CommitteeMeeting) -> str:
    return reverse("council:meeting_detail", args=[meeting.pk])


def current_term(today: dt.date | None = None) -> Term | None:
    """The term running today (else the latest one)."""
    today = today or timezone.localdate()
    running = Term.objects.filter(starts_on__lte=today, ends_on__gte=today).order_by("-starts_on").first()
    return running or Term.objects.order_by("-starts_on").first()


@transaction.atomic
def save_term(*, actor: Any, term: Term) -> Term:
    term.name = term.name.strip()
    return audit.save_record(actor=actor, record=term)


@transaction.atomic
def save_councillor(*, actor: Any, councillor: Councillor) -> Councillor:
    """Register or change a councillor; the mandate lies within the term."""
    term = councillor.term
    if councillor.mandate_from and (councillor.mandate_from < term.starts_on or councillor.mandate_from > term.ends_on):
        raise ValidationError({"mandate_from": _("The mandate starts within the term.")})
    if councillor.mandate_to and councillor.mandate_to > term.ends_on:
        raise ValidationError({"mandate_to": _("The mandate ends within the term.")})
    for name in ("first_name", "last_name", "club"):
        setattr(councillor, name, getattr(councillor, name).strip())
    return audit.save_record(actor=actor, record=councillor)


@transaction.atomic
def save_committee(*, actor: Any, committee: Committee, members: Any = None) -> Committee:
    """A committee with its members, all councillors of its term; the chair is a member."""
    members = list(members) if members is not None else None
    if members is not None and any(m.term_id != committee.term_id for m in members):
        raise ValidationError({"members": _("Members are councillors of the committee's term.")})
    if committee.chair_id and committee.chair.term_id != committee.term_id:
        raise ValidationError({"chair": _("The chair is a councillor of the committee's term.")})
    if committee.chair_id and members is not None and committee.chair not in members:
        members.append(committee.chair)
    committee.name = committee.name.strip()
    return audit.save_record(actor=actor, record=committee, related={"members": members})


def next_session_number(term: Term) -> int:
    return (Session.objects.filter(term=term).aggregate(last=Max("number"))["last"] or 0) + 1


def agenda_lines(text: str) -> list[str]:
    """The points of an agenda typed one per line (a leading ``3.`` is the typist's, dropped)."""
    points = []
    for line in text.splitlines():
        line = line.strip().lstrip("0123456789").lstrip(".) ").strip()
        if line:
            points.append(line[:500])
    return points


def _set_agenda(actor: Any, session: Session, agenda: str | None) -> None:
    if agenda is None:
        return
    points = agenda_lines(agenda)
    before = [str(item) for item in session.agenda.all()]
    session.agenda.all().delete()
    AgendaItem.objects.bulk_create(
        AgendaItem(session=session, position=n, title=title) for n, title in enumerate(points, start=1)
    )
    after = [f"{n}. {title}" for n, title in enumerate(points, start=1)]
    if before != after:
        audit.record(actor=actor, instance=session, action="update", changes={"agenda": [before, after]})


@transaction.atomic
def save_session(*, actor: Any, session: Session, agenda: str | None = None) -> Session:
    """Register or change a session and its agenda (one point a line). Numbers are unique in the term."""
    if session.term_id and session.number:
        clash = Session.objects.filter(term_id=session.term_id, number=session.number).exclude(pk=session.pk)
        if clash.exists():
            raise ValidationError({"number": _("This term already has a session with this number.")})
    if session.term_id and session.starts_at:
        day = timezone.localtime(session.starts_at).date()
        if not session.term.starts_on <= day <= session.term.ends_on:
            raise ValidationError({"starts_at": _("The session is held within the term.")})
    if session.pk is None:
        session.created_by = actor
    session.place = session.place.strip()
    session = audit.save_record(actor=actor, record=session)
    _set_agenda(actor, session, agenda)
    if session.calendar_entry_id:
        _move_entry(actor, session.calendar_entry_id, session.starts_at)
    return session


def _move_entry(actor: Any, entry_id: int, starts_at: dt.datetime) -> None:
    """A session or meeting moved: its calendar entry moves with it, keeping its length."""
    entry = calendar_services.entry_by_id(entry_id)
    if entry is None or entry.start == starts_at:
        return
    length = entry.end - entry.start
    calendar_services.update_entry(
        actor=actor,
        entry=entry,
        start=starts_at,
        end=starts_at + length,
        keep_conflict_reason=_("moved with the council's schedule"),
    )


def _locked(model: Any, record: Any) -> Any:
    return model.objects.select_for_update(of=("self",)).get(pk=record.pk)


@transaction.atomic
def close_session(*, actor: Any, session: Session, held: bool = True, note: str = "") -> Session:
    """Mark a planned session held or cancelled; a cancelled one leaves the mayor's calendar."""
    session = _locked(Session, session)
    target = SessionStatus.HELD if held else SessionStatus.CANCELLED
    SESSION_WORKFLOW.check(session.status, target)
    if held and session.starts_at > timezone.now():
        raise ValidationError({"held": _("A session is held once it has started.")})
    before = audit.snapshot(session, ["status"])
    session.status = target
    session.save(update_fields=["status", "updated_at"])
    audit.record_update(actor=actor, instance=session, before=before, message=note.strip())
    if not held and session.calendar_entry_id:
        entry = calendar_services.entry_by_id(session.calendar_entry_id)
        if entry is not None:
            calendar_services.cancel_entry(actor=actor, entry=entry, reason=_("The session was cancelled."))
    return session


@transaction.atomic
def update_recording(
    *,
    actor: Any,
    session: Session,
    broadcast: str,
    recording_url: str = "",
    minutes_url: str = "",
    minutes_published_on: dt.date | None = None,
) -> Session:
    """The recording and broadcast of a session (PT-18) and its minutes once published."""
    session = _locked(Session, session)
    if broadcast == Broadcast.RECORDED and not recording_url:
        raise ValidationError({"recording_url": _("Give the link to the published recording.")})
    if minutes_url and minutes_published_on is None:
        raise ValidationError({"minutes_published_on": _("Give the day the minutes were published.")})
    if minutes_published_on and minutes_published_on < session.day:
        raise ValidationError({"minutes_published_on": _("Minutes are published after the session.")})
    if minutes_published_on and minutes_published_on > timezone.localdate():
        raise ValidationError({"minutes_published_on": _("The date cannot be in the future.")})
    if broadcast in (Broadcast.LIVE, Broadcast.RECORDED) and session.starts_at > timezone.now():
        raise ValidationError({"broadcast": _("The session has not started yet.")})
    before = audit.snapshot(session, ["broadcast", "recording_url", "minutes_url", "minutes_published_on"])
    session.broadcast, session.recording_url = broadcast, recording_url.strip()
    session.minutes_url, session.minutes_published_on = minutes_url.strip(), minutes_published_on
    session.save()
    audit.record_update(actor=actor, instance=session, before=before)
    return session


def _attend(
    actor: Any,
    record: Any,
    *,
    holder: OfficeHolder,
    start: dt.datetime,
    end: dt.datetime,
    title: str,
    place: str,
    url: str,
    keep_conflict_reason: str,
) -> Any:
    if record.calendar_entry_id is not None:
        raise ValidationError({"holder": _("It is on the calendar already.")})
    if end <= start:
        raise ValidationError({"end": _("The end comes after the start.")})
    entry = calendar_services.schedule_entry(
        actor=actor,
        calendar=calendar_services.calendar_of(holder),
        title=title,
        start=start,
        end=end,
        kind=calendar_services.EntryKind.COUNCIL,
        place=place,
        visibility=calendar_services.Visibility.PUBLIC,
        keep_conflict_reason=keep_conflict_reason,
        source=record,
        source_label=str(record),
        source_url=url,
    )
    before = audit.snapshot(record, ["attended_by", "calendar_entry_id"])
    record.attended_by, record.calendar_entry_id = holder, entry.pk
    record.save(update_fields=["attended_by", "calendar_entry_id", "updated_at"])
    audit.record_update(actor=actor, instance=record, before=before)
    return record


@transaction.atomic
def attend_session(
    *,
    actor: Any,
    session: Session,
    holder: OfficeHolder,
    start: dt.datetime,
    end: dt.datetime,
    keep_conflict_reason: str = "",
) -> Session:
    """The mayor (or a deputy) attends the session: it goes on their calendar, linked back here.
    A clash with their other entries is refused unless a reason is given (calendar_app's rule)."""
    session = _locked(Session, session)
    if not session.is_planned:
        raise ValidationError({"holder": _("Only a planned session goes on the calendar.")})
    title = _("Council session: %(session)s") % {"session": session.roman}
    return _attend(
        actor,
        session,
        holder=holder,
        start=start,
        end=end,
        title=title,
        place=session.place,
        url=session_url(session),
        keep_conflict_reason=keep_conflict_reason,
    )


@transaction.atomic
def save_meeting(*, actor: Any, meeting: CommitteeMeeting) -> CommitteeMeeting:
    meeting.place = meeting.place.strip()
    meeting = audit.save_record(actor=actor, record=meeting)
    if meeting.calendar_entry_id:
        _move_entry(actor, meeting.calendar_entry_id, meeting.starts_at)
    return meeting


@transaction.atomic
def attend_meeting(
    *,
    actor: Any,
    meeting: CommitteeMeeting,
    holder: OfficeHolder,
    start: dt.datetime,
    end: dt.datetime,
    keep_conflict_reason: str = "",
) -> CommitteeMeeting:
    """The mayor (or a deputy) attends a committee meeting: on their calendar."""
    meeting = CommitteeMeeting.objects.select_for_update(of=("self",)).select_related("committee").get(pk=meeting.pk)
    title = _("Committee meeting: %(committee)s") % {"committee": meeting.committee.name}
    return _attend(
        actor,
        meeting,
        holder=holder,
        start=start,
        end=end,
        title=title,
        place=meeting.place,
        url=meeting_url(meeting),
        keep_conflict_reason=keep_conflict_reason,
    )
