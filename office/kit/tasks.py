"""The one way an app declares a background task.

    @background_task(time_limit=120, retries=5)
    def send_request_reply(request_id: int) -> None: ...

Every task: named by its module and function (what the beat schedule refers to), a hard time
limit with a soft limit ten seconds earlier, and — when ``retries`` — retried with backoff on
transient errors only (a network or SMTP hiccup), never on a bug. Tasks take ids and call a
service; the service makes the work idempotent (a claimed row, a unique output).

Sending a task never fails the request because the broker is down: ``OutboxTask`` tries the
broker once (and once more at once, for a connection Redis dropped), and when it does not
answer keeps the task in ``office.TaskOutbox``; the beat task ``office.tasks.flush_task_outbox``
sends it when the broker is back (``office.services.outbox``). ``.delay()`` then returns
``None`` instead of a result. Tasks declared with ``outbox=False`` (the heartbeat, the flush
itself) raise as before.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from typing import Any

from celery import Task, shared_task
from kombu.exceptions import OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

#: Errors worth trying again: the network, the SMTP server, a timeout.
TRANSIENT = (ConnectionError, TimeoutError, OSError, smtplib.SMTPException)

#: What a send sees when the broker does not answer.
BROKER_DOWN = (OperationalError, RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError, OSError)

#: A send tries the broker once more at once (a pooled connection Redis dropped), never waits.
SEND_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0, "interval_max": 0}


class OutboxTask(Task):
    """A task whose send keeps it in the outbox when the broker is down."""

    use_outbox = True

    def apply_async(self, args: Any = None, kwargs: Any = None, **options: Any) -> Any:
        outbox = options.pop("outbox", self.use_outbox)
        if not outbox or self.app.conf.task_always_eager:
            return super().apply_async(args, kwargs, **options)
        options.setdefault("retry_policy", SEND_RETRY_POLICY)
        try:
            return super().apply_async(args, kwargs, **options)
        except BROKER_DOWN as error:
            from office.services.outbox import hold

            hold(self.name, args, kwargs, error)
            return None


def background_task(
    *, time_limit: int = 600, retries: int = 0, outbox: bool = True
) -> Callable[[Callable[..., Any]], Any]:
    def decorator(function: Callable[..., Any]) -> Any:
        options: dict[str, Any] = {
            "name": f"{function.__module__}.{function.__name__}",
            "time_limit": time_limit,
            "soft_time_limit": max(1, time_limit - 10),
            "base": OutboxTask,
            "use_outbox": outbox,
        }
        if retries:
            options.update(autoretry_for=TRANSIENT, retry_backoff=True, max_retries=retries)
        return shared_task(**options)(function)

    return decorator
