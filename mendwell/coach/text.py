"""Text preparation: normalise for matching while keeping offsets into the original.

The normalised text is lower-cased, has straight apostrophes and double quotes, drops
zero-width and direction-control characters and folds runs of spaces/tabs into one
space (newlines are kept). ``index[i]`` is the position in the original text of
normalised character ``i``; ``None`` means the identity mapping (the fast path for
plain ASCII).
"""

from __future__ import annotations

import bisect
import re

# Characters that carry no visible text: zero-width, joiners, BOM, bidi controls,
# soft hyphen.
_IGNORABLE = frozenset(
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_CHAR_MAP = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2014": " - ",
    "\u2013": " - ",
}
_SPACES = re.compile(r"[ \t\f\v\r]{2,}|[\t\f\v\r]")
_DOUBLE_QUOTED = re.compile(r'"[^"]*"')
_SINGLE_QUOTED = re.compile(r"(?<!\w)'[^'\n]*?(?:'\w[^'\n]*?)*'(?!\w)")


def normalise(text: str) -> tuple[str, list[int] | None]:
    """Return ``(normalised, index)``; see the module docstring."""
    if text.isascii() and not _SPACES.search(text) and "`" not in text:
        return text.lower(), None
    out: list[str] = []
    index: list[int] = []
    previous_space = False
    for position, char in enumerate(text):
        if char in _IGNORABLE:
            continue
        mapped = _CHAR_MAP.get(char, char)
        for piece in mapped:
            if piece.isspace() and piece != "\n":
                if previous_space:
                    continue
                piece = " "
                previous_space = True
            else:
                previous_space = False
                lowered = piece.lower()
                piece = lowered if len(lowered) == 1 else piece
            out.append(piece)
            index.append(position)
    return "".join(out), index


def to_original(index: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """Map a normalised ``[start, end)`` span back to the original text."""
    if index is None:
        return start, end
    if not index or start >= len(index):
        return 0, 0
    end = max(end, start + 1)
    return index[start], index[min(end, len(index)) - 1] + 1


def quoted_regions(norm: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (sorted, disjoint): someone else's words, never flagged."""
    if '"' not in norm and "'" not in norm:
        return []
    regions = [m.span() for m in _DOUBLE_QUOTED.finditer(norm)]
    regions += [m.span() for m in _SINGLE_QUOTED.finditer(norm)]
    merged: list[tuple[int, int]] = []
    for a, b in sorted(regions):  # merge nested/overlapping quotes into disjoint spans
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def inside(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside one of the sorted ``regions``."""
    if not regions:
        return False
    position = bisect.bisect_left(regions, (start, 0))
    if position == 0:
        return False
    a, b = regions[position - 1]
    return a < start and end <= b


def clause_before(norm: str, start: int, limit: int = 40) -> str:
    """The words of the same clause just before ``start`` (for negation checks)."""
    lower = max(0, start - limit)
    prefix = norm[lower:start]
    cut = max(prefix.rfind(c) for c in ".!?;\n")
    return prefix[cut + 1 :] if cut >= 0 else prefix


def sentence_around(text: str, start: int, end: int) -> str:
    """The original sentence holding ``[start, end)``, for the intensity estimate."""
    lower = max(0, start - 120)
    head = text[lower:start]
    cut = max(head.rfind(c) for c in ".!?\n")
    tail = text[end : end + 120]
    stops = [i for i in (tail.find(c) for c in ".?\n") if i >= 0]
    stop = min(stops) if stops else len(tail)
    return head[cut + 1 :] + text[start:end] + tail[: stop + 1]
