"""Spreadsheets in (``office.kit.imports``): the uploaded file's rows wait in an ``ImportBatch``
until their owner confirms them; then the app's service saves them, in the same transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from office.models import ImportBatch

#: How long an uploaded file's rows are kept (they may hold personal data): a day.
KEEP_HOURS = 24


@transaction.atomic
def create_batch(
    *,
    owner: Any,
    importer: str,
    file_name: str,
    columns: list[str],
    ignored: list[str],
    rows: list[dict[str, Any]],
) -> ImportBatch:
    """Keep the checked rows of a file for ``owner``'s preview (nothing reaches the register)."""
    return ImportBatch.objects.create(
        owner=owner, importer=importer, file_name=file_name[:255], columns=columns, ignored=ignored, rows=rows
    )


@transaction.atomic
def confirm_batch(*, actor: Any, batch: ImportBatch, save: Callable[[], int]) -> int:
    """Import the batch once: claim it (a second confirmation, a double click, is refused), call
    ``save()`` (the app's service, saving the rows still new) and forget the rows. A failing save
    leaves the batch as it was. Returns how many rows were saved."""
    claimed = ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.STAGED).update(
        status=ImportBatch.Status.IMPORTED
    )
    if not claimed:
        raise ValidationError(_("This file was imported already."), code="imported")
    count = save()
    ImportBatch.objects.filter(pk=batch.pk).update(imported=count, rows=[])
    batch.status, batch.imported, batch.rows = ImportBatch.Status.IMPORTED, count, []
    return count


def purge_old_batches(*, older_than_hours: int = KEEP_HOURS) -> int:
    """Daily: delete the batches uploaded before ``older_than_hours``, confirmed or not."""
    cutoff = timezone.now() - dt.timedelta(hours=older_than_hours)
    deleted, _details = ImportBatch.objects.filter(created_at__lt=cutoff).delete()
    return deleted
