"""Helpers shared by the cross-cutting security tests.

* :func:`url_routes` walks the URLconf, so the route matrix and the header
  checks cover every route that exists, including ones added later.
* :func:`normalise` reduces a response to what a person (or an attacker) can
  compare between two responses, minus the values that differ on every
  request anyway: CSRF tokens, CSP nonces, request ids, dates and cookie values.
* :func:`sign_in` logs in through the real allauth form, so the session looks
  exactly like a person's (rotated key, authentication record for re-auth).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

from conftest import PASSWORD

LOGIN_PATH = "/accounts/login/"


# --- The URLconf ------------------------------------------------------------------


@dataclass(frozen=True)
class UrlRoute:
    name: str  # "namespace:name", or the pattern itself for an unnamed route
    pattern: str  # the full pattern as written, for messages
    params: tuple[str, ...]  # path parameters (empty for a fixed path)

    @property
    def path(self) -> str:
        """The concrete path of a parameterless route."""
        assert not self.params, f"{self.name} takes parameters"
        return "/" + re.sub(r"\^|\$|\\Z", "", self.pattern)


def _params(pattern: Any) -> tuple[str, ...]:
    if isinstance(pattern, RoutePattern):
        return tuple(pattern.converters)
    if isinstance(pattern, RegexPattern):
        named = tuple(pattern.regex.groupindex)
        unnamed = pattern.regex.groups - len(named)
        return named + tuple(f"<group {i}>" for i in range(unnamed))
    return ()


def _walk(
    patterns: list[Any], prefix: str, namespace: str, params: tuple[str, ...]
) -> Iterator[UrlRoute]:
    for entry in patterns:
        here = params + _params(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner, here)
        elif isinstance(entry, URLPattern):
            full = prefix + str(entry.pattern)
            if entry.name:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
            else:
                name = full
            yield UrlRoute(name=name, pattern=full, params=here)


def url_routes() -> list[UrlRoute]:
    """Every route in the project's URLconf, includes followed recursively."""
    return list(_walk(get_resolver().url_patterns, "", "", ()))


# --- Comparing responses ------------------------------------------------------------

_HTTP_DATE = re.compile(r"\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT")
_CSRF_TOKEN = re.compile(r"\b[A-Za-z0-9]{64}\b")
_NONCE_ATTR = re.compile(r'nonce="[^"]*"')
_NONCE_SOURCE = re.compile(r"'nonce-[^']*'")
# Date and request id differ on every response. Content-Length follows the
# body, which is compared itself once the echoed input is replaced.
_VOLATILE_HEADERS = {"date", "x-request-id", "content-length"}


@dataclass(frozen=True)
class Normalised:
    status: int
    headers: tuple[tuple[str, str], ...]
    cookies: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    body: str


def _scrub(text: str, replacements: Mapping[str, str]) -> str:
    for old, new in replacements.items():
        text = text.replace(old, new)
    text = _CSRF_TOKEN.sub("<csrf>", text)
    text = _NONCE_ATTR.sub('nonce="<nonce>"', text)
    text = _NONCE_SOURCE.sub("'nonce-<nonce>'", text)
    return _HTTP_DATE.sub("<date>", text)


def normalise(response: Any, replacements: Mapping[str, str] | None = None) -> Normalised:
    """What two responses must share for neither to reveal anything the other hides.

    ``replacements`` maps request-specific text (the id in the URL, the email
    typed into a form) to a placeholder, so that only the *answer* is compared.
    """
    replacements = dict(replacements or {})
    request_id = response.get("X-Request-ID")
    if request_id:
        replacements[request_id] = "<request-id>"
    headers = tuple(
        sorted(
            (name.lower(), _scrub(value, replacements))
            for name, value in response.items()
            if name.lower() not in _VOLATILE_HEADERS
        )
    )
    cookies = tuple(
        sorted(
            (
                name,
                tuple(
                    sorted(
                        (key, _scrub(str(value), replacements))
                        for key, value in morsel.items()
                        if value
                    )
                ),
            )
            for name, morsel in response.cookies.items()
        )
    )
    body = b"" if getattr(response, "streaming", False) else response.content
    return Normalised(
        status=response.status_code,
        headers=headers,
        cookies=cookies,
        body=_scrub(body.decode("utf-8", "replace"), replacements),
    )


def differences(first: Normalised, second: Normalised) -> str:
    """A readable account of how two normalised responses differ, for assert messages."""
    lines = []
    if first.status != second.status:
        lines.append(f"status: {first.status} != {second.status}")
    for label, mine, theirs in (
        ("header", first.headers, second.headers),
        ("cookie", first.cookies, second.cookies),
    ):
        for item in sorted(set(mine) ^ set(theirs), key=str):
            side = "first" if item in mine else "second"
            lines.append(f"{label} only in {side}: {item}")
    lines.extend(
        difflib.unified_diff(
            first.body.splitlines(), second.body.splitlines(), "first", "second", lineterm=""
        )
    )
    return "\n".join(lines)


# --- People -----------------------------------------------------------------------


def sign_in(user: Any, password: str = PASSWORD, **extra: Any) -> Client:
    """A client signed in through the login form, as a person would be."""
    client = Client()
    response = client.post(
        LOGIN_PATH, {"login": user.email, "password": password}, secure=True, **extra
    )
    assert response.status_code == 302, f"could not sign in {user.email}"
    assert not response["Location"].startswith("/accounts/"), response["Location"]
    # Land on the page the login leads to, as a browser would, so the
    # "signed in" flash message is not left over for the next request.
    client.get(response["Location"], secure=True)
    return client


def reauthenticate(client: Client, password: str = PASSWORD) -> None:
    """Confirm the password again, as allauth asks before security-key changes."""
    response = client.post("/accounts/reauthenticate/", {"password": password}, secure=True)
    assert response.status_code == 302, "could not reauthenticate"
    client.get(response["Location"], secure=True)


def is_signed_in(client: Client) -> bool:
    """True when the client reaches a members-only page instead of the login page."""
    response = client.get("/couple/", secure=True)
    if response.status_code == 200:
        return True
    assert response.status_code == 302 and response["Location"].startswith(LOGIN_PATH)
    return False


@pytest.fixture
def fresh_rate_limits(db: Any) -> Iterator[None]:
    """allauth keeps rate-limit counters in the (database) cache: start and end empty."""
    cache.clear()
    yield
    cache.clear()
