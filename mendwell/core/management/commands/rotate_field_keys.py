"""Re-encrypt stored text under the first key in FIELD_ENCRYPTION_KEYS.

Usage when rotating: put the new key first, keep the old one after it, run
this command, then remove the old key. It works in batches, skips values that
are already under the new key (so running it twice changes nothing), and
writes each value with a conditional UPDATE so an edit made meanwhile is
never overwritten with older text.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F, TextField
from django.db.models.functions import Cast

from mendwell.core.crypto import cipher
from mendwell.core.fields import encrypted_fields


class Command(BaseCommand):
    help = "Re-encrypt every encrypted value under the newest field key."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args: Any, batch_size: int, **options: Any) -> None:
        field_cipher = cipher()
        total = 0
        for model, field in encrypted_fields():
            rotated = 0
            last_pk = None
            while True:
                # Cast to plain text so we read the stored ciphertext, not the decrypted value.
                rows = model._default_manager.annotate(_raw=Cast(F(field.attname), TextField()))
                if last_pk is not None:
                    rows = rows.filter(pk__gt=last_pk)
                batch = list(rows.order_by("pk").values_list("pk", "_raw")[:batch_size])
                if not batch:
                    break
                last_pk = batch[-1][0]
                with transaction.atomic():
                    for pk, raw in batch:
                        if raw is None or field_cipher.is_current(raw):
                            continue
                        plaintext = field_cipher.decrypt(raw, context=field.context)
                        rotated += model._default_manager.filter(
                            pk=pk, **{field.attname: raw}
                        ).update(**{field.attname: plaintext})
            if rotated:
                self.stdout.write(f"{model._meta.label}.{field.name}: {rotated} re-encrypted")
            total += rotated
        self.stdout.write(self.style.SUCCESS(f"Done: {total} value(s) re-encrypted."))
