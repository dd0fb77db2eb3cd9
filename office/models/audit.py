"""The audit trail: who changed what, and when, for every record."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class AuditEntryQuerySet(models.QuerySet):
    def of(self, *instances: models.Model) -> AuditEntryQuerySet:
        """The entries of these records (of one model): the record type and the id, never the id alone,
        which other models share."""
        if not instances:
            return self.none()
        ct = ContentType.objects.get_for_model(instances[0], for_concrete_model=False)
        return self.filter(content_type=ct, object_id__in=[str(instance.pk) for instance in instances])


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        TRANSITION = "transition", _("status changed")
        ACTION = "action", _("action")

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("record type"))
    object_id = models.CharField(_("record id"), max_length=64)
    record = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("record"), max_length=255)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    actor = user_link(_("who"))
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    changes = models.JSONField(_("what changed"), default=dict, blank=True)
    message = models.CharField(_("message"), max_length=500, blank=True)
    #: None: ``message`` is text as written (a reason typed by a user, or an entry made before
    #: messages were kept untranslated). A dict: ``message`` is a msgid, shown translated with these.
    message_params = models.JSONField(_("message parameters"), null=True, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.get_action_display()} {self.object_repr}"

    @property
    def text(self) -> str:
        """The message in the reader's language."""
        if self.message_params is None:
            return self.message
        try:
            return gettext(self.message) % self.message_params
        except (KeyError, TypeError, ValueError):
            return gettext(self.message)
