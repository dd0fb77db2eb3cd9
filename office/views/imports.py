"""The pages of an uploaded spreadsheet (``office.kit.imports``): its preview and its confirmation.

A batch is its owner's only (anyone else: 404); its importer, found in the registry by the key
the batch keeps, says who may import (the permission to add such records: 403 without it).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from django.views.decorators.http import require_GET, require_POST

from office import access
from office.contributions import registry
from office.models import ImportBatch
from office.services import audit, imports


def _load(request: HttpRequest, pk: Any) -> tuple[ImportBatch, Any]:
    batch = get_object_or_404(ImportBatch, pk=pk, owner=request.user)
    try:
        importer = registry.importer(batch.importer)
    except LookupError:
        raise Http404 from None
    access.require(request.user.has_perm(importer.permission))
    return batch, importer


@require_GET
@login_required
def import_preview(request: HttpRequest, pk: Any) -> HttpResponse:
    batch, importer = _load(request, pk)
    if not batch.is_staged:
        messages.info(request, _("This file was imported already."))
        return redirect(importer.listing)
    return render(request, "kit/import_preview.html", importer.preview(request, batch))


@require_POST
@login_required
def import_confirm(request: HttpRequest, pk: Any) -> HttpResponse:
    """Save the rows that are new (checked again now); duplicates and rows with errors are left out."""
    batch, importer = _load(request, pk)
    if not batch.is_staged:
        messages.info(request, _("This file was imported already."))
        return redirect(importer.listing)
    total = len(batch.rows)
    rows = importer.recheck(batch.rows)
    message = audit.note(gettext_noop("Imported from the file %(file)s"), file=batch.file_name)
    try:
        saved = imports.confirm_batch(
            actor=request.user, batch=batch, save=lambda: importer.save(actor=request.user, rows=rows, message=message)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("office:import_preview", batch.pk)
    text = ngettext("%(count)d row was imported.", "%(count)d rows were imported.", saved) % {"count": saved}
    if total > saved:
        text += " " + ngettext(
            "%(count)d row was left out (a duplicate or a row with errors).",
            "%(count)d rows were left out (duplicates or rows with errors).",
            total - saved,
        ) % {"count": total - saved}
    messages.success(request, text)
    return redirect(importer.listing)
