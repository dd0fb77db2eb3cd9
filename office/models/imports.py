"""Spreadsheets read in (``office.kit.imports``): the rows of an uploaded file, kept between the
preview and the confirmation, visible to the user who uploaded them only."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    """One uploaded file of one importer (``importer``: its key in the registry).

    ``rows`` holds each data row of the file as read and checked: ``{"line": the row number in
    the spreadsheet, "values": {field: text}, "status": "new" | "duplicate" | "error",
    "errors": [[column label, message], ...], "duplicate_of": text}``. Nothing of it is saved to
    the directory before the owner confirms; after that the rows are emptied (they may hold
    personal data) and the daily purge deletes the batch."""

    class Status(models.TextChoices):
        STAGED = "staged", _("waiting for confirmation")
        IMPORTED = "imported", _("imported")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.CASCADE, related_name="+"
    )
    importer = models.CharField(_("kind of import"), max_length=60)
    file_name = models.CharField(_("file name"), max_length=255)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.STAGED)
    columns = models.JSONField(_("columns"), default=list, blank=True)
    ignored = models.JSONField(_("ignored columns"), default=list, blank=True)
    rows = models.JSONField(_("rows"), default=list, blank=True)
    imported = models.PositiveIntegerField(_("rows imported"), default=0)

    class Meta:
        verbose_name = _("imported file")
        verbose_name_plural = _("imported files")
        ordering = ["-created_at"]
        # reached only by its owner through the import pages: no permissions to grant
        default_permissions = ()

    def __str__(self) -> str:
        return self.file_name

    @property
    def is_staged(self) -> bool:
        return self.status == self.Status.STAGED
