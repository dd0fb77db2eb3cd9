"""The register of gifts given and received by the mayor and the deputies (CH-2.5, OS-2, SW-1)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models.events import Event
from office.db import user_link


class GiftDirection(models.TextChoices):
    GIVEN = "given", pgettext_lazy("gift", "given")
    RECEIVED = "received", pgettext_lazy("gift", "received")


class ValueBand(models.TextChoices):
    SYMBOLIC = "symbolic", _("symbolic (flowers, a book, a souvenir)")
    UP_TO_300 = "300", _("up to 300 zł")
    UP_TO_1000 = "1000", _("301–1,000 zł")
    OVER_1000 = "more", _("over 1,000 zł")
    UNKNOWN = "unknown", _("not known")


class Gift(models.Model):
    """The register of gifts given and received by the mayor and the deputies (CH-2.5, OS-2, SW-1)."""

    direction = models.CharField(_("given or received"), max_length=8, choices=GiftDirection.choices)
    holder = models.ForeignKey(
        "office.OfficeHolder", verbose_name=_("office holder"), on_delete=models.PROTECT, related_name="+"
    )
    on = models.DateField(_("date"), default=timezone.localdate)
    counterpart = models.ForeignKey(
        "office.Contact",
        verbose_name=_("from or to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gifts",
    )
    counterpart_name = models.CharField(
        _("from or to (as written)"), max_length=255, blank=True, help_text=_("When not in the contact directory.")
    )
    occasion = models.CharField(_("occasion"), max_length=255)
    description = models.TextField(_("the gift"))
    value_band = models.CharField(_("value"), max_length=8, choices=ValueBand.choices, default=ValueBand.SYMBOLIC)
    kept_at = models.CharField(_("where it is kept"), max_length=255, blank=True)
    event = models.ForeignKey(
        Event, verbose_name=_("event"), null=True, blank=True, on_delete=models.SET_NULL, related_name="gifts"
    )
    #: the calendar entry it was noted at (calendar_app's id; gifts noted on entries before the register)
    calendar_entry_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("gift")
        verbose_name_plural = _("gifts")
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["holder", "on"])]

    def __str__(self) -> str:
        return f"{self.on:%d.%m.%Y} {self.get_direction_display()}: {self.description[:60]}"

    def clean(self) -> None:
        if not self.counterpart_id and not self.counterpart_name.strip():
            raise ValidationError({"counterpart": _("Say from whom the gift came or to whom it went.")})

    @property
    def counterpart_label(self) -> str:
        return self.counterpart.name if self.counterpart_id else self.counterpart_name
