"""Redis stops and comes back (a redis-server of the test's own, on a free port): the cache
forgets what changed meanwhile, and the tasks kept in the outbox reach the broker once it
answers again. Without redis-server the tests skip locally and fail when CI=true."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings

from office.celery import app as celery_app
from office.models import TaskOutbox

pytestmark = pytest.mark.django_db


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OwnRedis:
    def __init__(self, port: int) -> None:
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no", "--daemonize", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                redis.Redis(port=self.port, socket_connect_timeout=0.5).ping()
                return
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_connect_timeout=0.5)


@pytest.fixture
def own_redis() -> Iterator[OwnRedis]:
    if not shutil.which("redis-server"):
        if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            pytest.fail("The Redis outage tests must run in CI: redis-server is missing")
        pytest.skip("needs redis-server (apt-get install redis-server)")
    server = OwnRedis(_free_port())
    try:
        yield server
    finally:
        server.stop()


def _caches(url: str) -> dict[str, Any]:
    return {
        "default": {
            "BACKEND": "office.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1, "outage_retry_after": 0},
        }
    }


def test_the_cache_works_degrades_and_forgets_what_changed_during_the_outage(own_redis: OwnRedis) -> None:
    own_redis.start()
    with override_settings(CACHES=_caches(own_redis.url)):
        cache = caches["default"]
        cache.set("session", "before")
        cache.set("other", "kept")
        assert cache.get("session") == "before"

        # Redis "away" for this process only (its data stays): a change made meanwhile
        client = cache._cache
        real_set = client.set
        client.set = lambda *a, **k: (_ for _ in ()).throw(redis.exceptions.ConnectionError("away"))
        assert cache.set("session", "during") is False
        client.set = real_set

        # back: the copy from before the change is deleted, never served
        assert cache.get("session") is None
        assert cache.get("other") == "kept"

        # a real stop and start
        own_redis.stop()
        assert cache.get("other") is None
        assert cache.set("x", 1) is False
        own_redis.start()
        assert cache.set("x", 2) is None
        assert cache.get("x") == 2


def test_the_outbox_sends_its_tasks_when_the_broker_is_back(own_redis: OwnRedis) -> None:
    from office.services import outbox
    from office.tasks import notify_assignment_answered

    previous = (celery_app.conf.task_always_eager, celery_app.conf.broker_url, celery_app.conf.task_default_queue)
    queue = "outage-test"
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = own_redis.url
    celery_app.conf.task_default_queue = queue
    celery_app._after_fork()
    try:
        started = time.monotonic()
        assert notify_assignment_answered.delay(41) is None  # Redis is not running
        assert notify_assignment_answered.delay(42) is None
        assert time.monotonic() - started < 5, "a send to a dead broker must not hold the request"
        assert TaskOutbox.objects.count() == 2
        assert outbox.flush() == (0, 2)

        own_redis.start()
        assert outbox.flush() == (2, 0)
        assert not TaskOutbox.objects.exists()
        assert own_redis.client().llen(queue) == 2

        # with the broker up, a send goes straight to it
        assert notify_assignment_answered.delay(43) is not None
        assert own_redis.client().llen(queue) == 3
        assert not TaskOutbox.objects.exists()
    finally:
        (
            celery_app.conf.task_always_eager,
            celery_app.conf.broker_url,
            celery_app.conf.task_default_queue,
        ) = previous
        celery_app._after_fork()
