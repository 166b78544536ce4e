"""Cost: memory of each process at idle and under load, database bytes per couple-year,
and the CPU the scheduler uses while nothing is due.

Run from the repository root (``bench/run.py`` runs it too):

    .venv/bin/python bench/cost.py            # 60 s idle window, 30 s of load
    .venv/bin/python bench/cost.py --quick    # 15 s idle window, 10 s of load
    BENCH_DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/postgres .venv/bin/python bench/cost.py

One production instance on SQLite (``scripts/instance.py``: the Procfile's web,
worker and scheduler). Database bytes: the database's size before and after
making one couple with two years of daily use (``bench/people.py``; SQLite's
file after a WAL checkpoint, PostgreSQL's ``pg_database_size`` on a fresh
database when ``BENCH_DATABASE_URL`` is set), divided by two. Then the three
processes start and settle; over the idle window the scheduler's CPU time
(``utime + stime`` from ``/proc/<pid>/stat``) is read at both ends and every
process's resident memory (``VmRSS`` from ``/proc/<pid>/status``) is sampled
each second. Under load: the locust profile of ``bench/capacity.py`` with 20
couples plus the two-year couple (42 people), sampling the same way; the
highest sample is reported. Gunicorn's arbiter and each of its workers are
separate figures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.capacity import locust, write_people  # noqa: E402
from bench.kit import (  # noqa: E402
    Instance,
    children,
    cpu_seconds,
    drop_postgres_database,
    fresh_postgres_database,
    make_people,
    postgres_admin_url,
    ready_instance,
    rss_mb,
    web_shape,
)
from bench.results import figure, record  # noqa: E402

COMMAND = ".venv/bin/python bench/cost.py"
LOAD_COUPLES = 20
# talk: an open guided conversation, so the couple can join the load below.
TWO_YEARS = {"count": 1, "days": 730, "talk": True}
SETTLE_LIMIT_SECONDS = 60


def database_bytes(instance: Instance) -> int:
    """The database's size on disk, as the instance's own Django sees it."""
    code = (
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    if connection.vendor == 'sqlite':\n"
        "        cursor.execute('PRAGMA wal_checkpoint(TRUNCATE)')\n"
        "        cursor.execute('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()')\n"
        "    else:\n"
        "        cursor.execute('SELECT pg_database_size(current_database())')\n"
        "    print('BYTES', cursor.fetchone()[0])\n"
    )
    for line in instance.shell(code).splitlines():
        if line.startswith("BYTES "):
            return int(line.split()[1])
    raise RuntimeError("the instance did not say its database size")


def bytes_per_couple_year(
    instance: Instance, vendor: str, how: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The bytes one couple's year of daily use adds (a figure), and that couple's people."""
    before = database_bytes(instance)
    made = make_people(instance, {"bytes": TWO_YEARS})
    per_year = (database_bytes(instance) - before) / 2
    print(f"  {vendor}: {per_year / 1e6:.2f} MB per couple-year", flush=True)
    result = figure(
        f"cost.db_bytes_per_couple_year.{vendor}",
        round(per_year / 1e6, 2),
        "MB",
        command=COMMAND,
        note=f"{how}, 2-year couple ÷ 2",
    )
    return result, made["bytes"]


class Sampler:
    """Samples every process's VmRSS once a second in a thread; keeps the highest."""

    def __init__(self, processes: dict[str, int]) -> None:
        self.processes = processes
        self.peak: dict[str, float] = dict.fromkeys(processes, 0.0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for name, pid in self.processes.items():
                # A gunicorn worker restarting: the next sample finds the new one.
                with contextlib.suppress(OSError):
                    self.peak[name] = max(self.peak[name], rss_mb(pid))
            self._stop.wait(1.0)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def settle(pids: list[int]) -> None:
    """Wait until the processes have finished starting: under 2 % of a core over 3 s.

    Starting (Django's imports, the first pass and the jobs it enqueues) takes
    seconds of CPU, which must not be counted as the idle scheduler's.
    """
    deadline = time.monotonic() + SETTLE_LIMIT_SECONDS
    while time.monotonic() < deadline:
        before = sum(cpu_seconds(pid) for pid in pids)
        time.sleep(3)
        if sum(cpu_seconds(pid) for pid in pids) - before < 0.06 * len(pids):
            return


def processes_of(web: int, worker: int, scheduler: int) -> dict[str, int]:
    found = {"web arbiter": web}
    for number, pid in enumerate(children(web), start=1):
        found[f"web worker {number}"] = pid
    found["task worker"] = worker
    found["scheduler"] = scheduler
    return found


def memory_and_cpu(
    instance: Instance,
    *,
    long_users: list[dict[str, Any]],
    idle_seconds: int,
    load_seconds: int,
    scratch: Path,
) -> list[dict[str, Any]]:
    web = instance.start("web").pid
    made = make_people(instance, {"people": {"count": LOAD_COUPLES, "days": 14, "talk": True}})
    made["people"] += long_users
    people = write_people(instance.base, made, scratch)
    worker = instance.start("worker").pid
    scheduler = instance.start("scheduler").pid
    settle([worker, scheduler])
    processes = processes_of(web, worker, scheduler)
    cpu_before = cpu_seconds(scheduler)
    window_started = time.monotonic()
    with Sampler(processes) as idle:
        time.sleep(idle_seconds)
    window = time.monotonic() - window_started
    scheduler_cpu = cpu_seconds(scheduler) - cpu_before
    users = len(made["people"])
    with Sampler(processes) as loaded:
        shown = locust(instance.base, people, users, load_seconds, scratch / "cost-locust")
    note = f"{web_shape()}, SQLite"
    out = [
        figure(
            "cost.scheduler.idle_cpu",
            round(100 * scheduler_cpu / window, 3),
            "% of one core",
            command=COMMAND,
            note=f"{scheduler_cpu:.2f} s of CPU over {window:.0f} s with nothing due",
        )
    ]
    for name, pid in processes.items():
        key = name.replace(" ", "_")
        out.append(
            figure(
                f"cost.rss.{key}.idle",
                round(idle.peak[name], 1),
                "MB",
                command=COMMAND,
                note=f"{note}; highest VmRSS over {idle_seconds} s idle (pid {pid})",
            )
        )
        out.append(
            figure(
                f"cost.rss.{key}.load",
                round(loaded.peak[name], 1),
                "MB",
                command=f"{COMMAND}  # {shown}",
                note=f"{note}; highest VmRSS over {load_seconds} s of {users} people",
            )
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="shorter idle and load windows")
    options = parser.parse_args()
    idle_seconds, load_seconds = (15, 10) if options.quick else (60, 30)
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="mendwell-bench-cost-") as scratch_name:
        scratch = Path(scratch_name)
        instance = ready_instance(scratch / "sqlite")
        try:
            size, long_users = bytes_per_couple_year(
                instance, "sqlite", "file size after a WAL checkpoint"
            )
            figures.append(size)
            figures += memory_and_cpu(
                instance,
                long_users=long_users,
                idle_seconds=idle_seconds,
                load_seconds=load_seconds,
                scratch=scratch,
            )
        finally:
            instance.stop_all()
        admin = postgres_admin_url()
        if admin is None:
            print("  PostgreSQL bytes skipped: set BENCH_DATABASE_URL to measure them", flush=True)
        else:
            database = fresh_postgres_database(admin)
            try:
                pg = ready_instance(scratch / "postgresql", database_url=database)
                size, _people = bytes_per_couple_year(pg, "postgresql", "pg_database_size")
                figures.append(size)
            finally:
                drop_postgres_database(database)
    record(figures)
    print(json.dumps({item["name"]: item["value"] for item in figures}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
