"""``manage.py check_dates``: no stored date or date-time is outside the office's range.

Forms and models refuse such dates (``office.kit.bounds``); this finds those stored before, or
written around them (raw SQL, a restored old backup). It lists each offending column with the
ids of its rows and exits with an error, so a deployment script or a monitoring job notices.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from office.kit import bounds


class Command(BaseCommand):
    help = "List stored dates outside the office's range of dates (exits with an error when there are any)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="The database to check.")
        parser.add_argument("--sample", type=int, default=20, help="How many ids to list per column.")

    def handle(self, *args: Any, database: str, sample: int, **options: Any) -> None:
        found = bounds.out_of_range(using=database, sample=sample)
        span = f"{bounds.EARLIEST.isoformat()}–{bounds.LATEST.isoformat()}"
        if not found:
            self.stdout.write(self.style.SUCCESS(f"Every stored date is within {span}."))
            return
        for column in found:
            ids = ", ".join(str(pk) for pk in column.ids)
            more = " …" if column.count > len(column.ids) else ""
            self.stdout.write(f"{column.label}: {column.count} row(s) outside {span}, ids {ids}{more}")
        raise CommandError(f"{len(found)} column(s) hold dates outside {span}; correct those rows.")
