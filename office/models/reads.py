"""Who read personal data (KRI § 20, RODO art. 5(2)): every page, download or export of a record
that holds residents' or journalists' personal data, appended here and never changed."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class ReadKind(models.TextChoices):
    PAGE = "page", _("page opened")
    DOWNLOAD = "download", _("file downloaded")
    EXPORT = "export", _("list exported")


class PersonalDataRead(models.Model):
    user = user_link(_("user"), editable=False)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("what"), max_length=10, choices=ReadKind.choices, default=ReadKind.PAGE)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("record id"), null=True, blank=True)
    label = models.CharField(_("record"), max_length=255)
    path = models.CharField(_("address"), max_length=500)
    address = models.GenericIPAddressField(_("from"), null=True, blank=True)

    class Meta:
        verbose_name = _("read of personal data")
        verbose_name_plural = _("reads of personal data")
        ordering = ["-at", "-id"]
        # an append-only log: it can be viewed, never added to, changed or deleted by hand
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["user", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.label}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValidationError("The log of reads is append-only.")
        super().save(*args, **kwargs)
