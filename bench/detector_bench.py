"""Accuracy and speed of the crisis-language detector.

Run from the repository root:

    .venv/bin/python bench/detector_bench.py

Prints recall and false-alarm rate (with counts, overall and per category) on
the tuning set and on the blind v3 held-out set
(``mendwell/safety/tests/detector_heldout_v3.py``, loaded through
``load_held_out_v3()``; reported as missing if it does not exist), then the
throughput over 10,000 analyses of a 500-word journal entry, and writes the
figures as ``detector.*`` in ``bench/results.json`` (``bench/results.py``). No
Django, no database: the detector is pure Python.

The v3 figures are a measurement: run this once after the rules are final, and
do not tune the rules on what it prints (see ``detector_examples.py``).
"""

from __future__ import annotations

import platform
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.results import figure, record  # noqa: E402
from mendwell.safety.detector import PARTNER_FEAR, SELF_HARM, analyze  # noqa: E402
from mendwell.safety.tests.detector_examples import (  # noqa: E402
    HELD_OUT_V3_MODULE,
    TUNING,
    Example,
    load_held_out_v3,
)

RUNS = 10_000
WORDS = 500
COMMAND = ".venv/bin/python bench/detector_bench.py"
# The regression floor test_held_out_set_meets_the_thresholds holds on the blind set.
HELD_OUT_GOALS = {"recall": ">= 0.75", "false_alarms": "<= 0.05"}

# Ordinary journaling in our own words, cycled to the length we want.
_JOURNAL = (
    "We finally had the talk about money tonight. I tried to start gently, the way the "
    "step suggested, and said what I felt and what I needed instead of listing everything "
    "he got wrong. He listened for longer than usual before answering. We agreed to look at "
    "the bills together on Sunday mornings with coffee, and to keep a small amount each that "
    "neither of us has to explain. I noticed I was bracing for a fight that never came. "
    "Later we walked to the park and talked about the holiday we keep postponing. I want to "
    "remember how it felt to laugh about the terrible campsite from three summers ago. "
    "Tomorrow is busy with work and the school run, so I am writing this down now. One thing "
    "I could do differently: tell him earlier when I am tired instead of going quiet. One "
    "thing I appreciated: he made tea without being asked and sat with me while I finished "
    "the emails. It is small, but it is the kind of small thing I missed this winter. "
)


def journal_entry(words: int = WORDS) -> str:
    source = _JOURNAL.split()
    return " ".join(source[i % len(source)] for i in range(words))


def _caught(example: Example) -> bool:
    findings = analyze(example.text)
    found = {SELF_HARM} if findings.self_harm else set()
    if findings.partner_fear:
        found.add(PARTNER_FEAR)
    return example.labels <= found


def _rate(count: int, total: int) -> str:
    return f"{count}/{total} = {count / total:.3f}" if total else f"{count}/0 = n/a"


def report(name: str, examples: list[Example]) -> dict[str, float]:
    positives = [e for e in examples if e.positive]
    negatives = [e for e in examples if not e.positive]
    caught = sum(_caught(e) for e in positives)
    negative_findings = [analyze(e.text) for e in negatives]
    alarms = sum(f.crisis for f in negative_findings)
    print(
        f"{name:11} recall {_rate(caught, len(positives))}   "
        f"false alarms {_rate(alarms, len(negatives))}"
    )
    for category in (SELF_HARM, PARTNER_FEAR):
        subset = [e for e in positives if category in e.labels]
        hits = sum(_caught(e) for e in subset)
        raised = sum(getattr(f, category) for f in negative_findings)
        print(
            f"{'':11}   {category:12} recall {_rate(hits, len(subset))}   "
            f"negatives raising it {_rate(raised, len(negatives))}"
        )
    return {
        "recall": round(caught / len(positives), 4) if positives else 0.0,
        "false_alarms": round(alarms / len(negatives), 4) if negatives else 0.0,
    }


def throughput() -> float:
    entry = journal_entry()
    analyze(entry)  # warm up: compile caches, first-call costs
    started = time.perf_counter()
    for _ in range(RUNS):
        analyze(entry)
    elapsed = time.perf_counter() - started
    print(
        f"throughput: {RUNS} analyses of a {len(entry.split())}-word entry "
        f"({len(entry)} characters) in {elapsed:.2f} s = {RUNS / elapsed:,.0f} texts/s "
        f"({elapsed / RUNS * 1e3:.2f} ms each)"
    )
    return RUNS / elapsed


def _figures(name: str, rates: dict[str, float], goals: dict[str, str]) -> list[dict[str, Any]]:
    return [
        figure(
            f"detector.{name}.{measure}",
            value,
            "share",
            goal=goals.get(measure),
            command=COMMAND,
            note="recall over positives, false alarms over negatives",
        )
        for measure, value in rates.items()
    ]


def main() -> None:
    print(f"Python {platform.python_version()} on {platform.machine()} ({platform.system()})")
    figures = _figures("tuning", report("tuning", TUNING), {})
    held_out = load_held_out_v3()
    if held_out is None:
        print(f"held-out v3 not found ({HELD_OUT_V3_MODULE} does not exist)")
    else:
        figures += _figures("held_out_v3", report("held-out v3", held_out), HELD_OUT_GOALS)
    rate = throughput()
    figures.append(
        figure(
            "detector.throughput",
            round(rate, 1),
            "texts/s",
            command=COMMAND,
            note=f"{RUNS} analyses of a {WORDS}-word entry, one core",
        )
    )
    record(figures)
    print("wrote bench/results.json (detector.*)")


if __name__ == "__main__":
    main()
