"""The outbox of tasks the broker could not take: kept when a send fails, sent when it is back.

``hold`` is called by ``office.kit.tasks.OutboxTask`` in the request that enqueued the task
(inside its transaction, if there is one: a rolled-back change takes its task with it).
``flush`` sends the rows in order and deletes each one sent; it stops at the first send the
broker refuses (still down) and notes the attempt on that row. Rows are locked while sent
(``SKIP LOCKED`` on PostgreSQL) so two flushes at once do not both send a row.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.db import transaction
from django.db.models import F

from office.kit.tasks import BROKER_DOWN, SEND_RETRY_POLICY, OutboxTask
from office.models import TaskOutbox

logger = logging.getLogger("office.outbox")

#: A warning about the broker at most this often (seconds) per process, not one per request.
LOG_INTERVAL = 60.0

_log_lock = threading.Lock()
_last_logged = float("-inf")


def _warn(message: str, *args: Any) -> None:
    global _last_logged
    now = time.monotonic()
    with _log_lock:
        if now - _last_logged < LOG_INTERVAL:
            return
        _last_logged = now
    logger.warning(message, *args)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:1000]


def hold(task: str, args: Any, kwargs: Any, error: BaseException) -> TaskOutbox:
    """Keep ``task`` for a later send; the broker refused it with ``error``."""
    _warn("Broker unavailable (%s); task %s kept in the outbox", type(error).__name__, task)
    return TaskOutbox.objects.create(
        task=task, args=list(args or ()), kwargs=dict(kwargs or {}), attempts=1, last_error=_describe(error)
    )


def _send(row: TaskOutbox) -> None:
    from celery import current_app

    task = current_app.tasks.get(row.task)
    if isinstance(task, OutboxTask):
        task.apply_async(row.args, row.kwargs, outbox=False, retry_policy=SEND_RETRY_POLICY)
    else:
        current_app.send_task(row.task, row.args, row.kwargs, retry_policy=SEND_RETRY_POLICY)


def flush(limit: int = 1000) -> tuple[int, int]:
    """Send up to ``limit`` waiting tasks; returns (sent, still waiting)."""
    sent = 0
    for pk in TaskOutbox.objects.order_by("id").values_list("pk", flat=True)[:limit]:
        with transaction.atomic():
            row = TaskOutbox.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
            if row is None:  # sent by another flush meanwhile
                continue
            try:
                _send(row)
            except BROKER_DOWN as error:
                TaskOutbox.objects.filter(pk=pk).update(attempts=F("attempts") + 1, last_error=_describe(error))
                _warn("Broker still unavailable (%s); the outbox keeps its tasks", type(error).__name__)
                break
            row.delete()
            sent += 1
    return sent, TaskOutbox.objects.count()
