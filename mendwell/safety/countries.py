"""Guessing a person's country for the support lines, before they choose one."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources


@lru_cache(maxsize=1)
def _zone_countries() -> dict[str, str]:
    """IANA zone -> ISO country code, from tzdata's zone.tab (shipped with tzdata)."""
    mapping: dict[str, str] = {}
    text = importlib_resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            mapping[parts[2]] = parts[0]
    return mapping


def country_from_time_zone(zone: str) -> str | None:
    return _zone_countries().get(zone)


def country_from_accept_language(header: str) -> str | None:
    """'en-GB,en;q=0.9' -> 'GB' (the first language tag that names a region)."""
    for part in header.split(","):
        tag = part.split(";")[0].strip()
        pieces = tag.replace("_", "-").split("-")
        if len(pieces) >= 2 and len(pieces[1]) == 2 and pieces[1].isalpha():
            return pieces[1].upper()
    return None
