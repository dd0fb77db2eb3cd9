"""Translation orders: a document to translate, by whom, by when, and the translation itself."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from correspondence.models import TranslationOrder, TranslationStatus
from correspondence.workflows import TRANSLATION_WORKFLOW
from office.services import audit
from office.services.attachments import attach


@transaction.atomic
def save_order(*, actor: Any, order: TranslationOrder) -> TranslationOrder:
    if order.pk is None:
        order.created_by = actor
    if order.due_on and order.ordered_on and order.due_on < order.ordered_on:
        raise ValidationError({"due_on": _("The translation cannot be due before it was ordered.")})
    if order.source_language.strip().lower() == order.target_language.strip().lower():
        raise ValidationError({"target_language": _("Translate into another language.")})
    return audit.save_record(actor=actor, record=order)


@transaction.atomic
def start(*, actor: Any, order: TranslationOrder) -> TranslationOrder:
    return _move(actor, order, TranslationStatus.IN_PROGRESS)


@transaction.atomic
def deliver(*, actor: Any, order: TranslationOrder, delivered_on: dt.date, file: Any = None) -> TranslationOrder:
    """The translation came: its date, and the translated file attached to the order."""
    if delivered_on > timezone.localdate():
        raise ValidationError({"delivered_on": _("The date of delivery cannot be in the future.")})
    if delivered_on < order.ordered_on:
        raise ValidationError({"delivered_on": _("A translation cannot be delivered before it was ordered.")})
    order = _move(actor, order, TranslationStatus.DELIVERED, delivered_on=delivered_on)
    if file is not None:
        attach(actor=actor, record=order, upload=file, description=_("Translation"))
    return order


@transaction.atomic
def cancel(*, actor: Any, order: TranslationOrder, reason: str) -> TranslationOrder:
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the order is cancelled.")})
    order = _move(actor, order, TranslationStatus.CANCELLED)
    order.notes = f"{order.notes}\n{reason.strip()}".strip()
    order.save(update_fields=["notes"])
    return order


def _move(actor: Any, order: TranslationOrder, target: str, **values: Any) -> TranslationOrder:
    order = TranslationOrder.objects.select_for_update(of=("self",)).get(pk=order.pk)
    TRANSLATION_WORKFLOW.check(order.status, target)
    before = audit.snapshot(order, ["status", *values])
    order.status = target
    for name, value in values.items():
        setattr(order, name, value)
    order.save()
    audit.record_update(actor=actor, instance=order, before=before)
    return order
