"""``manage.py restore``: put a backup into an empty instance, or only check one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mendwell.core.backup.service import BackupError, check_file, restore_from


class Command(BaseCommand):
    # Start fast from a timer or a shell: the system checks (every URL and the API
    # schema) are what `manage.py check --deploy` and the web server's start are for.
    requires_system_checks: list[str] = []
    help = (
        "Restore a backup made by `manage.py backup` into an empty instance (stop the web, "
        "worker and scheduler first), then migrate and remove deleted accounts. With --check, "
        "only decrypt and verify the file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The .backup file.")
        parser.add_argument(
            "--check", action="store_true", help="Verify the file without restoring anything."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No backup file at {path}.")
        try:
            if options["check"]:
                result = check_file(path)
                self.stdout.write(
                    f"{path.name} is sound: made {result.manifest['made_at']}, "
                    f"{result.manifest['database']} database, {result.keyring_files} keyring file(s)."
                )
                return
            result = restore_from(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the database from {path.name} (made {result.manifest['made_at']}) and "
            f"{result.keyring_files} keyring file(s) this instance lacked."
        )
        call_command("migrate", "--no-input", verbosity=0)
        call_command("purge_shredded", stdout=self.stdout)
        self.stdout.write("Done. Start the web server, the worker and the scheduler again.")
