from django.core.management.base import BaseCommand

from office.services.outbox import flush


class Command(BaseCommand):
    help = "Send the background tasks kept in the outbox while the broker was down."

    def handle(self, *args, **options):
        sent, waiting = flush(limit=100_000)
        self.stdout.write(f"Tasks sent: {sent}, still waiting: {waiting}")
