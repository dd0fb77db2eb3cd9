"""Shared fixtures: the test environment, personas per role, clients, service markers.

DJANGO_ENV: pytest-django imports the settings (``DJANGO_SETTINGS_MODULE`` from pyproject)
in its ``pytest_load_initial_conftests`` hook, which runs *before* this file is imported.
So the ``setdefault`` below reaches only processes started afterwards (the pytest-xdist
workers, subprocesses of tests); for the process that already loaded the settings the
test-only values are applied here directly. ``make test`` sets DJANGO_ENV=test itself.
"""

# ruff: noqa: E402  (the environment is set before anything imports the settings)
from __future__ import annotations

import os

os.environ.setdefault("DJANGO_ENV", "test")

import shutil
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings

#: What DJANGO_ENV=test changes in office/settings.py, for a process that loaded the
#: settings before this file could set the variable.
TEST_ONLY_SETTINGS = {"PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"]}
if settings.DJANGO_ENV != "test":
    for _name, _value in TEST_ONLY_SETTINGS.items():
        setattr(settings, _name, _value)

# Each test process its own keys in a shared Redis: the freshness generation (office.services.
# freshness) moved on by another process's saves would make one process's query counts drift.
# Set before any cache is made (caches are made at their first use).
settings.CACHES["default"]["KEY_PREFIX"] = f"test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{os.getpid()}"


def _flush_with_delete() -> None:
    """The flush after each transactional test (browser, worker, live server) deletes the rows
    instead of truncating the tables (PostgreSQL).

    TRUNCATE gives each of the ~100 tables (and their indexes) new files on disk: about a
    second per test here, where a DELETE of the few rows a test leaves takes milliseconds.
    The result is the same, every table empty; Django's foreign keys are deferrable, so the
    order of the DELETEs does not matter (checked at the flush's commit). Flushes that reset
    sequences or cascade keep Django's TRUNCATE.
    """
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        return
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):  # type: ignore[no-untyped-def]
        if not tables or reset_sequences or allow_cascade:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        delete = style.SQL_KEYWORD("DELETE FROM")
        return ["SET CONSTRAINTS ALL DEFERRED;"] + [f"{delete} {style.SQL_FIELD(self.quote_name(t))};" for t in tables]

    DatabaseOperations.sql_flush = sql_flush


_flush_with_delete()

from tests import personas as persona_module
from tests.utils import SERVICE_MARKERS, require_service, service_available
from tests.utils import client_for as make_client

# --- Services needed by marked tests ------------------------------------------------------


def pytest_runtest_setup(item: pytest.Item) -> None:
    """``postgres``/``redis``/``browser``/``stack`` tests skip when the service is missing,
    and fail when CI=true (in CI they must run)."""
    for name in SERVICE_MARKERS:
        if item.get_closest_marker(name) is not None:
            available, reason = service_available(name)
            require_service(name, available, reason)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The long tests (a browser, a real worker) first, in their order, the rest after them.

    pytest-xdist hands the first tests out in turn, so the long ones are spread over the
    workers at the start and the thousands of short ones even the workers out at the end;
    left in place they may queue on one worker while the other has finished.
    """
    items.sort(key=lambda item: not any(item.get_closest_marker(name) for name in ("browser", "stack")))


# --- Session set-up -----------------------------------------------------------------------


@pytest.fixture(scope="session", autouse=True)
def _media_root() -> Iterator[str]:
    """Uploaded files and job results go to a temporary directory, never to var/media.

    STATIC_ROOT points at an existing empty directory too: WhiteNoise warns (an error here)
    when var/static/ has not been collected yet, which is the case in a fresh clone.
    """
    from django.test.utils import override_settings

    root = tempfile.mkdtemp(prefix="kancelaria-media-")
    static_root = tempfile.mkdtemp(prefix="kancelaria-static-")
    with override_settings(MEDIA_ROOT=root, STATIC_ROOT=static_root):
        yield root
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree(static_root, ignore_errors=True)


@pytest.fixture(autouse=True)
def _eager_celery(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tasks run inside the test (eagerly), whatever REDIS_URL says; stack tests use a worker."""
    if request.node.get_closest_marker("stack") is not None:
        yield
        return
    from office.celery import app

    previous = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager, app.conf.task_eager_propagates = True, True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = previous


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """The test database as migrated (post_migrate made the groups), with the roles made sure."""
    from office.roles import ensure_roles

    with django_db_blocker.unblock():
        ensure_roles()


# --- Personas -----------------------------------------------------------------------------


@pytest.fixture
def units(db: Any) -> dict[str, Any]:
    """The units WOK (the liaison's) and WIN (the outsider's)."""
    return persona_module.ensure_units()


@pytest.fixture
def wok(units: dict[str, Any]) -> Any:
    return units[persona_module.WOK]


@pytest.fixture
def win(units: dict[str, Any]) -> Any:
    return units[persona_module.WIN]


@pytest.fixture
def persona(units: dict[str, Any]) -> Callable[[str], Any]:
    """``persona("secretariat")``: the user of that role, made once per test."""
    made: dict[str, Any] = {}

    def get(key: str) -> Any:
        if key not in made:
            made[key] = persona_module.create_persona(key, units)
        return made[key]

    return get


@pytest.fixture
def client_for() -> Callable[[Any], Any]:
    """``client_for(user)``: a test client logged in as ``user`` (anonymous for None)."""
    return make_client


# Short-hands used across the tests.
@pytest.fixture
def secretariat(persona: Callable[[str], Any]) -> Any:
    return persona("secretariat")


@pytest.fixture
def liaison(persona: Callable[[str], Any]) -> Any:
    return persona("unit_liaison")


@pytest.fixture
def outsider(persona: Callable[[str], Any]) -> Any:
    return persona("outsider_liaison")


@pytest.fixture
def auditor(persona: Callable[[str], Any]) -> Any:
    return persona("auditor")


@pytest.fixture
def management(persona: Callable[[str], Any]) -> Any:
    return persona("management")
