"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Every page a test visits goes through ``visit``/``check``, which runs axe-core (WCAG 2.0 and
2.1, levels A and AA) and fails on any violation. Without Chromium the tests skip with the
reason, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator

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


class Visitor:
    """A browser tab for one test, with axe run on every page it lands on."""

    def __init__(self, page, base_url: str) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.page = page
        self.base_url = base_url
        self.axe = Axe()
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

    def login(self, username: str, password: str) -> None:
        self.visit("/accounts/login/")
        self.page.locator("#id_username").fill(username)
        self.page.locator("#id_password").fill(password)
        self.page.locator("form [type=submit]").last.click()
        self.page.wait_for_load_state()
        assert "/accounts/login/" not in self.page.url, f"login of {username} failed"
        self.check()


@pytest.fixture
def visitor(browser, live_server) -> Iterator[Visitor]:
    context = browser.new_context(bypass_csp=True, locale="pl-PL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield Visitor(page, live_server.url)
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
