"""Accuracy figures for the coach on a labelled set (used by the tests and the bench).

* "any finding" precision: of the messages with at least one finding, the share whose
  label is one of ``KINDS`` (not ``"ok"``); recall: of the labelled messages, the share
  with at least one finding.
* per-kind accuracy: for each label, the share of its messages whose FIRST finding has
  that kind (for ``"ok"``: the share with no finding at all).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mendwell.coach import KINDS, analyze


def score(examples: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """``examples`` are ``(text, label)`` pairs; returns a JSON-ready dict of figures."""
    flagged = true_flagged = positives = caught = 0
    per_kind: dict[str, list[int]] = {label: [0, 0] for label in (*KINDS, "ok")}
    misses: list[dict[str, str]] = []
    for text, label in examples:
        findings = analyze(text)
        first = findings[0].kind if findings else "ok"
        if findings:
            flagged += 1
            true_flagged += label != "ok"
        if label != "ok":
            positives += 1
            caught += bool(findings)
        counts = per_kind.setdefault(label, [0, 0])
        counts[1] += 1
        counts[0] += first == label
        if first != label:
            misses.append({"text": text, "label": label, "got": first})
    return {
        "n": sum(total for _, total in per_kind.values()),
        "precision": round(true_flagged / flagged, 4) if flagged else 1.0,
        "recall": round(caught / positives, 4) if positives else 1.0,
        "flagged": flagged,
        "true_flagged": true_flagged,
        "positives": positives,
        "caught": caught,
        "per_kind_accuracy": {
            label: round(hit / total, 4) if total else None
            for label, (hit, total) in per_kind.items()
        },
        "per_kind_counts": {label: f"{hit}/{total}" for label, (hit, total) in per_kind.items()},
        "misses": misses,
    }
