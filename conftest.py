"""Shared test fixtures: the personas and a few helpers.

Personas (STYLE.md): ``alex`` and ``sam`` are a linked couple; ``robin`` is a
stranger who must never see their data; ``casey`` is Alex's former partner;
``staff`` is a superuser who must not see private content either.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# the browser tests make alongside it are safe here (tests only, never in the app).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct horse battery staple 42"

_skipped: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """With Redis as the cache (CI's scale-out pass), give each xdist worker its
    own Redis database: a test's ``cache.clear()`` then never empties another's."""
    from urllib.parse import urlsplit

    from django.conf import settings
    from django.test.signals import setting_changed

    cache = settings.CACHES["default"]
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if cache["BACKEND"].endswith("RedisCache") and worker.startswith("gw"):
        number = int(worker.removeprefix("gw")) + 1  # database 0 is left to child processes
        cache["LOCATION"] = urlsplit(cache["LOCATION"])._replace(path=f"/{number}").geturl()
        setting_changed.send(sender=None, setting="CACHES", value=settings.CACHES, enter=True)


@pytest.fixture(autouse=True)
def _empty_redis_cache() -> Any:
    """The database cache rolls back with each test's transaction; Redis does not,
    so there every test starts with an empty cache (rate-limit counters included)."""
    from django.conf import settings

    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        from django.core.cache import cache

        cache.clear()
    yield


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # CI must run every test: a skipped test is a failure, wherever it runs.
    if _skipped and exitstatus == 0:
        session.exitstatus = 1
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(f"FAILED: {len(_skipped)} test(s) were skipped; none may be.")


@pytest.fixture
def make_user(db: Any) -> Callable[..., Any]:
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    def make(
        email: str,
        name: str = "",
        *,
        verified: bool = True,
        password: str = PASSWORD,
        time_zone: str = "Europe/London",
        **extra: Any,
    ) -> Any:
        user = get_user_model().objects.create_user(
            email,
            password,
            display_name=name or email.split("@")[0].title(),
            time_zone=time_zone,
            **extra,
        )
        EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
        return user

    return make


def link(first: Any, second: Any) -> Any:
    """Link two people the way the app does: an invite from one, accepted by the other."""
    from mendwell.couples.services import invite_accept, invite_create

    new = invite_create(user=first)
    return invite_accept(user=second, code=new.code)


@pytest.fixture
def alex(make_user: Callable[..., Any]) -> Any:
    return make_user("alex@example.com", "Alex")


@pytest.fixture
def sam(make_user: Callable[..., Any], alex: Any) -> Any:
    sam = make_user("sam@example.com", "Sam")
    link(alex, sam)
    return sam


@pytest.fixture
def checked(alex: Any, sam: Any) -> tuple[Any, Any]:
    """Alex and Sam, linked, each having taken the private safety check (all clear):
    the state in which everything done together is open."""
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit

    for person in (alex, sam):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    return alex, sam


@pytest.fixture
def robin(make_user: Callable[..., Any]) -> Any:
    return make_user("robin@example.com", "Robin", time_zone="America/New_York")


@pytest.fixture
def staff(make_user: Callable[..., Any]) -> Any:
    return make_user("staff@example.com", "Staff", is_staff=True, is_superuser=True)


@pytest.fixture
def client_for(client: Any) -> Callable[[Any], Any]:
    """A fresh, signed-in test client per person (``None`` for anonymous)."""
    from django.test import Client

    def make(user: Any | None) -> Any:
        new_client = Client()
        if user is not None:
            new_client.force_login(user)
        return new_client

    return make


def sudo(client: Any, user: Any) -> Any:
    """Mark a test client's session as having just re-entered the password.

    Sensitive actions (export, delete, revoking sessions, unlinking, a report)
    need a password entered in the last 15 minutes ("sudo mode"); a
    ``force_login`` session has none. Tests of the re-authentication itself
    must go through the real form instead.
    """
    import time

    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )

    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time(), "reauthenticated": True}
    ]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()
    return client


class ApiClient:
    """A test client for /api/v1/ that sends an app token and JSON bodies.

    ``api.post("/check-ins", {...}, headers={"Idempotency-Key": "k"})``; the
    path is relative to /api/v1. Every method returns Django's test response.
    """

    def __init__(self, token: str | None) -> None:
        from django.test import Client

        self.token = token
        self.client = Client(HTTP_AUTHORIZATION=f"Bearer {token}") if token else Client()

    def _send(self, method: str, path: str, body: Any = None, headers: Any = None) -> Any:
        import json

        kwargs: dict[str, Any] = {"headers": headers or {}}
        if body is not None:
            kwargs["data"] = body if isinstance(body, (str, bytes)) else json.dumps(body)
            kwargs["content_type"] = "application/json"
        return getattr(self.client, method)(f"/api/v1{path}", **kwargs)

    def get(self, path: str, headers: Any = None) -> Any:
        return self._send("get", path, headers=headers)

    def post(self, path: str, body: Any = None, headers: Any = None) -> Any:
        return self._send("post", path, {} if body is None else body, headers)

    def put(self, path: str, body: Any = None, headers: Any = None) -> Any:
        return self._send("put", path, {} if body is None else body, headers)

    def patch(self, path: str, body: Any = None, headers: Any = None) -> Any:
        return self._send("patch", path, {} if body is None else body, headers)

    def delete(self, path: str, body: Any = None, headers: Any = None) -> Any:
        return self._send("delete", path, body, headers)


@pytest.fixture
def api_for(db: Any) -> Callable[[Any], ApiClient]:
    """An API client holding a fresh app token for ``user`` (``None``: no token)."""
    from mendwell.security.tokens import token_create

    def make(user: Any | None) -> ApiClient:
        if user is None:
            return ApiClient(None)
        _row, token = token_create(user=user, name="tests")
        return ApiClient(token)

    return make
