"""Uploading files to records: the type allow-list, the content and the size are checked before
anything is stored.

The name's extension must be on the allow-list *and* the content must be what the extension
says: the first bytes are sniffed (the pure-Python ``filetype`` library, plus the OLE2 header of
old Office files), so a program renamed ``.pdf`` is refused. Text formats (txt, csv, eml) must
not look like any known binary format nor contain NUL bytes. The stored MIME type is the
sniffed one, never the one the browser claimed.
"""

from __future__ import annotations

import mimetypes
import re
from pathlib import PurePath
from typing import Any

import filetype
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.models import Attachment
from office.services import audit

#: The first bytes of an OLE2 compound file (doc, xls, ppt, msg of Office 97–2003 and Outlook).
OLE2_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
_OPEN_XML = {"docx", "xlsx", "pptx", "odt", "ods", "odp", "zip"}
#: extension → the kinds ``filetype`` may detect in such a file ("ole2" and "text" are ours).
CONTENT_KINDS: dict[str, set[str]] = {
    "pdf": {"pdf"},
    "jpg": {"jpg"},
    "jpeg": {"jpg"},
    "png": {"png", "apng"},
    "gif": {"gif"},
    "webp": {"webp"},
    "tif": {"tif"},
    "tiff": {"tif"},
    "rtf": {"rtf"},
    "docx": {"docx", "zip"},
    "xlsx": {"xlsx", "zip"},
    "pptx": {"pptx", "zip"},
    "odt": {"odt", "zip"},
    "ods": {"ods", "zip"},
    "odp": {"odp", "zip"},
    "zip": _OPEN_XML | {"epub"},
    "doc": {"ole2", "doc"},
    "xls": {"ole2", "xls"},
    "ppt": {"ole2", "ppt"},
    "msg": {"ole2"},
    "txt": {"text"},
    "csv": {"text"},
    "eml": {"text"},
    "ics": {"text"},
    "xml": {"text"},
    "mp4": {"mp4", "m4v"},
    "mov": {"mov"},
}
_MIME_OF_KIND = {"ole2": "application/x-ole-storage", "text": "text/plain"}
SNIFF_BYTES = 8192
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def sniff(upload: UploadedFile) -> tuple[str, str]:
    """(kind, MIME type) of the upload's content: a ``filetype`` extension, "ole2", "text" or
    "unknown"; the file is read from its start and rewound."""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if head.startswith(OLE2_MAGIC):
        return "ole2", _MIME_OF_KIND["ole2"]
    detected = filetype.guess(head)
    if detected is not None:
        return detected.extension, detected.mime
    if not _CONTROL_BYTES.search(head):  # UTF-8 or a legacy code page: text without control bytes
        return "text", _MIME_OF_KIND["text"]
    return "unknown", "application/octet-stream"


def validate_upload(upload: UploadedFile) -> str:
    """Raise ValidationError with a message for the form when the file may not be stored;
    return the sniffed MIME type."""
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
    kind, mime = sniff(upload)
    expected = CONTENT_KINDS.get(extension, {extension})
    if kind not in expected:
        raise ValidationError(
            _("The content of the file is not a “%(ext)s” file; it was not accepted. Save it again in its own format.")
            % {"ext": extension},
            code="file_content",
        )
    if kind in ("ole2", "text", "zip"):  # a generic container: the extension, now checked, says more
        return mimetypes.guess_type(f"file.{extension}")[0] or mime
    return mime


@transaction.atomic
def attach(*, actor: Any, record: models.Model, upload: UploadedFile, description: str = "") -> Attachment:
    mime_type = validate_upload(upload)
    name = PurePath(upload.name).name[:255]
    attachment = Attachment.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        file=upload,
        original_name=name,
        size=upload.size,
        mime_type=mime_type,
        description=description.strip(),
        uploaded_by=actor,
    )
    audit.record(
        actor=actor, instance=record, action="action", message=audit.note(gettext_noop("Attached %(name)s"), name=name)
    )
    return attachment


def attachments_of(record: models.Model) -> models.QuerySet[Attachment]:
    return Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    ).select_related("uploaded_by")
