"""The JSON API lives in ``mendwell.api``; this module only names it for the URLconf."""

from __future__ import annotations

from mendwell.api.main import api

__all__ = ["api"]
