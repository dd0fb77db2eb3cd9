import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('office', '0006_personal_data_reads'),
    ]

    operations = [
        migrations.CreateModel(
            name='ImportBatch',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('importer', models.CharField(max_length=60, verbose_name='kind of import')),
                ('file_name', models.CharField(max_length=255, verbose_name='file name')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='created')),
                ('status', models.CharField(choices=[('staged', 'waiting for confirmation'), ('imported', 'imported')], default='staged', max_length=10, verbose_name='status')),
                ('columns', models.JSONField(blank=True, default=list, verbose_name='columns')),
                ('ignored', models.JSONField(blank=True, default=list, verbose_name='ignored columns')),
                ('rows', models.JSONField(blank=True, default=list, verbose_name='rows')),
                ('imported', models.PositiveIntegerField(default=0, verbose_name='rows imported')),
                ('owner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
            ],
            options={
                'verbose_name': 'imported file',
                'verbose_name_plural': 'imported files',
                'ordering': ['-created_at'],
                'default_permissions': (),
            },
        ),
    ]
