"""Background jobs started from the UI: a row per job, a handler per kind, a result file.

Handlers are declared by kind in the registry (``@registry.job_kind(KEY)`` in an app's
``reports.py``, imported by its contributions.py); ``start_job`` creates the row and
enqueues ``office.tasks.run_job`` after commit; ``run_job`` claims the row (so a duplicate
delivery does nothing), calls the handler with a progress callback and stores its file.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from office.contributions import registry
from office.models import Job

logger = logging.getLogger(__name__)

Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class JobResult:
    filename: str
    content: bytes


class JobError(Exception):
    """A failure the user should read (shown as the job's message)."""


@transaction.atomic
def start_job(*, actor: Any, kind: str, title: str, params: dict[str, Any] | None = None) -> Job:
    if not registry.has_job_kind(kind):
        raise ValueError(f"Unknown job kind {kind!r}")
    job = Job.objects.create(kind=kind, title=title, owner=actor, params=params or {})

    def enqueue() -> None:
        from office.tasks import run_job

        run_job.delay(str(job.pk))

    transaction.on_commit(enqueue)
    return job


def run_job(job_id: str) -> None:
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=timezone.now(), progress=1
    )
    if not claimed:
        return  # already running or finished: a duplicate delivery
    job = Job.objects.get(pk=job_id)

    def progress(percent: int, message: str = "") -> None:
        Job.objects.filter(pk=job.pk).update(progress=max(1, min(99, percent)), message=message[:500])

    try:
        result = registry.job_handler(job.kind)(job, progress)
    except JobError as error:
        _fail(job, str(error))
        return
    except Exception:
        logger.exception("Job %s (%s) failed", job.pk, job.kind)
        _fail(job, _("The job failed because of an error. Try again; if it repeats, tell the administrator."))
        return
    job.result.save(result.filename, ContentFile(result.content), save=False)
    job.result_name = result.filename
    job.status = Job.Status.DONE
    job.progress = 100
    job.message = ""
    job.finished_at = timezone.now()
    job.save(update_fields=["result", "result_name", "status", "progress", "message", "finished_at"])


def _fail(job: Job, message: str) -> None:
    Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED, message=message[:500], finished_at=timezone.now())


def purge_old_jobs(*, older_than_days: int = 30) -> int:
    cutoff = timezone.now() - dt.timedelta(days=older_than_days)
    count = 0
    for job in Job.objects.filter(created_at__lt=cutoff):
        if job.result:
            job.result.delete(save=False)
        job.delete()
        count += 1
    return count
