"""Cost of one scheduler pass over reminders as the number of people grows.

Run from the repository root:

    .venv/bin/python bench/scheduler_bench.py
    .venv/bin/python bench/scheduler_bench.py --database-url postgres://…/empty_db

Builds a throwaway database (SQLite in a temporary directory unless a URL of
an EMPTY database is given), with 10 000 and then 100 000 people who have
reminders not yet due, plus the same 200 reminders due now. For each size it
times the scheduler's reminder pass (find due rows by the partial index on
``next_due_at``, claim each with a conditional UPDATE, enqueue its delivery)
and counts its queries, and also times an idle pass with nothing due. Writes
the figures as ``scheduler.<database>.*`` in ``bench/results.json``
(``bench/results.py``) and exits non-zero if a pass at 100 000 takes more than 1.5 times
as long as at 10 000, or needs more queries.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from datetime import time as wall_time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import figure, record  # noqa: E402

SIZES = (10_000, 100_000)
DUE = 200
PASSES = 7
MAX_RATIO = 1.5
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def _setup(data_dir: str, database_url: str | None) -> None:
    os.environ["MENDWELL_ENV"] = "test"
    os.environ["MENDWELL_DATA_DIR"] = data_dir
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _add_people(start: int, count: int, *, due: bool) -> list[int]:
    """People with two reminders each; not due for hours unless ``due``."""
    from django.contrib.auth import get_user_model

    from mendwell.reminders.models import Kind, Reminder

    User = get_user_model()
    ids = []
    for chunk in range(start, start + count, 5_000):
        size = min(5_000, start + count - chunk)
        users = User.objects.bulk_create(
            User(
                email=f"p{n}@example.com", password="!", display_name="P", time_zone="Europe/London"
            )
            for n in range(chunk, chunk + size)
        )
        reminders = []
        for offset, user in enumerate(users):
            # Spread over the next day, as real choices would be.
            later = NOW + timedelta(minutes=1 + (chunk + offset) % 1_400)
            for kind in (Kind.DAILY_PLAN, Kind.CHECK_IN):
                reminders.append(
                    Reminder(
                        user=user,
                        kind=kind,
                        enabled=True,
                        at=wall_time(12, 0),
                        next_due_at=NOW - timedelta(seconds=30) if due else later,
                    )
                )
        Reminder.objects.bulk_create(reminders)
        ids += [user.pk for user in users]
    return ids


def _measure(due_users: list[int]) -> dict[str, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django_tasks_db.models import DBTaskResult

    from mendwell.reminders.models import Reminder
    from mendwell.reminders.services import claim_due

    busy, idle, queries = [], [], []
    for _ in range(PASSES):
        # Put the same reminders back to due, and forget the tasks of the last pass.
        Reminder.objects.filter(user_id__in=due_users).update(
            next_due_at=NOW - timedelta(seconds=30)
        )
        DBTaskResult.objects.all().delete()
        connection.queries_log.clear()  # the log is capped; start each count from empty
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            claimed = claim_due(NOW)
            busy.append(time.perf_counter() - started)
        assert claimed == len(due_users) * 2, claimed
        queries.append(len(captured))
        started = time.perf_counter()
        assert claim_due(NOW) == 0
        idle.append(time.perf_counter() - started)
    return {
        "due_reminders": len(due_users) * 2,
        "pass_median_ms": round(statistics.median(busy) * 1000, 2),
        "queries_per_pass": max(queries),
        "idle_pass_median_ms": round(statistics.median(idle) * 1000, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", help="an EMPTY database to use instead of SQLite")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        _setup(data_dir, options.database_url)
        from django.db import connection

        due_users = _add_people(0, DUE, due=True)
        figures: dict[str, dict[str, float]] = {}
        built = DUE
        for size in SIZES:
            _add_people(built, size - built + DUE, due=False)
            built = size + DUE
            figures[str(size)] = _measure(due_users)
            print(f"{size:>7} people not yet due: {figures[str(size)]}")  # noqa: T201
        vendor = connection.vendor
    small, large = figures[str(SIZES[0])], figures[str(SIZES[1])]
    ratio = round(large["pass_median_ms"] / small["pass_median_ms"], 3)
    idle_ratio = round(large["idle_pass_median_ms"] / small["idle_pass_median_ms"], 3)
    print(f"ratio 100k/10k: pass {ratio}, idle pass {idle_ratio} (target ≤ {MAX_RATIO})")  # noqa: T201
    command = ".venv/bin/python bench/scheduler_bench.py" + (
        " --database-url postgres://…/empty_db" if options.database_url else ""
    )
    note = f"{DUE * 2} reminders due; median of {PASSES} passes"
    out = [
        figure(
            f"scheduler.{vendor}.ratio_pass_100k_over_10k",
            ratio,
            "× 10k",
            goal=f"<= {MAX_RATIO:g}",
            command=command,
            note=note,
        ),
        figure(
            f"scheduler.{vendor}.ratio_idle_pass_100k_over_10k",
            idle_ratio,
            "× 10k",
            goal=f"<= {MAX_RATIO:g}",
            command=command,
            note="nothing due; median of passes",
        ),
    ]
    for size, row in figures.items():
        stem = f"scheduler.{vendor}.{int(size) // 1000}k"
        out += [
            figure(f"{stem}.pass", row["pass_median_ms"], "ms", command=command, note=note),
            figure(
                f"{stem}.queries_per_pass",
                row["queries_per_pass"],
                "queries",
                goal=f"<= {small['queries_per_pass']}",
                command=command,
                note=f"{note}; no more at 100k than at 10k",
            ),
            figure(f"{stem}.idle_pass", row["idle_pass_median_ms"], "ms", command=command),
        ]
    record(out)
    ok = ratio <= MAX_RATIO and large["queries_per_pass"] <= small["queries_per_pass"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
