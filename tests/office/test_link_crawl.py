"""Every link a user is shown leads somewhere they may go.

For every persona — the demo office's users (one per role) plus a superuser and a visitor
without login — the crawl starts from the dashboard, follows every same-site ``<a href>`` the
pages show (GET only; logout, downloads, exports and Django's admin are left out) and fails on
any answer of 400 or more, naming the page that showed the link. A page is a URL pattern with
the names of its query parameters: each pattern is followed for a few of its links (other rows
of the same list), new patterns first, at most ``MAX_PAGES`` pages per persona, so a new app's
pages are found and checked without naming them here.
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.db import transaction
from django.urls import Resolver404, resolve, reverse

from office import access
from tests.utils import client_for

#: pages followed at most per persona, and links followed per pattern
MAX_PAGES = 150
PER_PATTERN = 2

#: what a crawl does not follow: leaving, files and spreadsheets, the admin (Django's own)
SKIPPED = re.compile(
    r"/logout|/download|/export|[?&]export=|\.(?:pdf|ics|csv|xlsx|zip|jpe?g|png|webp|mp4|vcf)(?:$|\?)"
    r"|^/(?:admin|static|media)/|/feed/|/thumbnail|/original|/file/",
    re.IGNORECASE,
)

#: the demo users (office/demo.py USERS) by persona; the superuser and the visitor are added
DEMO_PERSONAS = {
    "administrator": "admin",
    "secretariat": "sekretariat",
    "press_officer": "prasa",
    "office_staff": "kancelaria",
    "management": "prezydent",
    "unit_liaison": "lacznik",
    "outsider_liaison": "lacznik.we",
    "auditor": "audytor",
    "council_officer": "rada",
    "ngo_officer": "ngo",
    "travel_officer": "podroze",
    "finance_reader": "finanse",
}
PERSONAS = [*DEMO_PERSONAS, "superuser", "anonymous"]

#: pages followed per persona, reported at the end of the module (``-s`` or the summary)
FOLLOWED: dict[str, int] = {}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_of(html: str, base: str) -> list[str]:
    """The same-site paths (with their query) the page links to, in order, without fragments."""
    parser = _Links()
    parser.feed(html)
    found = []
    for href in parser.hrefs:
        if href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        parts = urlsplit(urljoin("http://testserver" + base, href))
        if parts.netloc != "testserver":
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def pattern_of(url: str) -> tuple[str, tuple[str, ...]]:
    """The page a URL shows: its route and the names of its query parameters."""
    parts = urlsplit(url)
    try:
        route = resolve(parts.path).route
    except Resolver404:
        route = parts.path
    return route, tuple(sorted({name for name, _ in parse_qsl(parts.query, keep_blank_values=True)}))


def crawl(client: Any, starts: list[str]) -> tuple[int, list[str]]:
    """Follow the links from ``starts``; the number of pages followed and what failed."""
    fresh: deque[tuple[str, str]] = deque((url, "(start)") for url in starts)
    later: deque[tuple[str, str]] = deque()
    seen_urls: set[str] = set()
    per_pattern: dict[tuple[str, tuple[str, ...]], int] = {}
    failures: list[str] = []
    followed = 0
    while (fresh or later) and followed < MAX_PAGES:
        url, shown_on = (fresh or later).popleft()
        if url in seen_urls:
            continue
        seen_urls.add(url)
        pattern = pattern_of(url)
        if per_pattern.get(pattern, 0) >= PER_PATTERN:
            continue
        per_pattern[pattern] = per_pattern.get(pattern, 0) + 1
        followed += 1
        try:
            response = client.get(url)
        except Exception as error:  # a 500 of the test client: reported with the page that linked it
            failures.append(f"{url} (linked from {shown_on}): {type(error).__name__}: {error}")
            continue
        if response.status_code >= 400:
            failures.append(f"{url} (linked from {shown_on}): HTTP {response.status_code}")
            continue
        if response.status_code in (301, 302, 303, 307, 308):
            target = urlsplit(urljoin("http://testserver" + url, response["Location"]))
            if target.netloc == "testserver":
                fresh.appendleft((target.path + (f"?{target.query}" if target.query else ""), url))
            continue
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)  # read to the end: a file download closes its file
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for link in links_of(response.content.decode(), url):
            if link in seen_urls or SKIPPED.search(link):
                continue
            count = per_pattern.get(pattern_of(link), 0)
            (fresh if count == 0 else later).append((link, url))
    return followed, failures


@pytest.fixture(scope="module")
def demo_office(django_db_setup: Any, django_db_blocker: Any) -> Iterator[dict[str, Any]]:
    """The demo office (the data of ``make run``), seeded once for the module and rolled back."""
    from office import demo
    from tests.personas import create_persona, ensure_units

    with django_db_blocker.unblock(), transaction.atomic():
        users = demo.seed()
        people = {key: users[name] for key, name in DEMO_PERSONAS.items()}
        people["superuser"] = create_persona("superuser", ensure_units())
        people["anonymous"] = None
        yield people
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_link_shown_can_be_followed(demo_office: dict[str, Any], persona: str) -> None:
    started = time.monotonic()
    client = client_for(demo_office[persona])
    starts = ["/", reverse("media_relations:newsroom")] if persona == "anonymous" else ["/"]
    followed, failures = crawl(client, starts)
    FOLLOWED[persona] = followed
    print(f"{persona}: {followed} pages followed in {time.monotonic() - started:.1f} s")
    assert followed >= (2 if persona == "anonymous" else 10), f"{persona}: the crawl found too few pages"
    assert not failures, f"{persona} is shown links it cannot follow:\n" + "\n".join(failures)


# --- The helpers the pages use to decide whether to show a link ---------------------------------


@pytest.mark.django_db
def test_may_follow_reads_the_permission_of_the_view(persona: Any) -> None:
    """``access.may_follow`` finds the view's user tests (login_required, permission_required)
    through its decorators: a Django upgrade that hides them fails here, not silently."""
    liaison, secretariat = persona("unit_liaison"), persona("secretariat")
    matters = reverse("correspondence:matter_list")
    assert access._user_tests(resolve(matters).func), "no user test found on a permission_required view"
    assert access.may_follow(secretariat, matters)
    assert not access.may_follow(liaison, matters)
    assert access.may_follow(liaison, "/")
    assert not access.may_follow(persona("anonymous"), "/")
    assert not access.may_follow(liaison, "/no/such/page/")
    assert access.may_follow(liaison, "https://example.org/elsewhere/")


@pytest.mark.django_db
def test_a_breadcrumb_the_user_may_not_open_is_no_link(persona: Any) -> None:
    from django.template import Context, Template
    from django.test import RequestFactory

    template = Template('{% breadcrumbs "#7" "/correspondence/matters/" "Matters" %}')
    for key, linked in (("secretariat", True), ("unit_liaison", False)):
        request = RequestFactory().get("/correspondence/matters/7/")
        request.user = persona(key)
        html = template.render(Context({"request": request}))
        assert ('<a href="/correspondence/matters/">' in html) is linked, key
        assert "Matters" in html
