"""Celery tasks of the press office: thin wrappers that take ids and are idempotent."""

from __future__ import annotations

import datetime as dt
import time

from django.utils import timezone

from office.kit.tasks import background_task

#: A distribution task sends for this long, then enqueues itself for the rest: every task ends
#: well within its time limit and the broker's visibility timeout (office/settings.py).
SENDING_BUDGET_SECONDS = 420


@background_task(time_limit=600)
def send_release_deliveries(release_id: int) -> int:
    """Send the waiting e-mails of a release; each delivery row is claimed before its message goes."""
    from media_relations.services.releases import has_waiting_deliveries, send_pending_deliveries

    sent = send_pending_deliveries(release_id=release_id, until=time.monotonic() + SENDING_BUDGET_SECONDS)
    if has_waiting_deliveries(release_id):
        send_release_deliveries.delay(release_id)
    return sent


@background_task(time_limit=60)
def recover_deliveries() -> dict[str, int]:
    """Every minute: messages left "sending" by a dead worker become uncertain; stalled sending goes on."""
    from media_relations.services.releases import recover_deliveries as recover

    return recover()


@background_task(time_limit=600)
def send_weekly_digests() -> int:
    """Fan out one task per recipient of the weekly monitoring digest."""
    from media_relations.services.digest import weekly_digest_recipients

    recipients = weekly_digest_recipients()
    today = timezone.localdate()
    week_start = today - dt.timedelta(days=today.weekday())
    for user_id in recipients:
        send_weekly_digest.delay(user_id, week_start.isoformat())
    return len(recipients)


@background_task(time_limit=120)
def send_weekly_digest(user_id: int, week_start: str) -> bool:
    from media_relations.services.digest import send_weekly_digest as send

    return send(user_id=user_id, week_start=dt.date.fromisoformat(week_start))
