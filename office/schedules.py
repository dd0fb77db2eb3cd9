"""The one beat schedule of the project: periodic tasks, installed idempotently.

django-celery-beat keeps them in the database (administrators may pause or move them in
the admin); ``ensure_schedules`` creates missing ones and updates the task path of
existing ones, leaving times that an administrator changed untouched.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.db import transaction

from office.contributions import Schedule, registry

for _schedule in (
    Schedule(
        "Dzienne zestawienie zadań (e-mail)",
        "office.tasks.send_daily_digests",
        minute="30",
        hour="6",
        day_of_week="1-5",
    ),
    Schedule(
        "Przypomnienia o terminach zadań",
        "office.tasks.send_assignment_reminders",
        minute="0",
        hour="7",
        day_of_week="1-5",
    ),
    Schedule("Usuwanie starych plików zadań w tle", "office.tasks.purge_old_jobs", minute="15", hour="3"),
    Schedule(
        "Usuwanie wpisów rejestru odczytów po okresie przechowywania",
        "office.tasks.purge_old_reads",
        minute="20",
        hour="3",
    ),
    Schedule("Usuwanie wczytanych arkuszy importu", "office.tasks.purge_old_import_batches", minute="25", hour="3"),
    Schedule("Sygnał życia workera", "office.tasks.heartbeat", minute="*", hour="*"),
    Schedule(
        "Wysyłanie zadań zatrzymanych podczas awarii kolejki", "office.tasks.flush_task_outbox", minute="*", hour="*"
    ),
    Schedule(
        "Wznawianie zadań w tle przerwanych przez awarię workera", "office.tasks.recover_jobs", minute="*", hour="*"
    ),
):
    registry.add_schedule(_schedule)


@transaction.atomic
def ensure_schedules() -> int:
    from django_celery_beat.models import CrontabSchedule, PeriodicTask

    created = 0
    for item in registry.schedules():
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=item.minute,
            hour=item.hour,
            day_of_week=item.day_of_week,
            day_of_month="*",
            month_of_year="*",
            timezone="Europe/Warsaw",
        )
        task, was_created = PeriodicTask.objects.get_or_create(
            name=item.name, defaults={"task": item.task, "crontab": crontab}
        )
        if not was_created and task.task != item.task:
            task.task = item.task
            task.save(update_fields=["task"])
        created += was_created
    return created


def ensure_schedules_after_migrate(sender: Any, **kwargs: Any) -> None:
    configs = [c for c in global_apps.get_app_configs() if c.models_module is not None]
    if configs and sender.label == configs[-1].label:
        ensure_schedules()
