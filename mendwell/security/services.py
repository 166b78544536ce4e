"""Writes for account security: sessions, devices, sign-in bookkeeping."""

from __future__ import annotations

import hashlib
import ipaddress
import secrets
import threading
import time
from collections import OrderedDict
from datetime import datetime, timedelta
from typing import Any

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.app_settings import REAUTHENTICATION_TIMEOUT
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.usersessions.adapter import get_adapter as get_usersessions_adapter
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from mendwell.security import lifetime
from mendwell.security.alerts import security_alert
from mendwell.security.models import KnownDevice

# An IP address is kept whole for a session's first 30 days, then only its
# network (/24 for IPv4, /48 for IPv6): enough to say "same place", no more.
IP_KEPT_WHOLE = timedelta(days=30)
# "Last used" on the devices page is this precise; finer means a write per page view.
SEEN_EVERY = timedelta(minutes=5)

DEVICE_COOKIE = "__Host-device" if settings.SESSION_COOKIE_SECURE else "mendwell_device"
DEVICE_COOKIE_SALT = "mendwell.security.device"
DEVICE_COOKIE_AGE = 400 * 24 * 60 * 60  # the longest browsers keep a cookie
# The UserSession.data key linking a session to the device it signed in from.
DEVICE_DATA_KEY = "device"
# A completed sign-in by these counts as a fresh re-authentication (see mark_sign_in_fresh).
FRESH_METHODS = frozenset({"password", "mfa"})


# --- IP addresses --------------------------------------------------------------------


def truncated_ip(ip: str) -> str:
    address = ipaddress.ip_address(ip)
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False).network_address)


def _ip_to_keep(ip: str, *, created_at: datetime, now: datetime) -> str:
    return truncated_ip(ip) if now - created_at > IP_KEPT_WHOLE else ip


def truncate_old_session_ips(*, now: datetime | None = None) -> int:
    """Shorten the IP of every session older than 30 days. Returns how many changed."""
    now = now or timezone.now()
    changed = 0
    old = UserSession.objects.filter(created_at__lt=now - IP_KEPT_WHOLE).only("pk", "ip")
    for row in old.iterator():
        short = truncated_ip(row.ip)
        if short != row.ip:
            # Conditional: a request touching the row meanwhile keeps its own value.
            changed += UserSession.objects.filter(pk=row.pk, ip=row.ip).update(ip=short)
    return changed


# --- Sessions ------------------------------------------------------------------------


# Per process, the sessions noted in the last few minutes, so an ordinary page
# view costs no query at all (bounded: the oldest are forgotten first).
_recently_noted: OrderedDict[str, tuple[datetime, str | None, str]] = OrderedDict()
_NOTED_LIMIT = 10_000
_noted_lock = threading.Lock()


def session_seen(request: HttpRequest) -> None:
    """Note the session's latest use, IP and browser, at most every few minutes."""
    try:
        client_ip = get_account_adapter().get_client_ip(request)
    except PermissionDenied:
        return  # no usable address (a misconfigured proxy): the page still works
    key = request.session.session_key
    if key is None:
        return
    now = timezone.now()
    agent = request.META.get("HTTP_USER_AGENT", "")[
        : UserSession._meta.get_field("user_agent").max_length
    ]
    noted = _recently_noted.get(key)
    if noted is not None and now - noted[0] < SEEN_EVERY and noted[1:] == (client_ip, agent):
        return  # noted by this process a moment ago: no query on an ordinary page view
    row = UserSession.objects.filter(session_key=key, user_id=request.user.pk).first()
    if row is None:
        # A session from before tracking, or one made without the login form.
        UserSession.objects.create_from_request(request)
    else:
        ip = _ip_to_keep(client_ip, created_at=row.created_at, now=now)
        if now - row.last_seen_at < SEEN_EVERY and ip == row.ip and agent == row.user_agent:
            now = row.last_seen_at
        else:
            UserSession.objects.filter(pk=row.pk).update(last_seen_at=now, ip=ip, user_agent=agent)
    with _noted_lock:
        _recently_noted[key] = (now, client_ip, agent)
        _recently_noted.move_to_end(key)
        while len(_recently_noted) > _NOTED_LIMIT:
            _recently_noted.popitem(last=False)


def session_forget(*, session_key: str | None) -> None:
    """Drop the devices-page row of a session that is ending anyway."""
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


@transaction.atomic
def session_end(*, user: Any, session: UserSession) -> None:
    """Sign one of the person's other sessions out: its next request is anonymous.

    The browser it ran in is forgotten as well, so signing in there again
    raises a new-device alert.
    """
    if session.user_id != user.pk:
        raise ValueError("not this person's session")
    _forget_device_of(session)
    session.end()


@transaction.atomic
def sessions_end_others(*, request: HttpRequest, current_session_key: str | None = None) -> None:
    """Sign out every session of this person except the one making the request.

    That is the request's own (cookie) session, or ``current_session_key`` when
    the caller names it: an app signed in through allauth headless sends its
    session as a token, not a cookie. With neither (an app token), all end.
    """
    current = current_session_key or request.session.session_key
    others = list(UserSession.objects.filter(user_id=request.user.pk).exclude(session_key=current))
    for session in others:
        _forget_device_of(session)
    get_usersessions_adapter().end_sessions(others)


def _forget_device_of(session: UserSession) -> None:
    token_hash = (session.data or {}).get(DEVICE_DATA_KEY)
    if token_hash:
        KnownDevice.objects.filter(user_id=session.user_id, token_hash=token_hash).delete()


# --- Signing in ----------------------------------------------------------------------


def sign_in_completed(*, request: HttpRequest, response: HttpResponse | None, user: Any) -> None:
    """Everything a finished sign-in starts: the fresh-password mark, the
    session's clocks, and recognising the browser (alerting if it is new)."""
    shared = bool(request.session.pop(lifetime.SHARED_DEVICE_CHOICE, False))
    mark_sign_in_fresh(request)
    lifetime.start(request.session, shared=shared)
    token_hash = _recognise_device(request, response, user, shared=shared)
    UserSession.objects.filter(session_key=request.session.session_key, user_id=user.pk).update(
        data={DEVICE_DATA_KEY: token_hash}
    )


def mark_sign_in_fresh(request: HttpRequest) -> None:
    """Let a password (or passkey / second step) sign-in count as re-authentication.

    allauth only counts records made by its "confirm your password" page, so
    someone who typed their password a minute ago would be asked for it again
    before signing out another device. A completed sign-in proves at least as
    much, and ages out after the same 15 minutes.
    """
    records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY)
    if not isinstance(records, list) or not records:
        return
    latest = records[-1]
    if (
        isinstance(latest, dict)
        and latest.get("method") in FRESH_METHODS
        and time.time() - float(latest.get("at", 0)) < REAUTHENTICATION_TIMEOUT
    ):
        latest["reauthenticated"] = True
        request.session[AUTHENTICATION_METHODS_SESSION_KEY] = records


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _device_token(request: HttpRequest) -> str | None:
    token = request.get_signed_cookie(DEVICE_COOKIE, default=None, salt=DEVICE_COOKIE_SALT)
    return token if isinstance(token, str) and token else None


def _recognise_device(
    request: HttpRequest, response: HttpResponse | None, user: Any, *, shared: bool
) -> str:
    """Return the device's token hash; alert the owner if the browser is new to them.

    The very first sign-in of an account (just after signing up) is not an
    alert: there is nothing to compare with yet. A shared device is never
    remembered, so every sign-in there is reported.
    """
    now = timezone.now()
    signed_in_before = KnownDevice.objects.filter(user=user).exists()
    token = _device_token(request)
    if token and not shared:
        known = KnownDevice.objects.filter(user=user, token_hash=_hash(token), remembered=True)
        if known.update(last_seen_at=now):
            return _hash(token)
    if shared:
        token_hash = _hash(secrets.token_urlsafe(32))  # never handed out
        KnownDevice.objects.create(user=user, token_hash=token_hash, remembered=False)
    else:
        token = token or secrets.token_urlsafe(32)
        token_hash = _hash(token)
        KnownDevice.objects.get_or_create(user=user, token_hash=token_hash)
        if response is not None:
            response.set_signed_cookie(
                DEVICE_COOKIE,
                token,
                salt=DEVICE_COOKIE_SALT,
                max_age=DEVICE_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
    if signed_in_before:
        security_alert(user, "new_device")
    return token_hash
