"""Requests for press materials: one request, an Assignment per unit (the unit answers it in its
inbox: the reply is its text, the files attached are its materials), closed once gathered."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.administration.models import MaterialRequest
from office.models import Assignment, OrgUnit
from office.services import audit
from office.services.assignments import hand_over


@transaction.atomic
def request_materials(*, actor: Any, request: MaterialRequest, units: list[OrgUnit]) -> MaterialRequest:
    """Save the request and hand it over to each unit (once per unit: a unit added later gets its
    own assignment; one taken off keeps the assignment it already has)."""
    if not units:
        raise ValidationError({"units": _("Choose at least one unit.")})
    if request.due_date < timezone.localdate() and request.pk is None:
        raise ValidationError({"due_date": _("The due date cannot be in the past.")})
    if request.pk is None:
        request.created_by = actor
    audit.save_record(actor=actor, record=request, related={"units": units})
    asked = set(assignments_of(request).values_list("unit_id", flat=True))
    url = reverse("administration:material_detail", args=[request.pk])
    for unit in units:
        if unit.pk in asked:
            continue
        hand_over(
            actor=actor,
            title=_("Press materials: %(title)s") % {"title": request.title},
            unit=unit,
            due_date=request.due_date,
            description=request.instructions,
            source=request,
            source_label=request.title,
            source_url=url,
        )
    return request


def assignments_of(request: MaterialRequest) -> Any:
    return Assignment.objects.filter(
        source_type=ContentType.objects.get_for_model(MaterialRequest), source_id=request.pk
    )


@transaction.atomic
def close_request(*, actor: Any, request: MaterialRequest) -> MaterialRequest:
    """The materials are gathered: the request is closed (the units' assignments stay as they are)."""
    if not request.is_open:
        raise ValidationError(_("The request is already closed."))
    request.closed_at = timezone.now()
    request.save(update_fields=["closed_at", "updated_at"])
    audit.record(actor=actor, instance=request, action="action", message=audit.note(gettext_noop("Closed")))
    return request


@transaction.atomic
def reopen_request(*, actor: Any, request: MaterialRequest) -> MaterialRequest:
    if request.is_open:
        raise ValidationError(_("The request is open."))
    request.closed_at = None
    request.save(update_fields=["closed_at", "updated_at"])
    audit.record(actor=actor, instance=request, action="action", message=audit.note(gettext_noop("Reopened")))
    return request
