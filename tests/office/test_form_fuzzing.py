"""Every form of every app, found by itself, sent back with hostile values by several personas.

For each persona of ``FUZZED`` and each app, every GET row of the permission matrix
(tests/office/test_permission_matrix.py, with the rows of every app's tests/<app>/permissions.py)
that the persona may open (200) is fetched in the matrix's world; every ``<form method="post">``
the page shows is read (its fields, their input types, the options of its selects, its submit
buttons) and sent back a few times with values drawn by hypothesis per type: dates out of any sane
range and malformed ones, huge, negative and non-numeric numbers, 10,000-character strings, line
breaks in one-line fields, NUL bytes, emoji and right-to-left overrides, choices that are not
offered, the ids of the world's objects the persona may not change, empty values and missing fields.
A form is sent once per persona and distinct action (and set of fields), however many pages show it.

For every submission:

- the answer is not a server error (< 500);
- when it stored something, the page that showed the form still renders for the persona and for
  the administrator (200; a page may go only after an accepted action, a redirect), and so does
  the page the answer redirected to;
- nothing outside the persona's reach changed: the rows of the world's objects the persona has no
  form or action for (by the matrix's table) and the other users' accounts are as they were.

Each submission runs in a savepoint rolled back afterwards, so the world is the same for the next.
Values are drawn with a seed per form (the same values every run).

A form the administrator was shown is sent three times by the administrator (the first draw is
the simplest one: the first hostile value of each kind in every field) and once more by each other
persona who is shown it (their reach differs); a form only another persona sees, three times by them.

Coverage of a run (PostgreSQL; SQLite within a few): 9 tests (the apps and the core), 5 personas, 345
pages read, 380 forms per persona (145 the administrator's) with 2,120 fields, 656 submissions
carrying 2,914 values, 149 of which stored something and had their pages rendered again. Set
``FORM_FUZZING_SUMMARY=<path>``: each test appends a JSON line per persona with its counts.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import traceback
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve, reverse
from hypothesis import HealthCheck, Phase, given, seed
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.matrix import World
from tests.office.test_permission_matrix import (
    EXPECTED,
    world,  # noqa: F401  (the matrix's objects, made once per module)
)
from tests.utils import fetch

#: the personas who send the forms (each with the pages and forms they are shown)
FUZZED = ["administrator", "secretariat", "press_officer", "office_staff", "unit_liaison"]
#: submissions per form and persona
EXAMPLES = 2
#: pages whose forms are not sent: leaving, the language and display switches, Django's admin
SKIPPED_ACTIONS = ("/i18n/", "/display/", "logout", "/admin/")
SKIPPED_FIELDS = {"csrfmiddlewaretoken"}
SUMMARY_FILE = os.environ.get("FORM_FUZZING_SUMMARY", "")


def _app(name: str) -> str:
    return name.split(":")[0] if ":" in name else "account"


APPS = sorted({_app(name) for name in EXPECTED} - {"admin"})


# --- Reading the forms of a page ---------------------------------------------------------------


@dataclass
class Field:
    name: str
    kind: str  # an input's type, "textarea", "select" or "button"
    value: str = ""
    options: list[str] = field(default_factory=list)
    multiple: bool = False


@dataclass
class Form:
    action: str
    enctype: str
    fields: dict[str, Field] = field(default_factory=dict)
    buttons: list[tuple[str, str]] = field(default_factory=list)

    def key(self) -> tuple[str, tuple[str, ...]]:
        """The form's action (its URL name: the same form of another record is the same form) and
        the names of its fields."""
        path = urlsplit(self.action).path
        try:
            action = resolve(path).view_name
        except Resolver404:
            action = path
        return action, tuple(sorted(self.fields))


class _Forms(HTMLParser):
    """The POST forms of a page with their fields (the last field of a name wins its type)."""

    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.forms: list[Form] = []
        self.form: Form | None = None
        self.select: Field | None = None
        self.textarea: Field | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {key: value or "" for key, value in attrs}
        if tag == "form":
            if attr.get("method", "get").lower() == "post":
                self.form = Form(urljoin(self.base, attr.get("action") or self.base), attr.get("enctype", ""))
                self.forms.append(self.form)
            return
        if self.form is None:
            return
        name = attr.get("name", "")
        if tag == "option" and self.select is not None:
            self.select.options.append(attr.get("value", ""))
        if not name or name in SKIPPED_FIELDS:
            return
        if tag == "input":
            kind = attr.get("type", "text").lower()
            if kind in ("submit", "image", "reset", "button"):
                self.form.buttons.append((name, attr.get("value", "")))
            else:
                self.form.fields.setdefault(name, Field(name, kind, attr.get("value", "")))
        elif tag == "button" and attr.get("type", "submit").lower() == "submit":
            self.form.buttons.append((name, attr.get("value", "")))
        elif tag == "select":
            self.select = self.form.fields.setdefault(name, Field(name, "select", multiple="multiple" in attr))
        elif tag == "textarea":
            self.textarea = self.form.fields.setdefault(name, Field(name, "textarea"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def forms_of(html: str, url: str) -> list[Form]:
    parser = _Forms(url)
    parser.feed(html)
    return [form for form in parser.forms if not any(part in form.action for part in SKIPPED_ACTIONS)]


# --- Hostile values per type ------------------------------------------------------------------

OMIT = object()

HOSTILE_TEXT = [
    "x" * 10_000,
    "",
    "   ",
    "Tytuł\r\nBcc: ktos@example.com",
    "linia\ndruga\rtrzecia",
    "zero\x00bajt",
    "\x00",
    "\u202eanuluj\u202c.exe",
    "🏛️🎉👩‍👩‍👧‍👦" * 50,
    "שלום עולם مرحبا",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%s%n{0}{{ 7*7 }}",
    "\ud7ff\ufeff\u200b",
]
HOSTILE_DATES = [
    "0001-01-01",
    "9999-12-31",
    "1799-12-31",
    "2200-01-01",
    "1800-01-01",
    "2199-12-31",
    "2024-02-30",
    "2024-13-01",
    "31.12.2024",
    "10000-01-01",
    "-0001-01-01",
    "0000-00-00",
    "",
]
HOSTILE_TIMES = ["00:00", "23:59", "24:00", "25:61", "9:7", "-01:00", "12:00:00.999999", ""]
HOSTILE_NUMBERS = [
    str(10**20),
    str(-(10**20)),
    "-1",
    "0",
    str(2**63),
    str(2**31),
    "9" * 40,
    "1e309",
    "NaN",
    "-inf",
    "1.5",
    "1,5",
    "0x10",
    "",
]
HOSTILE_EMAILS = ["a@b", "nie-adres", "x" * 300 + "@example.com", "a\r\n@example.com", "zażółć@przykład.pl"]
HOSTILE_URLS = ["javascript:alert(1)", "http://", "http://" + "x" * 3000 + ".pl", "//evil.example", "ftp://x\r\n"]


def _files() -> st.SearchStrategy[Any]:
    def upload(name: str, content: bytes, kind: str) -> SimpleUploadedFile:
        return SimpleUploadedFile(name, content, kind)

    return st.sampled_from(
        [
            ("pusty.pdf", b"", "application/pdf"),
            ("program.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64, "application/pdf"),
            ("../../etc/passwd", b"root:x:0:0", "text/plain"),
            ("zdj\u202egnp.exe", b"\x89PNG\r\n\x1a\n" + b"\x00" * 16, "image/png"),
            ("x" * 300 + ".txt", b"tekst", "text/plain"),
            ("notatka.txt", "Zażółć gęślą jaźń\x00".encode(), "text/plain"),
        ]
    ).map(lambda spec: upload(*spec))


def _one_line(values: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(values) | st.text(max_size=40)


def strategy_for(item: Field, foreign_ids: list[str]) -> st.SearchStrategy[Any]:
    """Hostile values for a field of this kind (a few kept valid, so that the other fields are
    looked at too); a field may also be left out."""
    ids = st.sampled_from(foreign_ids) if foreign_ids else st.nothing()
    numbers = st.sampled_from(HOSTILE_NUMBERS) | st.integers().map(str) | ids
    kind = item.kind
    if kind == "date":
        values: st.SearchStrategy[Any] = st.sampled_from(HOSTILE_DATES) | st.dates().map(lambda d: d.isoformat())
    elif kind == "datetime-local":
        values = (
            st.sampled_from(HOSTILE_DATES).map(lambda d: f"{d}T12:00")
            | st.sampled_from(["0001-01-01T00:00", "9999-12-31T23:59", "2024-01-01T25:00", "2024-01-01 12:00", "T"])
            | st.datetimes().map(lambda d: d.isoformat(timespec="minutes"))
        )
    elif kind == "time":
        values = st.sampled_from(HOSTILE_TIMES) | st.times().map(lambda t: t.isoformat())
    elif kind in ("number", "range"):
        values = numbers
    elif kind == "email":
        values = st.sampled_from(HOSTILE_EMAILS + HOSTILE_TEXT) | st.emails()
    elif kind == "url":
        values = st.sampled_from(HOSTILE_URLS + HOSTILE_TEXT)
    elif kind == "textarea":
        values = st.sampled_from(HOSTILE_TEXT) | st.text(max_size=200)
    elif kind in ("select", "radio"):
        offered = [option for option in item.options if option] or [item.value or "1"]
        one = st.sampled_from(offered) | st.sampled_from(["9" * 20, "-1", "nie-ma-takiej", "", "\x00"]) | ids
        values = st.lists(one, max_size=4) if item.multiple else one
    elif kind == "checkbox":
        values = st.sampled_from([item.value or "on", "on", "", "9" * 20, "nie"]) | ids
    elif kind == "file":
        values = _files()
    elif kind == "hidden":
        values = numbers | st.just(item.value) | _one_line(HOSTILE_TEXT)
    else:  # text, search, password, tel, color ... and types the browser does not know
        values = _one_line(HOSTILE_TEXT) | numbers
    # the hostile values first: hypothesis's first draw is the simplest one (the first of each list)
    return st.one_of(values, st.just(OMIT)) if kind != "hidden" else values


def strategy_of(form: Form, foreign_ids: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    fields = {name: strategy_for(item, foreign_ids) for name, item in form.fields.items()}
    button = st.sampled_from(form.buttons) if form.buttons else st.just(None)
    return st.fixed_dictionaries({"fields": st.fixed_dictionaries(fields), "button": button})


def _payload(drawn: dict[str, Any]) -> dict[str, Any]:
    data = {name: value for name, value in drawn["fields"].items() if value is not OMIT}
    if drawn["button"] is not None:
        data[drawn["button"][0]] = drawn["button"][1]
    return data


# --- What a persona may not change ------------------------------------------------------------


def _target(row: Any) -> str | None:
    """The world object a row's URL points at (``pk_of("name")``), if any."""
    builder = getattr(row.kwargs, "__wrapped__", row.kwargs)
    if getattr(builder, "__qualname__", "") != "pk_of.<locals>.build":
        return None
    return inspect.getclosurevars(builder).nonlocals.get("name")


def _world_objects(w: World) -> dict[str, models.Model]:
    found = {key: value for key, value in vars(w).items() if isinstance(value, models.Model)}
    found.update({key: value for key, value in w.extra.items() if isinstance(value, models.Model)})
    return found


def out_of_reach(w: World, persona: str) -> dict[str, models.Model]:
    """The world's objects the persona has neither a form (a GET row answered like a form: the
    wrong method is PUT) nor an action (a POST row done) for: their rows must not change."""
    rows: dict[str, list[Any]] = {}
    for row in EXPECTED.values():
        name = _target(row)
        if name:
            rows.setdefault(name, []).append(row)
    objects = _world_objects(w)
    unreachable = {}
    for name, obj in objects.items():
        if name not in rows:
            continue
        reach = any(
            (row.method == "post" and row.statuses[persona] in (200, 302))
            or (row.method == "get" and row.wrong == "put" and row.statuses[persona] == 200)
            for row in rows[name]
        )
        if not reach:
            unreachable[name] = obj
    return unreachable


def foreign_ids(w: World, persona: str) -> list[str]:
    """The ids of the world's objects the persona may not even open (every page of theirs 403/404)."""
    ids = set()
    objects = _world_objects(w)
    for row in EXPECTED.values():
        name = _target(row)
        if name and name in objects and row.method == "get":
            ids.add((name, row.statuses[persona] == 200))
    visible = {name for name, seen in ids if seen}
    return sorted({str(objects[name].pk) for name, _ in ids if name not in visible})


def digest(w: World, persona: str, guarded: dict[str, models.Model]) -> dict[str, str]:
    """The stored state of the guarded objects and of the other users' accounts."""
    state = {}
    for name, obj in guarded.items():
        row = type(obj)._base_manager.filter(pk=obj.pk).values().first()
        state[name] = hashlib.sha256(repr(row).encode()).hexdigest()
    if persona not in ("administrator", "superuser"):
        own = w.people[persona].pk
        users = get_user_model()._base_manager.exclude(pk=own).order_by("pk").values()
        for user in users:
            user.pop("last_login", None)
            state[f"user:{user['username']}"] = hashlib.sha256(repr(user).encode()).hexdigest()
    return state


# --- Sending -----------------------------------------------------------------------------------


def _client(w: World, persona: str) -> Client:
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = w.sessions[persona]
    return client


WRITES = ("INSERT", "UPDATE", "DELETE")


def _wrote(captured: CaptureQueriesContext) -> bool:
    for query in captured.captured_queries:
        sql = query["sql"].lstrip().upper()
        if sql.startswith(WRITES) and "DJANGO_SESSION" not in sql and "AXES_" not in sql:
            return True
    return False


def _short(data: dict[str, Any]) -> str:
    def one(value: Any) -> str:
        if isinstance(value, SimpleUploadedFile):
            return f"<file {value.name[:40]!r}>"
        text = repr(value)
        return text if len(text) < 60 else text[:50] + f"...({len(text)} chars)"

    return "{" + ", ".join(f"{key!r}: {one(value)}" for key, value in data.items()) + "}"


@dataclass
class Tally:
    pages: int = 0
    forms: int = 0
    fields: int = 0
    submissions: int = 0
    values: int = 0
    stored: int = 0
    problems: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {key: value if isinstance(value, int) else len(value) for key, value in vars(self).items()}


def _page_still_renders(w: World, persona: str, page: str, tally: Tally, what: str, accepted: bool) -> None:
    for who in dict.fromkeys([persona, "administrator"]):
        answer = fetch(_client(w, who), "get", page)
        if answer.status_code >= 500 or (answer.status_code != 200 and not accepted):
            tally.problems.append(f"{what}: afterwards {page} answers {answer.status_code} to {who}")


def send(w: World, persona: str, page: str, form: Form, drawn: dict[str, Any], tally: Tally, baseline: Any) -> None:
    data = _payload(drawn)
    what = f"{persona} POST {form.action} (form on {page}) {_short(data)}"
    tally.submissions += 1
    tally.values += len(data)
    with transaction.atomic():
        try:
            with CaptureQueriesContext(connection) as captured:
                answer = fetch(_client(w, persona), "post", form.action, data)
        except Exception as error:  # the test client raises what the view raised
            frames = traceback.extract_tb(error.__traceback__)
            where = next((f for f in reversed(frames) if "/.venv/" not in f.filename), frames[-1])
            tally.problems.append(f"{what}: {type(error).__name__}: {error} at {where.filename}:{where.lineno}")
            return
        if answer.status_code >= 500:
            tally.problems.append(f"{what}: {answer.status_code}")
        elif _wrote(captured):
            tally.stored += 1
            accepted = answer.status_code in (301, 302, 303)
            _page_still_renders(w, persona, page, tally, what, accepted)
            location = answer.get("Location", "") if accepted else ""
            target = urlsplit(urljoin(form.action, location))
            if location and target.netloc in ("", "testserver") and "/login" not in target.path:
                follow = target.path + (f"?{target.query}" if target.query else "")
                seen = fetch(_client(w, persona), "get", follow)
                if seen.status_code >= 500:
                    tally.problems.append(f"{what}: the page it leads to, {follow}, answers {seen.status_code}")
            if baseline[1] != digest(w, persona, baseline[0]):
                changed = [k for k, v in digest(w, persona, baseline[0]).items() if baseline[1].get(k) != v]
                tally.problems.append(f"{what}: changed what the persona may not change: {changed}")
        transaction.set_rollback(True)


def fuzz_form(
    w: World, persona: str, page: str, form: Form, tally: Tally, baseline: Any, ids: list[str], examples: int
) -> None:
    tally.forms += 1
    tally.fields += len(form.fields)

    @hypothesis_settings(
        max_examples=examples + (examples == 1),
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @seed(zlib.crc32(f"{persona} {form.key()}".encode()))
    @given(drawn=strategy_of(form, ids))
    def submit(drawn: dict[str, Any]) -> None:
        drawn_before.append(drawn)
        if examples == 1 and len(drawn_before) == 1:
            return  # a single submission: not the simplest draw, which the first persona sent already
        send(w, persona, page, form, drawn, tally, baseline)

    drawn_before: list[Any] = []

    submit()


def _pages(w: World, persona: str, app: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, row in EXPECTED.items():
        if _app(name) != app or row.method != "get" or row.statuses[persona] != 200:
            continue
        url = reverse(name, kwargs=row.kwargs(w))
        yield url, row.data(w)


@pytest.mark.django_db
@pytest.mark.parametrize("app", APPS)
def test_forms_take_hostile_values(world: World, app: str) -> None:  # noqa: F811
    """The app's forms, persona by persona (the administrator first): a form another persona was
    shown already is sent once more by this one (their reach differs), a new one ``EXAMPLES`` times."""
    tallies = {}
    seen: set[Any] = set()
    formless: set[str] = set()  # the administrator's pages without a form: no other persona's has one
    for persona in FUZZED:
        tally = tallies[persona] = Tally()
        guarded = out_of_reach(world, persona)
        baseline = (guarded, digest(world, persona, guarded))
        ids = foreign_ids(world, persona)
        sent: set[Any] = set()
        for url, query in _pages(world, persona, app):
            if url in formless:
                continue
            response = fetch(_client(world, persona), "get", url, query)
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            tally.pages += 1
            page = response.wsgi_request.get_full_path()
            forms = [form for form in forms_of(response.content.decode(), page) if form.key() not in sent]
            if persona == "administrator" and not forms:
                formless.add(url)
            for form in forms:
                sent.add(form.key())
                fuzz_form(world, persona, page, form, tally, baseline, ids, 1 if form.key() in seen else EXAMPLES)
        seen |= sent
    lines = [{"persona": persona, "app": app, **tally.counts()} for persona, tally in tallies.items()]
    for line in lines:
        print(json.dumps(line))
    if SUMMARY_FILE:
        with open(SUMMARY_FILE, "a", encoding="utf-8") as summary:
            summary.writelines(json.dumps(line) + "\n" for line in lines)
    problems = [problem for tally in tallies.values() for problem in tally.problems]
    assert not problems, "\n".join(problems)
