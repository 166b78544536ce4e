"""Signing in as a person would, from named browsers, for the security tests."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.test import Client

from conftest import PASSWORD

FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"
SAFARI_MAC = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Safari/605.1.15"
)


def browser(agent: str = FIREFOX_ANDROID, ip: str = "203.0.113.7") -> Client:
    return Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=ip)


def sign_in(
    user: Any, client: Client | None = None, *, shared: bool = False, password: str = PASSWORD
) -> Client:
    """Sign ``user`` in through the login form (a browser that is new unless ``client`` is given)."""
    client = client or browser()
    data = {"login": user.email, "password": password}
    if shared:
        data["shared_device"] = "on"
    response = client.post("/accounts/login/", data, secure=True)
    assert response.status_code == 302, response.content[:500]
    assert not response["Location"].startswith("/accounts/"), response["Location"]
    client.get(response["Location"], secure=True)  # land, so the welcome message is used up
    cache.clear()  # allauth's login rate limits live in the cache
    return client


def is_signed_in(client: Client) -> bool:
    response = client.get("/security/", secure=True)
    if response.status_code == 200:
        return True
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    return False
