"""Re-encrypt every stored text under its owner's data key (mw1 → mw2).

Rows without an owner stay under the instance key. Idempotent; reversing is a
no-op because both formats stay readable.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from mendwell.core.reencrypt import move_to_data_keys

    move_to_data_keys(apps.get_models())


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_user_data_key"),
        ("safety", "0001_initial"),
        ("journal", "0003_answer_history"),
        ("conversations", "0002_guided_conversations_and_marks"),
        ("loved", "0001_initial"),
        ("promises", "0001_initial"),
        ("affection", "0001_initial"),
        ("checkins", "0002_week_notes"),
        ("nudges", "0001_initial"),
        ("jar", "0001_initial"),
        ("dates", "0002_reflection"),
        ("story", "0001_initial"),
        ("counsel", "0001_initial"),
        ("couples", "0002_counsellor_access"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
