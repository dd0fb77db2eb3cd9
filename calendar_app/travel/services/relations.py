"""Partner cities, their agreements, and the foreign delegations the city receives (on the host's
calendar, moved with the visit; the programme by the hour; the gifts)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from calendar_app import services as calendar_services
from calendar_app.travel.models import Agreement, Delegation, DelegationStatus, Gift, PartnerCity, ProgrammeItem
from office.services import audit


def delegation_url(delegation: Delegation) -> str:
    return reverse("travel:delegation_detail", args=[delegation.pk])


@transaction.atomic
def save_partner(*, actor: Any, partner: PartnerCity, contacts: Any = None) -> PartnerCity:
    partner.name = partner.name.strip()
    return audit.save_record(actor=actor, record=partner, related={"contacts": contacts})


@transaction.atomic
def add_agreement(
    *,
    actor: Any,
    partner: PartnerCity,
    title: str,
    signed_on: dt.date,
    valid_until: dt.date | None = None,
    notes: str = "",
) -> Agreement:
    if valid_until is not None and valid_until < signed_on:
        raise ValidationError({"valid_until": _("An agreement cannot end before it is signed.")})
    agreement = Agreement(
        partner=partner, title=title.strip(), signed_on=signed_on, valid_until=valid_until, notes=notes.strip()
    )
    return audit.save_record(actor=actor, record=agreement)


def _entry_fields(delegation: Delegation) -> dict[str, Any]:
    with translation.override("pl"):
        title = _("Foreign delegation: %(name)s") % {"name": delegation.name}
    return {"title": title[:200], "start": delegation.arrives_at, "end": delegation.departs_at}


def _sync_calendar(actor: Any, delegation: Delegation, keep_conflict_reason: str = "") -> None:
    """The visit is on the host's calendar while it is planned; moved with it; taken off otherwise."""
    entry = calendar_services.entry_by_id(delegation.calendar_entry_id)
    if entry is not None and entry.status == calendar_services.EntryStatus.CANCELLED:
        entry = None
    wanted = delegation.host if delegation.status != DelegationStatus.CANCELLED else None
    if entry is not None and (wanted is None or entry.calendar.office_holder_id != wanted.pk):
        calendar_services.cancel_entry(actor=actor, entry=entry, reason=_("The visit changed."))
        entry = None
    if wanted is not None and entry is None:
        entry = calendar_services.schedule_entry(
            actor=actor,
            calendar=calendar_services.calendar_of(wanted),
            kind=calendar_services.EntryKind.MEETING,
            visibility=calendar_services.Visibility.INTERNAL,
            keep_conflict_reason=keep_conflict_reason,
            source=delegation,
            source_label=delegation.name[:255],
            source_url=delegation_url(delegation),
            **_entry_fields(delegation),
        )
    elif entry is not None:
        calendar_services.update_entry(
            actor=actor,
            entry=entry,
            keep_conflict_reason=keep_conflict_reason or entry.conflict_reason,
            **_entry_fields(delegation),
        )
    entry_id = entry.pk if entry is not None else None
    if delegation.calendar_entry_id != entry_id:
        delegation.calendar_entry_id = entry_id
        Delegation.objects.filter(pk=delegation.pk).update(calendar_entry_id=entry_id)


@transaction.atomic
def save_delegation(*, actor: Any, delegation: Delegation, keep_conflict_reason: str = "") -> Delegation:
    """Register or change a delegation; it is on the host's calendar and moves with its dates."""
    if delegation.arrives_at and delegation.departs_at and delegation.departs_at <= delegation.arrives_at:
        raise ValidationError({"departs_at": _("The departure must be after the arrival.")})
    if delegation.pk:
        outside = delegation.programme.exclude(
            starts_at__gte=delegation.arrives_at, ends_at__lte=delegation.departs_at
        ).first()
        if outside is not None:
            raise ValidationError(
                {"arrives_at": _("The programme item %(item)s would lie outside the visit.") % {"item": outside}}
            )
    if delegation.pk is None:
        delegation.created_by = actor
    audit.save_record(actor=actor, record=delegation)
    _sync_calendar(actor, delegation, keep_conflict_reason)
    return delegation


@transaction.atomic
def set_status(*, actor: Any, delegation: Delegation, status: str, note: str = "") -> Delegation:
    delegation = Delegation.objects.select_for_update(of=("self",)).get(pk=delegation.pk)
    if delegation.status != DelegationStatus.PLANNED:
        raise ValidationError(_("Only a planned visit changes its status."))
    before = audit.snapshot(delegation, ["status"])
    delegation.status = status
    delegation.save(update_fields=["status", "updated_at"])
    audit.record_update(actor=actor, instance=delegation, before=before, message=note.strip())
    _sync_calendar(actor, delegation)
    return delegation


@transaction.atomic
def add_programme_item(
    *, actor: Any, delegation: Delegation, starts_at: dt.datetime, ends_at: dt.datetime, title: str, place: str = ""
) -> ProgrammeItem:
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The item must end after it starts.")})
    if starts_at < delegation.arrives_at or ends_at > delegation.departs_at:
        raise ValidationError({"starts_at": _("The item must lie within the visit.")})
    item = ProgrammeItem(
        delegation=delegation, starts_at=starts_at, ends_at=ends_at, title=title.strip(), place=place.strip()
    )
    return audit.save_record(actor=actor, record=item)


@transaction.atomic
def add_gift(
    *, actor: Any, delegation: Delegation, direction: str, description: str, person: str, value: Decimal | None = None
) -> Gift:
    gift = Gift(
        delegation=delegation, direction=direction, description=description.strip(), person=person.strip(), value=value
    )
    return audit.save_record(actor=actor, record=gift)
