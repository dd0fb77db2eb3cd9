"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Every page a test visits goes through ``visit``/``check``, which runs axe-core (WCAG 2.0 and
2.1, levels A and AA), the Nu HTML checker (``vnu.jar``: no error) and a zoom check (at 200 %
zoom, a 640 px wide viewport, the page does not scroll sideways), and fails on any finding.
Without Chromium the tests skip with the reason, except under CI=true, where they fail; the
same for the Nu checker (Java and the ``vnu-jar`` package, installed by ``.ci/run``): without
it the HTML is not checked, except under CI=true.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
#: where .ci/run installs the Nu HTML checker (``npm install --prefix /opt/kancelaria-vnu vnu-jar``)
VNU_JARS = [
    os.environ.get("VNU_JAR", ""),
    "/opt/kancelaria-vnu/node_modules/vnu-jar/build/dist/vnu.jar",
    str(Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"),
]
#: 200 % zoom of a 1280 px wide window: the page must fit without scrolling sideways
ZOOM_WIDTH = 640


def _chromium_missing() -> str | None:
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator:
    missing = _chromium_missing()
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Browser tests must run in CI: {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class NuChecker:
    """The Nu HTML checker as a service of this test process (one JVM, started once): each page
    is POSTed to it, the same HTML is checked once."""

    def __init__(self, jar: str) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/?out=json&level=error"
        self.process = subprocess.Popen(
            [
                shutil.which("java") or "java",
                "-Xss16m",  # the schema is read recursively on the main thread
                "-Dnu.validator.servlet.bind-address=127.0.0.1",
                "-cp",
                jar,
                "nu.validator.servlet.Main",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.seen: dict[str, list[str]] = {}
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=2).close()
                break
            except (urllib.error.URLError, OSError):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.close()
                    raise RuntimeError("the Nu HTML checker did not start") from None
                time.sleep(0.3)

    def errors(self, html: str) -> list[str]:
        """The checker's errors in ``html``, each with its line and an extract."""
        key = hashlib.sha256(html.encode()).hexdigest()
        if key not in self.seen:
            request = urllib.request.Request(  # noqa: S310 (our own checker on localhost)
                self.url, data=html.encode(), headers={"Content-Type": "text/html; charset=utf-8"}
            )
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                messages = json.load(response).get("messages", [])
            self.seen[key] = [
                f"line {message.get('lastLine', '?')}: {message.get('message')} "
                f"[{(message.get('extract') or '').strip()[:120]}]"
                for message in messages
                if message.get("type") in ("error", "non-document-error")
            ]
        return self.seen[key]

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _nu_missing() -> tuple[str | None, str | None]:
    """The checker's jar, or why it cannot run."""
    if not shutil.which("java"):
        return None, "Java not found (apt-get install default-jre-headless)"
    for jar in VNU_JARS:
        if jar and os.path.isfile(jar):
            return jar, None
    return None, "vnu.jar not found (npm install --prefix /opt/kancelaria-vnu vnu-jar, or set VNU_JAR)"


@pytest.fixture(scope="session")
def nu_checker() -> Iterator[NuChecker | None]:
    jar, missing = _nu_missing()
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"The Nu HTML checker must run in CI: {missing}")
        warnings.warn(f"HTML not checked: {missing}", stacklevel=1)
        yield None
        return
    checker = NuChecker(jar)
    yield checker
    checker.close()


class Visitor:
    """A browser tab for one test: axe, the Nu HTML checker and the zoom check run on every
    page it lands on."""

    def __init__(self, page, base_url: str, nu: NuChecker | None = None) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.page = page
        self.base_url = base_url
        self.axe = Axe()
        self.nu = nu
        self.checked: list[str] = []

    def visit(self, path: str, *, expect_status: int = 200) -> None:
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.status == expect_status, (
            f"{path}: HTTP {response.status if response else None}, expected {expect_status}"
        )
        self.check()

    def check(self) -> None:
        results = self.axe.run(self.page, options=AXE_RULES)
        url = self.page.url
        self.checked.append(url)
        assert results.violations_count == 0, f"axe violations on {url}:\n{results.generate_report()}"
        if self.nu is not None:
            errors = self.nu.errors(self.page.content())
            assert not errors, f"Nu HTML checker: {len(errors)} errors on {url}:\n" + "\n".join(errors)
        self.check_zoom()

    def check_zoom(self) -> None:
        """At 200 % zoom (a 640 px wide viewport) the page does not scroll sideways."""
        size = self.page.viewport_size or {"width": 1280, "height": 900}
        if size["width"] <= ZOOM_WIDTH:
            return
        self.page.set_viewport_size({"width": ZOOM_WIDTH, "height": size["height"]})
        try:
            widths = self.page.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                " Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right >"
                " document.documentElement.clientWidth + 1).slice(-3).map(e => e.outerHTML.slice(0, 160))]"
            )
        finally:
            self.page.set_viewport_size(size)
        scroll, client, wide = widths
        assert scroll <= client + 1, (
            f"{self.page.url} scrolls sideways at {ZOOM_WIDTH} px ({scroll} > {client}); too wide: {wide}"
        )

    def login(self, username: str, password: str) -> None:
        self.visit("/accounts/login/")
        self.page.locator("#id_username").fill(username)
        self.page.locator("#id_password").fill(password)
        self.page.locator("form [type=submit]").last.click()
        self.page.wait_for_load_state()
        assert "/accounts/login/" not in self.page.url, f"login of {username} failed"
        self.check()


@pytest.fixture
def visitor(browser, live_server, nu_checker) -> Iterator[Visitor]:
    context = browser.new_context(bypass_csp=True, locale="pl-PL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield Visitor(page, live_server.url, nu_checker)
    context.close()


class DemoSnapshot:
    """The demo office, seeded once per test process and copied back for every test that uses it.

    Seeding takes seconds (the galleries draw their photos); copying the rows back takes a
    fraction of a second. The first test that asks for the demo seeds it, then every table of
    the project is copied into the ``demo_snapshot`` schema of the test database (and the files
    the seeding wrote under MEDIA_ROOT into a temporary directory). A later test gets every
    table emptied and filled again from that copy in one transaction, the sequences moved past
    the copied ids, the files put back: the same rows as after a fresh ``seed()``.
    """

    SCHEMA = "demo_snapshot"

    def __init__(self) -> None:
        self.columns: dict[str, str] = {}  # table -> its quoted column list (generated columns left out)
        self.sequences: list[tuple[str, str, str]] = []  # (sequence, table, column)
        self.files: str | None = None
        self.taken = False

    def drop(self) -> None:
        from django.db import connection

        if connection.vendor == "postgresql":  # SQLite seeds every time: there is no copy
            with connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA IF EXISTS {self.SCHEMA} CASCADE")
        if self.files:
            shutil.rmtree(self.files, ignore_errors=True)

    @staticmethod
    def _media_files(root: str) -> set[str]:
        found = set()
        for directory, _dirs, names in os.walk(root):
            found.update(os.path.relpath(os.path.join(directory, name), root) for name in names)
        return found

    def take(self) -> dict:
        """Seed the demo office, then copy its rows and files."""
        from django.conf import settings
        from django.db import connection, transaction

        from office import demo as demo_data

        media_before = self._media_files(settings.MEDIA_ROOT)
        users = demo_data.seed()
        self.drop()
        tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"CREATE SCHEMA {self.SCHEMA}")
            cursor.execute(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND is_generated = 'NEVER' ORDER BY ordinal_position"
            )
            columns: dict[str, list[str]] = {}
            for table, column in cursor.fetchall():
                columns.setdefault(table, []).append(quote(column))
            for table in tables:
                cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {quote(table)})")  # noqa: S608 (catalogue names)
                if cursor.fetchone()[0]:
                    cursor.execute(f"CREATE TABLE {self.SCHEMA}.{quote(table)} AS TABLE {quote(table)}")
                    self.columns[table] = ", ".join(columns[table])
                for sequence in connection.introspection.get_sequences(cursor, table):
                    self.sequences.append((sequence["name"], table, sequence["column"]))
        self.files = tempfile.mkdtemp(prefix="kancelaria-demo-media-")
        for name in self._media_files(settings.MEDIA_ROOT) - media_before:
            target = os.path.join(self.files, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy2(os.path.join(settings.MEDIA_ROOT, name), target)
        self.taken = True
        return users

    def restore(self) -> dict:
        """Every table of the project as the seeding left it (and the seeded files in place)."""
        from django.conf import settings
        from django.contrib.contenttypes.models import ContentType
        from django.db import connection, transaction

        from office.demo import USERS
        from office.models import User

        tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            # Django's foreign keys are deferrable: checked once, at the commit, on the full copy
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for table in tables:
                cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608 (catalogue names)
            for table, columns in self.columns.items():
                cursor.execute(
                    f"INSERT INTO {quote(table)} ({columns}) SELECT {columns} FROM {self.SCHEMA}.{quote(table)}"  # noqa: S608
                )
            for sequence, table, column in self.sequences:
                # never back: the ids made since the seeding are not handed out again
                cursor.execute(
                    f"SELECT setval(%s, GREATEST((SELECT last_value FROM {quote(sequence)}), "  # noqa: S608
                    f"(SELECT COALESCE(MAX({quote(column)}), 1) FROM {quote(table)})))",
                    [sequence],
                )
        ContentType.objects.clear_cache()  # the copied content types may have other ids than the cached ones
        shutil.copytree(self.files, settings.MEDIA_ROOT, dirs_exist_ok=True)
        return {user.username: user for user in User.objects.filter(username__in=[spec.username for spec in USERS])}


@pytest.fixture(scope="session")
def _demo_snapshot(django_db_setup, django_db_blocker) -> Iterator[DemoSnapshot]:
    snapshot = DemoSnapshot()
    yield snapshot
    with django_db_blocker.unblock():
        snapshot.drop()


@pytest.fixture
def demo(transactional_db, _demo_snapshot):
    """The demo office (the same data `make run` shows): seeded by the process's first test
    that asks for it, copied back for the others (see DemoSnapshot)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        from office import demo as demo_data

        return demo_data.seed()
    if not _demo_snapshot.taken:
        return _demo_snapshot.take()
    return _demo_snapshot.restore()
