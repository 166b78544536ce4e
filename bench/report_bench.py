"""Time and peak memory to make step 9's progress report PDF for a heavy year.

Run from the repository root:

    .venv/bin/python bench/report_bench.py

Builds a throwaway SQLite database in a temporary directory (nothing touches
``data/``), links Alex and Sam (both past the private safety check) and gives
Alex a year: 52 weekly pulses and 500 shared items (365 daily check-ins with a
note, 135 small victories). Then, RUNS times, makes a report link with every
part chosen over the whole year and downloads it as Alex through Django's test
client (the same view, claim and WeasyPrint rendering a person gets).

Memory is given two ways, because neither alone tells the whole story:
``ru_maxrss`` is the operating system's peak resident size of the process
(its high-water mark is reset just before the runs, so building the data is not
counted), so its growth across the runs includes WeasyPrint's C libraries
(Pango, Cairo, HarfBuzz, fonts) and the first run's one-off imports and font
loading; ``tracemalloc`` counts Python
allocations only, in one extra untimed run (tracing slows Python several times
over), so it misses the C side but isolates one report.
Writes the figures as ``report.*`` in ``bench/results.json``
(``bench/results.py``) and exits non-zero if the median time is 2 s or more or the
process grew by 200 MB or more.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import figure, record  # noqa: E402

RUNS = 5
MAX_SECONDS = 2.0
MAX_MB = 200.0
WEEKS, CHECKINS, VICTORIES = 52, 365, 135
COMMAND = ".venv/bin/python bench/report_bench.py"
PASSWORD = "correct horse battery staple 42"
ALL_PARTS = ["checkins", "promises", "pulse", "victories", "week_notes"]


def _setup(data_dir: str) -> None:
    os.environ["MENDWELL_ENV"] = "test"
    os.environ["MENDWELL_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _couple() -> tuple[Any, Any]:
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from mendwell.couples.services import invite_accept, invite_create
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit

    people = []
    for name in ("alex", "sam"):
        email = f"{name}@example.com"
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


def _a_year(alex: Any) -> None:
    """Through the apps' own services, so every row is shaped as in real use."""
    from django.utils import timezone

    from mendwell.checkins.services import checkin_save
    from mendwell.progress import registry
    from mendwell.progress.services import pulse_save
    from mendwell.story.services import victory_create

    now = timezone.now()
    today = timezone.localdate()
    items = registry.pulse().item_ids
    for week in range(WEEKS):
        level = 3 + (week % 5)
        answers = dict.fromkeys(items, level)
        pulse_save(user=alex, kind="weekly", answers=answers, now=now - timedelta(weeks=week))
    for day in range(CHECKINS):
        checkin_save(
            user=alex,
            day=today - timedelta(days=day),
            mood=1 + day % 5,
            closeness=1 + (day + 2) % 5,
            note=f"Day {day}: a short note about how the evening went, in a sentence or two.",
            share=True,
        )
    for number in range(VICTORIES):
        victory_create(
            user=alex,
            victory_id=uuid.uuid4(),
            text=f"Victory {number}: we talked it through without raising our voices.",
            happened_on=today - timedelta(days=(number * 2) % 360),
            step=None,
        )


def _maxrss_mb() -> float:
    # Linux reports kilobytes (macOS bytes; this machine is Linux).
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak_rss() -> bool:
    """Start the peak afresh, so building the data set (migrations, 600 rows through the
    services) is not counted as the report's. Linux: "5" resets the high-water mark that
    ``ru_maxrss`` reads. Returns False where that is not possible."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _measure(alex: Any) -> dict[str, Any]:
    from django.test import Client
    from django.utils import timezone

    from mendwell.report.services import report_link_create

    client = Client()
    client.force_login(alex)
    today = timezone.localdate()
    choices = {
        "parts": ALL_PARTS,
        "start": (today - timedelta(weeks=WEEKS + 1)).isoformat(),
        "end": today.isoformat(),
    }
    reset = _reset_peak_rss()
    rss_before = _maxrss_mb()  # after a reset: what is resident now
    timings, sizes = [], []
    for _ in range(RUNS):
        token = report_link_create(user=alex, choices=choices)
        started = time.perf_counter()
        response = client.get(f"/report/download/{token}/")
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        assert response["Content-Type"] == "application/pdf"
        sizes.append(len(response.content))
    # One more run under tracemalloc, apart: tracing every allocation slows Python
    # several times over, so it must not be in the timed runs.
    token = report_link_create(user=alex, choices=choices)
    tracemalloc.start()
    assert client.get(f"/report/download/{token}/").status_code == 200
    python_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    rss_after = _maxrss_mb()
    return {
        "runs": RUNS,
        "median_s": round(statistics.median(timings), 3),
        "max_s": round(max(timings), 3),
        "first_s": round(timings[0], 3),
        "maxrss_growth_mb": round(rss_after - rss_before, 1),
        "maxrss_before_mb": round(rss_before, 1),
        "maxrss_after_mb": round(rss_after, 1),
        "maxrss_reset_before_runs": reset,
        "tracemalloc_peak_mb": round(python_peak, 1),
        "pdf_kb": round(statistics.median(sizes) / 1024, 1),
    }


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="mendwell-report-bench-") as data_dir:
        _setup(data_dir)
        alex, _sam = _couple()
        started = time.perf_counter()
        _a_year(alex)
        built = time.perf_counter() - started
        figures = _measure(alex)
    print(
        f"{WEEKS} weekly pulses, {CHECKINS + VICTORIES} shared items (built in {built:.1f} s)\n"
        f"median {figures['median_s']} s over {RUNS} runs (first {figures['first_s']} s, "
        f"max {figures['max_s']} s); PDF {figures['pdf_kb']} KB\n"
        f"peak RSS grew {figures['maxrss_growth_mb']} MB "
        f"({figures['maxrss_before_mb']} -> {figures['maxrss_after_mb']} MB); "
        f"tracemalloc peak per run {figures['tracemalloc_peak_mb']} MB (Python only)\n"
        f"target: under {MAX_SECONDS} s and under {MAX_MB} MB"
    )
    note = f"{WEEKS} weekly pulses, {CHECKINS + VICTORIES} shared items; test client, SQLite"
    rows = [
        ("median", figures["median_s"], "s", f"< {MAX_SECONDS:g}", f"median of {RUNS} runs"),
        ("first", figures["first_s"], "s", None, "first report in a fresh process"),
        ("max", figures["max_s"], "s", None, f"slowest of {RUNS} runs"),
        ("maxrss_growth", figures["maxrss_growth_mb"], "MB", f"< {MAX_MB:g}", "ru_maxrss growth"),
        ("maxrss_after", figures["maxrss_after_mb"], "MB", None, "whole process peak"),
        ("tracemalloc_peak", figures["tracemalloc_peak_mb"], "MB", f"< {MAX_MB:g}", "one run"),
        ("pdf_size", figures["pdf_kb"], "KB", None, "the PDF"),
    ]
    record(
        [
            figure(
                f"report.{name}", value, unit, goal=goal, command=COMMAND, note=f"{note}; {what}"
            )
            for name, value, unit, goal, what in rows
        ]
    )
    print("wrote bench/results.json (report.*)")
    memory = max(float(figures["maxrss_growth_mb"]), float(figures["tracemalloc_peak_mb"]))
    if float(figures["median_s"]) >= MAX_SECONDS or memory >= MAX_MB:
        print(f"FAIL: the report must take under {MAX_SECONDS} s and {MAX_MB} MB")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
