"""Is a trigger-based history (what django-pghistory installs) worth having under the audit trail?

Measures, on PostgreSQL, the cost of changing one record 2,000 times in three ways:

- ``plain``: the UPDATE alone (no history at all);
- ``trail``: what the services do — a snapshot before, the UPDATE, the diff and one
  ``AuditEntry`` row with the actor and the message (``office.services.audit.record_update``);
- ``trigger``: the UPDATE with an AFTER UPDATE row trigger copying the whole new row (as JSON)
  into a history table, the way pghistory's event tables are filled.

and the storage each history takes per change. Run:
DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/audit_bench.py
"""

from __future__ import annotations

import time

from benchdb import percentile  # first: the bench database and django.setup()
from django.core.management import call_command
from django.db import connection, transaction

from office.models import AuditEntry, Contact, User
from office.services import audit

CHANGES = 2_000
HISTORY = "bench_contact_history"


def timed(label: str, change: callable) -> float:
    durations = []
    for n in range(CHANGES):
        started = time.perf_counter()
        with transaction.atomic():
            change(n)
        durations.append(time.perf_counter() - started)
    total = sum(durations)
    print(
        f"{label:8} {total:6.2f} s for {CHANGES} changes · per change p50 "
        f"{percentile(durations, 0.5) * 1000:.2f} ms, p95 {percentile(durations, 0.95) * 1000:.2f} ms"
    )
    return total


def table_bytes(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_total_relation_size(%s)", [table])
        return cursor.fetchone()[0]


def main() -> None:
    call_command("migrate", verbosity=0)
    actor, _ = User.objects.get_or_create(username="bench-audit")
    contact = Contact.objects.create(kind="person", name="Jan Porównawczy", city="Przykładowo")
    table = Contact._meta.db_table

    def plain(n: int) -> None:
        Contact.objects.filter(pk=contact.pk).update(phone=f"+48 600 {n:06d}")

    def trail(n: int) -> None:
        record = Contact.objects.get(pk=contact.pk)
        before = audit.snapshot(record, ["phone"])
        record.phone = f"+48 601 {n:06d}"
        record.save(update_fields=["phone"])
        audit.record_update(actor=actor, instance=record, before=before, message="zmiana numeru")

    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {HISTORY}")
        cursor.execute(
            f"CREATE TABLE {HISTORY} (id bigserial PRIMARY KEY, at timestamptz DEFAULT now(), row jsonb NOT NULL)"
        )
        cursor.execute(
            "CREATE OR REPLACE FUNCTION bench_history() RETURNS trigger AS $$ BEGIN "
            "INSERT INTO bench_contact_history (row) VALUES (to_jsonb(NEW)); RETURN NEW; END $$ LANGUAGE plpgsql"
        )

    entries_before = AuditEntry.objects.count()
    bytes_before = table_bytes("office_auditentry")
    results = {"plain": timed("plain", plain), "trail": timed("trail", trail)}
    trail_bytes = (table_bytes("office_auditentry") - bytes_before) / max(
        1, AuditEntry.objects.count() - entries_before
    )

    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TRIGGER bench_history AFTER UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION bench_history()"
        )
    try:
        results["trigger"] = timed("trigger", plain)
        trigger_bytes = table_bytes(HISTORY) / CHANGES
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TRIGGER IF EXISTS bench_history ON {table}")
            cursor.execute(f"DROP TABLE IF EXISTS {HISTORY}")
            cursor.execute("DROP FUNCTION IF EXISTS bench_history()")
        AuditEntry.objects.filter(actor=actor).delete()
        contact.delete()

    print(
        f"storage per change: trail {trail_bytes:.0f} B (who, message, changed fields), trigger {trigger_bytes:.0f} B"
    )
    print(
        f"history on top of the change: trail +{(results['trail'] - results['plain']) / CHANGES * 1000:.2f} ms, "
        f"trigger +{(results['trigger'] - results['plain']) / CHANGES * 1000:.2f} ms"
    )


if __name__ == "__main__":
    main()
