"""The production topology in miniature: a real Celery worker and beat, Redis, PostgreSQL, SMTP.

Beat fires the daily digest every two seconds; the worker sends it through a local SMTP sink;
each user still gets exactly one digest. A PDF job started the way the UI starts it is run
by the worker and its text is read back with pdftotext.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from office.celery import app as celery_app

pytestmark = [pytest.mark.stack, pytest.mark.postgres, pytest.mark.redis]

ROOT = Path(__file__).resolve().parents[2]


def _unavailable() -> str | None:
    if connection.vendor != "postgresql":
        return "needs PostgreSQL: set DATABASE_URL=postgres://..."
    if not settings.REDIS_URL:
        return "needs Redis: set REDIS_URL=redis://..."
    try:
        import redis

        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).ping()
    except Exception as error:
        return f"Redis at {settings.REDIS_URL} does not answer: {error}"
    if not shutil.which("pdftotext"):
        return "needs pdftotext (apt-get install poppler-utils)"
    return None


@pytest.fixture
def stack_available(transactional_db) -> None:
    reason = _unavailable()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"The stack test must run in CI: {reason}")
        pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Sink:
    """A local SMTP server that keeps what it receives."""

    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes
        from email.policy import default

        self.messages.append(message_from_bytes(envelope.content, policy=default))
        return "250 OK"


@pytest.fixture
def smtp_sink() -> Iterator[tuple[Sink, int]]:
    from aiosmtpd.controller import Controller

    sink, port = Sink(), _free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    yield sink, port
    controller.stop()


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker_env(stack_available, smtp_sink, tmp_path, settings) -> dict[str, str]:
    queue = f"stack-{uuid.uuid4().hex[:8]}"
    settings.MEDIA_ROOT = tmp_path
    env = {
        **os.environ,
        "DJANGO_ENV": "test",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_BROKER_URL": settings.REDIS_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_sink[1]),
        "MEDIA_ROOT": str(tmp_path),
        "PYTHONUNBUFFERED": "1",
    }
    return env


def _start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("w") as handle:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "office", *args],
            cwd=ROOT,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )


def _wait(condition, timeout: float, what: str, logs: list[Path]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    tails = "\n".join(f"--- {p.name}\n{p.read_text()[-3000:]}" for p in logs if p.exists())
    pytest.fail(f"Timed out waiting for {what}\n{tails}")


@pytest.fixture
def celery_processes(worker_env, tmp_path) -> Iterator[list[Path]]:
    from django_celery_beat.models import IntervalSchedule, PeriodicTask

    # Beat reads its schedule from the test database: the digest every two seconds.
    every_two, _ = IntervalSchedule.objects.get_or_create(every=2, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.filter(task="office.tasks.send_daily_digests").update(enabled=False)
    PeriodicTask.objects.create(name="stack test digest", task="office.tasks.send_daily_digests", interval=every_two)

    queue = worker_env["CELERY_TASK_DEFAULT_QUEUE"]
    logs = [tmp_path / "worker.log", tmp_path / "beat.log"]
    worker = _start(["worker", "--pool=solo", "-l", "info", "-Q", queue, "-n", f"{queue}@%h"], worker_env, logs[0])
    beat = _start(["beat", "-l", "info", "-s", str(tmp_path / "beat-schedule")], worker_env, logs[1])
    previous = (celery_app.conf.task_always_eager, celery_app.conf.task_default_queue, celery_app.conf.broker_url)
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    try:
        yield logs
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.task_default_queue, _ = previous
        for process in (beat, worker):
            process.terminate()
        for process in (beat, worker):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def test_beat_and_worker_send_one_digest_per_user_and_build_the_pdf(celery_processes, smtp_sink):
    from office import demo
    from office.models import DigestDelivery, Job, OrgUnit
    from office.reports import UNIT_ASSIGNMENTS_PDF
    from office.services.jobs import start_job
    from office.services.mail import digest_sections

    users = demo.seed()
    sink, _port = smtp_sink
    expected = {u.email for u in users.values() if u.email and digest_sections(u)}
    assert expected, "the demo office must give some users a digest"

    # 1. the PDF job, enqueued on commit exactly as the view does
    unit = OrgUnit.objects.get(symbol="WIN")
    job = start_job(
        actor=users["sekretariat"],
        kind=UNIT_ASSIGNMENTS_PDF,
        title="PDF WIN",
        params={"unit_id": unit.pk, "language": "pl"},
    )
    _wait(lambda: Job.objects.get(pk=job.pk).is_finished, 90, "the PDF job", celery_processes)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.message
    text = subprocess.run(["pdftotext", job.result.path, "-"], capture_output=True, text=True, check=True).stdout
    assert "Wydział Inwestycji" in text
    assert settings.CITY_NAME in text
    assert re.search(r"(Strona|Page) 1 (z|of) \d+", text)
    flat = " ".join(text.split())
    for title in unit.assignments.open().values_list("title", flat=True):
        assert " ".join(title.split()[:2]) in flat, title

    # 2. the digest: beat fires every two seconds, yet each user gets one
    def digests() -> list:
        return [m for m in sink.messages if m["Subject"].startswith(("Twoje sprawy", "Your matters"))]

    _wait(lambda: {m["To"] for m in digests()} >= expected, 90, "a digest to every user", celery_processes)
    time.sleep(6)  # several more beat ticks
    assert sorted(m["To"] for m in digests()) == sorted(expected)
    assert DigestDelivery.objects.count() == len(expected)
    message = next(m for m in digests() if m["To"] == users["lacznik"].email)
    assert message.get_body(("plain",)) is not None and message.get_body(("html",)) is not None


RECIPIENTS = 2000


def test_a_release_reaches_2000_journalists_once_each_through_the_worker(celery_processes, smtp_sink, client_for):
    """The distribution request returns at once; the worker sends one message per address."""
    from django.contrib.auth.models import Group
    from django.urls import reverse

    from media_relations.contributions import PRESS_OFFICER
    from media_relations.models import DistributionList, Journalist, Release
    from media_relations.services.releases import distribution_progress
    from office.models import User
    from office.roles import ensure_roles

    ensure_roles()
    officer = User.objects.create(username="rzecznik", email="rzecznik@example.gov.pl")
    officer.groups.add(Group.objects.get(name=PRESS_OFFICER.group))
    people = Journalist.objects.bulk_create(
        [
            Journalist(name=f"Dziennikarz {n:04d}", email=f"dziennikarz{n:04d}@redakcja.example.pl")
            for n in range(RECIPIENTS)
        ]
    )
    everyone = DistributionList.objects.create(name="Wszystkie redakcje")
    everyone.journalists.add(*people)
    regional = DistributionList.objects.create(name="Media regionalne")
    regional.journalists.add(*people[:300])  # on two lists: still one message
    release = Release.objects.create(
        title="Nowe połączenia autobusowe od 1 grudnia",
        slug="nowe-polaczenia",
        body="Od 1 grudnia uruchamiamy trzy nowe linie.",
        status="published",
        created_by=officer,
    )
    client = client_for(officer)
    started = time.monotonic()
    response = client.post(
        reverse("media_relations:release_distribute", args=[release.pk]),
        {"distribute-lists": [everyone.pk, regional.pk]},
    )
    request_seconds = time.monotonic() - started
    assert response.status_code == 302
    assert request_seconds < 5, f"the request took {request_seconds:.1f} s: the sending must be in the worker"
    progress = client.get(reverse("media_relations:release_progress", args=[release.pk]))
    assert progress.status_code == 200

    _wait(lambda: distribution_progress(release)["sent"] == RECIPIENTS, 240, "2,000 messages", celery_processes)
    worker_seconds = time.monotonic() - started
    sink = smtp_sink[0]
    releases = [m for m in sink.messages if m["Subject"] == release.title]
    assert len(releases) == RECIPIENTS
    assert len({m["To"] for m in releases}) == RECIPIENTS
    print(f"request {request_seconds:.2f} s, {RECIPIENTS} messages delivered by the worker in {worker_seconds:.1f} s")

    # distributing again sends nothing more
    client.post(reverse("media_relations:release_distribute", args=[release.pk]), {"distribute-lists": [everyone.pk]})
    time.sleep(3)
    assert len([m for m in sink.messages if m["Subject"] == release.title]) == RECIPIENTS
