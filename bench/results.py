"""One place for every benchmark figure: ``bench/results.json``.

The file is a JSON list of figures, one object each::

    {"name": "web.today.rps", "value": 212.4, "unit": "req/s", "goal": ">= 0.5",
     "command": ".venv/bin/python bench/web.py", "measured_on": "2026-11-26", "note": ""}

``name`` is dotted (``<bench>.<what>``) and unique in the file; ``goal`` is
``null`` or a comparison the value must meet (``">= 0.5"``, ``"<= 1.2"``,
``"< 2"``); ``command`` is the exact command that measured it. Each bench
calls ``record()`` with its own figures: a figure replaces the one of the same
name and every other figure is kept, so the file always holds the latest
measurement of everything and two runs can be compared with a plain diff.

Standard library only: the benches that run before Django starts import it too.
"""

from __future__ import annotations

import json
import operator
import os
from datetime import date
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results.json"
# Set by bench/run.py for a whole run, so every figure of it carries the same remark.
NOTE_ENV = "MENDWELL_BENCH_NOTE"
# Set by bench/run.py: a file each record() adds its names to, so the run's table
# lists what was measured now (an unchanged value looks the same in the file).
LOG_ENV = "MENDWELL_BENCH_LOG"

_COMPARE = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "==": operator.eq,
}


def figure(
    name: str,
    value: float | int | None,
    unit: str,
    *,
    command: str,
    goal: str | None = None,
    note: str = "",
) -> dict[str, Any]:
    """One measured figure (``value`` None: could not be measured; ``note`` says why)."""
    if goal is not None:
        _parse_goal(goal)  # refuse a goal the table could not check
    remark = "; ".join(part for part in (note, os.environ.get(NOTE_ENV, "")) if part)
    return {
        "name": name,
        "value": value,
        "unit": unit,
        "goal": goal,
        "command": command,
        "measured_on": date.today().isoformat(),
        "note": remark,
    }


def _parse_goal(goal: str) -> tuple[str, float]:
    for symbol in sorted(_COMPARE, key=len, reverse=True):
        if goal.startswith(symbol):
            return symbol, float(goal[len(symbol) :])
    raise ValueError(f"a goal is a comparison like '>= 0.5', not {goal!r}")


def met(item: dict[str, Any]) -> bool | None:
    """Whether a figure meets its goal; None without a goal or a value."""
    if item.get("goal") is None or item.get("value") is None:
        return None
    symbol, target = _parse_goal(item["goal"])
    return bool(_COMPARE[symbol](float(item["value"]), target))


def load(path: Path = RESULTS) -> list[dict[str, Any]]:
    """The figures in the file; an old-style file (one object per bench) counts as empty."""
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return []
    return [item for item in data if isinstance(item, dict)] if isinstance(data, list) else []


def record(
    figures: list[dict[str, Any]], *, replace: tuple[str, ...] = (), path: Path = RESULTS
) -> None:
    """Write ``figures`` into the file, replacing those of the same names.

    ``replace``: name prefixes whose older figures all go, for benches whose set
    of names changes from run to run (capacity's steps).
    """
    # Re-read right before writing: the benches run one after another, each adding its own.
    new = {item["name"]: item for item in figures}
    kept = [
        item
        for item in load(path)
        if item["name"] not in new and not item["name"].startswith(replace)
    ]
    everything = sorted([*kept, *new.values()], key=lambda item: item["name"])
    path.write_text(json.dumps(everything, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if os.environ.get(LOG_ENV):
        with open(os.environ[LOG_ENV], "a", encoding="utf-8") as log:
            log.writelines(f"{name}\n" for name in new)


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 100 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def table(figures: list[dict[str, Any]]) -> str:
    """A plain-text table: name, value, unit, goal and whether it is met."""
    rows = [("figure", "value", "unit", "goal", "met")]
    for item in figures:
        verdict = {True: "yes", False: "NO", None: ""}[met(item)]
        rows.append(
            (item["name"], _shown(item["value"]), item["unit"], item["goal"] or "", verdict)
        )
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    lines = [
        "  ".join(
            cell.rjust(width) if column == 1 else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
