"""The restore drill (office/services/backups.py): data and stored files are backed up, the files
wiped, everything restored into a fresh database and folder, and every table's row count and
checksum and every file's hash compared with the backup's manifest. On PostgreSQL (as in CI) it
goes through pg_dump and pg_restore into a new database on the same server."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from office.services import backups
from office.services.attachments import attach
from tests.factories import AssignmentFactory, ContactFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fresh_database(tmp_path: Path):
    """An empty database to restore into: a new one on the PostgreSQL server, or a new SQLite file."""
    if connection.vendor != "postgresql":
        yield str(tmp_path / "restored.sqlite3")
        return
    import psycopg

    db = settings.DATABASES["default"]
    name = f"drill_{uuid.uuid4().hex[:12]}"
    params = {
        "host": db.get("HOST") or None,
        "port": db.get("PORT") or None,
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_into_a_fresh_database_with_every_table_and_file_identical(
    persona, tmp_path, fresh_database, capsys
):
    staff = persona("secretariat")
    ContactFactory(name="Zofia Żółkiewska")
    assignment = AssignmentFactory(title="Kopia zapasowa – próba", created_by=staff)
    attach(actor=staff, record=assignment, upload=SimpleUploadedFile("notatka.txt", b"Notatka z narady.", "text/plain"))
    call_command("backup", "--to", str(tmp_path / "sets"), "--keep", "2")
    sets = sorted((tmp_path / "sets").iterdir())
    assert len(sets) == 1
    manifest = backups._manifest(sets[0])
    assert manifest["tables"]["office_assignment"]["rows"] >= 1 and any("attachments/" in f for f in manifest["files"])

    # the stored files are lost; the restore brings them back, with the database, elsewhere
    shutil.rmtree(settings.MEDIA_ROOT)
    restored_media = tmp_path / "media-restored"
    call_command(
        "restore", str(sets[0]), "--database-name", fresh_database, "--media-root", str(restored_media), "--yes"
    )
    assert "matches its manifest" in capsys.readouterr().out
    assert backups.verify(sets[0], database_name=fresh_database, media_root=restored_media) == {}

    # a file changed after the restore is found by the check
    changed = next(p for p in restored_media.rglob("*") if p.is_file())
    changed.write_bytes(b"changed")
    assert backups.verify(sets[0], database_name=fresh_database, media_root=restored_media)


def test_retention_keeps_the_newest_sets(tmp_path, monkeypatch):
    times = iter(["20260101-020000", "20260102-020000", "20260103-020000"])
    monkeypatch.setattr(backups, "_stamp", lambda: next(times))
    for _ in range(3):
        backups.backup(tmp_path, keep=2)
    assert [p.name for p in sorted(tmp_path.iterdir())] == ["kancelaria-20260102-020000", "kancelaria-20260103-020000"]


def test_a_media_archive_with_a_path_outside_the_folder_is_refused(tmp_path):
    import io
    import json
    import tarfile

    folder = tmp_path / "kancelaria-evil"
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps({"engine": connection.vendor, "tables": {}, "files": {}}))
    with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
        info = tarfile.TarInfo("../../etc/evil")
        info.size = 4
        archive.addfile(info, io.BytesIO(b"evil"))
    with tarfile.open(folder / "media.tar.gz", "r:gz") as archive, pytest.raises(backups.BackupError):
        backups._safe_members(archive)
