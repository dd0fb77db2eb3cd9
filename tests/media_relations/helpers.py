"""Helpers of the press office's view tests: who gets which status, and the database before and after.

Roles (tests/media_relations/permissions.py): press officers, administrators and superusers
change everything; secretariat, management and auditors read (management also approves);
office staff read the media directory only; unit liaisons see nothing of the press office —
a record is 404 for them (its existence is not revealed), a list or a create page 403.
"""

from __future__ import annotations

import difflib
import pprint
from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.contrib.messages import constants, get_messages

from tests.media_relations.permissions import APPROVERS, DIRECTORY_VIEWERS, EDITORS, READERS, VIEWERS
from tests.utils import client_for, fetch, login_url, page_text

__all__ = [
    "APPROVERS",
    "DIRECTORY_VIEWERS",
    "EDITORS",
    "HIDDEN",
    "LIAISONS",
    "READERS",
    "VIEWERS",
    "assert_anonymous_sent_to_login",
    "assert_form_error_shown",
    "assert_unchanged",
    "db_state",
    "error_messages",
    "expected_for_action",
    "expected_for_page",
    "page_url_names",
    "statuses",
]

#: Authenticated personas.
PERSONAS = (
    "administrator",
    "superuser",
    "secretariat",
    "press_officer",
    "office_staff",
    "management",
    "unit_liaison",
    "outsider_liaison",
    "auditor",
)
LIAISONS = frozenset({"unit_liaison", "outsider_liaison"})
#: Who does not see the press office's records (the directory aside): a record of theirs is 404.
HIDDEN = LIAISONS | {"office_staff"}

#: What the "nothing changed" check compares: every press office table, plus the core's rows a
#: press office action writes (assignments, attachments, the audit trail, jobs).
_CORE_MODELS = (
    "office.Assignment",
    "office.AssignmentEvent",
    "office.Attachment",
    "office.AuditEntry",
    "office.Job",
    "calendar_app.Entry",  # a conference's entry on an office holder's calendar
)


def page_url_names(module: Any) -> set[str]:
    """The URL names of the press office whose view is defined in ``module`` (a view module):
    its plain views and its Editors' pages; the actions of its ActionSets are listed apart."""
    from media_relations.urls import urlpatterns

    views = {id(value) for value in vars(module).values() if callable(value)}
    return {f"media_relations:{pattern.name}" for pattern in urlpatterns if id(pattern.callback) in views}


def db_state() -> dict[str, list[dict[str, Any]]]:
    """Every row of the press office's tables and of the core tables its actions write."""
    models = list(apps.get_app_config("media_relations").get_models())
    models += [apps.get_model(label) for label in _CORE_MODELS if apps.is_installed(label.split(".")[0])]
    state: dict[str, list[dict[str, Any]]] = {}
    for model in models:
        state[model._meta.label] = list(model.objects.order_by("pk").values())
        for m2m in model._meta.many_to_many:
            through = m2m.remote_field.through
            state[through._meta.label] = list(through.objects.order_by("pk").values())
    return state


def assert_unchanged(before: dict[str, list[dict[str, Any]]]) -> None:
    """The database holds exactly what ``before`` recorded (the tables that changed are shown)."""
    after = db_state()
    changed = [label for label in after if after[label] != before.get(label)]
    if changed:
        diff = "\n".join(
            line
            for label in changed
            for line in difflib.unified_diff(
                pprint.pformat(before.get(label), width=120).splitlines(),
                pprint.pformat(after[label], width=120).splitlines(),
                f"{label} before",
                f"{label} after",
                lineterm="",
            )
        )
        raise AssertionError(f"The database changed ({', '.join(changed)}):\n{diff}")


def statuses(
    persona: Callable[[str], Any],
    method: str,
    url: str,
    roles: Iterable[str],
    data: Any = None,
) -> dict[str, int]:
    """``{role: status code}`` of one request per role; ``data`` may be a function (fresh uploads)."""
    result = {}
    for role in roles:
        payload = data() if callable(data) else data
        result[role] = fetch(client_for(persona(role)), method, url, payload).status_code
    return result


def expected_for_action(allowed: frozenset[str] = EDITORS) -> dict[str, int]:
    """The status a denied persona gets from an action: readers 403, those who do not see the
    press office 404. The ``allowed`` personas are left out (their tests check the effect)."""
    expected = {}
    for role in PERSONAS:
        if role in allowed:
            continue
        expected[role] = 404 if role in HIDDEN else 403
    return expected


def expected_for_page(viewers: frozenset[str], *, record: bool, editors: frozenset[str] | None = None) -> dict:
    """The status of a page per persona: ``viewers`` 200, others 404 for a record's page and 403
    for a list or create page; with ``editors`` the page is an edit page (other viewers 403)."""
    expected = {}
    for role in PERSONAS:
        if editors is not None:
            expected[role] = 200 if role in editors else 403 if role in viewers else 404 if record else 403
        else:
            expected[role] = 200 if role in viewers else 404 if record else 403
    return expected


def assert_anonymous_sent_to_login(method: str, url: str, data: Any = None) -> None:
    response = fetch(client_for(None), method, url, data)
    assert response.status_code == 302 and response["Location"] == login_url(url), response


def error_messages(response: Any) -> list[str]:
    """The error messages (``messages.error``) stored or rendered for ``response``."""
    return [str(m) for m in get_messages(response.wsgi_request) if m.level == constants.ERROR]


def assert_form_error_shown(response: Any, field: str | None, *typed: str) -> None:
    """The record page came back (200) with the failed form: the error of ``field`` (None: a
    form-wide error) is in the context and on the page, and every ``typed`` value is on it."""
    assert response.status_code == 200, response.status_code
    form = response.context["failed_form"] if "failed_form" in response.context else response.context["form"]
    assert form is not None and form.is_bound
    key = field or "__all__"
    assert key in form.errors, f"no error on {key!r}: {form.errors.as_data()}"
    text = page_text(response)
    assert 'id="error-summary"' in text
    for message in form.errors[key]:
        assert message in text, f"the error {message!r} is not on the page"
    for value in typed:
        assert value in text, f"{value!r} (typed) is not on the page"
