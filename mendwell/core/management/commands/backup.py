"""``manage.py backup``: an encrypted, verified online backup of the whole instance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mendwell.core.backup.service import BackupError, backup_to


class Command(BaseCommand):
    # Start fast from a timer or a shell: the system checks (every URL and the API
    # schema) are what `manage.py check --deploy` and the web server's start are for.
    requires_system_checks: list[str] = []
    help = (
        "Copy the database (online: SQLite's backup API or pg_dump) and the keyring into one "
        "file sealed with BACKUP_ENCRYPTION_KEY, check it, and keep the newest --keep files. "
        "secrets.env is never included: keep a copy of it somewhere else."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--to",
            default=settings.BACKUP_DIR,
            help="Directory for the backup files (default: BACKUP_DIR). Not inside the data directory.",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=settings.BACKUP_KEEP,
            help="How many backups to keep in that directory, newest first (default: BACKUP_KEEP, 14).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["to"]:
            raise CommandError("Say where the backups go: --to DIR (or set BACKUP_DIR).")
        try:
            result = backup_to(Path(options["to"]), keep=options["keep"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written and checked: {result.path} ({result.size:,} bytes).")
        for old in result.removed:
            self.stdout.write(f"Removed an older backup: {old.name}")
