from django.core.management.base import BaseCommand

from office.schedules import ensure_schedules


class Command(BaseCommand):
    help = "Install the periodic tasks of the beat schedule (idempotent)."

    def handle(self, *args, **options):
        created = ensure_schedules()
        self.stdout.write(f"Periodic tasks created: {created}")
