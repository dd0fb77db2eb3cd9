"""The secretariat's visitor log and the circulation of paper documents."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from correspondence.models import Handover, PaperDocument, Visit
from office.services import audit


@transaction.atomic
def save_visit(*, actor: Any, visit: Visit) -> Visit:
    if visit.pk is None:
        visit.created_by = actor
    if visit.left_at and not visit.arrived_at:
        raise ValidationError({"left_at": _("Record the arrival before the departure.")})
    if visit.left_at and visit.arrived_at and visit.left_at < visit.arrived_at:
        raise ValidationError({"left_at": _("A visitor cannot leave before arriving.")})
    return audit.save_record(actor=actor, record=visit)


@transaction.atomic
def arrive(*, actor: Any, visit: Visit, badge_number: str = "", at: dt.datetime | None = None) -> Visit:
    visit = Visit.objects.select_for_update(of=("self",)).get(pk=visit.pk)
    if visit.has_arrived:
        raise ValidationError(_("The arrival is already recorded."))
    before = audit.snapshot(visit, ["arrived_at", "badge_number"])
    visit.arrived_at, visit.badge_number = at or timezone.now(), badge_number.strip()
    visit.save(update_fields=["arrived_at", "badge_number"])
    audit.record_update(actor=actor, instance=visit, before=before)
    return visit


@transaction.atomic
def leave(*, actor: Any, visit: Visit, badge_returned: bool, at: dt.datetime | None = None) -> Visit:
    visit = Visit.objects.select_for_update(of=("self",)).get(pk=visit.pk)
    if not visit.has_arrived:
        raise ValidationError(_("Record the arrival first."))
    if visit.has_left:
        raise ValidationError(_("The departure is already recorded."))
    if visit.badge_number and not badge_returned:
        raise ValidationError({"badge_returned": _("Take the badge back, or say it was not returned in the notes.")})
    before = audit.snapshot(visit, ["left_at", "badge_returned"])
    visit.left_at, visit.badge_returned = at or timezone.now(), badge_returned
    visit.save(update_fields=["left_at", "badge_returned"])
    audit.record_update(actor=actor, instance=visit, before=before)
    return visit


@transaction.atomic
def register_document(*, actor: Any, document: PaperDocument) -> PaperDocument:
    document.created_by = actor
    document.holder = document.holder or actor
    document.held_since = timezone.now()
    return audit.save_record(actor=actor, record=document)


@transaction.atomic
def hand_document(
    *, actor: Any, document: PaperDocument, to_user: Any = None, to_unit: Any = None, note: str = ""
) -> Handover:
    """The document moves to another desk: who holds it now, and the move on its history."""
    if to_user is None and to_unit is None:
        raise ValidationError({"to_user": _("Choose to whom the document goes.")})
    document = PaperDocument.objects.select_for_update(of=("self",)).get(pk=document.pk)
    if document.is_archived:
        raise ValidationError(_("The document is in the archive."))
    if to_user is not None and to_user.pk == document.holder_id:
        raise ValidationError({"to_user": _("The document is already held by this person.")})
    now = timezone.now()
    handover = Handover.objects.create(
        document=document,
        from_user_id=document.holder_id,
        to_user=to_user,
        to_unit=to_unit if to_unit is not None else getattr(to_user, "unit", None),
        at=now,
        note=note.strip(),
        recorded_by=actor,
    )
    before = audit.snapshot(document, ["holder", "holder_unit"])
    document.holder, document.holder_unit, document.held_since = to_user, handover.to_unit, now
    document.save(update_fields=["holder", "holder_unit", "held_since"])
    audit.record_update(
        actor=actor,
        instance=document,
        before=before,
        message=audit.note(gettext_noop("Handed over: %(note)s"), note=note.strip()) if note.strip() else "",
    )
    return handover


@transaction.atomic
def archive_document(*, actor: Any, document: PaperDocument) -> PaperDocument:
    document = PaperDocument.objects.select_for_update(of=("self",)).get(pk=document.pk)
    before = audit.snapshot(document, ["is_archived", "holder"])
    document.is_archived, document.holder = True, None
    document.save(update_fields=["is_archived", "holder"])
    audit.record_update(actor=actor, instance=document, before=before)
    return document
