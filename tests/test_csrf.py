"""TS73: another site cannot make a signed-in person share, unlink, export or delete.

Every route that only accepts POST answers GET with 405, and a POST without
this site's CSRF token gets 403 and changes nothing. The route list comes from
the URLconf, so a new state-changing route is covered the day it is added.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from tests.security_support import UrlRoute, url_routes

DUMMY = {"uuid": uuid.UUID(int=7), "int": 1, "str": "x", "slug": "x", "path": "x"}


def concrete(route: UrlRoute) -> str | None:
    """The route's path with harmless values for its parameters (None: not by name)."""
    if ":" not in route.name and route.name == route.pattern:
        return None  # unnamed
    kwargs = {}
    for param in route.params:
        if param.startswith("<group"):
            return None
        found = re.search(rf"<(\w+):{param}>", route.pattern)
        kwargs[param] = DUMMY.get(found.group(1) if found else "str", "x")
    try:
        return reverse(route.name, kwargs=kwargs)
    except NoReverseMatch:  # a name that reverses only with other values
        return None


# The acts TS73 names: each must exist, and be refused without the token.
MUST_BE_COVERED = {
    "couples:leave",
    "exports:home",
    "erasure:account",
    "security:sign_out_others",
    "journal:delete",
    "journal:ack_send",
}


def routes_with_paths() -> dict[str, str]:
    found = {}
    for route in url_routes():
        if route.pattern.startswith(("api/", "_allauth/")):
            # The API's CSRF and token rules are tested with the API; allauth's
            # headless app flow reads no cookie at all (X-Session-Token only).
            continue
        path = concrete(route)
        if path is not None:
            found[route.name] = path
    return found


@pytest.mark.django_db
def test_ts73_no_route_accepts_a_post_without_this_sites_token(alex: Any) -> None:
    paths = routes_with_paths()
    assert set(paths) >= MUST_BE_COVERED
    attacker = Client(enforce_csrf_checks=True)
    attacker.force_login(alex)
    accepted = {
        name: status
        for name, path in paths.items()
        if (status := attacker.post(path, {}).status_code) != 403
    }
    assert accepted == {}


@pytest.mark.django_db
def test_ts73_post_only_acts_answer_get_with_405(alex: Any) -> None:
    """A link or image on another site (a GET) can never share, unlink or delete."""
    client = Client()
    client.force_login(alex)
    for name in ("journal:ack_send", "security:sign_out", "security:sign_out_others"):
        path = routes_with_paths()[name]
        assert client.get(path).status_code == 405, name
