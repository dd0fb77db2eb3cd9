"""Per-user results kept for a minute and dropped by any change: the dashboard's widgets, the
navigation with its counts, the user's permissions.

A *generation* number in the cache names the state of the office's data. Every save, delete or
change of a many-to-many relation of a model (but the bookkeeping ones listed in ``QUIET``: sessions,
logs of reads, jobs' progress …) moves it on, so a result remembered under an older generation is
never read again: what the user just changed, or a colleague did, shows on the next page. Changes
that send no signal (``QuerySet.update``, ``bulk_create``) show once the result expires, after
``TIMEOUT`` seconds at most; the date is part of the key, so "due today" turns at midnight.

With the cache down (Redis stopped) nothing is remembered and every page computes afresh.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone, translation

T = TypeVar("T")

GENERATION_KEY = "office:data-generation"
TIMEOUT = 60

#: models whose rows change without changing what a page shows (app_label.ModelName)
QUIET = frozenset(
    {
        "sessions.Session",
        "office.UserSession",
        "office.PersonalDataRead",
        "office.AuditEntry",
        "office.Job",
        "office.TaskOutbox",
        "office.ImportBatch",
        "axes.AccessAttempt",
        "axes.AccessLog",
        "axes.AccessFailureLog",
        "django_celery_beat.PeriodicTask",
        "django_celery_beat.PeriodicTasks",
        "django_celery_beat.IntervalSchedule",
        "django_celery_beat.CrontabSchedule",
        "admin.LogEntry",
    }
)


def generation() -> int:
    """The current generation (started from the clock when the cache has none)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns() // 1000
        cache.add(GENERATION_KEY, value, timeout=None)
    return int(value)


def bump() -> None:
    """Every result remembered so far is stale."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or the cache was emptied): start one past any before
        cache.set(GENERATION_KEY, time.time_ns() // 1000, timeout=None)


def remember(name: str, user: Any, compute: Callable[[], T], *, keep: Callable[[T], bool] = lambda _: True) -> T:
    """``compute()`` for ``user``, or what it gave under the current generation in the last minute.

    The key holds the user (and the row's creation time, so a recreated id is another user), the
    language and the day. ``keep(result)`` False (a provider failed) leaves nothing remembered.
    """
    joined = getattr(user, "date_joined", None)
    stamp = int(joined.timestamp()) if joined else 0
    key = (
        f"office:fresh:{name}:{user.pk}:{stamp}:{int(user.is_superuser)}:{translation.get_language()}:"
        f"{timezone.localdate().isoformat()}:{generation()}"
    )
    found = cache.get(key)
    if found is not None:
        return found
    result = compute()
    if keep(result):
        cache.set(key, result, timeout=TIMEOUT)
    return result


def _label(sender: Any) -> str:
    meta = getattr(sender, "_meta", None)
    return f"{meta.app_label}.{meta.object_name}" if meta else ""


def _changed(sender: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):  # fixtures being loaded
        return
    if _label(sender) not in QUIET:
        bump()


def _relation_changed(sender: Any, action: str, **kwargs: Any) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        bump()


def connect() -> None:
    """Listen to every model's changes (called once from ``OfficeConfig.ready``)."""
    post_save.connect(_changed, dispatch_uid="office.freshness.save")
    post_delete.connect(_changed, dispatch_uid="office.freshness.delete")
    m2m_changed.connect(_relation_changed, dispatch_uid="office.freshness.m2m")
