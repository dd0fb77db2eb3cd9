"""Tasks that could not be handed to the broker (Redis down) when a request enqueued them.

``office.kit.tasks`` writes a row here instead of failing the request; the beat task
``office.tasks.flush_task_outbox`` (every minute) and ``manage.py flush_task_outbox`` send
the rows once the broker answers again and delete them. Tasks are idempotent, so a row sent
twice (a crash between the send and the delete) does no harm.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskOutbox(models.Model):
    task = models.CharField(_("task"), max_length=255)
    args = models.JSONField(_("arguments"), default=list, blank=True)
    kwargs = models.JSONField(_("keyword arguments"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("task waiting for the queue")
        verbose_name_plural = _("tasks waiting for the queue")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.task} #{self.pk}"
