"""Photo and video documentation (CH-7.1, OS-17): galleries of events, meetings and patronage
reports. An uploaded photo keeps its original (staff only); the worker makes the web size and
the thumbnail, turned as the camera said and without any metadata (no GPS), and only those are
ever published."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


def _stored(folder: str, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"galleries/{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


def original_path(instance: models.Model, filename: str) -> str:
    return _stored("originals", filename)


def published_path(instance: models.Model, filename: str) -> str:
    return _stored("published", filename)


class Gallery(models.Model):
    """Photos and videos of one record: an event, a meeting on a calendar, a patronage report (any
    record whose app lets the core show its links; the label and address are kept so lists never
    load the records)."""

    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    record_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    record_id = models.PositiveBigIntegerField()
    record_label = models.CharField(_("of"), max_length=255)
    record_url = models.CharField(max_length=255)
    taken_on = models.DateField(_("date"), default=timezone.localdate)
    is_public = models.BooleanField(
        _("in the public gallery"), default=False, help_text=_("Only the photos chosen for publication are shown.")
    )
    created_by = user_link(_("made by"), editable=False)
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("gallery")
        verbose_name_plural = _("galleries")
        ordering = ["-taken_on", "-id"]
        indexes = [models.Index(fields=["record_type", "record_id"])]

    def __str__(self) -> str:
        return self.title


class Licence(models.TextChoices):
    CITY = "city", _("the city's, all rights reserved")
    CC_BY = "cc-by", _("CC BY 4.0")
    CC_BY_SA = "cc-by-sa", _("CC BY-SA 4.0")
    AUTHOR = "author", _("the author's, used with permission")


class Consent(models.TextChoices):
    NOBODY = "nobody", _("nobody recognisable (crowd, place)")
    PUBLIC_FIGURES = "public", _("public figures in their office")
    GIVEN = "given", _("consent of the persons shown")
    MISSING = "missing", _("no consent: not to be published")


#: Whose image may be published (art. 81 of the copyright act).
PUBLISHABLE = (Consent.NOBODY, Consent.PUBLIC_FIGURES, Consent.GIVEN)


class PhotoStatus(models.TextChoices):
    PROCESSING = "processing", _("being prepared")
    READY = "ready", _("ready")
    FAILED = "failed", _("could not be read")


class Photo(models.Model):
    gallery = models.ForeignKey(Gallery, verbose_name=_("gallery"), on_delete=models.CASCADE, related_name="photos")
    original = models.FileField(_("original"), upload_to=original_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    web = models.FileField(upload_to=published_path, max_length=255, blank=True, editable=False)
    thumb = models.FileField(upload_to=published_path, max_length=255, blank=True, editable=False)
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=PhotoStatus.choices, default=PhotoStatus.PROCESSING, editable=False
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    licence = models.CharField(_("licence"), max_length=10, choices=Licence.choices, default=Licence.CITY)
    consent = models.CharField(_("persons shown"), max_length=10, choices=Consent.choices, default=Consent.NOBODY)
    is_public = models.BooleanField(_("published"), default=False)
    taken_at = models.DateTimeField(_("taken"), null=True, blank=True, editable=False)
    order = models.PositiveIntegerField(_("order"), default=0)
    uploaded_by = user_link(_("uploaded by"), editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["order", "id"]
        indexes = [models.Index(fields=["gallery", "order"])]

    def __str__(self) -> str:
        return self.caption or self.original_name

    @property
    def is_ready(self) -> bool:
        return self.status == PhotoStatus.READY

    @property
    def may_be_published(self) -> bool:
        return self.consent in PUBLISHABLE

    @property
    def alt_text(self) -> str:
        return self.caption or self.gallery.title


class Video(models.Model):
    """A film of the event: a link to where it is published, or a short file within the limit."""

    gallery = models.ForeignKey(Gallery, verbose_name=_("gallery"), on_delete=models.CASCADE, related_name="videos")
    title = models.CharField(_("title"), max_length=255)
    link = models.URLField(_("link"), blank=True, max_length=500)
    file = models.FileField(_("file"), upload_to=original_path, max_length=255, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    author = models.CharField(_("author"), max_length=200, blank=True)
    consent = models.CharField(_("persons shown"), max_length=10, choices=Consent.choices, default=Consent.NOBODY)
    is_public = models.BooleanField(_("published"), default=False)
    uploaded_by = user_link(_("added by"), editable=False)
    uploaded_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(link="") | ~models.Q(file=""), name="video_has_link_or_file")
        ]

    def __str__(self) -> str:
        return self.title
