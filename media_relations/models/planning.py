"""The publishing plan and the bulletin issues."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class PlannedPost(models.Model):
    class Channel(models.TextChoices):
        WEBSITE = "website", _("city website")
        BIP = "bip", _("BIP")
        FACEBOOK = "facebook", _("Facebook")
        INSTAGRAM = "instagram", _("Instagram")
        X = "x", _("X")
        YOUTUBE = "youtube", _("YouTube")
        NEWSLETTER = "newsletter", _("newsletter")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        READY = "ready", _("ready")
        PUBLISHED = "published", _("published")

    title = models.CharField(_("title"), max_length=255)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    planned_at = models.DateTimeField(_("planned for"))
    owner = user_link(_("owner"), related_name=None)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    link = models.URLField(_("link"), max_length=500, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("planned post")
        verbose_name_plural = _("publishing plan")
        ordering = ["planned_at", "id"]

    def __str__(self) -> str:
        return self.title


class BulletinIssue(models.Model):
    class Status(models.TextChoices):
        PLANNING = "planning", _("planning")
        APPROVED = "approved", _("approved")
        PUBLISHED = "published", _("published")

    number = models.CharField(_("number"), max_length=30, unique=True, help_text=_("e.g. 3/2025"))
    title = models.CharField(_("title"), max_length=255)
    planned_on = models.DateField(_("planned publication"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNING)
    approved_by = user_link()
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bulletin issue")
        verbose_name_plural = _("bulletin issues")
        ordering = ["-planned_on"]

    def __str__(self) -> str:
        return f"{self.number} – {self.title}"

    @property
    def is_planning(self) -> bool:
        return self.status == self.Status.PLANNING


class BulletinArticle(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        SUBMITTED = "submitted", _("submitted")
        APPROVED = "approved", _("approved")

    issue = models.ForeignKey(BulletinIssue, on_delete=models.CASCADE, related_name="articles")
    title = models.CharField(_("title"), max_length=255)
    author = user_link(_("author"), related_name=None)
    deadline = models.DateField(_("deadline"))
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)

    class Meta:
        verbose_name = _("bulletin article")
        verbose_name_plural = _("bulletin articles")
        ordering = ["deadline", "id"]

    def __str__(self) -> str:
        return self.title
