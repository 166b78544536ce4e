"""Accuracy and latency of the conversation coach.

Run from the repository root:

    .venv/bin/python bench/coach_bench.py

Prints "any finding" precision/recall and per-kind accuracy (kind of the first finding)
on the tuning set and on the blind held-out set (``mendwell/coach/tests/coach_examples.py``),
then the latency per message (median and p99) over many analyses of a 60-word draft, and
writes the figures as ``coach.*`` in ``bench/results.json`` (``bench/results.py``).
No Django, no database: the coach is pure Python. The held-out figures are a
measurement: do not tune the rules on what this prints.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import figure, record  # noqa: E402
from mendwell.coach import analyze  # noqa: E402
from mendwell.coach.metrics import score  # noqa: E402
from mendwell.coach.tests.coach_examples import HELD_OUT, TUNING  # noqa: E402

RUNS = 5_000
COMMAND = ".venv/bin/python bench/coach_bench.py"

# A 60-word draft in our own words, mixing gentle parts with two findings.
MESSAGE = (
    "I wanted to talk about last night. I feel hurt when plans change at the last minute, "
    "and honestly you never tell me until I am already dressed. I know work has been "
    "crazy for you too. Could we agree to text each other by five if something moves? "
    "I miss our Friday dinners and I would love to keep them."
)


def latency(runs: int = RUNS) -> dict[str, float]:
    analyze(MESSAGE)  # compile the rules once, outside the timing
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        analyze(MESSAGE)
        timings.append(time.perf_counter() - started)
    timings.sort()
    return {
        "runs": runs,
        "words": len(MESSAGE.split()),
        "median_ms": round(statistics.median(timings) * 1000, 4),
        "p99_ms": round(timings[int(0.99 * (len(timings) - 1))] * 1000, 4),
    }


def _print(name: str, figures: dict) -> None:
    print(
        f"{name:9} precision {figures['precision']:.3f} "
        f"({figures['true_flagged']}/{figures['flagged']})   recall {figures['recall']:.3f} "
        f"({figures['caught']}/{figures['positives']})"
    )
    print(
        "          per kind: "
        + ", ".join(f"{k} {v}" for k, v in figures["per_kind_counts"].items())
    )


def main() -> None:
    tuning = score(TUNING)
    held_out = score(HELD_OUT)
    _print("tuning", tuning)
    _print("held-out", held_out)
    for miss in held_out["misses"]:
        print(f"          held-out miss ({miss['label']} -> {miss['got']}): {miss['text']}")
    timing = latency()
    print(
        f"latency   {timing['words']}-word message, {timing['runs']} runs: "
        f"median {timing['median_ms']:.3f} ms, p99 {timing['p99_ms']:.3f} ms "
        f"(target < 1 ms median)"
    )
    figures = []
    for label, scores in (("tuning", tuning), ("held_out", held_out)):
        for measure in ("precision", "recall"):
            figures.append(
                figure(
                    f"coach.{label}.{measure}",
                    scores[measure],
                    "share",
                    command=COMMAND,
                    note=f"any finding, {scores['n']} messages",
                )
            )
        for kind, accuracy in scores["per_kind_accuracy"].items():
            figures.append(
                figure(
                    f"coach.{label}.kind_accuracy.{kind}",
                    accuracy,
                    "share",
                    command=COMMAND,
                    note=f"kind of the first finding right: {scores['per_kind_counts'][kind]}",
                )
            )
    note = f"{timing['words']}-word message, {timing['runs']} runs"
    figures += [
        figure(
            "coach.latency.median",
            timing["median_ms"],
            "ms",
            goal="< 1",
            command=COMMAND,
            note=note,
        ),
        figure("coach.latency.p99", timing["p99_ms"], "ms", command=COMMAND, note=note),
    ]
    record(figures)
    print("wrote bench/results.json (coach.*)")


if __name__ == "__main__":
    main()
