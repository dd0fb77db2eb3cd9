"""A meeting's own records: agenda and notes, decisions followed up as office assignments, and
requests to units for briefing materials."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from calendar_app.access import entry_label
from calendar_app.models import Decision, Entry, MeetingNotes
from office.services import audit
from office.services.assignments import hand_over


@transaction.atomic
def save_notes(*, actor: Any, entry: Entry, agenda: str, notes: str) -> MeetingNotes:
    record, _created = MeetingNotes.objects.get_or_create(entry=entry)
    before = audit.snapshot(record, ["agenda", "notes"])
    record.agenda, record.notes, record.updated_by = agenda.strip(), notes.strip(), actor
    record.save()
    audit.record(
        actor=actor,
        instance=entry,
        action="update",
        message=audit.note(gettext_noop("Meeting notes saved")),
        changes=audit.diff(before, audit.snapshot(record, ["agenda", "notes"])),
    )
    return record


@transaction.atomic
def record_decision(
    *, actor: Any, entry: Entry, text: str, unit: Any, due_date: dt.date, assignee: Any = None
) -> Decision:
    """A decision of the meeting, followed up as an Assignment to the unit with a deadline.

    The assignment names the meeting by ``access.entry_label``: a private meeting's title never
    leaves the calendar."""
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
        source_label=_("Decision of the meeting: %(meeting)s") % {"meeting": entry_label(entry)},
        source_url=reverse("calendar_app:entry_detail", args=[entry.pk]),
    )
    decision.save(update_fields=["assignment"])
    audit.record(
        actor=actor,
        instance=entry,
        action="action",
        message=audit.note(gettext_noop("Decision recorded: %(text)s"), text=text.strip()[:200]),
    )
    return decision


@transaction.atomic
def request_briefing(*, actor: Any, entry: Entry, unit: Any, due_date: dt.date, what: str) -> Any:
    """Ask a unit for briefing materials for the meeting (an Assignment whose source is the entry);
    a private meeting is named by its day only (``access.entry_label``)."""
    if due_date > timezone.localtime(entry.start).date():
        raise ValidationError({"due_date": _("Materials are needed before the meeting.")})
    return hand_over(
        actor=actor,
        title=_("Materials for: %(meeting)s") % {"meeting": entry_label(entry)},
        description=what,
        unit=unit,
        due_date=due_date,
        source=entry,
        source_label=entry_label(entry),
        source_url=reverse("calendar_app:entry_detail", args=[entry.pk]),
    )
