"""Background jobs started from the UI: a row per job, a handler per kind, a result file.

Handlers are declared by kind in the registry (``@registry.job_kind(KEY)`` in an app's
``reports.py``, imported by its contributions.py); ``start_job`` creates the row and
enqueues ``office.tasks.run_job`` after commit; ``run_job`` claims the row (so a duplicate
delivery does nothing), calls the handler with a progress callback and stores its file.

A claim is a lease: the worker holds the job until ``lease_until`` and every progress report
extends it. A worker that dies (killed, out of memory, the machine gone) stops extending it;
once it has expired the job may be claimed again — by the broker's redelivery of the task or
by ``recover_jobs``, which beat runs every minute — with a conditional UPDATE, so one worker
wins. The claim counts the attempts: a job whose worker died ``MAX_ATTEMPTS`` times fails with
a message the user reads. Only the attempt that holds the claim may report progress or store
the result, so a worker that was only slow cannot finish a job a second time.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from office.contributions import registry
from office.models import Job

logger = logging.getLogger(__name__)

Progress = Callable[[int, str], None]

#: How long a claimed job stays its worker's without a progress report.
LEASE = dt.timedelta(minutes=2)
#: How many times a job is started before it fails for good (its worker died every time).
MAX_ATTEMPTS = 3


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


def _expired(now: dt.datetime) -> Q:
    return Q(status=Job.Status.RUNNING) & (Q(lease_until__lt=now) | Q(lease_until__isnull=True))


def claim_job(job_id: Any) -> Job | None:
    """Take a waiting job, or a running one whose lease expired; None when another worker has it,
    it is finished, or it has used its attempts."""
    now = timezone.now()
    claimed = Job.objects.filter(
        Q(status=Job.Status.QUEUED) | _expired(now), pk=job_id, attempts__lt=MAX_ATTEMPTS
    ).update(
        status=Job.Status.RUNNING,
        started_at=Coalesce("started_at", now),
        progress=1,
        message="",
        lease_until=now + LEASE,
        attempts=F("attempts") + 1,
    )
    return Job.objects.get(pk=job_id) if claimed else None


def run_job(job_id: str) -> None:
    job = claim_job(job_id)
    if job is None:
        _fail_exhausted(Job.objects.filter(pk=job_id))
        return  # running elsewhere, finished, or given up: a duplicate delivery
    mine = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, attempts=job.attempts)

    def progress(percent: int, message: str = "") -> None:
        mine.update(progress=max(1, min(99, percent)), message=message[:500], lease_until=timezone.now() + LEASE)

    try:
        result = registry.job_handler(job.kind)(job, progress)
    except JobError as error:
        _fail(mine, str(error))
        return
    except Exception:
        logger.exception("Job %s (%s) failed", job.pk, job.kind)
        _fail(mine, _("The job failed because of an error. Try again; if it repeats, tell the administrator."))
        return
    job.result.save(result.filename, ContentFile(result.content), save=False)
    finished = mine.update(
        result=job.result.name,
        result_name=result.filename,
        status=Job.Status.DONE,
        progress=100,
        message="",
        finished_at=timezone.now(),
        lease_until=None,
    )
    if not finished:  # the lease expired meanwhile and another attempt took the job over
        logger.warning("Job %s (%s): attempt %s lost its claim; its result is dropped", job.pk, job.kind, job.attempts)
        job.result.delete(save=False)


def _fail(jobs: QuerySet[Job], message: str) -> None:
    jobs.update(status=Job.Status.FAILED, message=message[:500], finished_at=timezone.now(), lease_until=None)


def _fail_exhausted(jobs: QuerySet[Job]) -> int:
    """Fail the jobs whose worker died on every attempt."""
    now = timezone.now()
    return jobs.filter(_expired(now), attempts__gte=MAX_ATTEMPTS).update(
        status=Job.Status.FAILED,
        message=_("The job stopped after %(n)d interruptions. Start it again; if it repeats, tell the administrator.")
        % {"n": MAX_ATTEMPTS},
        finished_at=now,
        lease_until=None,
    )


def stuck_jobs() -> QuerySet[Job]:
    """Running jobs past their lease: their worker died and they wait for ``recover_jobs``."""
    return Job.objects.filter(_expired(timezone.now()))


def recover_jobs() -> dict[str, int]:
    """Every minute (beat): start again the jobs whose worker died; fail those out of attempts."""
    failed = _fail_exhausted(Job.objects.all())
    restart = [str(pk) for pk in stuck_jobs().filter(attempts__lt=MAX_ATTEMPTS).values_list("pk", flat=True)]
    if restart:
        from office.tasks import run_job as task

        for pk in restart:
            logger.warning("Job %s lost its worker; starting it again", pk)
            task.delay(pk)
    return {"restarted": len(restart), "failed": failed}


def purge_old_jobs(*, older_than_days: int = 30) -> int:
    cutoff = timezone.now() - dt.timedelta(days=older_than_days)
    count = 0
    for job in Job.objects.filter(created_at__lt=cutoff):
        if job.result:
            job.result.delete(save=False)
        job.delete()
        count += 1
    return count
