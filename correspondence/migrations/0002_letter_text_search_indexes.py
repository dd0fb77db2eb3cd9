"""Trigram indexes for the register's text search (PostgreSQL only).

Django's ``icontains`` is ``UPPER(col) LIKE UPPER('%…%')``; GIN trigram indexes on the same
expressions let PostgreSQL answer it without reading every letter. SQLite has nothing to do.
"""

from django.db import migrations

INDEXES = [
    ("corr_letter_sign_trgm", "correspondence_letter", 'UPPER("sign"::text)'),
    ("corr_letter_subject_trgm", "correspondence_letter", 'UPPER("subject"::text)'),
    ("corr_letter_correspondent_trgm", "correspondence_letter", 'UPPER("correspondent"::text)'),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, expression in INDEXES:
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ({expression} gin_trgm_ops)')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0001_register")]
    operations = [migrations.RunPython(create, drop)]
