from django.core.management.base import BaseCommand

from office.roles import ensure_roles


class Command(BaseCommand):
    help = "Create or update the role groups and their permissions (idempotent)."

    def handle(self, *args, **options):
        groups = ensure_roles()
        for group in groups:
            self.stdout.write(f"{group.name}: {group.permissions.count()}")
