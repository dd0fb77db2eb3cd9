"""Long work started from the UI (PDF reports, exports): a row with progress and a result file."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=60)
    title = models.CharField(_("title"), max_length=255)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.CASCADE, related_name="jobs"
    )
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    message = models.CharField(_("message"), max_length=500, blank=True)
    result = models.FileField(_("result"), upload_to="jobs/%Y/%m/", blank=True, max_length=255)
    result_name = models.CharField(_("file name"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    #: The worker that claimed the job holds it until then; each progress report extends it. A
    #: running job past its lease lost its worker and is started again (office.services.jobs).
    lease_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at"]
        constraints = [models.CheckConstraint(condition=models.Q(progress__lte=100), name="job_progress_max_100")]
        indexes = [models.Index(fields=["status", "lease_until"], name="office_job_lease")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def is_failed(self) -> bool:
        return self.status == self.Status.FAILED

    @property
    def is_running(self) -> bool:
        return self.status == self.Status.RUNNING

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class DigestDelivery(models.Model):
    """One e-mail digest of a kind to a user on a day: the unique row makes sending idempotent."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=40)
    day = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        constraints = [models.UniqueConstraint(fields=["user", "kind", "day"], name="uniq_digest_per_user_kind_day")]

    def __str__(self) -> str:
        return f"{self.kind} {self.day} → {self.user_id}"
