"""The instrument registry: every questionnaire is a versioned JSON file.

Two places are read: the files we ship (``progress/instruments/``, our own
informal items only) and the operator's drop-in folder (``INSTRUMENTS_DIR``,
by default ``DATA_DIR/instruments``) for validated questionnaires they hold a
licence for. Each file is checked on load. A file that is malformed, or a
validated one whose wording no longer matches its recorded SHA-256, is left
out with a logged error (and a ``manage.py check`` warning naming it); every
other instrument keeps working, so a bad file never breaks a page.

Only an instrument that is validated, whose licence is confirmed and whose
file carries norms may ever show a cut-off or a reliable-change figure
(EVIDENCE.md §C1, §C4). Everything else is an informal check-in.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings

logger = logging.getLogger(__name__)

SHIPPED_DIR = Path(__file__).resolve().parent / "instruments"
LICENCES = ("confirmed", "pending", "proprietary")
RULES = ("sum", "mean")
RELIABLE_Z = 1.96  # Jacobson & Truax (1991): 95% of pure measurement noise lies within ±1.96
# An id is a path segment (/progress/<id>/, /api/v1/progress/instruments/<id>/…) and is
# stored in PulseResponse.instrument_id (64 characters).
ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
# The fixed pages under /progress/: an instrument of that name could never be reached.
RESERVED_IDS = frozenset({"baseline", "pulse", "sharing", "partner"})


class InstrumentError(ValueError):
    """A file that cannot be used, with a reason an operator can act on."""


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    reverse: bool = False


@dataclass(frozen=True)
class Norms:
    sd: float
    reliability: float
    cutoff: float
    cutoff_below_means: str  # what the file says a score under the cut-off indicates
    source: str


@dataclass(frozen=True)
class Instrument:
    id: str
    version: int
    name: str
    label: str
    citation: str
    validated: bool
    licence: str
    scale_min: int
    scale_max: int
    anchors: tuple[tuple[int, str], ...]
    items: tuple[Item, ...]
    rule: str
    valid_min: float
    valid_max: float
    norms: Norms | None = None
    shipped: bool = True  # ours: the wording goes through gettext

    @property
    def key(self) -> str:
        return f"{self.id}.v{self.version}"

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)

    @property
    def shows_clinical_figures(self) -> bool:
        """Cut-offs and reliable change: validated, licensed and normed, or never."""
        return self.validated and self.licence == "confirmed" and self.norms is not None

    def problems_with(self, answers: Mapping[str, Any]) -> dict[str, str]:
        """Item id → what is wrong with that answer; empty when every answer is usable."""
        problems: dict[str, str] = {}
        for item in self.items:
            value = answers.get(item.id)
            if value is None or isinstance(value, bool) or not isinstance(value, int):
                problems[item.id] = "missing"
            elif not self.scale_min <= value <= self.scale_max:
                problems[item.id] = "out_of_range"
        return problems

    def item_score(self, item: Item, value: int) -> int:
        return self.scale_min + self.scale_max - value if item.reverse else value

    def score(self, answers: Mapping[str, int]) -> float:
        """The total by the file's rule. Raises InstrumentError for unusable answers."""
        problems = self.problems_with(answers)
        if problems:
            raise InstrumentError(f"{self.key}: unusable answers for {sorted(problems)}")
        values = [self.item_score(item, answers[item.id]) for item in self.items]
        total = float(sum(values)) if self.rule == "sum" else sum(values) / len(values)
        if not self.valid_min <= total <= self.valid_max:  # pragma: no cover - parse() rules it out
            raise InstrumentError(f"{self.key}: total {total} outside its valid range")
        return round(total, 2)

    def reliable_change(self, before: float, after: float) -> float | None:
        """Jacobson–Truax RCI from the file's SD and reliability; None unless allowed."""
        if not self.shows_clinical_figures or self.norms is None:
            return None
        return round((after - before) / self._error_of_difference(self.norms), 2)

    def is_reliable_change(self, before: float, after: float) -> bool | None:
        """|RCI| ≥ 1.96 on the unrounded index: more than measurement noise; None unless allowed."""
        if not self.shows_clinical_figures or self.norms is None:
            return None
        return abs(after - before) >= RELIABLE_Z * self._error_of_difference(self.norms)

    @staticmethod
    def _error_of_difference(norms: Norms) -> float:
        return norms.sd * math.sqrt(2) * math.sqrt(1 - norms.reliability)


def wording_block(data: Mapping[str, Any]) -> dict[str, Any]:
    """What a licence fixes verbatim: the items' ids and text, reversals and the anchors.

    An item is reversed by its own ``reverse`` or by ``scoring.reverse``; both count,
    so moving a reversal from one to the other, or adding one, changes the hash.
    """
    scoring = data.get("scoring")
    listed = scoring.get("reverse") if isinstance(scoring, dict) else None
    also_reversed = listed if isinstance(listed, list) else []
    return {
        "items": [
            {
                "id": item.get("id"),
                "text": item.get("text"),
                "reverse": bool(item.get("reverse")) or item.get("id") in also_reversed,
            }
            for item in data.get("items", [])
        ],
        "anchors": (data.get("scale") or {}).get("anchors"),
    }


def wording_hash(data: Mapping[str, Any]) -> str:
    canonical = json.dumps(
        wording_block(data), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _need(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise InstrumentError(f"'{key}' is missing or has the wrong type")
    return value


def _norms(data: Mapping[str, Any]) -> Norms:
    raw = _need(data, "norms", dict)
    sd = raw.get("sd")
    reliability = raw.get("reliability")
    cutoff = raw.get("cutoff")
    if not isinstance(sd, int | float) or sd <= 0:
        raise InstrumentError("'norms.sd' must be a positive number")
    if not isinstance(reliability, int | float) or not 0 < reliability < 1:
        raise InstrumentError("'norms.reliability' must be between 0 and 1")
    if not isinstance(cutoff, int | float):
        raise InstrumentError("'norms.cutoff' must be a number")
    return Norms(
        sd=float(sd),
        reliability=float(reliability),
        cutoff=float(cutoff),
        cutoff_below_means=str(raw.get("cutoff_below_means", "")),
        source=str(raw.get("source", "")),
    )


def parse(data: Any, *, shipped: bool) -> Instrument:
    """Check one file's content and build the instrument, or raise InstrumentError."""
    if not isinstance(data, dict):
        raise InstrumentError("the file must hold one JSON object")
    ident = _need(data, "id", str)
    if not ID_PATTERN.fullmatch(ident):
        raise InstrumentError(
            "'id' must be 1–64 lower-case letters, digits and inner hyphens "
            "(it is part of a web address)"
        )
    if ident in RESERVED_IDS:
        raise InstrumentError(f"'id' cannot be '{ident}': a progress page already has that name")
    version = _need(data, "version", int)
    validated = data.get("validated")
    if not isinstance(validated, bool):
        raise InstrumentError("'validated' must be true or false")
    licence = _need(data, "licence", str)
    if licence not in LICENCES:
        raise InstrumentError(f"'licence' must be one of {', '.join(LICENCES)}")
    scale = _need(data, "scale", dict)
    low, high = scale.get("min"), scale.get("max")
    if not isinstance(low, int) or not isinstance(high, int) or low >= high:
        raise InstrumentError("'scale' needs whole numbers min < max")
    anchors_raw = scale.get("anchors") or {}
    if not isinstance(anchors_raw, dict):
        raise InstrumentError("'scale.anchors' must map values to labels")
    try:
        anchors = tuple(sorted((int(value), str(label)) for value, label in anchors_raw.items()))
    except ValueError:
        raise InstrumentError("'scale.anchors' keys must be values on the scale") from None
    if any(not low <= value <= high for value, _label in anchors):
        raise InstrumentError("an anchor lies outside the scale")
    raw_items = _need(data, "items", list)
    if not raw_items:
        raise InstrumentError("'items' is empty")
    items = []
    for raw in raw_items:
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            raise InstrumentError("every item needs an 'id' and a 'text'")
        if not isinstance(raw.get("text"), str) or not raw["text"].strip():
            raise InstrumentError(f"item '{raw['id']}' has no text")
        items.append(Item(id=raw["id"], text=raw["text"], reverse=bool(raw.get("reverse"))))
    if len({item.id for item in items}) != len(items):
        raise InstrumentError("two items share an id")
    scoring = _need(data, "scoring", dict)
    rule = scoring.get("rule")
    if rule not in RULES:
        raise InstrumentError(f"'scoring.rule' must be one of {', '.join(RULES)}")
    ids = {item.id for item in items}
    reverse = scoring.get("reverse", [])
    if not isinstance(reverse, list) or not all(isinstance(r, str) and r in ids for r in reverse):
        raise InstrumentError("'scoring.reverse' must list item ids")
    items = [Item(i.id, i.text, i.reverse or i.id in reverse) for i in items]
    valid = _need(data, "valid_range", dict)
    expected = (low * len(items), high * len(items)) if rule == "sum" else (low, high)
    if (valid.get("min"), valid.get("max")) != expected:
        raise InstrumentError(
            f"'valid_range' must be {expected[0]}–{expected[1]} for this scale and rule"
        )
    recorded = data.get("sha256")
    if validated and not isinstance(recorded, str):
        raise InstrumentError("a validated instrument needs the 'sha256' of its wording")
    if recorded is not None and recorded != wording_hash(data):
        raise InstrumentError(
            "the wording does not match its recorded sha256 (changed or tampered)"
        )
    norms = _norms(data) if validated else None
    return Instrument(
        id=ident,
        version=version,
        name=_need(data, "name", str),
        label=str(
            data.get("label") or ("validated questionnaire" if validated else "informal check-in")
        ),
        citation=_need(data, "citation", str),
        validated=validated,
        licence=licence,
        scale_min=low,
        scale_max=high,
        anchors=anchors,
        items=tuple(items),
        rule=rule,
        valid_min=float(expected[0]),
        valid_max=float(expected[1]),
        norms=norms,
        shipped=shipped,
    )


@dataclass
class Registry:
    instruments: dict[str, Instrument] = field(default_factory=dict)
    problems: list[tuple[Path, str]] = field(default_factory=list)

    def get(self, ident: str, version: int) -> Instrument | None:
        return self.instruments.get(f"{ident}.v{version}")

    def newest(self, ident: str) -> Instrument | None:
        versions = [i for i in self.instruments.values() if i.id == ident]
        return max(versions, key=lambda i: i.version, default=None)


def operator_dir() -> Path:
    configured = getattr(settings, "INSTRUMENTS_DIR", None)
    return Path(configured) if configured else Path(settings.DATA_DIR) / "instruments"


def load(folders: list[tuple[Path, bool]]) -> Registry:
    """Read every ``*.json`` in the folders (shipped first); skip and report bad files."""
    registry = Registry()
    for folder, shipped in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.json")):
            # ValueError covers bad JSON, bad UTF-8 and InstrumentError; absurdly deep
            # nesting makes json.loads raise RecursionError. None may stop the others loading.
            try:
                instrument = parse(json.loads(path.read_text(encoding="utf-8")), shipped=shipped)
                if instrument.key in registry.instruments:
                    raise InstrumentError(f"{instrument.key} is already defined by another file")
            except (OSError, ValueError, RecursionError) as error:
                logger.error("instrument file skipped: %s: %s", path, error)
                registry.problems.append((path, str(error)))
                continue
            registry.instruments[instrument.key] = instrument
    return registry


@lru_cache(maxsize=1)
def _cached(operator: Path) -> Registry:
    return load([(SHIPPED_DIR, True), (operator, False)])


def registry() -> Registry:
    """The loaded registry (cached per operator folder: files are read once per process)."""
    return _cached(operator_dir())


def reload() -> Registry:
    _cached.cache_clear()
    return registry()


PULSE_ID = "mendwell-pulse"


def extras() -> list[Instrument]:
    """Every other instrument (the newest version of each), by name: what an operator added."""
    loaded = registry()
    ids = {instrument.id for instrument in loaded.instruments.values()} - {PULSE_ID}
    found = [loaded.newest(ident) for ident in ids]
    return sorted((i for i in found if i is not None), key=lambda i: (i.name.casefold(), i.id))


def pulse() -> Instrument:
    """The instrument the baseline and weekly pulse use: our newest informal check-in."""
    instrument = registry().newest(PULSE_ID)
    if instrument is None:  # pragma: no cover - shipped with the code and covered by tests
        raise InstrumentError(f"{PULSE_ID} is missing from {SHIPPED_DIR}")
    return instrument
