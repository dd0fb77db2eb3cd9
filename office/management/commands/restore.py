"""``manage.py restore SET [--database-name NAME] [--media-root DIR]``: load a backup set and
check it against its manifest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from office.services import backups


class Command(BaseCommand):
    help = "Restore a backup set (database and MEDIA_ROOT) and verify every table and file against its manifest."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("folder", help="the backup set (kancelaria-YYYYMMDD-HHMMSS)")
        parser.add_argument("--database-name", help="restore into this (empty) database instead, e.g. for a drill")
        parser.add_argument("--media-root", help="extract the files here instead of MEDIA_ROOT")
        parser.add_argument("--yes", action="store_true", help="do not ask before replacing the data")

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["folder"])
        if not options["yes"] and not options["database_name"]:
            answer = input("This replaces the database and the stored files. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored.")
        try:
            differences = backups.restore(
                folder,
                database_name=options["database_name"],
                media_root=Path(options["media_root"]) if options["media_root"] else None,
            )
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        if differences:
            for what, detail in differences.items():
                self.stderr.write(f"{what}: {detail}")
            raise CommandError(f"The restored data differs from the backup in {len(differences)} places.")
        self.stdout.write(f"Restored {folder}; every table and file matches its manifest.")
