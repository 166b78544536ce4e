"""One router per app. Each handler reads through the app's selectors and writes
through its services, exactly as the web views do; the API adds only parsing,
versions, idempotency and the error shape."""

from __future__ import annotations

from ninja import Router

from mendwell.api.routes import checkins, me

ROUTERS: list[tuple[str, Router]] = [
    ("", me.router),
    ("/check-ins", checkins.router),
]
