"""Press releases and their e-mail deliveries."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from media_relations.models.directory import Journalist
from office.db import user_link


class ReleaseStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    APPROVAL = "approval", _("awaiting approval")
    PUBLISHED = "published", _("published")


class Release(models.Model):
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("address"), max_length=120, unique=True, allow_unicode=False)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=20, choices=ReleaseStatus.choices, default="draft")
    embargo_until = models.DateTimeField(
        _("embargo until"), null=True, blank=True, help_text=_("Not shown in the newsroom before this moment.")
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    approved_by = user_link()
    created_by = user_link(editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "-published_at"], name="media_rel_status_pub")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == ReleaseStatus.PUBLISHED

    def visible_in_newsroom(self, now: dt.datetime | None = None) -> bool:
        now = now or timezone.now()
        return (
            self.status == ReleaseStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and (self.embargo_until is None or self.embargo_until <= now)
        )


class Delivery(models.Model):
    """One e-mail of a release to one recipient; the unique constraint makes a second send impossible.

    ``uncertain``: the worker died while sending it (claimed and never finished within the lease);
    whether the message left is unknown, so the press officer decides: send again or mark sent.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        UNCERTAIN = "uncertain", _("not known whether sent")

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="deliveries")
    journalist = models.ForeignKey(Journalist, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    email = models.EmailField(_("e-mail"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["release", "email"], name="media_one_delivery_per_recipient")]
        indexes = [
            models.Index(fields=["release", "status"], name="media_delivery_status"),
            # the messages being sent, for the check of leases (every minute and on /health/)
            models.Index(fields=["claimed_at"], condition=models.Q(status="sending"), name="media_delivery_sending"),
        ]

    def __str__(self) -> str:
        return f"{self.release_id} → {self.email}"
