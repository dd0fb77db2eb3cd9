"""The gifts noted in the free-text field of calendar entries move into the register of gifts.

Each non-empty note becomes one gift received by the calendar's office holder on the entry's day;
a private entry lends only its date to the occasion, never its title. The field goes in
calendar_app's next migration."""

from django.db import migrations


def move_gifts(apps, schema_editor):
    Entry = apps.get_model("calendar_app", "Entry")
    Gift = apps.get_model("events", "Gift")
    gifts = []
    for entry in Entry.objects.exclude(gifts="").select_related("calendar").iterator(chunk_size=500):
        day = entry.start.date()
        occasion = f"Spotkanie {day:%d.%m.%Y}" if entry.visibility == "private" else entry.title[:255]
        gifts.append(
            Gift(
                direction="received",
                holder_id=entry.calendar.office_holder_id,
                on=day,
                counterpart_name="nie podano (wpis w kalendarzu)",
                occasion=occasion,
                description=entry.gifts,
                value_band="unknown",
                calendar_entry_id=entry.pk,
            )
        )
    Gift.objects.bulk_create(gifts, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_gifts"),
        ("calendar_app", "0005_user_links_outlive_accounts"),
    ]

    operations = [migrations.RunPython(move_gifts, migrations.RunPython.noop)]
