from django.core.management.base import BaseCommand

from office import demo


class Command(BaseCommand):
    help = "Load the demo data of a Polish city office (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        demo.seed()
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write(f"Demo logins (password for all: {demo.DEMO_PASSWORD}):")
        for username, role, note in demo.logins():
            self.stdout.write(f"  {username:<12} {role:<22} {note}")
