"""Helpers shared by every test module (and by tests/e2e/, tests/stack/ later).

- ``fetch``: one request through the test client, response closed (no ResourceWarning).
- ``client_for``: a logged-in (or anonymous) test client for a persona.
- ``assert_constant_queries``: the query budget of a list page as its rows grow.
- ``service_available`` / ``require_service``: the marker logic for tests that need
  PostgreSQL, Redis, Chromium or the whole stack (skip locally, FAIL when CI=true).
"""

from __future__ import annotations

import difflib
import functools
import importlib.util
import os
import shutil
import sys
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

# --- Requests ------------------------------------------------------------------------------


def client_for(user: Any = None) -> Client:
    """A test client logged in as ``user`` (``None`` or an anonymous user: not logged in).

    ``force_login`` because django-axes refuses ``client.login()`` without a request.
    """
    client = Client()
    if user is not None and getattr(user, "is_authenticated", False):
        client.force_login(user)
    return client


def fetch(client: Client, method: str, url: str, data: Any = None, **extra: Any) -> Any:
    """Send one request; a streamed response (a file download) is read to the end and so closed."""
    method = method.lower()
    if method == "get":
        response = client.get(url, data or {}, **extra)
    elif method == "post":
        response = client.post(url, data or {}, **extra)
    else:
        response = getattr(client, method)(url, **extra)
    if getattr(response, "streaming", False):
        # Reading a streamed response to the end closes it (the file handle of a download)
        # the way the test client does for other responses. Never call response.close()
        # here: that sends request_finished with the connection handler attached, which
        # closes the database connection of the test (PostgreSQL) in the middle of a test.
        response.content_bytes = b"".join(response.streaming_content)
    return response


def login_url(next_path: str) -> str:
    """Where a protected page sends an anonymous visitor."""
    from django.contrib.auth.views import redirect_to_login

    return redirect_to_login(next_path)["Location"]


def page_text(response: Any) -> str:
    """The response's HTML with entities resolved, for looking for messages and typed values."""
    import html

    return html.unescape(response.content.decode())


def messages_of(response: Any) -> list[str]:
    """The texts of the flash messages rendered or stored for ``response``."""
    from django.contrib.messages import get_messages

    context = getattr(response, "context", None)
    if context is not None and "messages" in context:
        return [str(m) for m in context["messages"]]
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- Query budgets --------------------------------------------------------------------------


def _count_queries(client: Client, url: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = fetch(client, "get", url)
    assert response.status_code == 200, f"GET {url} gave {response.status_code}"
    return len(captured), [query["sql"] for query in captured.captured_queries]


def assert_constant_queries(
    client: Client, url: str, make_rows: Callable[[int], Any], n: int = 3, extra: int = 20
) -> int:
    """Render ``url`` with ``n`` rows and with ``n + extra`` rows: the query count must not grow.

    ``make_rows(count)`` creates ``count`` more rows that the page lists. A first,
    uncounted request warms per-process caches (content types, translations) so that only
    the rows make a difference; so does one after the new rows, which moved the freshness generation
    on (office.services.freshness). Returns the number of queries.
    """
    make_rows(n)
    fetch(client, "get", url)
    few, few_sql = _count_queries(client, url)
    make_rows(extra)
    fetch(client, "get", url)  # the new rows made the remembered navigation and widgets stale
    many, many_sql = _count_queries(client, url)
    if few != many:
        diff = "\n".join(difflib.unified_diff(few_sql, many_sql, f"{n} rows", f"{n + extra} rows", lineterm=""))
        print(diff)
        pytest.fail(f"GET {url}: {few} queries with {n} rows, {many} with {n + extra} rows:\n{diff}")
    return few


# --- Services needed by marked tests --------------------------------------------------------


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_service(name: str, available: bool, reason: str) -> None:
    """Skip (locally) or fail (when CI=true) a test that needs a service that is not there."""
    if available:
        return
    message = f"{name}: {reason}"
    if running_in_ci():
        pytest.fail(f"{message} (CI=true: tests that need {name} must run, never skip)", pytrace=False)
    pytest.skip(message)


@functools.cache
def _redis_reachable(url: str) -> bool:
    try:
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except Exception:
        return False


def database_vendor() -> str:
    return connection.vendor  # the backend's class attribute: no connection is opened


def service_available(name: str) -> tuple[bool, str]:
    """Whether the service a marker names is usable here, and why not."""
    if name == "postgres":
        vendor = database_vendor()
        return vendor == "postgresql", f"needs PostgreSQL: set DATABASE_URL=postgres://... (the database is {vendor})"
    if name == "redis":
        url = os.environ.get("REDIS_URL", "").strip()
        if not url:
            return False, "needs Redis: REDIS_URL is not set"
        return _redis_reachable(url), f"needs Redis: {url} does not answer"
    if name == "browser":
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        playwright = importlib.util.find_spec("playwright") is not None
        return bool(chromium and playwright), "needs Chromium (/usr/bin/chromium) and Playwright"
    if name == "stack":
        for needed in ("postgres", "redis"):
            ok, why = service_available(needed)
            if not ok:
                return False, f"the stack {why}"
        return shutil.which("celery", path=os.path.dirname(sys.executable)) is not None or bool(
            shutil.which("celery")
        ), "the stack needs the celery command"
    raise ValueError(f"Unknown service marker {name!r}")


SERVICE_MARKERS = ("postgres", "redis", "browser", "stack")
