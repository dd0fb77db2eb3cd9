"""Every e-mail the office sends: to whom, about which record, and whether it went out.

A mail is written here when it is handed to the mail server (``office.services.mail.deliver``);
a transient failure leaves it queued for the task's next attempt, the last failed attempt or a
permanent error marks it failed with the server's answer, so the page of the record it was sent
from shows that it never arrived.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class OutgoingMail(models.Model):
    recipients = models.TextField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=500)
    record_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kind of record"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    record_id = models.PositiveBigIntegerField(_("record id"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    #: the background task that sends it: its retries update this row instead of adding one
    task_id = models.CharField(_("task"), max_length=255, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["record_type", "record_id"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipients}"

    @property
    def is_failed(self) -> bool:
        return self.status == MailStatus.FAILED

    @property
    def is_sent(self) -> bool:
        return self.status == MailStatus.SENT
