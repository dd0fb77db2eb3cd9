"""Internal announcements to all staff or chosen units, shown on the dashboard until read."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


def current_q() -> models.Q:
    now = timezone.now()
    return models.Q(published_at__lte=now) & (models.Q(visible_until__isnull=True) | models.Q(visible_until__gte=now))


def audience_q(user: Any) -> models.Q:
    """Addressed to everyone, or to the user's unit (a subquery: no duplicate rows)."""
    audience = models.Q(to_all=True)
    if getattr(user, "unit_id", None):
        chosen = Announcement.units.through.objects.filter(orgunit_id=user.unit_id).values("announcement_id")
        audience |= models.Q(pk__in=chosen)
    return audience


class AnnouncementQuerySet(models.QuerySet):
    def current(self) -> AnnouncementQuerySet:
        return self.filter(current_q())

    def for_user(self, user: Any) -> AnnouncementQuerySet:
        return self.filter(audience_q(user))


class Announcement(models.Model):
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    to_all = models.BooleanField(_("to all staff"), default=True)
    units = models.ManyToManyField(
        "office.OrgUnit", verbose_name=_("to units"), blank=True, related_name="announcements"
    )
    is_important = models.BooleanField(_("important"), default=False)
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    visible_until = models.DateTimeField(_("shown until"), null=True, blank=True)
    author = user_link(_("author"), editable=False, related_name="announcements")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return self.title


class AnnouncementRead(models.Model):
    """A reader's confirmation that they read an announcement (one per reader)."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(_("read"), default=timezone.now)

    class Meta:
        verbose_name = _("read confirmation")
        verbose_name_plural = _("read confirmations")
        constraints = [models.UniqueConstraint(fields=["announcement", "user"], name="announcements_read_once")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.announcement_id}"
