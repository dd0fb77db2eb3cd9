"""Backup and restore at bench volume, measured on PostgreSQL.

Fills the bench database the way the other bench scripts do (ten years of calendar entries,
50,000 press inquiries, 200,000 monitored publications), then times ``backup`` (pg_dump in the
custom format, the media folder, the manifest with every table's row count and checksum) and a
restore drill into a fresh database (pg_restore, then every table and file compared with the
manifest), and prints the figures.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/backup_bench.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import benchdb  # noqa: F401  (first: the bench database and django.setup())
import psycopg
from django.conf import settings
from django.db import connection

from office.services import backups


def fill() -> None:
    import calendar_bench
    import media_bench

    started = time.perf_counter()
    calendar_bench.prepare()
    media_bench.prepare()
    print(f"bench data ready in {time.perf_counter() - started:.0f} s")


def database_size() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        return cursor.fetchone()[0]


def main() -> None:
    fill()
    db = settings.DATABASES["default"]
    drill = f"{db['NAME']}_drill"
    server = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/postgres"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{drill}"')
        conn.execute(f'CREATE DATABASE "{drill}"')
    target = Path(tempfile.mkdtemp(prefix="kancelaria-backup-bench-"))
    media = Path(tempfile.mkdtemp(prefix="kancelaria-media-drill-"))
    try:
        started = time.perf_counter()
        made = backups.backup(target)
        backup_s = time.perf_counter() - started
        dump_mb = (made.folder / "database.dump").stat().st_size / 1e6
        started = time.perf_counter()
        differences = backups.restore(made.folder, database_name=drill, media_root=media)
        restore_s = time.perf_counter() - started
    finally:
        shutil.rmtree(target, ignore_errors=True)
        shutil.rmtree(media, ignore_errors=True)
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{drill}"')
    print(f"database {database_size()}, {made.tables} tables, {made.rows:,} rows, {made.files} files")
    print(f"backup  (pg_dump -Fc + media + manifest): {backup_s:6.1f} s, dump {dump_mb:.1f} MB")
    print(f"restore (pg_restore into a fresh database + verification): {restore_s:6.1f} s")
    print("restored set identical to the manifest" if not differences else f"DIFFERENCES: {differences}")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
