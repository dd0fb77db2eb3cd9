"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Every page a test visits goes through ``visit``/``check``, which runs axe-core (WCAG 2.0 and
2.1, levels A and AA) and fails on any violation. Without Chromium the tests skip with the
reason, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import shutil
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


@pytest.fixture
def demo(transactional_db):
    """The demo office (the same data `make run` shows)."""
    from office import demo as demo_data

    return demo_data.seed()
