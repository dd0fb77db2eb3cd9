"""The shared test helpers themselves: the query budget catches an N+1, the service markers
skip locally and fail in CI."""

from __future__ import annotations

from typing import Any

import pytest
from _pytest.outcomes import Failed, Skipped
from django.http import HttpRequest, HttpResponse
from django.urls import path

from office.models import Assignment
from tests.factories import AssignmentFactory
from tests.utils import assert_constant_queries, client_for, require_service, service_available


def n_plus_one(request: HttpRequest) -> HttpResponse:
    return HttpResponse(", ".join(a.unit.symbol for a in Assignment.objects.all()))  # one query per row


def joined(request: HttpRequest) -> HttpResponse:
    return HttpResponse(", ".join(a.unit.symbol for a in Assignment.objects.select_related("unit")))


urlpatterns = [path("n-plus-one/", n_plus_one), path("joined/", joined)]


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_the_query_budget_catches_an_n_plus_one() -> None:
    def make_rows(count: int) -> None:
        AssignmentFactory.create_batch(count)

    assert assert_constant_queries(client_for(None), "/joined/", make_rows) == 1
    with pytest.raises(Failed, match="queries with 3 rows"):
        assert_constant_queries(client_for(None), "/n-plus-one/", make_rows)


def test_require_service_skips_locally(monkeypatch: Any) -> None:
    monkeypatch.delenv("CI", raising=False)
    require_service("redis", True, "available")
    with pytest.raises(Skipped, match="redis: REDIS_URL is not set"):
        require_service("redis", False, "REDIS_URL is not set")


@pytest.mark.parametrize("value", ["true", "1", "TRUE"])
def test_require_service_fails_in_ci(monkeypatch: Any, value: str) -> None:
    monkeypatch.setenv("CI", value)
    with pytest.raises(Failed, match="must run, never skip"):
        require_service("postgres", False, "needs PostgreSQL")


def test_service_availability(monkeypatch: Any) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert service_available("redis") == (False, "needs Redis: REDIS_URL is not set")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")  # nothing listens on port 1
    available, reason = service_available("redis")
    assert not available and "does not answer" in reason
    monkeypatch.setattr("tests.utils.database_vendor", lambda: "sqlite")
    assert service_available("postgres")[0] is False
    assert service_available("stack")[0] is False
    with pytest.raises(ValueError, match="Unknown service marker"):
        service_available("mainframe")


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_postgres_test_runs_on_postgresql() -> None:
    from django.db import connection

    assert connection.vendor == "postgresql"


@pytest.mark.redis
def test_a_redis_test_gets_a_redis() -> None:
    import os

    import redis

    assert redis.Redis.from_url(os.environ["REDIS_URL"]).ping()
