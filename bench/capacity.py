"""Capacity: how many couples, active at once, one 2-core machine serves within p95 ≤ 300 ms.

Run from the repository root (``bench/run.py`` runs it too):

    .venv/bin/python bench/capacity.py            # 25 s steps: 16, 32, 64, 128, 256 people
    .venv/bin/python bench/capacity.py --quick    # 8 s steps: 4, 12 people
    BENCH_DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/postgres .venv/bin/python bench/capacity.py

For SQLite, and for PostgreSQL when ``BENCH_DATABASE_URL`` names a server to
make a fresh database on (dropped afterwards; without it PostgreSQL is skipped
with a note), it starts the three processes of the Procfile as deployed
(``scripts/instance.py``: web, worker and scheduler; gunicorn 2 workers × 4
threads), makes couples with two weeks of daily use, each person signed in
with a session of their own and with email notifications on (a nudge gives
the worker an email to send), and runs the locust profile of daily use
(``bench/locustfile.py``) headless in steps of more and more people, each step
a fresh locust run whose figures start once every user has been spawned
(``--reset-stats``). It stops at the first step whose p95 exceeds 300 ms (or
with more than 1 % failures), then tries once halfway between the last good
step and that one (when the first step is already over, it halves down to one
couple instead). Locust runs on the same two cores and takes its share of
them: the figures are a floor for a machine that serves only Mendwell.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.kit import (  # noqa: E402
    ROOT,
    csrf_pair,
    drop_postgres_database,
    fresh_postgres_database,
    make_people,
    postgres_admin_url,
    ready_instance,
    web_shape,
)
from bench.results import figure, record  # noqa: E402

P95_LIMIT_MS = 300.0
MAX_FAILURE_RATE = 0.01
HISTORY_DAYS = 14
COMMAND = ".venv/bin/python bench/capacity.py"
LOCUST = ".venv/bin/locust"


def locust_command(users: int, seconds: int, base: str, prefix: Path) -> list[str]:
    return [
        LOCUST,
        "-f",
        "bench/locustfile.py",
        "--headless",
        "-u",
        str(users),
        "-r",
        str(max(1, users // 2)),  # everyone on board within two seconds
        "-t",
        f"{seconds}s",
        "--reset-stats",
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--host",
        base,
        "--csv",
        str(prefix),
    ]


def people_file(instance: Any, couples: int, scratch: Path) -> Path:
    """Make the couples and write what the locust users need to sign their requests."""
    made = make_people(instance, {"people": {"count": couples, "days": HISTORY_DAYS, "talk": True}})
    return write_people(instance.base, made, scratch)


def write_people(base: str, made: dict[str, Any], scratch: Path) -> Path:
    facts = made["facts"]
    cookie, token = csrf_pair(base, facts, made["people"][0]["sessions"][0])
    path = scratch / "people.json"
    path.write_text(
        json.dumps({**made, "csrf_cookie": cookie, "csrf_token": token}), encoding="utf-8"
    )
    return path


def locust(base: str, people: Path, users: int, seconds: int, prefix: Path) -> str:
    """Run the profile headless, its CSV files under ``prefix``; returns the command shown."""
    subprocess.run(  # noqa: S603 (our own arguments)
        locust_command(users, seconds, base, prefix),
        cwd=ROOT,
        env={**os.environ, "MENDWELL_BENCH_PEOPLE": str(people)},
        capture_output=True,
        timeout=seconds + 120,
        check=False,  # locust exits 1 when any request failed; the CSV says how many
    )
    return " ".join(locust_command(users, seconds, "http://127.0.0.1:PORT", Path("OUT")))


def run_locust(base: str, people: Path, users: int, seconds: int, scratch: Path) -> dict[str, Any]:
    """One step; the aggregated figures from its CSV."""
    prefix = scratch / f"locust-{users}"
    command = locust(base, people, users, seconds, prefix)
    with open(f"{prefix}_stats.csv", encoding="utf-8", newline="") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    total = rows["Aggregated"]
    requests = int(total["Request Count"])
    failures = int(total["Failure Count"])
    return {
        "failures": failure_kinds(prefix) if failures else [],
        "users": users,
        "couples": users // 2,
        "requests": requests,
        "failure_rate": failures / requests if requests else 1.0,
        "rps": float(total["Requests/s"]),
        "p50": float(total["50%"]),
        "p95": float(total["95%"]),
        "command": command,
    }


def failure_kinds(prefix: Path) -> list[str]:
    """What failed, from locust's failures CSV: ``GET /: HTTPError(500…) ×2``.

    Kept in the step's figures, since the scratch folder and its CSVs go with the run.
    """
    with open(f"{prefix}_failures.csv", encoding="utf-8", newline="") as handle:
        return [
            f"{row['Method']} {row['Name']}: {row['Error']} ×{row['Occurrences']}"
            for row in csv.DictReader(handle)
        ]


def good(step: dict[str, Any]) -> bool:
    return step["p95"] <= P95_LIMIT_MS and step["failure_rate"] <= MAX_FAILURE_RATE


def step_through(
    base: str, people: Path, steps: tuple[int, ...], seconds: int, scratch: Path
) -> list[dict[str, Any]]:
    """Up the steps until p95 passes the limit, then once halfway back.

    When even the first step is over the limit (a busy machine), halve it down
    to a single couple instead, so the figure says how many it does serve.
    """
    done: list[dict[str, Any]] = []

    def step(users: int) -> bool:
        done.append(run_locust(base, people, users, seconds, scratch))
        _say(done[-1])
        return good(done[-1])

    for users in steps:
        if not step(users):
            break
    users = steps[0]
    while not any(good(row) for row in done) and users > 2:
        users = max(2, users // 4 * 2)  # half, a whole number of couples
        step(users)
    passed = [row["users"] for row in done if good(row)]
    failed = [
        row["users"] for row in done if not good(row) and row["users"] > max(passed, default=0)
    ]
    if passed and failed:
        middle = (max(passed) + min(failed)) // 4 * 2
        if max(passed) < middle < min(failed):
            step(middle)
    return done


def _say(step: dict[str, Any]) -> None:
    print(
        f"  {step['users']:4} people ({step['couples']} couples): {step['rps']:7.1f} req/s  "
        f"p50 {step['p50']:6.0f} ms  p95 {step['p95']:6.0f} ms  "
        f"failures {step['failure_rate']:.1%}  ({step['requests']} requests)",
        flush=True,
    )
    for kind in step["failures"]:
        print(f"       failed: {kind}", flush=True)


def measure(
    label: str,
    database_url: str | None,
    steps: tuple[int, ...],
    seconds: int,
    scratch: Path,
) -> list[dict[str, Any]]:
    instance = ready_instance(scratch / label, database_url=database_url)
    try:
        started = time.monotonic()
        instance.start("web")
        people = people_file(instance, max(steps) // 2, scratch)
        print(f"  {max(steps) // 2} couples made in {time.monotonic() - started:.0f} s", flush=True)
        instance.start("worker")
        instance.start("scheduler")
        done = step_through(instance.base, people, steps, seconds, scratch)
    finally:
        instance.stop_all()
    return figures_for(label, done, seconds)


def figures_for(label: str, done: list[dict[str, Any]], seconds: int) -> list[dict[str, Any]]:
    note = (
        f"{web_shape()} + worker + scheduler; locust on the same 2 cores; "
        f"{seconds} s steps, think time 2–8 s"
    )
    passed = [step for step in done if good(step)]
    best = max(passed, key=lambda step: step["users"]) if passed else None
    over = [step["users"] for step in done if not good(step)]
    edge = (
        f"p95 first over {P95_LIMIT_MS:.0f} ms at {min(over) // 2} couples"
        if over
        else "the largest step stayed under the limit: the machine serves more"
    )
    out = [
        figure(
            f"capacity.{label}.active_couples",
            best["couples"] if best else 0,
            "couples",
            command=COMMAND,
            note=f"{note}; {edge}",
        )
    ]
    for step in done:
        command = f"{COMMAND}  # {step['command']}"
        stem = f"capacity.{label}.{step['couples']:03d}_couples"
        for metric, value, unit, goal in (
            ("rps", round(step["rps"], 1), "req/s", None),
            ("p50", step["p50"], "ms", None),
            ("p95", step["p95"], "ms", f"<= {P95_LIMIT_MS:g}"),
            ("failure_rate", round(step["failure_rate"], 4), "share", f"<= {MAX_FAILURE_RATE:g}"),
        ):
            said = note
            if metric == "failure_rate" and step["failures"]:
                said = f"{note}; failed: " + "; ".join(step["failures"])
            out.append(
                figure(f"{stem}.{metric}", value, unit, goal=goal, command=command, note=said)
            )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="two short steps")
    options = parser.parse_args()
    steps, seconds = ((4, 12), 8) if options.quick else ((16, 32, 64, 128, 256), 25)
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="mendwell-bench-capacity-") as scratch_name:
        scratch = Path(scratch_name)
        print(f"capacity on SQLite ({web_shape()})", flush=True)
        figures += measure("sqlite", None, steps, seconds, scratch)
        admin = postgres_admin_url()
        if admin is None:
            print(
                "capacity on PostgreSQL skipped: set BENCH_DATABASE_URL to measure it", flush=True
            )
        else:
            database = fresh_postgres_database(admin)
            try:
                print(f"capacity on PostgreSQL ({web_shape()})", flush=True)
                figures += measure("postgresql", database, steps, seconds, scratch)
            finally:
                drop_postgres_database(database)
    measured = tuple({item["name"].split(".")[1] for item in figures})
    record(figures, replace=tuple(f"capacity.{label}." for label in measured))
    for item in figures:
        if item["name"].endswith(".active_couples"):
            print(f"{item['name']}: {item['value']} ({item['note']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
