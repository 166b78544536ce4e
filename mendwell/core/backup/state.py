"""What the instance remembers about its own backups, for ``manage.py doctor``.

Kept in the data directory (not the database), so restoring an old database
never makes the last backup look older or newer than it is.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import TypedDict

from django.conf import settings


class BackupRecord(TypedDict):
    finished_at: str  # ISO 8601, UTC
    file: str
    bytes: int


def state_dir() -> Path:
    return Path(settings.DATA_DIR) / "state"


def record_backup(path: Path, finished_at: datetime) -> None:
    """Note a verified backup; written atomically so a crash leaves the old note."""
    directory = state_dir()
    directory.mkdir(parents=True, exist_ok=True)
    record: BackupRecord = {
        "finished_at": finished_at.isoformat(),
        "file": str(path),
        "bytes": path.stat().st_size,
    }
    scratch = directory / "last_backup.json.tmp"
    scratch.write_text(json.dumps(record), encoding="utf-8")
    os.replace(scratch, directory / "last_backup.json")


def last_backup() -> BackupRecord | None:
    path = state_dir() / "last_backup.json"
    if not path.exists():
        return None
    record: BackupRecord = json.loads(path.read_text(encoding="utf-8"))
    return record
