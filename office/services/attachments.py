"""Uploading files to records: type allow-list and size limit checked before anything is stored."""

from __future__ import annotations

import mimetypes
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from office.models import Attachment
from office.services import audit


def validate_upload(upload: UploadedFile) -> None:
    """Raise ValidationError with a message for the form when the file may not be stored."""
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    allowed = [ext.lower() for ext in settings.ATTACHMENT_ALLOWED_EXTENSIONS]
    if extension not in allowed:
        raise ValidationError(
            _("Files of type “%(ext)s” are not accepted. Accepted types: %(allowed)s.")
            % {"ext": extension or _("none"), "allowed": ", ".join(allowed)},
            code="file_type",
        )
    limit = settings.ATTACHMENT_MAX_MB * 1024 * 1024
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_size",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="file_empty")


@transaction.atomic
def attach(*, actor: Any, record: models.Model, upload: UploadedFile, description: str = "") -> Attachment:
    validate_upload(upload)
    name = PurePath(upload.name).name[:255]
    attachment = Attachment.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        file=upload,
        original_name=name,
        size=upload.size,
        mime_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
        description=description.strip(),
        uploaded_by=actor,
    )
    audit.record(actor=actor, instance=record, action="action", message=_("Attached %(name)s") % {"name": name})
    return attachment


def attachments_of(record: models.Model) -> models.QuerySet[Attachment]:
    return Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    ).select_related("uploaded_by")
