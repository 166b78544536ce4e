"""How long a signed-in session lasts, kept in the session itself.

On a device of one's own a session ends after 30 days without use
(``SESSION_COOKIE_AGE``). A sign-in marked "this is a shared device" ends
after 30 minutes without use and, whatever happens, 12 hours after signing
in (SECURITY.md SESS-3). The cookie's own expiry is only a hint to the
browser, so both limits are also checked on the server on every request
(``middleware.SessionLifetimeMiddleware``).
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from django.conf import settings

SHARED_IDLE = timedelta(minutes=30)
SHARED_ABSOLUTE = timedelta(hours=12)
# "Last active" is written at most this often, so a page view is not a session write.
TOUCH_EVERY = timedelta(minutes=1)

SIGNED_IN_AT = "security_signed_in_at"
LAST_ACTIVE = "security_last_active"
SHARED_DEVICE = "security_shared_device"
# Set by the login form, read once the sign-in completes (after a second step, if any).
SHARED_DEVICE_CHOICE = "security_shared_device_choice"


def idle_limit(session: Any) -> timedelta:
    if session.get(SHARED_DEVICE):
        return SHARED_IDLE
    return timedelta(seconds=settings.SESSION_COOKIE_AGE)


def start(session: Any, *, shared: bool) -> None:
    """Start the clocks for a session that has just signed in."""
    now = time.time()
    session[SIGNED_IN_AT] = now
    session[LAST_ACTIVE] = now
    session[SHARED_DEVICE] = shared
    session.set_expiry(int(idle_limit(session).total_seconds()))


def has_expired(session: Any, *, now: float) -> bool:
    last_active = session.get(LAST_ACTIVE)
    if last_active is not None and now - last_active > idle_limit(session).total_seconds():
        return True
    signed_in_at = session.get(SIGNED_IN_AT)
    return bool(
        session.get(SHARED_DEVICE)
        and signed_in_at is not None
        and now - signed_in_at > SHARED_ABSOLUTE.total_seconds()
    )


def touch(session: Any, *, now: float) -> None:
    """Note activity, at most once a minute; keeps the cookie's idle expiry rolling."""
    last_active = session.get(LAST_ACTIVE)
    if last_active is not None and now - last_active < TOUCH_EVERY.total_seconds():
        return
    session[LAST_ACTIVE] = now
    session.set_expiry(int(idle_limit(session).total_seconds()))
