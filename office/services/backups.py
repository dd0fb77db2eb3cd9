"""Backups that restore: the database (``pg_dump`` custom format on PostgreSQL, SQLite's own
backup API for the embedded mode) and ``MEDIA_ROOT`` in one dated folder, with a manifest of
every table's row count and checksum and every stored file's hash, so a restore can be checked
rather than trusted.

    kancelaria-20261129-0200/
        database.dump | database.sqlite3
        media.tar.gz
        manifest.json

``manage.py backup --to /srv/backups --keep 14`` makes one and keeps the newest fourteen;
``manage.py restore /srv/backups/kancelaria-… [--database-name fresh_db]`` loads it and checks
it against the manifest (``verify``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

PREFIX = "kancelaria-"
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore that could not be done, with the reason for the operator."""


# --- What the data is --------------------------------------------------------------------------------


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def _pg_env(db: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict[str, Any], name: str | None = None) -> list[str]:
    args = ["--dbname", name or db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return args


def table_digest(cursor: Any, vendor: str) -> dict[str, dict[str, Any]]:
    """``{table: {"rows": n, "checksum": hex}}`` for every table of the schema; the checksum does
    not depend on the order rows are stored in."""
    if vendor == "postgresql":
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
        tables = [row[0] for row in cursor.fetchall()]
    else:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        tables = [row[0] for row in cursor.fetchall()]
    digest = {}
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        if vendor == "postgresql":
            cursor.execute(
                f"SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') "  # noqa: S608
                f"FROM {quoted} t"
            )
            rows, checksum = cursor.fetchone()
        else:
            # quote() gives every value as SQL text, whatever converters the connection has
            cursor.execute(f"PRAGMA table_info({quoted})")
            columns = ", ".join('quote("' + row[1].replace('"', '""') + '")' for row in cursor.fetchall())
            cursor.execute(f"SELECT {columns} FROM {quoted}")  # noqa: S608 - names from the catalogue
            hashes = sorted(
                hashlib.md5(repr(row).encode(), usedforsecurity=False).hexdigest() for row in cursor.fetchall()
            )
            rows, checksum = len(hashes), hashlib.md5("".join(hashes).encode(), usedforsecurity=False).hexdigest()
        digest[table] = {"rows": rows, "checksum": checksum}
    return digest


def file_digest(root: Path) -> dict[str, str]:
    """``{relative path: sha256}`` of every file under ``root``."""
    found = {}
    if root.exists():
        for path in sorted(root.rglob("*")):
            if path.is_file():
                with path.open("rb") as stream:  # in chunks: media files may be large
                    found[path.relative_to(root).as_posix()] = hashlib.file_digest(stream, "sha256").hexdigest()
    return found


# --- Backup ------------------------------------------------------------------------------------------


def _stamp() -> str:
    return f"{timezone.localtime():%Y%m%d-%H%M%S}"


@dataclass(frozen=True)
class Made:
    folder: Path
    tables: int
    rows: int
    files: int


def backup(target: Path, *, keep: int = 0) -> Made:
    """One backup set in ``target``; with ``keep``, only the newest ``keep`` sets stay."""
    target.mkdir(parents=True, exist_ok=True)
    folder = target / f"{PREFIX}{_stamp()}"
    if folder.exists():
        raise BackupError(f"{folder} exists already")
    folder.mkdir()
    db = settings.DATABASES["default"]
    try:
        if connection.vendor == "postgresql":
            subprocess.run(  # noqa: S603 - our own arguments, no shell
                [
                    _tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    "--file",
                    str(folder / "database.dump"),
                    *_pg_args(db),
                ],
                check=True,
                env=_pg_env(db),
                capture_output=True,
            )
        else:
            connection.ensure_connection()
            with sqlite3.connect(folder / "database.sqlite3") as copy:
                connection.connection.backup(copy)
        media = Path(settings.MEDIA_ROOT)
        with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
            if media.exists():
                archive.add(media, arcname=".")
        with connection.cursor() as cursor:
            tables = table_digest(cursor, connection.vendor)
        files = file_digest(media)
    except BackupError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    except (subprocess.CalledProcessError, OSError, sqlite3.Error) as error:
        shutil.rmtree(folder, ignore_errors=True)
        detail = error.stderr.decode(errors="replace") if isinstance(error, subprocess.CalledProcessError) else error
        raise BackupError(f"The backup failed: {detail}") from error
    manifest = {
        "created": timezone.now().isoformat(),
        "engine": connection.vendor,
        "tables": tables,
        "files": files,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    if keep:
        for old in sorted(p for p in target.iterdir() if p.is_dir() and p.name.startswith(PREFIX))[:-keep]:
            shutil.rmtree(old)
    return Made(folder, len(tables), sum(t["rows"] for t in tables.values()), len(files))


# --- Restore -----------------------------------------------------------------------------------------


def _manifest(folder: Path) -> dict[str, Any]:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a backup set: {error}") from error


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = []
    for member in archive.getmembers():
        path = Path(member.name)
        if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"The media archive holds an unsafe entry: {member.name}")
        members.append(member)
    return members


def restore(folder: Path, *, database_name: str | None = None, media_root: Path | None = None) -> dict[str, Any]:
    """Load a backup set into the database (``database_name``: another, empty database on the
    same server, for a drill) and the media folder, then check both against the manifest."""
    manifest = _manifest(folder)
    db = settings.DATABASES["default"]
    if manifest["engine"] != connection.vendor:
        raise BackupError(f"The set was made on {manifest['engine']}, this installation runs {connection.vendor}.")
    if connection.vendor == "postgresql":
        connections.close_all()
        result = subprocess.run(  # noqa: S603 - our own arguments, no shell
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                *_pg_args(db, database_name),
                str(folder / "database.dump"),
            ],
            env=_pg_env(db),
            capture_output=True,
        )
        if result.returncode:
            raise BackupError("The restore failed: " + result.stderr.decode(errors="replace")[-2000:])
    else:
        target = Path(database_name or db["NAME"])
        connections.close_all()
        with sqlite3.connect(folder / "database.sqlite3") as source, sqlite3.connect(target) as copy:
            source.backup(copy)
    media = Path(media_root or settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / "media.tar.gz", "r:gz") as archive:
        archive.extractall(media, members=_safe_members(archive), filter="data")
    return verify(folder, database_name=database_name, media_root=media)


def verify(folder: Path, *, database_name: str | None = None, media_root: Path | None = None) -> dict[str, Any]:
    """The differences between a backup set's manifest and the data now (empty: identical)."""
    manifest = _manifest(folder)
    if connection.vendor == "postgresql" and database_name:
        import psycopg

        db = settings.DATABASES["default"]
        with (
            psycopg.connect(
                dbname=database_name,
                host=db.get("HOST") or None,
                port=db.get("PORT") or None,
                user=db.get("USER") or None,
                password=db.get("PASSWORD") or None,
            ) as other,
            other.cursor() as cursor,
        ):
            tables = table_digest(cursor, "postgresql")
    elif connection.vendor == "sqlite" and database_name:
        with sqlite3.connect(database_name) as other:
            tables = table_digest(other.cursor(), "sqlite")
    else:
        with connection.cursor() as cursor:
            tables = table_digest(cursor, connection.vendor)
    files = file_digest(Path(media_root or settings.MEDIA_ROOT))
    differences: dict[str, Any] = {}
    for name, expected in manifest["tables"].items():
        if tables.get(name) != expected:
            differences[f"table {name}"] = {"expected": expected, "found": tables.get(name)}
    for path, expected in manifest["files"].items():
        if files.get(path) != expected:
            differences[f"file {path}"] = "missing" if path not in files else "changed"
    return differences
