"""Per-person and per-address limits on the shared cache, answered with 429 and
``Retry-After`` (SECURITY.md AV-3). Rates come from settings on each request,
so an operator (or a test) can change them without a restart of the class."""

from __future__ import annotations

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from ninja.throttling import BaseThrottle


class ApiThrottle(BaseThrottle):
    """A sliding window of request times per key, checked for the person and the address."""

    def __init__(self, scope: str) -> None:
        self.scope = scope
        self.retry_after = 1.0

    def _rate(self) -> tuple[int, int]:
        count, per = settings.API_THROTTLE_RATES[self.scope].split("/")
        return int(count), {"s": 1, "m": 60, "h": 3600, "d": 86400}[per[0]]

    def _key(self, request: HttpRequest) -> str | None:
        if self.scope == "user":
            user = getattr(request, "auth", None) and getattr(request, "user", None)
            if user is None or not user.is_authenticated:
                return None
            return f"api-throttle:user:{user.pk}"
        return f"api-throttle:ip:{self.get_ident(request)}"

    def allow_request(self, request: HttpRequest) -> bool:
        key = self._key(request)
        if key is None:
            return True
        limit, period = self._rate()
        now = time.time()
        history = [stamp for stamp in cache.get(key, []) if stamp > now - period]
        if len(history) >= limit:
            self.retry_after = max(1.0, history[0] + period - now)
            return False
        history.append(now)
        cache.set(key, history[-limit:], period)
        return True

    def wait(self) -> float:
        # Always a whole number of seconds, so ninja always sends Retry-After.
        return float(math.ceil(self.retry_after))


def api_throttles() -> list[BaseThrottle]:
    return [ApiThrottle("ip"), ApiThrottle("user")]
