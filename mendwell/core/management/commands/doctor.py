"""``manage.py doctor``: what an operator must know, one line each (core/doctor.py)."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mendwell.core import doctor


class Command(BaseCommand):
    help = (
        "Report the instance's keys, email, last backup, task queue, scheduler and support "
        "lines, one line each: OK, WARN or FAIL. Exits 1 if any line is FAIL (warnings alone "
        "exit 0)."
    )
    requires_system_checks: list[str] = []  # the doctor reports problems; it must not stop at one

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--confirm-keys-backed-up",
            action="store_true",
            help=(
                "Record that you have copied secrets.env somewhere safe (only a hash of the "
                "keys is stored, so changing a key asks you again)."
            ),
        )

    def handle(self, *args: Any, confirm_keys_backed_up: bool, **options: Any) -> None:
        if confirm_keys_backed_up:
            missing = doctor.missing_keys()
            if missing:
                raise CommandError(f"{', '.join(missing)} not set: there is nothing to confirm.")
            path = doctor.confirm_keys_backed_up()
            self.stdout.write(f"Noted in {path}: the current keys are backed up.")
        lines = doctor.run_checks()
        styles = {doctor.OK: self.style.SUCCESS, doctor.WARN: self.style.WARNING}
        for line in lines:
            style = styles.get(line.level, self.style.ERROR)
            self.stdout.write(f"{style(f'{line.level:<4}')}  {line.text}")
        failures = sum(line.level == doctor.FAIL for line in lines)
        warnings = sum(line.level == doctor.WARN for line in lines)
        self.stdout.write(f"{failures} failure(s), {warnings} warning(s).")
        if failures:
            sys.exit(1)
