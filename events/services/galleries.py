"""Galleries: photos and videos documenting an event, a meeting or a patronage report.

An upload is checked at once (an image Pillow can read, within the size and pixel limits: a
decompression bomb is refused before anything is decoded) and stored as the original; the worker
(``make_sizes``) then writes the web size and the thumbnail, turned upright as the camera's EXIF
orientation says and saved without any metadata, so no location leaves the office in a published
copy. Only those copies are served to the public, and only of photos chosen for publication whose
persons shown may be published."""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from PIL import Image, ImageOps, UnidentifiedImageError

from events.models import PUBLISHABLE, Gallery, Photo, PhotoStatus, Video
from office.access import can_view_record
from office.kit import bounds
from office.services import audit

logger = logging.getLogger(__name__)

#: The records a gallery may document: content type label → the URL name of the record's page.
TARGETS = {
    "events.event": "events:event_detail",
    "calendar_app.entry": "calendar_app:entry_detail",
    "patronage.application": "patronage:application_detail",
}
#: The longer side of the published sizes, in pixels.
WEB_SIZE = 1600
THUMB_SIZE = 400
#: What Pillow accepts as a photo.
FORMATS = {"JPEG", "PNG", "WEBP", "TIFF", "HEIF", "MPO"}
#: The most photos one upload may carry.
MAX_FILES = 50
#: EXIF tag of the date the photo was taken.
DATE_TAKEN = 36867
EXIF_IFD = 0x8769


def max_photo_bytes() -> int:
    return settings.PHOTO_MAX_MB * 1024 * 1024


def max_pixels() -> int:
    return settings.PHOTO_MAX_MEGAPIXELS * 1_000_000


# --- The record a gallery documents ---------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    record: models.Model
    label: str
    url: str


def target(user: Any, key: str) -> Target:
    """The record named ``app.model:id`` (one of ``TARGETS``) that ``user`` may see; 404-like
    ValidationError otherwise (nothing tells whether it exists)."""
    label, _sep, pk = (key or "").partition(":")
    if label not in TARGETS or not pk.isdigit() or len(pk) > 18:
        raise ValidationError({"record": _("Choose what the gallery documents.")})
    app_label, model = label.split(".")
    try:
        model_class = ContentType.objects.get_by_natural_key(app_label, model).model_class()
        record = model_class._default_manager.get(pk=int(pk))
    except Exception:
        raise ValidationError({"record": _("Choose what the gallery documents.")}) from None
    if not can_view_record(user, record):
        raise ValidationError({"record": _("Choose what the gallery documents.")})
    if not documentable(record):
        raise ValidationError({"record": _("A private calendar entry is not documented in a gallery.")})
    return Target(record, str(record)[:255], reverse(TARGETS[label], args=[record.pk]))


def documentable(record: models.Model) -> bool:
    """A private calendar entry is never documented: a gallery's title and label are seen by
    everyone who reads the galleries, and others may see only "busy" of such an entry."""
    from calendar_app import services as calendar_services

    return getattr(record, "visibility", None) != calendar_services.Visibility.PRIVATE


def key_of(record: models.Model) -> str:
    return f"{record._meta.label_lower}:{record.pk}"


def galleries_of(record: models.Model) -> Any:
    return Gallery.objects.filter(record_type=ContentType.objects.get_for_model(record), record_id=record.pk).annotate(
        photo_count=Count("photos")
    )


# --- Galleries -------------------------------------------------------------------------------------


@transaction.atomic
def save_gallery(*, actor: Any, gallery: Gallery, record: Target | None = None) -> Gallery:
    if gallery.pk is None:
        if record is None:
            raise ValidationError({"record": _("Choose what the gallery documents.")})
        gallery.record_type = ContentType.objects.get_for_model(record.record)
        gallery.record_id = record.record.pk
        gallery.record_label = record.label
        gallery.record_url = record.url
        gallery.created_by = actor
    return audit.save_record(actor=actor, record=gallery)


# --- Photos ------------------------------------------------------------------------------------------


def check_image(upload: Any) -> None:
    """Refuse what is not a photo we can read, too big a file, or too many pixels (a
    decompression bomb): Pillow reads only the header here."""
    name = getattr(upload, "name", "") or _("the file")
    if upload.size > max_photo_bytes():
        raise ValidationError(
            _("%(name)s is larger than %(limit)d MB.") % {"name": name, "limit": settings.PHOTO_MAX_MB}
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            fmt = image.format
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        raise ValidationError(_("%(name)s is not a photo (JPEG, PNG, WebP or TIFF).") % {"name": name}) from None
    finally:
        upload.seek(0)
    if fmt not in FORMATS:
        raise ValidationError(_("%(name)s is not a photo (JPEG, PNG, WebP or TIFF).") % {"name": name})
    if width * height > max_pixels():
        raise ValidationError(
            _("%(name)s has too many pixels (%(mp)d megapixels; at most %(limit)d).")
            % {"name": name, "mp": width * height // 1_000_000, "limit": settings.PHOTO_MAX_MEGAPIXELS}
        )


@transaction.atomic
def add_photos(
    *, actor: Any, gallery: Gallery, uploads: list[Any], author: str = "", licence: str = "", consent: str = ""
) -> list[Photo]:
    """Store the originals and queue their sizes: the request returns at once. Every file is
    checked first; one refused file refuses the upload (the message names it)."""
    if not uploads:
        raise ValidationError({"photos": _("Choose the photos to upload.")})
    if len(uploads) > MAX_FILES:
        raise ValidationError({"photos": _("At most %(count)d photos at once.") % {"count": MAX_FILES}})
    errors = []
    for upload in uploads:
        try:
            check_image(upload)
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError({"photos": errors})
    start = (gallery.photos.aggregate(last=models.Max("order"))["last"] or 0) + 1
    made = []
    for number, upload in enumerate(uploads):
        photo = Photo(
            gallery=gallery,
            original_name=(upload.name or "photo")[:255],
            author=author.strip(),
            order=start + number,
            uploaded_by=actor,
            **({"licence": licence} if licence else {}),
            **({"consent": consent} if consent else {}),
        )
        photo.original.save(upload.name or "photo.jpg", upload, save=False)
        photo.save()
        made.append(photo)
    audit.record_created_rows(actor=actor, instances=made)
    audit.record(
        actor=actor,
        instance=gallery,
        action="action",
        changes={},
        message=audit.note(gettext_noop("Photos uploaded: %(count)s"), count=len(made)),
    )

    def queue() -> None:
        from events.tasks import make_photo_sizes

        for photo in made:
            make_photo_sizes.delay(photo.pk)

    transaction.on_commit(queue)
    return made


def _taken_at(image: Image.Image) -> dt.datetime | None:
    """When the camera says the photo was taken; nothing when it says nothing readable or a date
    outside the office's range (a camera's clock reset to year 1 or set to 9999)."""
    try:
        raw = image.getexif().get_ifd(EXIF_IFD).get(DATE_TAKEN)
        if not raw:
            return None
        taken = dt.datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S")
        if not bounds.EARLIEST <= taken.date() <= bounds.LATEST:
            return None
        return timezone.make_aware(taken)
    except (ValueError, TypeError, KeyError, OverflowError):
        return None


def _encoded(image: Image.Image, size: int) -> bytes:
    copy = image.copy()
    copy.thumbnail((size, size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    # a new JPEG from the pixels alone: no EXIF (so no GPS), no ICC-hidden comments
    copy.save(out, "JPEG", quality=85, optimize=True, progressive=True)
    return out.getvalue()


def make_sizes(photo_id: int) -> bool:
    """The worker's part: the web size and the thumbnail of one photo (idempotent: a photo that
    is ready already is left as it is)."""
    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None or photo.status == PhotoStatus.READY:
        return False
    try:
        with photo.original.open("rb") as stream, Image.open(stream) as source:
            if source.size[0] * source.size[1] > max_pixels():
                raise ValueError("too many pixels")
            taken = _taken_at(source)
            upright = ImageOps.exif_transpose(source).convert("RGB")
            web, thumb = _encoded(upright, WEB_SIZE), _encoded(upright, THUMB_SIZE)
            width, height = upright.size
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        logger.warning("Photo %s could not be read", photo_id, exc_info=True)
        Photo.objects.filter(pk=photo_id).update(status=PhotoStatus.FAILED)
        return False
    scale = min(1.0, WEB_SIZE / max(width, height))
    photo.web.save(f"{photo.pk}-web.jpg", ContentFile(web), save=False)
    photo.thumb.save(f"{photo.pk}-thumb.jpg", ContentFile(thumb), save=False)
    photo.width, photo.height = round(width * scale), round(height * scale)
    photo.taken_at = taken
    photo.status = PhotoStatus.READY
    photo.save(update_fields=["web", "thumb", "width", "height", "taken_at", "status"])
    return True


@transaction.atomic
def save_photo(*, actor: Any, photo: Photo) -> Photo:
    """Caption, author, licence, consent, publication: a photo whose persons may not be shown is
    never published."""
    if photo.is_public and not photo.may_be_published:
        raise ValidationError({"is_public": _("A photo without the consent of the persons shown is not published.")})
    return audit.save_record(actor=actor, record=photo)


@transaction.atomic
def delete_photo(*, actor: Any, photo: Photo) -> None:
    audit.record(
        actor=actor,
        instance=photo.gallery,
        action="action",
        changes={},
        message=audit.note(gettext_noop("Photo removed: %(name)s"), name=photo.original_name),
    )
    files = [photo.original, photo.web, photo.thumb]
    photo.delete()
    transaction.on_commit(lambda: [f.delete(save=False) for f in files if f])


# --- Videos ------------------------------------------------------------------------------------------


VIDEO_TYPES = {b"\x1aE\xdf\xa3": "webm"}


def _is_video(upload: Any) -> bool:
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    return head[4:8] == b"ftyp" or head[:4] in VIDEO_TYPES


@transaction.atomic
def add_video(*, actor: Any, video: Video, upload: Any = None) -> Video:
    if upload is not None:
        if upload.size > settings.VIDEO_MAX_MB * 1024 * 1024:
            raise ValidationError(
                {
                    "file": _("The film is larger than %(limit)d MB: publish it elsewhere and give the link.")
                    % {"limit": settings.VIDEO_MAX_MB}
                }
            )
        if not _is_video(upload):
            raise ValidationError({"file": _("The file is not a film (MP4, MOV or WebM).")})
        video.file.save(upload.name or "film.mp4", upload, save=False)
        video.size = upload.size
    if not video.link and not video.file:
        raise ValidationError({"link": _("Give the link to the film or upload it.")})
    if video.link and not video.link.startswith("https://"):
        raise ValidationError({"link": _("Give a secure link (https://).")})
    if video.is_public and video.consent not in PUBLISHABLE:
        raise ValidationError({"is_public": _("A film without the consent of the persons shown is not published.")})
    video.uploaded_by = actor
    return audit.save_record(actor=actor, record=video)


# --- The public gallery ---------------------------------------------------------------------------------


def public_photos() -> Any:
    return Photo.objects.filter(
        gallery__is_public=True, is_public=True, status=PhotoStatus.READY, consent__in=PUBLISHABLE
    )


def public_galleries() -> Any:
    return (
        Gallery.objects.filter(is_public=True)
        .annotate(
            public_count=Count(
                "photos",
                filter=Q(photos__is_public=True, photos__status=PhotoStatus.READY, photos__consent__in=PUBLISHABLE),
            )
        )
        .filter(public_count__gt=0)
    )
