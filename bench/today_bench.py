"""Queries per request and time per request of the Today page, as history grows.

Run from the repository root:

    .venv/bin/python bench/today_bench.py

Builds a throwaway SQLite database in a temporary directory (nothing touches
``data/``), links Alex and Sam (both past the private safety check), gives each
couple a week or a year of history in every step that feeds Today (promises
with occurrences, answers to the question of the day, affection choices and
challenges, jar acts and draws, dates with reflections, daily check-ins, nudges
with their notifications, week notes, journal entries, guided talks, Today's
own marks), then GETs "/" as Alex with Django's test client. Prints the queries
per request for each couple and the median time per request, writes them as
``today.*`` in ``bench/results.json`` (``bench/results.py``) and exits
non-zero if Today takes more than 15 queries anywhere, or more queries with a
year of history than with a week. ``-v`` prints the SQL of the heaviest page.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import figure, record  # noqa: E402

MAX_QUERIES = 15
REQUESTS = 15
# (days of history, with something on today's plan: a promise due, a date in two days,
# a touch challenge running). "year_quiet" has nothing planned, so the plan suggests a
# date idea from what the partner shared (two more reads): the heaviest Today there is.
SIZES = {"week": (7, True), "year": (365, True), "year_quiet": (365, False)}
COMMAND = ".venv/bin/python bench/today_bench.py"
PASSWORD = "correct horse battery staple 42"


def _setup(data_dir: str) -> None:
    # Test mode: throwaway keys, and the database lives in the temporary directory.
    os.environ["MENDWELL_ENV"] = "test"
    os.environ["MENDWELL_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _couple(label: str) -> tuple[Any, Any]:
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from mendwell.couples.services import invite_accept, invite_create
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit

    people = []
    for name in ("alex", "sam"):
        email = f"{name}.{label}@example.com"
        user = get_user_model().objects.create_user(
            email, PASSWORD, display_name=name.title(), time_zone="Europe/London"
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        people.append(user)
    alex, sam = people
    invite_accept(user=sam, code=invite_create(user=alex).code)
    for person in people:
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    return alex, sam


def _measure(alex: Any) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(alex)
    first = client.get("/")  # the first visit of the day picks today's question (one write)
    assert first.status_code == 200, first.status_code
    counts, timings = [], []
    for _ in range(REQUESTS):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get("/")
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        counts.append(len(captured.captured_queries))
    page = response.content.decode()
    return {
        "queries": max(counts),
        "queries_min": min(counts),
        "median_ms": round(statistics.median(timings) * 1000, 2),
        "requests": REQUESTS,
        "plan_items": page.count('class="card plan-item"'),
        "sql": [query["sql"] for query in captured.captured_queries],
    }


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="mendwell-today-bench-") as data_dir:
        _setup(data_dir)
        from mendwell.today.tests.history import add_a_day_of_today_to_do, build_history

        figures: dict[str, dict[str, Any]] = {}
        for label, (days, planned) in SIZES.items():
            alex, sam = _couple(label)
            started = time.perf_counter()
            build_history(alex, sam, days=days)
            if planned:
                add_a_day_of_today_to_do(alex)
            built = time.perf_counter() - started
            figures[label] = {"days": days, "build_s": round(built, 1), **_measure(alex)}
            print(
                f"{label:10} {days:3} days of history (built in {built:.1f} s): "
                f"{figures[label]['queries']} queries per request, "
                f"median {figures[label]['median_ms']} ms over {REQUESTS} requests"
            )

    week, year, quiet = figures["week"], figures["year"], figures["year_quiet"]
    ratio = round(int(year["queries"]) / int(week["queries"]), 2)
    print(f"ratio year/week: {ratio} (target: 1.0, and at most {MAX_QUERIES} queries)")
    if "-v" in sys.argv:
        for sql in quiet["sql"]:
            print("  ", sql[:160])
    out = [
        figure(
            "today.ratio_queries_year_to_week",
            ratio,
            "× week",
            goal="<= 1",
            command=COMMAND,
            note="Django test client, SQLite",
        )
    ]
    for label, row in (("week", week), ("year", year), ("year_quiet", quiet)):
        note = f"{row['days']} days of history, {row['plan_items']} plan items; test client, SQLite"
        out += [
            figure(
                f"today.{label}.queries",
                row["queries"],
                "queries",
                goal=f"<= {MAX_QUERIES}",
                command=COMMAND,
                note=note,
            ),
            figure(
                f"today.{label}.median",
                row["median_ms"],
                "ms",
                command=COMMAND,
                note=f"{note}; median of {row['requests']} requests",
            ),
        ]
    record(out)
    print("wrote bench/results.json (today.*)")
    worst = max(int(figures[label]["queries"]) for label in SIZES)
    if worst > MAX_QUERIES or int(year["queries"]) > int(week["queries"]):
        print(f"FAIL: Today must stay at or under {MAX_QUERIES} queries whatever the history")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
