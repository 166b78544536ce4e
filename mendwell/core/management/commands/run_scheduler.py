"""Long-running loop that enqueues periodic work when it falls due."""

from __future__ import annotations

import signal
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from mendwell.core.scheduler import registered_jobs, run_pass


class Command(BaseCommand):
    help = "Enqueue periodic tasks when they are due (run one or more beside db_worker)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--interval", type=float, default=15.0, help="Seconds between passes.")
        parser.add_argument("--once", action="store_true", help="Run one pass and exit.")

    def handle(self, *args: Any, interval: float, once: bool, **options: Any) -> None:
        self.stopping = False
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        registered_jobs()  # import every app's tasks module, which registers its hooks
        if not once:
            self.stdout.write("Scheduler running; press Ctrl+C to stop.")
        while not self.stopping:
            try:
                close_old_connections()
                run_pass()
            except Exception:  # a bad pass must not crash-loop the scheduler
                self.stderr.write("Scheduler pass failed; retrying on the next pass.")
                import logging

                logging.getLogger(__name__).exception("scheduler pass failed")
            if once:
                break
            # Sleep in short steps so SIGTERM ends the loop promptly.
            deadline = time.monotonic() + interval
            while not self.stopping and time.monotonic() < deadline:
                time.sleep(0.2)
        self.stdout.write("Scheduler stopped.")

    def _stop(self, signum: int, frame: Any) -> None:
        self.stopping = True
