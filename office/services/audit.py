"""Writing the audit trail. Every service that changes a record calls ``record`` (or one of the
helpers below); the admin does through ``office.admin.AuditedAdmin``.

What is kept: the record, who, when, the action, the changed fields ``{field: [old, new]}`` —
many-to-many fields as sorted lists of names — and a message. A message the office writes is
stored untranslated with its parameters (``note(gettext_noop("Attached %(name)s"), name=...)``)
and translated when shown, so a Polish and an English reader each read it in their language;
text a user typed (a reason) is stored as it is.

Changes of many rows at once go through ``update_rows``, which writes one entry per row.
"""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from office.models import AuditEntry

#: Fields never written into the trail.
SECRET_FIELDS = {"password", "token", "secret", "feed_token"}
#: What the trail shows instead of a value the record keeps out of it (``audit_hidden_fields``).
HIDDEN_VALUE = "•••"


@dataclass(frozen=True)
class Note:
    """A message of the office for the trail: the msgid (marked with ``gettext_noop`` where it
    is written) and its parameters; translated when the trail is shown."""

    text: str
    params: dict[str, Any] = field(default_factory=dict)


def note(msgid: str, /, **params: Any) -> Note:
    return Note(msgid, {name: _plain(value) for name, value in params.items()})


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
    if value is not None and not isinstance(value, str | int | float | bool | dict):
        return str(value)  # lazy translations and other objects: their text
    return value


def _related_names(instance: models.Model, name: str) -> list[str]:
    return sorted(str(obj) for obj in getattr(instance, name).all())


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The current values of ``fields`` of ``instance`` (default: every editable field): foreign
    keys as text, many-to-many fields (of a saved record) as sorted lists of names."""
    wanted = None if fields is None else set(fields)
    # a record may keep some values out of the trail (a confidential letter's subject): it names
    # them in ``audit_hidden_fields``; the trail then shows that they changed, not what they say
    hidden = set(getattr(instance, "audit_hidden_fields", ()))
    result = {}
    for model_field in instance._meta.concrete_fields:
        if wanted is not None and model_field.name not in wanted:
            continue
        if model_field.name in SECRET_FIELDS or (wanted is None and not model_field.editable):
            continue
        if model_field.is_relation:
            raw_id = getattr(instance, model_field.attname)
            result[model_field.name] = None if raw_id is None else str(getattr(instance, model_field.name))
        else:
            result[model_field.name] = _plain(getattr(instance, model_field.name))
        if model_field.name in hidden and result[model_field.name] not in (None, ""):
            result[model_field.name] = HIDDEN_VALUE
    if instance.pk is not None:
        for model_field in instance._meta.many_to_many:
            if model_field.name in wanted if wanted is not None else model_field.editable:
                result[model_field.name] = _related_names(instance, model_field.name)
    return result


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}


def _entry(
    *, actor: Any, instance: models.Model, action: str, changes: dict[str, Any] | None, message: str | Note
) -> AuditEntry:
    if isinstance(message, Note):
        text, params = message.text, message.params
    else:
        text, params = message, None
    return AuditEntry(
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
        object_id=str(instance.pk),
        object_repr=str(instance)[:255],
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        changes=changes or {},
        message=text[:500],
        message_params=params,
    )


def record(
    *,
    actor: Any,
    instance: models.Model,
    action: str,
    changes: dict[str, Any] | None = None,
    message: str | Note = "",
) -> AuditEntry:
    """Append an entry for ``instance`` to the trail. ``actor`` may be None for system work."""
    entry = _entry(actor=actor, instance=instance, action=action, changes=changes, message=message)
    entry.save()
    return entry


def record_create(*, actor: Any, instance: models.Model, message: str | Note = "") -> AuditEntry:
    after = snapshot(instance)
    return record(
        actor=actor,
        instance=instance,
        action=AuditEntry.Action.CREATE,
        changes={k: [None, v] for k, v in after.items() if v not in (None, "", [])},
        message=message,
    )


def record_created_rows(*, actor: Any, instances: Iterable[models.Model], message: str | Note = "") -> None:
    """``record_create`` for many rows made at once (``bulk_create``): one entry each, one insert."""
    entries = []
    for instance in instances:
        after = snapshot(instance)
        changes = {k: [None, v] for k, v in after.items() if v not in (None, "", [])}
        entries.append(
            _entry(actor=actor, instance=instance, action=AuditEntry.Action.CREATE, changes=changes, message=message)
        )
    AuditEntry.objects.bulk_create(entries, batch_size=500)


def record_update(
    *, actor: Any, instance: models.Model, before: dict[str, Any], message: str | Note = ""
) -> AuditEntry | None:
    """Record the fields that changed since ``before`` (a snapshot); nothing when none did."""
    changes = diff(before, snapshot(instance, before.keys()))
    if not changes and not message:
        return None
    return record(actor=actor, instance=instance, action=AuditEntry.Action.UPDATE, changes=changes, message=message)


def update_rows(*, actor: Any, queryset: models.QuerySet, values: dict[str, Any], message: str | Note = "") -> int:
    """``queryset.update(**values)`` with one trail entry per row that changed (old → new)."""
    names = list(values)  # field names (a foreign key as the field, with an instance or None)
    rows = list(queryset)
    befores = {row.pk: snapshot(row, names) for row in rows}
    count = queryset.model._base_manager.filter(pk__in=[row.pk for row in rows]).update(**values)
    entries = []
    for row in rows:
        for name, value in values.items():
            setattr(row, name, value)
        changes = diff(befores[row.pk], snapshot(row, names))
        if changes:
            entries.append(
                _entry(actor=actor, instance=row, action=AuditEntry.Action.UPDATE, changes=changes, message=message)
            )
    AuditEntry.objects.bulk_create(entries)
    return count


def trail_for(instance: models.Model, limit: int = 50) -> list[AuditEntry]:
    ct = ContentType.objects.get_for_model(instance, for_concrete_model=False)
    return list(AuditEntry.objects.filter(content_type=ct, object_id=str(instance.pk)).select_related("actor")[:limit])


@transaction.atomic
def save_record(
    *, actor: Any, record: models.Model, related: dict[str, Any] | None = None, message: str | Note = ""
) -> models.Model:
    """Create or update ``record`` (e.g. a form's unsaved instance): validate it (``full_clean``),
    save it with its many-to-many ``related`` values (a None value leaves that relation as it is),
    and write the trail entry — every field that changed, the related ones included.

    The create-or-change services of every app end with this, after their own checks."""
    created = record.pk is None
    before = {} if created else snapshot(type(record)._base_manager.get(pk=record.pk))
    record.full_clean()
    record.save()
    for name, values in (related or {}).items():
        if values is not None:
            getattr(record, name).set(values)
    if created:
        record_create(actor=actor, instance=record, message=message)
    else:
        record_update(actor=actor, instance=record, before=before, message=message)
    return record
