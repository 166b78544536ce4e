from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import time_machine

from mendwell.progress import registry, services

ITEMS = registry.pulse().item_ids


def answers(level: int, **overrides: int) -> dict[str, int]:
    return {**dict.fromkeys(ITEMS, level), **overrides}


def form_data(level: int, **overrides: object) -> dict[str, object]:
    return {**dict.fromkeys(ITEMS, str(level)), **overrides}


def weekly_pulses(user, levels: list[int], *, start: datetime) -> None:
    """One weekly pulse per week from ``start``, saved at that moment through the service."""
    for week, level in enumerate(levels):
        with time_machine.travel(start + timedelta(weeks=week), tick=False):
            services.pulse_save(user=user, kind="weekly", answers=answers(level))


# A validated, licensed, normed questionnaire made up for tests, as an operator drops it in.
FIXTURE = Path(__file__).resolve().parent / "instruments" / "test-fixture-scale.v1.json"


def fixture_data() -> dict[str, Any]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def informal_data(**changes: object) -> dict[str, Any]:
    """The fixture turned into an unvalidated questionnaire (no norms, no checksum)."""
    data = fixture_data()
    data.update(
        {
            "id": "test-informal-extra",
            "name": "Informal extra (tests only)",
            "label": "informal check-in",
            "citation": "An unvalidated questionnaire made up for tests.",
            "validated": False,
            "licence": "pending",
            **changes,
        }
    )
    del data["sha256"], data["norms"]
    return data


def drop_in_instruments(folder: Path) -> None:
    """The operator's folder with the validated fixture and an unvalidated extra."""
    shutil.copy(FIXTURE, folder / "test-fixture-scale.v1.json")
    (folder / "test-informal-extra.v1.json").write_text(json.dumps(informal_data()))


@contextmanager
def instruments_dropped_in(folder: Path, settings: Any) -> Iterator[Path]:
    """The operator's folder set to ``folder``, holding both test instruments, loaded."""
    settings.INSTRUMENTS_DIR = folder
    drop_in_instruments(folder)
    registry.reload()
    try:
        yield folder
    finally:
        registry.reload()
