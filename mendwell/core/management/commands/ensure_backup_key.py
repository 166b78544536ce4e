"""``manage.py ensure_backup_key``: give an existing instance a backup key."""

from __future__ import annotations

import base64
import os
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from config.env import SECRETS_FILE_NAME, read_secrets_file


class Command(BaseCommand):
    # Start fast from a timer or a shell: the system checks (every URL and the API
    # schema) are what `manage.py check --deploy` and the web server's start are for.
    requires_system_checks: list[str] = []
    help = (
        "Append BACKUP_ENCRYPTION_KEY to the data directory's secrets.env unless one is "
        "configured already (environment, *_FILE or the file). Never replaces a key."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.BACKUP_ENCRYPTION_KEYS:
            return
        path = settings.DATA_DIR / SECRETS_FILE_NAME
        if "BACKUP_ENCRYPTION_KEY" in read_secrets_file(path):
            return
        key = base64.urlsafe_b64encode(os.urandom(32)).decode()
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
            handle.write(
                "# BACKUP_ENCRYPTION_KEY encrypts `manage.py backup` files; keep it away from them.\n"
                f"BACKUP_ENCRYPTION_KEY={key}\n"
            )
        self.stdout.write(
            f"A backup key was added to {path}. Copy this file somewhere safe, away from the "
            "backups: without it no backup can be opened."
        )
