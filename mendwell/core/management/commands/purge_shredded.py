"""Remove accounts whose data key was destroyed (run after restoring a backup)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from mendwell.core.shredding import purge_shredded_accounts


class Command(BaseCommand):
    help = "Delete accounts (and their rows) whose data key is a tombstone in the keyring."

    def handle(self, *args: Any, **options: Any) -> None:
        purged = purge_shredded_accounts()
        self.stdout.write(self.style.SUCCESS(f"Done: {purged} deleted account(s) removed."))
