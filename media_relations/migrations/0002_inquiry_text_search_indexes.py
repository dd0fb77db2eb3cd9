"""Trigram indexes for the inquiry list's free-text search (PostgreSQL only).

Django's ``icontains`` is ``UPPER(col) LIKE UPPER('%…%')``; GIN trigram indexes on the same
expressions let PostgreSQL answer it without reading the whole table. SQLite has nothing to do.
"""

from django.db import migrations

INDEXES = [
    ("media_inq_subject_trgm", "media_relations_inquiry", 'UPPER("subject"::text)'),
    ("media_inq_questions_trgm", "media_relations_inquiry", 'UPPER("questions"::text)'),
    ("media_journalist_name_trgm", "media_relations_journalist", 'UPPER("name"::text)'),
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
    dependencies = [("media_relations", "0001_press_office")]
    operations = [migrations.RunPython(create, drop)]
