"""Row locks that only make writers take turns are ``FOR NO KEY UPDATE``.

On PostgreSQL a plain ``FOR UPDATE`` also blocks every insert whose foreign key
points at the locked row. Two partners acting at once (each locking their own
row, then writing a notification that points at the other's) then wait for each
other until one is killed as a deadlock: the capacity bench found exactly that
as a 500 on "thinking of you" (``mendwell/nudges/tests/test_nudge_race.py``).
A lock taken to delete the row is the one place that needs the full lock.
"""

from __future__ import annotations

import re
from pathlib import Path

import mendwell

ROOT = Path(mendwell.__file__).parent
# (file, why the whole row is locked)
FULL_LOCKS = {
    "erasure/services.py": "the account row is about to be deleted",
}


def _locks() -> list[tuple[str, str]]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        if "tests" in path.parts:
            continue
        for call in re.findall(r"select_for_update\([^)]*\)", path.read_text(encoding="utf-8")):
            found.append((str(path.relative_to(ROOT)), call))
    return found


def test_the_app_takes_row_locks():
    assert len(_locks()) > 10


def test_every_row_lock_but_a_delete_lets_foreign_keys_through():
    plain = [
        f"{name}: {call}"
        for name, call in _locks()
        if "no_key=True" not in call and name not in FULL_LOCKS
    ]
    assert plain == []
