"""Calendar tasks: thin wrappers taking ids."""

from __future__ import annotations

from calendar_app import notifications
from calendar_app.services import requests as request_services
from office.kit.tasks import background_task


@background_task(retries=5)
def send_request_reply(request_id: int) -> None:
    notifications.send_request_reply(request_id)


@background_task(retries=5)
def send_tomorrows_agendas() -> int:
    return notifications.send_tomorrows_agendas()


@background_task()
def anonymise_meeting_requests() -> int:
    return request_services.anonymise_expired()
