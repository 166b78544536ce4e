"""The IANA time zones a person may choose."""

from __future__ import annotations

import zoneinfo
from functools import lru_cache


@lru_cache(maxsize=1)
def valid_time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@lru_cache(maxsize=1)
def time_zone_choices() -> tuple[str, ...]:
    # "localtime" and "Factory" are not places a person lives in.
    return tuple(
        sorted(zone for zone in valid_time_zones() if zone not in {"localtime", "Factory"})
    )


def is_valid_time_zone(name: str) -> bool:
    return name in valid_time_zones()
