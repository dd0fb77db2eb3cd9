"""Writing the audit trail. Every service that changes a record calls ``record``."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from office.models import AuditEntry

#: Fields never written into the trail.
SECRET_FIELDS = {"password", "token", "secret"}


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    if isinstance(value, list | tuple | set):
        return [_plain(item) for item in value]
    return value


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The current values of the concrete fields of ``instance`` (foreign keys as text)."""
    result = {}
    for field in instance._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        if field.name in SECRET_FIELDS or not field.editable:
            continue
        if field.is_relation:
            raw_id = getattr(instance, field.attname)
            result[field.name] = None if raw_id is None else str(getattr(instance, field.name))
        else:
            result[field.name] = _plain(getattr(instance, field.name))
    return result


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}


def record(
    *,
    actor: Any,
    instance: models.Model,
    action: str,
    changes: dict[str, Any] | None = None,
    message: str = "",
) -> AuditEntry:
    """Append an entry for ``instance`` to the trail. ``actor`` may be None for system work."""
    return AuditEntry.objects.create(
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
        object_id=str(instance.pk),
        object_repr=str(instance)[:255],
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        changes=changes or {},
        message=message[:500],
    )


def record_create(*, actor: Any, instance: models.Model, message: str = "") -> AuditEntry:
    after = snapshot(instance)
    return record(
        actor=actor,
        instance=instance,
        action=AuditEntry.Action.CREATE,
        changes={k: [None, v] for k, v in after.items() if v not in (None, "", [])},
        message=message,
    )


def record_update(
    *, actor: Any, instance: models.Model, before: dict[str, Any], message: str = ""
) -> AuditEntry | None:
    """Record the fields that changed since ``before`` (a snapshot); nothing when none did."""
    changes = diff(before, snapshot(instance, before.keys()))
    if not changes and not message:
        return None
    return record(actor=actor, instance=instance, action=AuditEntry.Action.UPDATE, changes=changes, message=message)


def trail_for(instance: models.Model, limit: int = 50) -> list[AuditEntry]:
    ct = ContentType.objects.get_for_model(instance, for_concrete_model=False)
    return list(AuditEntry.objects.filter(content_type=ct, object_id=str(instance.pk)).select_related("actor")[:limit])
