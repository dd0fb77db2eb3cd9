"""The log of reads of personal data: ``note_read`` after a page of such a record was built
(``office.kit.record_context`` does it for every record page; pages without it call it), a
download or an export. Models say they hold personal data with
``registry.add_personal_data(Model, detail=...)``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest
from django.utils import timezone

from office.contributions import registry
from office.models import PersonalDataRead, ReadKind


def _address(request: HttpRequest) -> str | None:
    from office.kit.public import client_address

    address = client_address(request)
    return None if address == "unknown" else address


def note_read(request: HttpRequest, record: models.Model, *, kind: str = ReadKind.PAGE) -> PersonalDataRead | None:
    """Log that ``request.user`` saw ``record`` (nothing for a model without personal data)."""
    if not registry.holds_personal_data(type(record)) or not request.user.is_authenticated:
        return None
    return PersonalDataRead.objects.create(
        user=request.user,
        kind=kind,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        label=str(record)[:255],
        path=request.get_full_path()[:500],
        address=_address(request),
    )


def note_export(request: HttpRequest, model: type, *, label: str) -> PersonalDataRead | None:
    """Log a list of ``model`` exported as a spreadsheet (one entry for the whole file)."""
    if not registry.holds_personal_data(model) or not request.user.is_authenticated:
        return None
    return PersonalDataRead.objects.create(
        user=request.user,
        kind=ReadKind.EXPORT,
        content_type=ContentType.objects.get_for_model(model),
        label=label[:255],
        path=request.get_full_path()[:500],
        address=_address(request),
    )


def purge_old_reads(*, now: Any = None) -> int:
    """Drop the entries older than ``READ_LOG_RETENTION_DAYS`` (the only deletion the log knows)."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.READ_LOG_RETENTION_DAYS)
    deleted, _ = PersonalDataRead.objects.filter(at__lt=cutoff).delete()
    return deleted
