"""Create the "polish" collation (ICU pl-PL) on PostgreSQL; SQLite gets it per connection."""

from django.db import migrations


def create_collation(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE COLLATION IF NOT EXISTS polish (provider = icu, locale = 'pl-PL')"
        )


def drop_collation(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP COLLATION IF EXISTS polish")


class Migration(migrations.Migration):
    dependencies = [("office", "0001_initial")]
    operations = [migrations.RunPython(create_collation, drop_collation)]
