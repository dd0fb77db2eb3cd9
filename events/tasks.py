"""Tasks of the events app: thin wrappers taking ids."""

from __future__ import annotations

from office.kit.tasks import background_task


@background_task()
def remind_guests() -> int:
    """Daily: remind the guests who have not answered, a few days before answers are due."""
    from events.models import Event
    from events.services import guests

    sent = 0
    for event in Event.objects.filter(pk__in=guests.events_to_remind()):
        sent += guests.send_reminders(event=event)
    return sent


@background_task(time_limit=900)
def make_photo_sizes(photo_id: int) -> None:
    """The web size and thumbnail of an uploaded photo (EXIF orientation applied, metadata gone)."""
    from events.services import galleries

    galleries.make_sizes(photo_id)
