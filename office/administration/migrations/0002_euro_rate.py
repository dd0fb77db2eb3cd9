import datetime as dt
from decimal import Decimal

from django.db import migrations


def install(apps, schema_editor):
    EuroRate = apps.get_model("administration", "EuroRate")
    EuroRate.objects.get_or_create(
        valid_from=dt.date(2024, 1, 1),
        defaults={
            "rate": Decimal("4.6435"),
            "basis": "Rozporządzenie Prezesa Rady Ministrów z dnia 14 grudnia 2023 r. "
            "w sprawie średniego kursu złotego w stosunku do euro (Dz.U. 2023 poz. 2720)",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("administration", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
