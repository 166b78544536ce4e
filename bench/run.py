"""Run the benchmarks, print one table, keep every figure in ``bench/results.json``.

    python3 dev.py bench                     # installs the load tools, then runs this
    .venv/bin/python bench/run.py            # the suite, full durations (about 15 min)
    .venv/bin/python bench/run.py --quick    # short durations, to check it all works
    .venv/bin/python bench/run.py --only web --only cost
    .venv/bin/python bench/run.py --all      # also the two slow benches (below)
    BENCH_DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/postgres .venv/bin/python bench/run.py

Each bench is its own process (``bench/<name>.py`` or ``bench/<name>_bench.py``)
and writes its own figures through ``bench/results.py``; a figure replaces the
one of the same name, so the file always holds the latest of everything. The
table lists what this run measured, with the goal and whether it was met.

Two benches take long and measure code this suite does not change much: the
crisis detector (10,000 analyses of a long entry) and the scheduler (a database
of 100,000 people). They run with ``--all`` or ``--only detector`` /
``--only scheduler``; otherwise their last figures stay in the file as they are.
With ``BENCH_DATABASE_URL`` (a PostgreSQL server where fresh databases may be
made and dropped) capacity, cost and the scheduler measure PostgreSQL too.
``--quick`` runs the web, capacity and cost benches with short windows, the
start bench with a warm cache only, and skips the report bench.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.kit import (  # noqa: E402
    ROOT,
    drop_postgres_database,
    fresh_postgres_database,
    postgres_admin_url,
)
from bench.results import LOG_ENV, NOTE_ENV, load, table  # noqa: E402

PYTHON = ".venv/bin/python"
SUITE_LIMIT_SECONDS = 45 * 60


@dataclass(frozen=True)
class Suite:
    name: str
    script: str
    quick_args: tuple[str, ...] | None = ("--quick",)  # None: skipped by --quick
    slow: bool = False  # only with --all or --only


SUITES = (
    Suite("coach", "bench/coach_bench.py", quick_args=()),
    Suite("today", "bench/today_bench.py", quick_args=()),
    Suite("report", "bench/report_bench.py", quick_args=None),
    Suite("web", "bench/web.py"),
    Suite("capacity", "bench/capacity.py"),
    Suite("cost", "bench/cost.py"),
    Suite("start", "bench/start.py", quick_args=("--warm",)),
    Suite("detector", "bench/detector_bench.py", quick_args=None, slow=True),
    Suite("scheduler", "bench/scheduler_bench.py", quick_args=None, slow=True),
)


def chosen(options: argparse.Namespace) -> list[Suite]:
    if options.only:
        return [suite for suite in SUITES if suite.name in options.only]
    picked = [suite for suite in SUITES if options.all or not suite.slow]
    if options.quick:
        picked = [suite for suite in picked if suite.quick_args is not None]
    return picked


def run_suite(suite: Suite, *, quick: bool) -> bool:
    args = list(suite.quick_args or ()) if quick else []
    runs = [[PYTHON, suite.script, *args]]
    admin = postgres_admin_url()
    database = None
    if suite.name == "scheduler" and admin is not None:
        database = fresh_postgres_database(admin)
        runs.append([PYTHON, suite.script, "--database-url", database])
    ok = True
    try:
        for command in runs:
            shown = " ".join(command).replace(database or "\0", "postgres://…/empty_db")
            print(f"\n==> {suite.name}: {shown}", flush=True)
            started = time.monotonic()
            try:
                done = subprocess.run(  # noqa: S603 (our own scripts)
                    command, cwd=ROOT, timeout=SUITE_LIMIT_SECONDS, check=False
                )
                ok = ok and done.returncode == 0
            except subprocess.TimeoutExpired:
                print(f"    {suite.name} did not finish within {SUITE_LIMIT_SECONDS} s", flush=True)
                ok = False
            print(f"    ({time.monotonic() - started:.0f} s)", flush=True)
    finally:
        if database is not None:
            drop_postgres_database(database)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="short durations")
    parser.add_argument("--all", action="store_true", help="also the slow detector and scheduler")
    parser.add_argument(
        "--only", action="append", choices=[suite.name for suite in SUITES], metavar="NAME"
    )
    parser.add_argument("--note", default="", help="a remark stored with every figure of this run")
    options = parser.parse_args()
    if options.note:
        os.environ[NOTE_ENV] = options.note
    if postgres_admin_url() is None:
        print("BENCH_DATABASE_URL is not set: PostgreSQL figures are skipped.", flush=True)
    started = time.monotonic()
    with tempfile.NamedTemporaryFile(prefix="mendwell-bench-run-", suffix=".log") as log:
        os.environ[LOG_ENV] = log.name
        failed = [
            suite.name for suite in chosen(options) if not run_suite(suite, quick=options.quick)
        ]
        measured = set(Path(log.name).read_text(encoding="utf-8").split())
    fresh = [item for item in load() if item["name"] in measured]
    print(f"\nThis run ({time.monotonic() - started:.0f} s), {len(fresh)} figures:\n")
    print(table(fresh))
    kept = len(load()) - len(fresh)
    if kept:
        print(f"\n{kept} older figures stay in bench/results.json as they were.")
    if failed:
        print(f"\nFAILED: {', '.join(failed)} (see above)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
