"""Every URL of the project × every persona: the status code each one gets.

``EXPECTED`` is the table. A URL name that the resolver knows but the table does not is a
failure ("new URL without expectations"), and so is a stale row. Each cell is its own test.
The objects the URLs point at are made once per module (in a transaction rolled back at the
end); every test runs in a savepoint inside it, so POSTs leave nothing behind.

The office core's rows are below; a feature app adds its rows in tests/<app>/permissions.py
(see tests/matrix.py for the vocabulary: Row, table, LOGIN, World).
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from office.models import AssignmentStatus, Attachment, Contact, Job
from office.reports import UNIT_ASSIGNMENTS_PDF
from office.services.imports import create_batch
from tests.factories import AssignmentFactory, ContactFactory
from tests.matrix import (
    ADMIN_STAFF,
    CONTACT_EDITORS,
    CREATORS,
    LIAISONS,
    LOGIN,
    MANAGERS,
    MERGERS,
    PRIVATE_MARKER,
    VIEW_ALL,
    Row,
    World,
    action_data,
    pk_of,
    table,
)
from tests.personas import PERSONAS, WIN, WOK, create_all, ensure_units
from tests.utils import client_for, fetch, login_url


def _upload(w: World) -> dict[str, Any]:
    return {
        "attach-file": SimpleUploadedFile("notatka.txt", b"Notatka ze spotkania.", "text/plain"),
        "attach-description": "notatka",
    }


def _worker_alive(world: World) -> dict[str, Any]:
    """/health/ asked while a worker is alive (a fresh heartbeat): 200 for everyone."""
    from django.core.cache import cache
    from django.utils import timezone

    from office.tasks import HEARTBEAT_KEY

    cache.set(HEARTBEAT_KEY, timezone.now().isoformat(), timeout=60)
    return {}


EXPECTED: dict[str, Row] = {
    "office:dashboard": Row("get", table(200), wrong="post"),
    "office:search": Row("get", table(200), data=lambda w: {"q": "Remont"}, wrong="post"),
    "office:awaiting_decision": Row("get", table(403, (ADMIN_STAFF | {"management"}, 200)), wrong="post"),
    "office:assignment_list": Row("get", table(200), wrong="post"),
    "office:assignment_create": Row("get", table(403, (CREATORS, 200)), wrong="put"),
    "office:assignment_detail": Row(
        "get", table(404, (VIEW_ALL | {"unit_liaison"}, 200)), pk_of("assignment"), wrong="post"
    ),
    "office:assignment_edit": Row(
        "get", table(404, (MANAGERS, 200), ({"auditor", "unit_liaison"}, 403)), pk_of("assignment"), wrong="put"
    ),
    "office:assignment_start": Row(
        "post", table(404, (VIEW_ALL, 403), ({"unit_liaison"}, 302)), pk_of("assignment"), wrong="get"
    ),
    "office:assignment_reply": Row(
        "post",
        table(404, (VIEW_ALL, 403), ({"unit_liaison"}, 302)),
        pk_of("assignment"),
        data=action_data("reply", reply="Sala zostanie wyremontowana w grudniu."),
        wrong="get",
    ),
    "office:assignment_return": Row(
        "post",
        table(404, (VIEW_ALL, 403), ({"unit_liaison"}, 302)),
        pk_of("assignment"),
        data=action_data("return", text="Sprawa należy do Wydziału Inwestycji."),
        wrong="get",
    ),
    "office:assignment_note": Row(
        "post",
        table(404, (MANAGERS | {"unit_liaison"}, 302), ({"auditor"}, 403)),
        pk_of("assignment"),
        data=action_data("note", text="Trwa zbieranie ofert."),
        wrong="get",
    ),
    "office:assignment_decide": Row(
        "post",
        table(404, (MANAGERS, 302), ({"auditor", "unit_liaison"}, 403)),
        pk_of("assignment"),
        data=action_data("decide", target=AssignmentStatus.CLOSED, text=""),
        wrong="get",
    ),
    "office:assignment_attach": Row(
        "post",
        table(404, (MANAGERS | {"unit_liaison"}, 302), ({"auditor"}, 403)),
        pk_of("assignment"),
        data=_upload,
        wrong="get",
    ),
    "office:unit_inbox": Row("get", table(403, (LIAISONS, 200)), wrong="post"),
    "office:overdue_board": Row("get", table(403, (VIEW_ALL, 200)), wrong="post"),
    # The outsider may report only on WIN: asking for WOK is an invalid form, sent back with a message.
    "office:unit_report": Row(
        "post", table(403, (VIEW_ALL | LIAISONS, 302)), data=lambda w: {"unit": w.units[WOK].pk}, wrong="get"
    ),
    "office:contact_list": Row("get", table(200), wrong="post"),
    "office:contact_create": Row("get", table(403, (CONTACT_EDITORS, 200)), wrong="put"),
    "office:contact_options": Row("get", table(200), data=lambda w: {"q": "a", "field": "contact"}, wrong="post"),
    "office:contact_detail": Row("get", table(200), pk_of("contact"), wrong="post"),
    "office:contact_edit": Row("get", table(403, (CONTACT_EDITORS, 200)), pk_of("contact"), wrong="put"),
    "office:contact_merge": Row(
        "get", table(403, (MERGERS, 200)), pk_of("contact"), data=lambda w: {"ids": [w.duplicate.pk]}, wrong="put"
    ),
    # importing contacts from a spreadsheet: as adding one; a file's rows are its owner's only
    "office:contact_import": Row("get", table(403, (CONTACT_EDITORS, 200)), wrong="put"),
    "office:contact_import_template": Row("get", table(403, (CONTACT_EDITORS, 200)), wrong="post"),
    "office:import_preview": Row("get", table(404, ({"administrator"}, 200)), pk_of("import_batch"), wrong="post"),
    "office:import_confirm": Row("post", table(404, ({"administrator"}, 302)), pk_of("import_batch"), wrong="get"),
    "office:unit_list": Row("get", table(200), wrong="post"),
    "office:unit_detail": Row("get", table(200), lambda w: {"pk": w.units[WOK].pk}, wrong="post"),
    "office:job_detail": Row("get", table(404, ({"secretariat"}, 200)), pk_of("job"), wrong="post"),
    "office:job_status": Row("get", table(404, ({"secretariat"}, 200)), pk_of("job"), wrong="post"),
    "office:job_download": Row("get", table(404, ({"secretariat"}, 200)), pk_of("job"), wrong="post"),
    "office:attachment_download": Row(
        "get", table(404, (VIEW_ALL | {"unit_liaison"}, 200)), pk_of("attachment"), wrong="post"
    ),
    "office:display_preferences": Row(
        "post", table(302, anonymous=302), data=lambda w: {"font_size": "large", "next": "/"}, wrong="get"
    ),
    "office:accessibility_statement": Row("get", table(200, anonymous=200), wrong="post"),
    # the log of reads of personal data: the auditor's and the administrators'
    "office:read_log": Row("get", table(403, ({"administrator", "superuser", "auditor"}, 200)), wrong="post"),
    "health": Row("get", table(200, anonymous=200), _worker_alive, wrong="post"),
    "health_live": Row("get", table(200, anonymous=200), wrong="post"),
    # Django's form views treat PUT like POST; DELETE is the wrong method there. A logged-in
    # user is sent on from the login page before the method is looked at.
    "login": Row("get", table(302, anonymous=200), wrong="delete", wrong_statuses={"superuser": 302}),
    "logout": Row("post", table(302, anonymous=302), wrong="get"),
    "password_change": Row("get", table(200), wrong="delete", wrong_statuses={"anonymous": LOGIN}),
    "password_change_done": Row("get", table(200), wrong="post", wrong_statuses={"anonymous": LOGIN}),
    # the account area: every logged-in user's own; nothing of another user's is reachable
    "account_security": Row("get", table(200), wrong="post"),
    "two_factor_setup": Row("get", table(200), wrong="put"),
    "two_factor_verify": Row("get", table(302), wrong="put"),
    "two_factor_recovery_codes": Row("post", table(302), wrong="get"),
    "two_factor_off": Row("post", table(302), wrong="get"),
    "session_end": Row("post", table(302), lambda w: {"pk": 2**31}, wrong="get"),
    "sessions_end_all": Row("post", table(302), wrong="get"),
    "set_language": Row("post", table(302, anonymous=302), data=lambda w: {"language": "en", "next": "/"}),
    # The admin site is Django's: only its entry is checked per role (non-staff go to its login).
    "admin:index": Row("get", table(302, (ADMIN_STAFF, 200), anonymous=302)),
}


# --- Rows of the feature apps (tests/<app>/permissions.py) ----------------------------------


_PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _feature_modules() -> list[Any]:
    modules = []
    for config in apps.get_app_configs():
        if config.name == "office" or not config.path.startswith(str(_PROJECT_ROOT)):
            continue
        name = f"tests.{config.label}.permissions"
        if importlib.util.find_spec(f"tests.{config.label}") and importlib.util.find_spec(name):
            modules.append(importlib.import_module(name))
    return modules


FEATURE_MODULES = _feature_modules()
for _module in FEATURE_MODULES:
    _overlap = EXPECTED.keys() & _module.EXPECTED.keys()
    assert not _overlap, f"{_module.__name__} repeats rows: {sorted(_overlap)}"
    EXPECTED.update(_module.EXPECTED)


# --- The URL patterns of the project --------------------------------------------------------


def _walk(patterns: Iterable[Any], namespace: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            prefix = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
            yield from _walk(pattern.url_patterns, prefix)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or f"<unnamed {pattern.pattern}>"
            yield f"{namespace}:{name}" if namespace else name


def project_url_names() -> set[str]:
    names = set(_walk(get_resolver().url_patterns))
    # Django's own admin: only its index is in the table.
    return {n for n in names if not n.startswith("admin:")} | {"admin:index"}


def test_every_url_has_expectations() -> None:
    names = project_url_names()
    missing = sorted(names - EXPECTED.keys())
    stale = sorted(EXPECTED.keys() - names)
    assert not missing, f"New URL without expectations in EXPECTED: {missing}"
    assert not stale, f"EXPECTED rows for URLs that no longer exist: {stale}"


def test_every_row_covers_every_persona() -> None:
    for name, row in EXPECTED.items():
        assert set(row.statuses) == set(PERSONAS), name


# --- The data every URL points at -------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any, _media_root: str) -> Iterator[World]:
    with django_db_blocker.unblock(), transaction.atomic():
        units = ensure_units()
        people = create_all(units)
        assignment = AssignmentFactory(unit=units[WOK], created_by=people["secretariat"], title="Remont sali sesyjnej")
        AssignmentFactory(unit=units[WIN], created_by=people["secretariat"], title="Budowa ronda")
        contact = ContactFactory(name="Fundacja Rozwoju Miasta", kind=Contact.Kind.NGO)
        duplicate = ContactFactory(name="Fundacja Rozwoju Miasta", kind=Contact.Kind.NGO)
        job = Job(
            kind=UNIT_ASSIGNMENTS_PDF,
            title="Zadania WOK (PDF)",
            owner=people["secretariat"],
            status=Job.Status.DONE,
            progress=100,
            result_name="zadania-wok.pdf",
        )
        job.result.save("zadania-wok.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        job.save()
        attachment = Attachment(
            record=assignment,
            original_name="pismo.pdf",
            size=9,
            mime_type="application/pdf",
            uploaded_by=people["secretariat"],
        )
        attachment.file.save("pismo.pdf", ContentFile(b"%PDF-1.4 "), save=False)
        attachment.save()
        world = World(units, people, assignment, contact, duplicate, job, attachment)
        world.extra["import_batch"] = create_batch(
            owner=people["administrator"],
            importer="office.contacts",
            file_name="kontakty.csv",
            columns=["name", "email"],
            ignored=[],
            rows=[
                {
                    "line": 2,
                    "values": {"name": "Nowy Kontakt", "email": "nowy@example.pl"},
                    "status": "new",
                    "errors": [],
                }
            ],
        )
        for module in FEATURE_MODULES:
            if hasattr(module, "build"):
                before = dict(world.extra)
                module.build(world)
                replaced = [key for key, value in before.items() if world.extra[key] is not value]
                assert not replaced, f"{module.__name__} replaces the world's {replaced}: name them after the app"
        for key, person in people.items():
            if getattr(person, "is_authenticated", False):
                world.sessions[key] = client_for(person).cookies[settings.SESSION_COOKIE_NAME].value
        yield world
        transaction.set_rollback(True)


def _request(world: World, name: str, persona: str, method: str) -> Any:
    row = EXPECTED[name]
    url = reverse(name, kwargs=row.kwargs(world))
    client = Client()
    if persona != "anonymous":
        # the persona's session from the world (a cell's changes to it are rolled back with the cell)
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[persona]
    return url, fetch(client, method, url, row.data(world) if method in ("get", "post") else None)


def _check(response: Any, url: str, expected: Any) -> None:
    if expected == LOGIN:
        assert response.status_code == 302, f"{url}: {response.status_code}, expected a redirect to login"
        assert response["Location"] == login_url(response.wsgi_request.get_full_path())
    else:
        assert response.status_code == expected, f"{url}: {response.status_code}, expected {expected}"


CELLS = [(name, persona) for name in EXPECTED for persona in PERSONAS]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "persona"), CELLS, ids=[f"{n}-{p}" for n, p in CELLS])
def test_status(world: World, name: str, persona: str) -> None:
    row = EXPECTED[name]
    url, response = _request(world, name, persona, row.method)
    _check(response, url, row.statuses[persona])
    _no_private_marker(response, url)
    if persona == "administrator" and row.method == "get" and response.status_code == 200:
        _send_hostile_values(world, url, response)
        _export_rows(world, url, response)
        _read_is_logged(world, name, row)


def _no_private_marker(response: Any, url: str) -> None:
    """Nobody in the matrix may read the mayor's private entry: its text is on no page, fragment,
    feed or download they get (the calendar shows "busy")."""
    body = getattr(response, "content_bytes", None) or (b"" if response.streaming else response.content)
    assert PRIVATE_MARKER.encode() not in body, f"{url}: the private entry's text is shown"


def _read_is_logged(world: World, name: str, row: Row) -> None:
    """A page of a record holding personal data (declared in the registry) leaves a trace in the
    log of reads: who, which record."""
    from django.contrib.contenttypes.models import ContentType

    from office.contributions import registry
    from office.models import PersonalDataRead

    for model, detail in registry.personal_data().items():
        if detail == name:
            pk = row.kwargs(world)["pk"]
            assert PersonalDataRead.objects.filter(
                user=world.people["administrator"], content_type=ContentType.objects.get_for_model(model), object_id=pk
            ).exists(), f"{name}: the read of a record with personal data was not logged"


def _export_rows(world: World, url: str, response: Any) -> None:
    """Every list that offers its rows as a spreadsheet, found by itself: the CSV and the XLSX
    have the page's headers and its first row."""
    import csv
    import io

    from openpyxl import load_workbook

    from office.kit.exports import read_table

    html = response.content.decode() if "text/html" in response.get("Content-Type", "") else ""
    links = re.findall(r'href="(\?[^"]*export=csv[^"]*)"', html)
    if not links:
        return
    headers, rows = read_table(html[html.index('class="list-results"') :])
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions["administrator"]
    answer = client.get(url.split("?")[0] + links[0].replace("&amp;", "&"))
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv"), url
    body = b"".join(answer.streaming_content) if answer.streaming else answer.content  # a CSV is streamed
    exported = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert exported[0] == headers and headers, f"{url}: {exported[0]} != {headers}"
    assert exported[1] == rows[0], f"{url}: the first row differs"
    answer = client.get(url.split("?")[0] + links[0].replace("&amp;", "&").replace("export=csv", "export=xlsx"))
    sheet = load_workbook(io.BytesIO(answer.content), read_only=True).active
    assert [cell.value for cell in next(sheet.iter_rows(max_row=1))] == headers, url


#: a number beyond any integer column in every field (ids, counts, amounts; NUL bytes in text are
#: refused by Django's own validator on every CharField)
HOSTILE = ["9" * 40]
SKIPPED_FIELDS = {"csrfmiddlewaretoken", "next", "language"}


def _send_hostile_values(world: World, url: str, response: Any) -> None:
    """Every form a page shows, found by itself, sent back with hostile values in all its fields:
    a clear answer (a form error, a redirect, a refusal), never a server error."""
    if "text/html" not in response.get("Content-Type", ""):
        return
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions["administrator"]
    for match in re.finditer(r"<form\b[^>]*>.*?</form>", response.content.decode(), re.S | re.I):
        form = match.group(0)
        head = form[: form.index(">") + 1]
        if 'method="post"' not in head.lower() or any(part in head for part in ("/i18n/", "/display/", "logout")):
            continue
        action = re.search(r'action="([^"]*)"', head)
        target = ((action.group(1) if action else "") or url).replace("&amp;", "&")
        names = sorted(set(re.findall(r'name="([\w-]+)"', form)) - SKIPPED_FIELDS)
        for value in HOSTILE:
            answer = client.post(target, dict.fromkeys(names, value))
            assert answer.status_code < 500, f"{target} with {value!r} in every field: {answer.status_code}"


WRONG = [(name, persona) for name, row in EXPECTED.items() if row.wrong for persona in ("superuser", "anonymous")]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "persona"), WRONG, ids=[f"{n}-{p}" for n, p in WRONG])
def test_wrong_method(world: World, name: str, persona: str) -> None:
    row = EXPECTED[name]
    url, response = _request(world, name, persona, row.wrong)
    _check(response, url, row.wrong_statuses.get(persona, 405))
