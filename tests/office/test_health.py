"""The health endpoint for the orchestrator."""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.db import OperationalError
from django.test import override_settings
from django.urls import reverse

from office import tasks
from office.views import system
from tests.utils import client_for, fetch

pytestmark = pytest.mark.django_db


@override_settings(REDIS_URL=None)
def test_health_without_redis() -> None:
    response = fetch(client_for(None), "get", reverse("health"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    assert response.json() == {"database": "ok", "redis": "not configured", "worker": "eager", "status": "ok"}


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
        body = fetch(client_for(None), "get", reverse("health")).json()
        assert (body["database"], body["redis"], body["worker"], body["status"]) == ("ok", "ok", "unknown", "ok")
        tasks.heartbeat()
        body = fetch(client_for(None), "get", reverse("health")).json()
        assert body["worker"] == "ok" and body["worker_heartbeat_age_s"] < 5
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
