from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("office", "0009_outgoingmail"),
    ]

    operations = [
        migrations.AddField(
            model_name="deadlinerule",
            name="name_en",
            field=models.CharField(blank=True, max_length=200, verbose_name="name in English"),
        ),
        migrations.AddField(
            model_name="deadlinerule",
            name="basis_en",
            field=models.CharField(blank=True, max_length=200, verbose_name="legal basis in English"),
        ),
    ]
