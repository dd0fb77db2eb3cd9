"""The health endpoint for the orchestrator."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pytest
from django.db import OperationalError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from office import tasks
from office.models import Job
from office.views import system
from tests.utils import client_for, fetch

pytestmark = pytest.mark.django_db


@override_settings(REDIS_URL=None)
def test_health_without_redis() -> None:
    response = fetch(client_for(None), "get", reverse("health"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    assert response.json() == {
        "database": "ok",
        "redis": "not configured",
        "worker": "eager",
        "stuck": {"jobs": 0, "release_deliveries": 0},
        "status": "ok",
    }


def test_health_with_a_broken_database(monkeypatch: Any) -> None:
    class Broken:
        def cursor(self) -> Any:
            raise OperationalError("connection refused")

    monkeypatch.setattr(system, "connection", Broken())
    response = fetch(client_for(None), "get", reverse("health"))
    assert response.status_code == 503
    body = response.json()
    assert (body["database"], body["status"]) == ("error: OperationalError", "error")


@pytest.mark.redis
def test_health_with_redis_and_a_worker_heartbeat() -> None:
    url = os.environ["REDIS_URL"]
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-health-{os.getpid()}",
        }
    }
    with override_settings(REDIS_URL=url, CACHES=caches):
        from django.core.cache import cache

        cache.delete(tasks.HEARTBEAT_KEY)
        response = fetch(client_for(None), "get", reverse("health"))
        body = response.json()
        assert response.status_code == 503  # no worker has ever answered
        assert (body["database"], body["redis"], body["worker"], body["status"]) == ("ok", "ok", "missing", "error")
        assert body["failing"] == ["worker"]
        tasks.heartbeat()
        response = fetch(client_for(None), "get", reverse("health"))
        body = response.json()
        assert response.status_code == 200
        assert body["worker"] == "ok" and body["worker_heartbeat_age_s"] < 5 and body["status"] == "ok"
        cache.delete(tasks.HEARTBEAT_KEY)


def test_health_with_redis_down() -> None:
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }
    with override_settings(REDIS_URL="redis://127.0.0.1:1/0", CACHES=caches):
        response = fetch(client_for(None), "get", reverse("health"))
    assert response.status_code == 503
    body = response.json()
    assert body["redis"].startswith("error") and body["status"] == "error"
    assert body["failing"] == ["redis", "worker"] and body["worker"] == "unknown"


def _locmem(name: str) -> dict[str, Any]:
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}}


@pytest.mark.parametrize(
    ("age", "status", "worker"), [(5, 200, "ok"), (system.HEARTBEAT_STALE_SECONDS - 5, 200, "ok"), (95, 503, "stale")]
)
def test_a_worker_silent_for_more_than_90_seconds_makes_health_fail(age: int, status: int, worker: str) -> None:
    with override_settings(REDIS_URL="redis://example.invalid:6379/0", CACHES=_locmem(f"health-{age}")):
        from django.core.cache import cache

        cache.set(tasks.HEARTBEAT_KEY, (timezone.now() - dt.timedelta(seconds=age)).isoformat())
        response = fetch(client_for(None), "get", reverse("health"))
        cache.clear()
    body = response.json()
    assert response.status_code == status
    assert (body["redis"], body["worker"], body["worker_heartbeat_age_s"]) == ("ok", worker, age)
    assert body.get("failing", []) == ([] if status == 200 else ["worker"])


@override_settings(REDIS_URL=None)
def test_health_counts_work_stuck_past_its_lease_and_stays_200(persona: Any) -> None:
    from media_relations.models import Delivery
    from tests.media_relations.factories import DeliveryFactory

    long_ago = timezone.now() - dt.timedelta(minutes=10)
    owner = persona("secretariat")
    Job.objects.create(kind="x", title="dead", owner=owner, status=Job.Status.RUNNING, lease_until=long_ago)
    Job.objects.create(
        kind="x",
        title="alive",
        owner=owner,
        status=Job.Status.RUNNING,
        lease_until=timezone.now() + dt.timedelta(minutes=1),
    )
    DeliveryFactory(status=Delivery.Status.SENDING, claimed_at=long_ago, sent_at=None)
    DeliveryFactory(status=Delivery.Status.SENDING, claimed_at=timezone.now(), sent_at=None)
    response = fetch(client_for(None), "get", reverse("health"))
    assert response.status_code == 200
    assert response.json()["stuck"] == {"jobs": 1, "release_deliveries": 1}


def test_liveness_answers_without_the_database_or_redis(monkeypatch: Any) -> None:
    class Broken:
        def cursor(self) -> Any:
            raise OperationalError("connection refused")

    monkeypatch.setattr(system, "connection", Broken())
    with override_settings(REDIS_URL="redis://127.0.0.1:1/0", CACHES=_locmem("live")):
        response = fetch(client_for(None), "get", reverse("health_live"))
        assert fetch(client_for(None), "get", reverse("health")).status_code == 503
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_a_page_whose_database_does_not_answer_is_a_503_to_retry_not_a_500() -> None:
    from django.db import OperationalError
    from django.test import RequestFactory

    from office.views.system import server_error

    request = RequestFactory().get("/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Temporarily unavailable" in response.content.decode()
    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(request).status_code == 500
