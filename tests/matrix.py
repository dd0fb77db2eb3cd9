"""The vocabulary of the permission matrix (tests/office/test_permission_matrix.py).

The office core's rows live in the matrix test itself. A feature app adds its own rows in
``tests/<app>/permissions.py`` with:

- ``EXPECTED: dict[str, Row]`` — one row per URL name of the app (``"calendar_app:entry_detail"``);
- optionally ``build(world: World) -> None`` — creates the app's objects once per matrix run
  and puts them into ``world.extra`` (kwargs builders then read ``w.extra["entry"].pk``).

Codes: 200 allowed page; ``LOGIN`` = 302 to the login page with ?next= (anonymous on a
protected page); 302 a redirect after an action; 403 seen but not allowed; 404 outside the
user's scope; 405 wrong method.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from tests.personas import AUTHENTICATED

LOGIN = "login"
#: in the title, place and notes of a private entry on the mayor's calendar that no persona of the
#: matrix may read: no page any persona is shown may carry it
PRIVATE_MARKER = "PRYWATNE-ZNACZNIK-7Q2"

VIEW_ALL = frozenset({"administrator", "superuser", "secretariat", "management", "auditor"})
#: The issuer side of an assignment handed over by the secretariat persona.
MANAGERS = frozenset({"administrator", "superuser", "secretariat", "management"})
#: the staff roles of the feature apps, who handle matters with the core's STAFF_CORE permissions
APP_STAFF = frozenset({"council_officer", "ngo_officer", "travel_officer"})
CREATORS = (
    frozenset({"administrator", "superuser", "secretariat", "press_officer", "office_staff", "management"}) | APP_STAFF
)
CONTACT_EDITORS = frozenset({"administrator", "superuser", "secretariat", "press_officer", "office_staff"}) | APP_STAFF
MERGERS = frozenset({"administrator", "superuser", "secretariat", "office_staff"})
LIAISONS = frozenset({"unit_liaison", "outsider_liaison"})
ADMIN_STAFF = frozenset({"administrator", "superuser"})


def table(default: int | str, *groups: tuple[Iterable[str], int | str], anonymous: int | str = LOGIN) -> dict[str, Any]:
    """Statuses per persona: ``default`` for every logged-in persona unless a group says otherwise."""
    cells: dict[str, Any] = dict.fromkeys(AUTHENTICATED, default)
    for keys, status in groups:
        for key in keys:
            cells[key] = status
    cells["anonymous"] = anonymous
    return cells


@dataclass
class World:
    """The objects every URL of the matrix points at (made once per test module)."""

    units: dict[str, Any]
    people: dict[str, Any]
    assignment: Any
    contact: Any
    duplicate: Any
    job: Any
    attachment: Any
    extra: dict[str, Any] = field(default_factory=dict)
    #: the session cookie of each persona, logged in once per matrix run (no login per cell)
    sessions: dict[str, str] = field(default_factory=dict)


def _no_arguments(world: World) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Row:
    method: str
    statuses: dict[str, Any]
    kwargs: Callable[[World], dict[str, Any]] = _no_arguments
    data: Callable[[World], dict[str, Any]] = _no_arguments
    #: the wrong method, and the status it gets per persona where not 405
    wrong: str | None = None
    wrong_statuses: dict[str, Any] = field(default_factory=dict)


def action_data(action: str, **fields: Any) -> Callable[[World], dict[str, Any]]:
    """POST data for a kit action's form: its fields carry the action's prefix ("reply-reply")."""
    prefix = action.replace("_", "-")
    return lambda world: {f"{prefix}-{name}": value for name, value in fields.items()}


def pk_of(name: str) -> Callable[[World], dict[str, Any]]:
    """kwargs builder: ``{"pk": world.<name>.pk}`` (or ``world.extra[name]``)."""

    def build(world: World) -> dict[str, Any]:
        target = getattr(world, name, None) or world.extra[name]
        return {"pk": target.pk}

    return build


# --- Rows of the usual kinds -------------------------------------------------------------------


def page_row(allowed: frozenset[str], default: int = 403) -> Row:
    return Row("get", table(default, (allowed, 200)), wrong="post")


def form_row(allowed: frozenset[str], kwargs: Any = None) -> Row:
    return Row("get", table(403, (allowed, 200)), kwargs or (lambda w: {}), wrong="put")


def record_row(name: str, viewers: frozenset[str], default: int = 404) -> Row:
    return Row("get", table(default, (viewers, 200)), pk_of(name), wrong="post")


def action_row(
    name: str, data: Any, *, allowed: frozenset[str], viewers: frozenset[str], done: int = 302, default: int = 404
) -> Row:
    """A kit action: ``allowed`` get ``done``, the other ``viewers`` 403, the rest ``default``."""
    return Row("post", table(default, (viewers, 403), (allowed, done)), pk_of(name), data=data, wrong="get")
