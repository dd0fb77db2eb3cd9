"""Redis down is a cache miss: the cache backend never raises for a Redis that does not answer,
sessions fall back to the database (logins and pages work), and the outbox keeps a task the
broker could not take.

The cache points at a port where nothing listens (no Redis is needed for these tests).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import caches
from django.test import RequestFactory, override_settings
from django.urls import reverse

from office.cache import ResilientRedisCache
from office.celery import app as celery_app
from office.kit.public import over_limit
from office.models import TaskOutbox
from tests.factories import PASSWORD
from tests.utils import fetch


def _dead_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again: nothing listens there


def _dead_caches(**options: Any) -> dict[str, Any]:
    return {
        "default": {
            "BACKEND": "office.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{_dead_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1, **options},
        }
    }


@pytest.fixture
def dead_cache() -> Iterator[ResilientRedisCache]:
    with override_settings(CACHES=_dead_caches(outage_retry_after=0)):
        yield caches["default"]


def test_every_operation_degrades_instead_of_raising(dead_cache: ResilientRedisCache) -> None:
    cache = dead_cache
    assert cache.get("a") is None
    assert cache.get("a", "fallback") == "fallback"
    assert cache.set("a", 1) is False
    assert cache.add("a", 1) is False
    assert cache.touch("a") is False
    assert cache.delete("a") is False
    assert cache.has_key("a") is False
    assert "a" not in cache
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.delete_many(["a", "b"]) is None
    assert cache.get_or_set("a", 5) == 5
    assert cache.clear() is False
    with pytest.raises(ValueError):  # as for a missing key: callers of incr handle it
        cache.incr("a")
    with pytest.raises(ValueError):
        cache.decr("a")


def test_a_failure_is_logged_once_per_interval(caplog: pytest.LogCaptureFixture) -> None:
    with override_settings(CACHES=_dead_caches(outage_retry_after=0, outage_log_interval=60)):
        cache = caches["default"]
        with caplog.at_level(logging.WARNING, logger="office.cache"):
            for _ in range(20):
                cache.get("a")
                cache.set("a", 1)
    warnings = [r for r in caplog.records if r.name == "office.cache"]
    assert len(warnings) == 1
    assert "Redis cache unavailable" in warnings[0].getMessage()


def test_after_a_failure_redis_is_not_tried_again_at_once() -> None:
    with override_settings(CACHES=_dead_caches(outage_retry_after=30)):
        cache = caches["default"]
        cache.get("a")
        client = cache._cache

        def must_not_run(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError("Redis tried again during the pause")

        client.get = client.set = must_not_run
        assert cache.get("a", 7) == 7
        assert cache.set("a", 1) is False
        # a key changed meanwhile is remembered, to be deleted when Redis is back
        assert cache.make_key("a") in cache._pending


def test_the_public_form_limit_does_not_fail_without_the_cache(dead_cache: ResilientRedisCache) -> None:
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    assert over_limit(request, "outage-test") is False


@pytest.mark.django_db
def test_login_and_pages_work_with_the_cache_down(persona: Any) -> None:
    from django.test import Client

    user = persona("secretariat")
    with override_settings(CACHES=_dead_caches(), SESSION_ENGINE="django.contrib.sessions.backends.cached_db"):
        client = Client()
        response = fetch(client, "post", reverse("login"), {"username": user.username, "password": PASSWORD})
        assert (response.status_code, response["Location"]) == (302, reverse("office:dashboard"))
        for url in (reverse("office:dashboard"), reverse("office:assignment_list")):
            assert fetch(client, "get", url).status_code == 200, url
        response = fetch(client, "post", reverse("logout"))
        assert response.status_code == 302
        url = reverse("office:dashboard")
        assert fetch(client, "get", url).status_code == 302  # logged out: to the login page


@pytest.mark.django_db
def test_a_task_the_broker_cannot_take_waits_in_the_outbox() -> None:
    from office.services import outbox
    from office.tasks import notify_assignment_answered

    previous = (celery_app.conf.task_always_eager, celery_app.conf.broker_url)
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = f"redis://127.0.0.1:{_dead_port()}/0"
    celery_app._after_fork()  # forget the connection pools of the previous broker
    try:
        assert notify_assignment_answered.delay(123) is None
        row = TaskOutbox.objects.get()
        assert (row.task, row.args, row.kwargs, row.attempts) == (
            "office.tasks.notify_assignment_answered",
            [123],
            {},
            1,
        )
        assert row.last_error
        # the broker is still down: the flush keeps the row and counts the attempt
        assert outbox.flush() == (0, 1)
        row.refresh_from_db()
        assert row.attempts == 2
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.broker_url = previous
        celery_app._after_fork()
