"""Tiny helpers for reading configuration from the environment.

Every setting comes from an environment variable, a ``*_FILE`` variable that
names a file holding the value (for Docker/systemd secrets), or the instance's
``secrets.env`` in the data directory, in that order. The helpers are stdlib
only so that ``dev.py`` can share them before any dependency is installed.
"""

from __future__ import annotations

import os
from pathlib import Path

_str = str

SECRETS_FILE_NAME = "secrets.env"


def read_secrets_file(path: Path) -> dict[str, str]:
    """Parse a ``KEY=value`` file; blank lines and ``#`` comments are ignored."""
    values: dict[str, str] = {}
    if not path.exists():
        return values
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        values[key.strip()] = value.strip()
    return values


class Env:
    """Looks a name up in the environment, then ``NAME_FILE``, then secrets.env."""

    def __init__(self, secrets: dict[str, str] | None = None) -> None:
        self.secrets = secrets or {}

    def str(self, name: _str, default: _str = "") -> _str:
        if name in os.environ:
            return os.environ[name]
        file_name = os.environ.get(f"{name}_FILE")
        if file_name:
            return Path(file_name).read_text(encoding="utf-8").strip()
        return self.secrets.get(name, default)

    def bool(self, name: _str, default: bool = False) -> bool:
        value = self.str(name, "")
        if value == "":
            return default
        return value.strip().lower() in {"1", "true", "yes", "on"}

    def int(self, name: _str, default: int) -> int:
        value = self.str(name, "")
        return int(value) if value.strip() else default

    def list(self, name: _str, default: list[_str] | None = None) -> list[_str]:
        value = self.str(name, "")
        if not value.strip():
            return list(default or [])
        return [item.strip() for item in value.split(",") if item.strip()]
