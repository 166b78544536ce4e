"""Where sealed export files live: ``DATA_DIR/exports``, random names, mode 0600."""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

from django.conf import settings

_NAME = re.compile(r"^[0-9a-f]{32}\.sealed$")


def export_dir() -> Path:
    path = Path(settings.DATA_DIR) / "exports"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def write_sealed(blob: bytes) -> str:
    """Write a new file nobody else on the machine can read; return its name."""
    name = f"{secrets.token_hex(16)}.sealed"
    fd = os.open(export_dir() / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(blob)
    return name


def path_of(name: str) -> Path | None:
    # Only names we made: a stored name can never point outside the folder.
    if not _NAME.match(name or ""):
        return None
    return export_dir() / name


def read_sealed(name: str) -> bytes | None:
    path = path_of(name)
    if path is None or not path.exists():
        return None
    return path.read_bytes()


def remove(name: str) -> None:
    path = path_of(name)
    if path is not None:
        path.unlink(missing_ok=True)


def stored_names() -> list[str]:
    return [p.name for p in export_dir().iterdir() if _NAME.match(p.name)]
