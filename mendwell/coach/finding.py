"""The result type of the conversation coach."""

from __future__ import annotations

from dataclasses import dataclass

KINDS: tuple[str, ...] = (
    "criticism",
    "contempt",
    "defensiveness",
    "excuse",
    "minimizing",
    "stonewalling",
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing in a draft that might land badly, for the writer's eyes only.

    ``start``/``end`` index the ORIGINAL text passed to ``analyze`` (``text[start:end]``
    is the trigger); ``why`` is one hedged sentence; ``suggestion`` a gentler start.
    """

    kind: str
    start: int
    end: int
    why: str
    suggestion: str

    def as_dict(self) -> dict[str, str | int]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "why": self.why,
            "suggestion": self.suggestion,
        }
