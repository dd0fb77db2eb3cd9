"""A real Celery worker killed with -9 in the middle of a PDF job and of a release distribution.

A second worker takes over: the job completes once, the distribution finishes with no address
sent twice, the message the dead worker was sending is "uncertain". The leases expire after two
minutes; the tests move the rows' times back by that much instead of waiting.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db.models import F
from django.utils import timezone

from office.celery import app as celery_app
from tests.stack.test_worker import _start, _wait, smtp_sink, stack_available, worker_env  # noqa: F401

pytestmark = [pytest.mark.stack, pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture
def workers(worker_env: dict[str, str], tmp_path: Path) -> Iterator[Callable[[], Any]]:  # noqa: F811
    """``start()`` a worker on the test's own queue (solo pool: the process doing the work)."""
    queue = worker_env["CELERY_TASK_DEFAULT_QUEUE"]
    started: list[Any] = []
    logs: list[Path] = []

    def start() -> Any:
        log = tmp_path / f"worker-{len(started)}.log"
        name = f"{queue}-{len(started)}@%h"
        process = _start(["worker", "--pool=solo", "-l", "info", "-Q", queue, "-n", name], worker_env, log)
        started.append(process)
        logs.append(log)
        process.logs = logs
        return process

    previous = (celery_app.conf.task_always_eager, celery_app.conf.task_default_queue)
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    try:
        yield start
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.task_default_queue = previous
        for process in started:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except Exception:
                    process.kill()


def _kill(process: Any) -> None:
    process.kill()  # SIGKILL: no chance to clean up
    process.wait(timeout=10)


def _two_minutes_pass(queryset: Any, *fields: str) -> None:
    """Every time of the rows moved back by more than a lease (what waiting would do)."""
    shift = dt.timedelta(minutes=3)
    queryset.update(**{name: F(name) - shift for name in fields})


def test_a_pdf_job_whose_worker_is_killed_completes_once_on_another_worker(workers: Any, tmp_path: Path) -> None:
    from office import demo
    from office.models import Job, OrgUnit
    from office.reports import UNIT_ASSIGNMENTS_PDF
    from office.services.jobs import start_job
    from office.tasks import recover_jobs, run_job
    from tests.factories import AssignmentFactory

    users = demo.seed()
    unit = OrgUnit.objects.get(symbol="WIN")
    AssignmentFactory.create_batch(400, unit=unit)  # a PDF of several seconds
    first = workers()
    job = start_job(actor=users["sekretariat"], kind=UNIT_ASSIGNMENTS_PDF, title="PDF WIN", params={"unit_id": unit.pk})
    _wait(lambda: Job.objects.get(pk=job.pk).status == Job.Status.RUNNING, 60, "the job to start", first.logs)
    _kill(first)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (Job.Status.RUNNING, 1), "the job finished before the worker was killed"

    _two_minutes_pass(Job.objects.filter(pk=job.pk), "lease_until")
    second = workers()
    recover_jobs.delay()  # what beat sends every minute
    _wait(lambda: Job.objects.get(pk=job.pk).is_finished, 120, "the job on the second worker", second.logs)
    job.refresh_from_db()
    assert (job.status, job.progress, job.attempts) == (Job.Status.DONE, 100, 2), job.message
    finished_at = job.finished_at

    # the broker's late redelivery and the next sweeps change nothing
    run_job.delay(str(job.pk))
    recover_jobs.delay()
    time.sleep(3)
    job.refresh_from_db()
    assert (job.status, job.attempts, job.finished_at) == (Job.Status.DONE, 2, finished_at)
    assert [p.name for p in (tmp_path / "jobs").rglob("*.pdf")] == [Path(job.result.name).name]


RECIPIENTS = 400


def test_a_distribution_whose_worker_is_killed_finishes_without_duplicates(
    workers: Any,
    smtp_sink: Any,  # noqa: F811
) -> None:
    from media_relations.models import Delivery, DistributionList, Journalist, Release
    from media_relations.services.releases import distribute, distribution_progress
    from media_relations.tasks import recover_deliveries
    from office.models import User

    officer = User.objects.create(username="rzecznik", email="rzecznik@example.gov.pl")
    people = Journalist.objects.bulk_create(
        [Journalist(name=f"Dziennikarz {n:04d}", email=f"d{n:04d}@redakcja.example.pl") for n in range(RECIPIENTS)]
    )
    everyone = DistributionList.objects.create(name="Wszystkie redakcje")
    everyone.journalists.add(*people)
    release = Release.objects.create(
        title="Zamknięcie mostu", slug="most", body="Most będzie zamknięty.", status="published",
        published_at=timezone.now(), created_by=officer,
    )  # fmt: skip
    first = workers()
    distribute(actor=officer, release=release, lists=[everyone])
    _wait(lambda: distribution_progress(release)["sent"] >= 40, 120, "the first messages", first.logs)
    _kill(first)
    progress = distribution_progress(release)
    assert progress["waiting"] > 0, "the distribution finished before the worker was killed"

    rows = Delivery.objects.filter(release=release)
    _two_minutes_pass(rows.exclude(claimed_at=None), "claimed_at")
    _two_minutes_pass(rows, "created_at")
    second = workers()
    recover_deliveries.delay()  # what beat sends every minute
    _wait(lambda: distribution_progress(release)["waiting"] == 0, 240, "the rest of the messages", second.logs)

    progress = distribution_progress(release)
    assert progress["uncertain"] <= 1 and progress["failed"] == 0
    assert progress["sent"] + progress["uncertain"] == RECIPIENTS and progress["percent"] == 100
    received = [m["To"] for m in smtp_sink[0].messages if m["Subject"] == release.title]
    assert len(received) == len(set(received)), "an address got the release twice"
    sent = set(rows.filter(status=Delivery.Status.SENT).values_list("email", flat=True))
    assert sent <= set(received)
    assert set(received) - sent <= set(rows.filter(status=Delivery.Status.UNCERTAIN).values_list("email", flat=True))
