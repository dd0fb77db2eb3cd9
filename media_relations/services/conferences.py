"""Press conferences, put on an office holder's calendar through calendar_app's public service.

The link to calendar_app is optional: when the app is not installed the conference keeps its
own date and no entry is made (the only imports allowed are calendar_app.services and .models).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from media_relations.models import Conference, Invitation, Outlet
from office.models import OfficeHolder
from office.services import audit


def calendar_available() -> bool:
    return apps.is_installed("calendar_app")


def _put_on_calendar(*, actor: Any, conference: Conference, holder: OfficeHolder, keep_conflict_reason: str) -> int:
    from calendar_app import services as calendar_services
    from calendar_app.models import Calendar, EntryKind, Visibility

    calendar_services.ensure_calendars()
    calendar = Calendar.objects.get(office_holder=holder)
    entry = calendar_services.schedule_entry(
        actor=actor,
        calendar=calendar,
        title=_("Press conference: %(topic)s") % {"topic": conference.topic},
        start=conference.starts_at,
        end=conference.ends_at,
        kind=EntryKind.PRESS,
        place=conference.place,
        visibility=Visibility.PUBLIC,
        keep_conflict_reason=keep_conflict_reason,
        source=conference,
        source_label=_("Press conference: %(topic)s") % {"topic": conference.topic},
        source_url=reverse("media_relations:conference_detail", args=[conference.pk]),
    )
    return entry.pk


@transaction.atomic
def create_conference(
    *,
    actor: Any,
    topic: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    place: str,
    description: str = "",
    office_holder: OfficeHolder | None = None,
    speakers: Any = (),
    guest_speakers: Any = (),
    outlets: Any = (),
    keep_conflict_reason: str = "",
) -> Conference:
    """Create the conference, invite the outlets and put it on ``office_holder``'s calendar."""
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The end must be after the start.")})
    conference = Conference(
        topic=topic.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        description=description.strip(),
        office_holder=office_holder,
        created_by=actor,
    )
    conference.full_clean()
    conference.save()
    conference.speakers.set(speakers)
    conference.guest_speakers.set(guest_speakers)
    Invitation.objects.bulk_create([Invitation(conference=conference, outlet=outlet) for outlet in outlets])
    if office_holder is not None and calendar_available():
        conference.calendar_entry_id = _put_on_calendar(
            actor=actor, conference=conference, holder=office_holder, keep_conflict_reason=keep_conflict_reason
        )
        conference.save(update_fields=["calendar_entry_id"])
    audit.record_create(actor=actor, instance=conference)
    return conference


@transaction.atomic
def update_conference(
    *,
    actor: Any,
    conference: Conference,
    topic: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    place: str,
    description: str = "",
    office_holder: OfficeHolder | None = None,
    speakers: Any = (),
    guest_speakers: Any = (),
    outlets: Any = (),
    keep_conflict_reason: str = "",
) -> Conference:
    """Change the conference; its calendar entry moves with it (or goes, or comes) through the
    calendar's public service, and the invitations follow the chosen outlets (keeping attendance)."""
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The end must be after the start.")})
    conference = Conference.objects.select_for_update(of=("self",)).get(pk=conference.pk)
    before = audit.snapshot(conference)
    previous_holder_id = conference.office_holder_id
    conference.topic, conference.place, conference.description = topic.strip(), place.strip(), description.strip()
    conference.starts_at, conference.ends_at, conference.office_holder = starts_at, ends_at, office_holder
    conference.full_clean()
    conference.save()
    conference.speakers.set(speakers)
    conference.guest_speakers.set(guest_speakers)
    wanted = {outlet.pk for outlet in outlets}
    conference.invitations.exclude(outlet_id__in=wanted).delete()
    have = set(conference.invitations.values_list("outlet_id", flat=True))
    Invitation.objects.bulk_create([Invitation(conference=conference, outlet_id=pk) for pk in sorted(wanted - have)])
    if calendar_available():
        _follow_on_calendar(
            actor=actor,
            conference=conference,
            previous_holder_id=previous_holder_id,
            keep_conflict_reason=keep_conflict_reason,
        )
    audit.record_update(actor=actor, instance=conference, before=before)
    return conference


def _follow_on_calendar(
    *, actor: Any, conference: Conference, previous_holder_id: int | None, keep_conflict_reason: str
) -> None:
    from calendar_app import services as calendar_services
    from calendar_app.models import Calendar, Entry

    entry = Entry.objects.filter(pk=conference.calendar_entry_id).first() if conference.calendar_entry_id else None
    holder = conference.office_holder
    if entry is not None and (holder is None or holder.pk != previous_holder_id):
        calendar_services.cancel_entry(actor=actor, entry=entry, reason=_("The press conference changed."))
        entry = None
        conference.calendar_entry_id = None
    if holder is None:
        conference.save(update_fields=["calendar_entry_id"])
        return
    if entry is None:
        conference.calendar_entry_id = _put_on_calendar(
            actor=actor, conference=conference, holder=holder, keep_conflict_reason=keep_conflict_reason
        )
        conference.save(update_fields=["calendar_entry_id"])
        return
    calendar_services.update_entry(
        actor=actor,
        entry=entry,
        keep_conflict_reason=keep_conflict_reason,
        calendar=Calendar.objects.get(office_holder=holder),
        title=_("Press conference: %(topic)s") % {"topic": conference.topic},
        start=conference.starts_at,
        end=conference.ends_at,
        place=conference.place,
    )


@transaction.atomic
def record_attendance(*, actor: Any, conference: Conference, attended: list[Outlet]) -> Conference:
    """Which invited outlets came (an outlet that came uninvited is added)."""
    ids = {outlet.pk for outlet in attended}
    existing = set(conference.invitations.values_list("outlet_id", flat=True))
    Invitation.objects.bulk_create(
        [Invitation(conference=conference, outlet_id=pk) for pk in ids - existing], ignore_conflicts=True
    )
    conference.invitations.update(attended=False)
    conference.invitations.filter(outlet_id__in=ids).update(attended=True)
    audit.record(
        actor=actor,
        instance=conference,
        action="update",
        message=audit.note(gettext_noop("Attendance: %(n)d outlets"), n=len(ids)),
    )
    return conference


def calendar_entry_url(conference: Conference) -> str:
    if conference.calendar_entry_id is None or not calendar_available():
        return ""
    return reverse("calendar_app:entry_detail", args=[conference.calendar_entry_id])
