"""Translations of letters and documents (foreign correspondence, delegations)."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class TranslationStatus(models.TextChoices):
    ORDERED = "ordered", _("ordered")
    IN_PROGRESS = "in_progress", _("in progress")
    DELIVERED = "delivered", _("delivered")
    CANCELLED = "cancelled", _("cancelled")


OPEN_TRANSLATION_STATUSES = (TranslationStatus.ORDERED, TranslationStatus.IN_PROGRESS)


class TranslationOrder(models.Model):
    document = models.CharField(_("document"), max_length=255)
    letter = models.ForeignKey(
        "correspondence.Letter",
        verbose_name=_("letter in the register"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
    )
    source_language = models.CharField(_("from language"), max_length=40)
    target_language = models.CharField(_("into language"), max_length=40)
    translator = models.ForeignKey(
        "office.Contact", verbose_name=_("translator"), on_delete=models.PROTECT, related_name="translation_orders"
    )
    ordered_on = models.DateField(_("ordered on"), default=timezone.localdate)
    due_on = models.DateField(_("due on"))
    pages = models.DecimalField(_("pages"), max_digits=6, decimal_places=1, null=True, blank=True)
    sworn = models.BooleanField(_("sworn translation"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=TranslationStatus.choices, default=TranslationStatus.ORDERED
    )
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = user_link(_("ordered by"), editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("translation order")
        verbose_name_plural = _("translation orders")
        ordering = ["-ordered_on", "-id"]

    def __str__(self) -> str:
        return f"{self.document} ({self.source_language} → {self.target_language})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_TRANSLATION_STATUSES

    @property
    def is_delivered(self) -> bool:
        return self.status == TranslationStatus.DELIVERED

    @property
    def overdue(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()

    def days_left(self, today: dt.date | None = None) -> int:
        return (self.due_on - (today or timezone.localdate())).days
