"""What waits for a user's own decision, from every app that asks for one (``approval`` providers).

Each provider gives only the records the user may decide (their permission and scope) in one or
two queries. The core merges them, most pressing first, for the dashboard widget, the digest,
the page ``office:awaiting_decision`` and the number beside the navigation link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from office.contributions import Approval, registry

#: where a user object keeps its number for the rest of the request (a new object each request)
_COUNT_CACHE = "_awaiting_decision_count"


@dataclass(frozen=True)
class Awaiting:
    """Every provider's records merged, most pressing first; ``unavailable``: providers that failed."""

    total: int
    items: list[Approval] = field(default_factory=list)
    unavailable: int = 0


def decides_anything(user: Any) -> bool:
    """May the user decide anything an app asks approval for (any approval provider visible)?"""
    if not getattr(user, "is_authenticated", False):
        return False
    return any(contribution.is_visible(user) for contribution in registry.contributions("approval"))


def awaiting(user: Any, *, limit: int | None = None) -> Awaiting:
    """What waits for ``user``'s decision: the first ``limit`` records of all providers (all with
    ``None``), most pressing first, and their number."""
    outcomes = registry.collect("approval", user, limit=limit)
    items = sorted((item for o in outcomes if not o.failed for item in o.data.items), key=lambda a: a.sort_key)
    failed = sum(1 for o in outcomes if o.failed)
    total = sum(o.data.total for o in outcomes if not o.failed)
    if not failed:
        setattr(user, _COUNT_CACHE, total)
    return Awaiting(total, items if limit is None else items[:limit], failed)


def awaiting_count(user: Any) -> int:
    """The number of records waiting for ``user``'s decision: a count per provider, once a request
    (kept on the request's user object; the dashboard's widget leaves its total there)."""
    cached = getattr(user, _COUNT_CACHE, None)
    if cached is None:
        cached = awaiting(user, limit=0).total
        setattr(user, _COUNT_CACHE, cached)
    return cached
