"""The shared cache on Redis, made so that Redis down is a cache miss, not a broken page.

``ResilientRedisCache`` is Django's ``RedisCache`` whose every operation survives a Redis
that does not answer (refused, timed out, reset): a read is a miss (``default``), a write
does nothing and returns ``False``, ``incr`` behaves as on a missing key (``ValueError``,
what callers of ``incr`` already handle), ``has_key`` is ``False``. The ``cached_db``
session store then reads and writes the database alone, so logged-in pages and logins go
on during an outage.

- The failure is logged at WARNING, at most once per ``outage_log_interval`` seconds per
  process (not once per request); the return of Redis is logged once.
- After a failure the process does not try Redis again for ``outage_retry_after`` seconds:
  pages do not pay a connection timeout on every cache call while Redis is away.
- Keys written or deleted while Redis was away are remembered (up to ``MAX_PENDING``) and
  deleted once it answers again: a session changed or ended during the outage (a logout)
  must not come back from a copy Redis kept from before.

Short socket timeouts belong in ``OPTIONS`` (``socket_connect_timeout``, ``socket_timeout``)
so that a Redis that stopped answering (rather than refusing) does not hold a page.

The health endpoint writes and reads a key through this cache: during an outage the read is
a miss, so it reports Redis as failing.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("office.cache")

#: What "Redis is not there" looks like (redis-py's errors and the socket's own).
OUTAGE_ERRORS: tuple[type[BaseException], ...] = (RedisConnectionError, RedisTimeoutError, OSError)

#: How many keys changed during an outage are remembered for deletion afterwards.
MAX_PENDING = 10_000


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.outage_log_interval = float(options.pop("outage_log_interval", 60))
        self.outage_retry_after = float(options.pop("outage_retry_after", 2))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._lock = threading.Lock()
        self._down_until = 0.0  # monotonic time before which Redis is not tried
        self._last_logged = float("-inf")
        self._in_outage = False
        self._pending: set[str] = set()  # full keys (prefix and version) to delete on return

    # --- Outage bookkeeping --------------------------------------------------------------

    def _skip(self) -> bool:
        return self._in_outage and time.monotonic() < self._down_until

    def _failed(self, operation: str, error: BaseException | None) -> None:
        now = time.monotonic()
        with self._lock:
            self._in_outage = True
            if error is not None:
                self._down_until = now + self.outage_retry_after
            log = error is not None and now - self._last_logged >= self.outage_log_interval
            if log:
                self._last_logged = now
        if log:
            logger.warning(
                "Redis cache unavailable (%s: %s); serving without the cache", operation, type(error).__name__
            )

    def _remember(self, keys: Iterable[str]) -> None:
        with self._lock:
            for key in keys:
                if len(self._pending) >= MAX_PENDING:
                    break
                self._pending.add(key)

    def _recover(self) -> None:
        """Redis is tried again: first delete what changed while it was away (may raise)."""
        with self._lock:
            pending, self._pending = self._pending, set()
        if pending:
            try:
                self._cache.delete_many(list(pending))
            except BaseException:
                self._remember(pending)
                raise

    def _back(self) -> None:
        with self._lock:
            was_out, self._in_outage = self._in_outage, False
        if was_out:
            logger.warning("Redis cache available again")

    def _call(self, operation: str, run: Callable[[], Any], fallback: Any, *, changes: Iterable[str] = ()) -> Any:
        if self._skip():
            self._remember(changes)
            return fallback
        try:
            if self._in_outage:
                self._recover()
            result = run()
        except OUTAGE_ERRORS as error:
            self._remember(changes)
            self._failed(operation, error)
            return fallback
        if self._in_outage:
            self._back()
        return result

    # --- The cache API ---------------------------------------------------------------------

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._call("add", lambda: super(ResilientRedisCache, self).add(key, value, timeout, version), False)

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._call("get", lambda: super(ResilientRedisCache, self).get(key, default, version), default)

    def set(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> Any:
        full = self.make_and_validate_key(key, version=version)
        return self._call(
            "set", lambda: super(ResilientRedisCache, self).set(key, value, timeout, version), False, changes=[full]
        )

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._call("touch", lambda: super(ResilientRedisCache, self).touch(key, timeout, version), False)

    def delete(self, key: Any, version: int | None = None) -> bool:
        full = self.make_and_validate_key(key, version=version)
        return self._call(
            "delete", lambda: super(ResilientRedisCache, self).delete(key, version), False, changes=[full]
        )

    def get_many(self, keys: Iterable[Any], version: int | None = None) -> dict[Any, Any]:
        keys = list(keys)
        return self._call("get_many", lambda: super(ResilientRedisCache, self).get_many(keys, version), {})

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._call("has_key", lambda: super(ResilientRedisCache, self).has_key(key, version), False)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        missing = object()
        result = self._call("incr", lambda: super(ResilientRedisCache, self).incr(key, delta, version), missing)
        if result is missing:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")
        return result

    def set_many(self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> list[Any]:
        data = dict(data)
        fulls = [self.make_and_validate_key(key, version=version) for key in data]
        return self._call(
            "set_many",
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version),
            list(data),
            changes=fulls,
        )

    def delete_many(self, keys: Iterable[Any], version: int | None = None) -> None:
        keys = list(keys)
        fulls = [self.make_and_validate_key(key, version=version) for key in keys]
        return self._call(
            "delete_many", lambda: super(ResilientRedisCache, self).delete_many(keys, version), None, changes=fulls
        )

    def clear(self) -> bool:
        return self._call("clear", lambda: super(ResilientRedisCache, self).clear(), False)
