"""The secretariat's visitor log and the circulation of paper documents."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class Visit(models.Model):
    visitor_name = models.CharField(_("visitor"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    host = models.ForeignKey(
        "office.OfficeHolder", verbose_name=_("visiting"), on_delete=models.PROTECT, related_name="visits"
    )
    expected_at = models.DateTimeField(_("expected"), db_index=True)
    purpose = models.CharField(_("purpose"), max_length=255)
    arrived_at = models.DateTimeField(_("arrived"), null=True, blank=True)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)
    badge_number = models.CharField(_("badge"), max_length=20, blank=True)
    badge_returned = models.BooleanField(_("badge returned"), default=False)
    notes = models.CharField(_("notes"), max_length=500, blank=True)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-expected_at", "-id"]

    def __str__(self) -> str:
        return f"{self.visitor_name} → {self.host}"

    @property
    def has_arrived(self) -> bool:
        return self.arrived_at is not None

    @property
    def has_left(self) -> bool:
        return self.left_at is not None

    @property
    def is_inside(self) -> bool:
        return self.has_arrived and not self.has_left

    @property
    def badge_outstanding(self) -> bool:
        return bool(self.badge_number) and not self.badge_returned and self.has_arrived


class PaperDocument(models.Model):
    """A paper original moving between desks (a signed letter, a file for the mayor's signature)."""

    title = models.CharField(_("document"), max_length=255)
    letter = models.ForeignKey(
        "correspondence.Letter",
        verbose_name=_("letter in the register"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="paper_documents",
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("held by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    holder_unit = models.ForeignKey(
        "office.OrgUnit",
        verbose_name=_("held in unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    held_since = models.DateTimeField(_("held since"), default=timezone.now)
    is_archived = models.BooleanField(_("in the archive"), default=False)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        verbose_name = _("paper document")
        verbose_name_plural = _("paper documents")
        ordering = ["-held_since", "-id"]

    def __str__(self) -> str:
        return self.title


class Handover(models.Model):
    """One move of a paper document from one desk to another."""

    document = models.ForeignKey(PaperDocument, on_delete=models.CASCADE, related_name="handovers")
    from_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to_unit = models.ForeignKey(
        "office.OrgUnit", verbose_name=_("to unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    note = models.CharField(_("note"), max_length=255, blank=True)
    recorded_by = user_link(_("recorded by"), editable=False)

    class Meta:
        verbose_name = _("handover")
        verbose_name_plural = _("handovers")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.document_id} @ {self.at:%Y-%m-%d %H:%M}"
