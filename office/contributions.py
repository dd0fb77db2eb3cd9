"""The contributions registry: how feature apps add to pages that the office core owns.

Each app declares its contributions in its own ``contributions.py`` (discovered at start-up
by ``OfficeConfig.ready``). A contribution has a key, an order, a visibility check for the
user, and a provider that returns plain data (the dataclasses below), never model instances.
A failing provider is logged and shown as "unavailable": it never breaks the page.

Kinds of contributions:
- ``navigation``: links in the main navigation (NavLink);
- ``widget``: dashboard widgets (Widget);
- ``search``: search providers, given the query (list of SearchHit);
- ``digest``: sections of the daily e-mail digest, given the user (DigestSection or None);
- ``demo``: demo data of an app (called by ``manage.py seed_demo`` with the administrator).

Apps also grant permissions to roles (``add_role_permissions``) and add periodic tasks to
the one beat schedule (``add_schedule``).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    section: str = ""
    active_prefix: str = ""


@dataclass(frozen=True)
class ListItem:
    label: str
    url: str = ""
    meta: str = ""
    badge: str = ""
    is_warning: bool = False


@dataclass(frozen=True)
class Widget:
    title: str
    items: list[ListItem] = field(default_factory=list)
    total: int = 0
    more_url: str = ""
    empty_text: str = ""


@dataclass(frozen=True)
class SearchHit:
    category: str
    title: str
    url: str
    snippet: str = ""


@dataclass(frozen=True)
class DigestSection:
    title: str
    items: list[ListItem]


@dataclass(frozen=True)
class Contribution:
    kind: str
    key: str
    order: int
    is_visible: Callable[[Any], bool]
    provide: Callable[..., Any]


@dataclass(frozen=True)
class Outcome:
    """What one contribution gave for one user: its data, or ``failed`` when it raised."""

    key: str
    data: Any = None
    failed: bool = False


def always(user: Any) -> bool:
    return True


def has_perm(*perms: str) -> Callable[[Any], bool]:
    """A visibility check: the user holds any of the permissions."""

    def check(user: Any) -> bool:
        return user.is_authenticated and any(user.has_perm(perm) for perm in perms)

    return check


class Registry:
    def __init__(self) -> None:
        self._items: dict[str, dict[str, Contribution]] = defaultdict(dict)
        self._role_permissions: dict[str, set[str]] = defaultdict(set)
        self._schedules: dict[str, dict[str, str]] = {}

    def register(
        self, kind: str, key: str, *, order: int = 100, visible: Callable[[Any], bool] = always
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Decorator: register ``provide`` as contribution ``key`` of ``kind``."""

        def decorator(provide: Callable[..., Any]) -> Callable[..., Any]:
            self._items[kind][key] = Contribution(kind, key, order, visible, provide)
            return provide

        return decorator

    def contributions(self, kind: str) -> list[Contribution]:
        return sorted(self._items[kind].values(), key=lambda c: (c.order, c.key))

    def collect(self, kind: str, user: Any, **kwargs: Any) -> list[Outcome]:
        """Call every visible contribution of ``kind``; failures become ``Outcome(failed=True)``."""
        outcomes = []
        for contribution in self.contributions(kind):
            try:
                if not contribution.is_visible(user):
                    continue
                data = contribution.provide(user, **kwargs)
            except Exception:
                logger.exception("Contribution %s/%s failed", kind, contribution.key)
                outcomes.append(Outcome(contribution.key, failed=True))
                continue
            if data is not None:
                outcomes.append(Outcome(contribution.key, data))
        return outcomes

    def add_role_permissions(self, role: str, permissions: list[str]) -> None:
        """Grant ``permissions`` ("app_label.codename") to the role with key ``role``."""
        self._role_permissions[role].update(permissions)

    def role_permissions(self, role: str) -> set[str]:
        return set(self._role_permissions[role])

    def add_schedule(self, name: str, task: str, *, minute: str, hour: str, day_of_week: str = "*") -> None:
        """Add a periodic task of an app to the one beat schedule (see office/schedules.py)."""
        self._schedules[name] = {"task": task, "minute": minute, "hour": hour, "day_of_week": day_of_week}

    def schedules(self) -> dict[str, dict[str, str]]:
        return dict(self._schedules)


registry = Registry()
register = registry.register
