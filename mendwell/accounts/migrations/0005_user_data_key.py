"""Give every person a data key id (random, unique) before their text moves onto it."""

import uuid

from django.db import migrations, models


def fill(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for pk in User.objects.filter(data_key__isnull=True).values_list("pk", flat=True):
        User.objects.filter(pk=pk).update(data_key=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_user_coach_offer_dismissed")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="data_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="data_key",
            field=models.UUIDField(default=uuid.uuid4, unique=True, editable=False),
        ),
    ]
