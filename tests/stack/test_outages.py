"""The office under faults, served by a real gunicorn: Redis stopped under load, PostgreSQL restarted.

- Redis (the test's own redis-server) stops while four clients load logged-in and anonymous pages:
  no answer is a 500, a login during the outage works, a PDF job started during the outage waits in
  the outbox and is done by a worker once Redis is back.
- PostgreSQL (a second cluster the test makes with initdb, holding a copy of the test database)
  restarts under gunicorn and a worker: pages fail fast while it is down and answer again without
  restarting either process; the worker's next task succeeds.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests
from django.contrib.auth.models import Group

from office.models import Job, OrgUnit
from tests.factories import UserFactory
from tests.stack.test_redis_outage import OwnRedis, own_redis  # noqa: F401
from tests.stack.test_worker import ROOT, _database_url, _free_port, _start, _wait, stack_available  # noqa: F401

pytestmark = [pytest.mark.stack, pytest.mark.postgres, pytest.mark.redis]

PASSWORD = "Odporny-na-awarie-2026"


class Server:
    """gunicorn (gthread, one process, four threads) on a free port with the given environment."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "gunicorn", "office.wsgi:application", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", "1", "--threads", "4", "--worker-class", "gthread", "--timeout", "60"]
        with log.open("w") as handle:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
        self.log = log
        _wait(self._live, 60, "gunicorn to answer", [log])

    def _live(self) -> bool:
        try:
            return requests.get(f"{self.url}/health/live/", timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def login(self, username: str) -> requests.Session:
        session = requests.Session()
        session.get(f"{self.url}/accounts/login/", timeout=10)
        response = session.post(
            f"{self.url}/accounts/login/",
            data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
            allow_redirects=False,
            timeout=10,
        )
        assert response.status_code == 302, f"login failed: {response.status_code}\n{self.log.read_text()[-3000:]}"
        return session

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _env(tmp_path: Path, database_url: str, redis_url: str, queue: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_ENV": "test",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "MEDIA_ROOT": str(tmp_path),
        "PYTHONUNBUFFERED": "1",
    }


def _user(username: str) -> Any:
    return UserFactory(username=username, password=PASSWORD, groups=[Group.objects.get(name="Sekretariat")])


class Load:
    """Clients asking for pages in a loop; every status (or the error) is counted."""

    def __init__(self, server: Server, session: requests.Session, paths: list[str], clients: int = 4) -> None:
        self.statuses: Counter[Any] = Counter()
        self.stopped = threading.Event()
        self.threads = [
            threading.Thread(target=self._run, args=(server, session if n % 2 == 0 else None, paths), daemon=True)
            for n in range(clients)
        ]

    def _run(self, server: Server, session: requests.Session | None, paths: list[str]) -> None:
        client = requests.Session()
        if session is not None:
            client.cookies.update(session.cookies)
        n = 0
        while not self.stopped.is_set():
            path = paths[n % len(paths)] if session is not None else "/accounts/login/"
            n += 1
            try:
                self.statuses[client.get(f"{server.url}{path}", timeout=10, allow_redirects=False).status_code] += 1
            except requests.RequestException as error:
                self.statuses[type(error).__name__] += 1

    def __enter__(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        for thread in self.threads:
            thread.join(timeout=15)


def test_redis_stopped_under_load_no_500_logins_work_and_queued_work_completes(
    own_redis: OwnRedis,  # noqa: F811
    stack_available: None,  # noqa: F811
    tmp_path: Path,
) -> None:
    own_redis.start()
    _user("obciazenie")
    _user("w-czasie-awarii")
    unit = OrgUnit.objects.create(symbol="WAW", name="Wydział Awaryjny")
    queue = f"outage-{own_redis.port}"
    env = _env(tmp_path, _database_url(), own_redis.url, queue)
    server = Server(env, tmp_path / "gunicorn.log")
    worker = None
    try:
        session = server.login("obciazenie")
        with Load(server, session, ["/", "/assignments/", "/contacts/"]) as load:
            time.sleep(2)
            before = sum(load.statuses.values())
            own_redis.stop()
            time.sleep(1)
            # a login and a job started while Redis is away
            during = server.login("w-czasie-awarii")
            assert during.get(f"{server.url}/", timeout=10).status_code == 200
            started = during.post(
                f"{server.url}/reports/unit-assignments/",
                data={"unit": unit.pk, "csrfmiddlewaretoken": during.cookies["csrftoken"]},
                allow_redirects=False,
                timeout=10,
            )
            assert started.status_code == 302, started.status_code
            job_id = re.search(r"/jobs/([0-9a-f-]+)/", started.headers["Location"]).group(1)
            time.sleep(2)
            during_outage = sum(load.statuses.values()) - before
            own_redis.start()
            time.sleep(1)
        assert not [status for status in load.statuses if not isinstance(status, int) or status >= 500], (
            f"{load.statuses}\n{server.log.read_text()[-3000:]}"
        )
        assert during_outage > 10, f"the load went on during the outage: {load.statuses}"
        assert Job.objects.get(pk=job_id).status == Job.Status.QUEUED

        # Redis is back: the outbox sends the job's task, a worker does it, once
        log = tmp_path / "worker.log"
        worker = _start(["worker", "--pool=solo", "-l", "info", "-Q", queue, "-n", f"{queue}@%h"], env, log)
        flushed = subprocess.run(
            [sys.executable, "manage.py", "flush_task_outbox"], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert flushed.returncode == 0, flushed.stderr
        _wait(lambda: Job.objects.get(pk=job_id).status == Job.Status.DONE, 60, "the job to be done", [log])
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=20)
        server.stop()


class SecondCluster:
    """A PostgreSQL cluster of the test's own (initdb as the postgres user), with a copy of a database."""

    def __init__(self, root: Path) -> None:
        self.bindir = _pg_bindir()
        self.root = root
        self.data = root / "data"
        self.port = _free_port()
        root.mkdir(parents=True, exist_ok=True)
        os.chmod(root, 0o777)  # noqa: S103  (the postgres user writes its cluster here)
        self._as_postgres("initdb", "-D", str(self.data), "--auth=trust", "-U", "postgres", "--no-sync")

    def _as_postgres(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._as_postgres("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "pg.log"), "-w", "start")

    def stop(self) -> None:
        self._as_postgres("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def copy_of(self, source_url: str, name: str) -> str:
        """The database at ``source_url`` copied into this cluster under ``name``."""
        binary = self.bindir / "psql"
        subprocess.run([str(binary), self.url("postgres"), "-qc", f'CREATE DATABASE "{name}"'], check=True)
        dump = subprocess.run(
            [str(self.bindir / "pg_dump"), "--no-owner", "--no-privileges", source_url],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run([str(binary), "-q", self.url(name)], input=dump, check=True, capture_output=True)
        return self.url(name)


def _pg_bindir() -> Path:
    found = shutil.which("pg_ctl")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not candidates:
        pytest.fail("PostgreSQL's server programs (pg_ctl, initdb) are missing")
    return candidates[-1].parent


@pytest.fixture
def second_cluster(stack_available: None) -> Iterator[SecondCluster]:  # noqa: F811
    # not under pytest's own temporary folder, which the postgres user may not enter
    root = Path(tempfile.mkdtemp(prefix="kancelaria-pg-"))
    cluster = SecondCluster(root)
    cluster.start()
    try:
        yield cluster
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


def test_postgresql_restarted_pages_fail_fast_and_recover_without_restarting_anything(
    second_cluster: SecondCluster, tmp_path: Path, settings: Any
) -> None:
    _user("restart")
    unit = OrgUnit.objects.create(symbol="WPG", name="Wydział Restartu")
    database_url = second_cluster.copy_of(_database_url(), "restart_copy")
    queue = f"pgrestart-{second_cluster.port}"
    env = _env(tmp_path, database_url, settings.REDIS_URL, queue)
    server = Server(env, tmp_path / "gunicorn.log")
    log = tmp_path / "worker.log"
    worker = _start(["worker", "--pool=solo", "-l", "info", "-Q", queue, "-n", f"{queue}@%h"], env, log)

    def job_done(session: requests.Session) -> Any:
        """A PDF job started from the page; True once the worker has done it (read in that cluster)."""
        started = session.post(
            f"{server.url}/reports/unit-assignments/",
            data={"unit": unit.pk, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
            allow_redirects=False,
            timeout=10,
        )
        assert started.status_code == 302, started.status_code
        job_id = re.search(r"/jobs/([0-9a-f-]+)/", started.headers["Location"]).group(1)

        def done() -> bool:
            with psycopg.connect(database_url) as conn:
                row = conn.execute("SELECT status FROM office_job WHERE id = %s", [job_id]).fetchone()
            return row[0] == Job.Status.DONE

        return done

    try:
        session = server.login("restart")
        assert session.get(f"{server.url}/", timeout=10).status_code == 200
        _wait(job_done(session), 60, "the worker's first job", [log])

        second_cluster.stop()
        started = time.monotonic()
        down_page = session.get(f"{server.url}/", timeout=30).status_code
        down_health = requests.get(f"{server.url}/health/", timeout=30)
        assert time.monotonic() - started < 10, "pages must fail fast while the database is down"
        assert down_page == 503
        assert down_health.status_code == 503
        assert "database" in down_health.text

        second_cluster.start()
        _wait(lambda: session.get(f"{server.url}/", timeout=10).status_code == 200, 30, "the page again", [server.log])
        assert requests.get(f"{server.url}/health/", timeout=10).json()["database"] == "ok"
        assert server.process.poll() is None, "gunicorn was not restarted"

        _wait(job_done(session), 60, "the worker's job after the restart", [log])
        assert worker.poll() is None, "the worker was not restarted"
    finally:
        worker.terminate()
        worker.wait(timeout=20)
        server.stop()
