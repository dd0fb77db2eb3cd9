"""Celery tasks of the core: thin wrappers that take ids and call services."""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache
from django.utils import timezone

from office.kit.tasks import background_task
from office.services import jobs, mail


@background_task(retries=5)
def send_daily_digests() -> int:
    """Fan out one task per user; each sends at most one digest a day."""
    day = timezone.localdate()
    users = mail.digest_recipients()
    for user_id in users:
        send_daily_digest.delay(user_id, day.isoformat())
    return len(users)


@background_task(retries=5)
def send_daily_digest(user_id: int, day: str) -> bool:
    return mail.send_daily_digest(user_id=user_id, day=dt.date.fromisoformat(day))


@background_task(retries=5)
def send_assignment_reminders() -> int:
    return mail.send_reminders()


@background_task(retries=5)
def notify_assignment_handed_over(assignment_id: int) -> None:
    mail.notify_handed_over(assignment_id)


@background_task(retries=5)
def notify_assignment_answered(assignment_id: int) -> None:
    mail.notify_answered(assignment_id)


@background_task(time_limit=600)
def run_job(job_id: str) -> None:
    jobs.run_job(job_id)


@background_task(time_limit=60)
def recover_jobs() -> dict[str, int]:
    """Every minute: jobs whose worker died (lease expired) run again or, out of attempts, fail."""
    return jobs.recover_jobs()


@background_task()
def purge_old_jobs() -> int:
    return jobs.purge_old_jobs()


@background_task()
def purge_old_reads() -> int:
    """Daily: the log of reads of personal data keeps READ_LOG_RETENTION_DAYS days."""
    from office.services.reads import purge_old_reads as purge

    return purge()


HEARTBEAT_KEY = "office:worker-heartbeat"


@background_task(time_limit=60, outbox=False)
def heartbeat() -> str:
    """Beat sends this every minute; the health endpoint reads when a worker last ran it."""
    now = timezone.now().isoformat()
    cache.set(HEARTBEAT_KEY, now, timeout=600)
    return now


@background_task()
def purge_old_import_batches() -> int:
    """Daily: the rows of uploaded spreadsheets are kept a day (office.services.imports.KEEP_HOURS)."""
    from office.services.imports import purge_old_batches

    return purge_old_batches()


@background_task(time_limit=120, outbox=False)
def flush_task_outbox() -> int:
    """Every minute: send the tasks kept while the broker was down (office.services.outbox)."""
    from office.services.outbox import flush

    return flush()[0]
