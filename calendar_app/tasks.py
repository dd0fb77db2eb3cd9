"""Calendar tasks: thin wrappers taking ids."""

from __future__ import annotations

from celery import shared_task

from calendar_app import notifications
from calendar_app.services import requests as request_services

TRANSIENT = (ConnectionError, TimeoutError, OSError)


@shared_task(autoretry_for=TRANSIENT, retry_backoff=True, max_retries=5)
def send_request_reply(request_id: int) -> None:
    notifications.send_request_reply(request_id)


@shared_task(autoretry_for=TRANSIENT, retry_backoff=True, max_retries=5)
def send_tomorrows_agendas() -> int:
    return notifications.send_tomorrows_agendas()


@shared_task
def anonymise_meeting_requests() -> int:
    return request_services.anonymise_expired()
