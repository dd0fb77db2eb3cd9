"""Press conferences and the outlets invited."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from media_relations.models.directory import Journalist, Outlet
from office.db import user_link


class Conference(models.Model):
    topic = models.CharField(_("topic"), max_length=255)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    office_holder = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("on the calendar of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    speakers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("speakers (staff)"), blank=True, related_name="+"
    )
    guest_speakers = models.ManyToManyField(
        "office.Contact", verbose_name=_("speakers (contacts)"), blank=True, related_name="+"
    )
    # the calendar entry by id: calendar_app may be absent (see services.create_conference)
    calendar_entry_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    created_by = user_link(editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("press conference")
        verbose_name_plural = _("press conferences")
        ordering = ["-starts_at"]
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="media_conf_ends")]

    def __str__(self) -> str:
        return self.topic


class Invitation(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="invitations")
    outlet = models.ForeignKey(Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="invitations")
    journalist = models.ForeignKey(Journalist, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    attended = models.BooleanField(_("came"), default=False)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["conference", "outlet"], name="media_one_invitation")]

    def __str__(self) -> str:
        return f"{self.conference} – {self.outlet}"
