"""The one way an app declares a background task.

    @background_task(time_limit=120, retries=5)
    def send_request_reply(request_id: int) -> None: ...

Every task: named by its module and function (what the beat schedule refers to), a hard time
limit with a soft limit ten seconds earlier, and — when ``retries`` — retried with backoff on
transient errors only (a network or SMTP hiccup), never on a bug. Tasks take ids and call a
service; the service makes the work idempotent (a claimed row, a unique output).
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from typing import Any

from celery import shared_task

#: Errors worth trying again: the network, the SMTP server, a timeout.
TRANSIENT = (ConnectionError, TimeoutError, OSError, smtplib.SMTPException)


def background_task(*, time_limit: int = 600, retries: int = 0) -> Callable[[Callable[..., Any]], Any]:
    def decorator(function: Callable[..., Any]) -> Any:
        options: dict[str, Any] = {
            "name": f"{function.__module__}.{function.__name__}",
            "time_limit": time_limit,
            "soft_time_limit": max(1, time_limit - 10),
        }
        if retries:
            options.update(autoretry_for=TRANSIENT, retry_backoff=True, max_retries=retries)
        return shared_task(**options)(function)

    return decorator
