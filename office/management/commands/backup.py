"""``manage.py backup --to DIR [--keep N]``: the database and the stored files in one dated set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from office.services import backups


class Command(BaseCommand):
    help = "Back up the database and MEDIA_ROOT into a dated folder with a manifest of checksums."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--to", required=True, help="the folder the backup sets are kept in")
        parser.add_argument("--keep", type=int, default=0, help="keep only the newest N sets (0: keep all)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["keep"] < 0:
            raise CommandError("--keep must be 0 or more")
        try:
            made = backups.backup(Path(options["to"]), keep=options["keep"])
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{made.folder}: {made.tables} tables, {made.rows} rows, {made.files} files")
