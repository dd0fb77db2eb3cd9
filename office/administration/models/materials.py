"""Press materials collected from the office's units (SW-17, SW-5): one request to several
units, each unit's part an office Assignment (its reply and files are the unit's contribution),
gathered on the request's page for a release or a bulletin."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class MaterialPurpose(models.TextChoices):
    RELEASE = "release", _("press release")
    BULLETIN = "bulletin", _("bulletin")
    WEBSITE = "website", _("city website")
    OTHER = "other", _("other")


class MaterialRequest(models.Model):
    title = models.CharField(_("subject"), max_length=255)
    purpose = models.CharField(_("for"), max_length=10, choices=MaterialPurpose.choices)
    instructions = models.TextField(_("what is asked"), help_text=_("What the units should send: texts, photos, data."))
    due_date = models.DateField(_("due date"))
    units = models.ManyToManyField("office.OrgUnit", verbose_name=_("units"), related_name="+")
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_by = user_link(_("requested by"), editable=False)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("press-material request")
        verbose_name_plural = _("press-material requests")
        ordering = ["-due_date", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def overdue(self) -> bool:
        return self.is_open and self.due_date < timezone.localdate()
