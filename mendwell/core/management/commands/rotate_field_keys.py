"""Move everything onto the first key in FIELD_ENCRYPTION_KEYS.

Usage when rotating: put the new key first, keep the old one after it, run
this command, then remove the old key. Most text is under per-person data
keys (``mw2``), which are wrapped by the instance keys: rotating re-wraps those
small keyring files and leaves the rows alone. Text still under an instance
key (``mw1``: rows without an owner, or anything the key migration missed) is
moved onto its owner's data key, or re-encrypted under the new instance key.
Running it twice changes nothing; rows are written with a conditional UPDATE
so an edit made meanwhile is never overwritten with older text.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import F, TextField
from django.db.models.functions import Cast

from mendwell.core import keyring
from mendwell.core.crypto import cipher
from mendwell.core.fields import Sealed, encrypted_fields
from mendwell.core.reencrypt import move_to_data_keys


class Command(BaseCommand):
    help = "Re-wrap every data key, and re-encrypt instance-key text, under the newest key."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args: Any, batch_size: int, **options: Any) -> None:
        try:
            rewrapped = keyring.rewrap_all()
        except keyring.UnreadableKeysError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{rewrapped} data key(s) re-wrapped.")
        moved = move_to_data_keys(apps.get_models(), batch_size=batch_size)
        self.stdout.write(f"{moved} row(s) moved onto their owner's data key.")
        total = self._reencrypt_instance_key_values(batch_size)
        self.stdout.write(self.style.SUCCESS(f"Done: {total} value(s) re-encrypted."))

    def _reencrypt_instance_key_values(self, batch_size: int) -> int:
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
                        if raw is None or keyring.key_id_in(raw) is not None:
                            continue  # under a data key: its wrapping was rotated above
                        if field_cipher.is_current(raw):
                            continue
                        plaintext = field_cipher.decrypt(raw, context=field.context)
                        fresh = Sealed(field_cipher.encrypt(plaintext, context=field.context))
                        rotated += model._default_manager.filter(
                            pk=pk, **{field.attname: Sealed(raw)}
                        ).update(**{field.attname: fresh})
            if rotated:
                self.stdout.write(f"{model._meta.label}.{field.name}: {rotated} re-encrypted")
            total += rotated
        return total
