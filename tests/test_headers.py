"""Observatory-style header checks over every page, and the deployment settings.

Covers SECURITY.md §1.3/§1.4, CFG-1 to CFG-6, SESS-1, DATA-5 and the scenarios
TS21, TS46, TS71, TS74, TS100 and TS101. The pages are every parameterless
GET route found in the URLconf, fetched over HTTPS signed out and signed in,
so a new page is checked without anyone adding it here.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.db import transaction
from django.test import Client

from conftest import PASSWORD, link
from tests.security_support import sign_in, url_routes

BASE_DIR = Path(settings.BASE_DIR)
ONE_YEAR = 60 * 60 * 24 * 365


@dataclass
class Page:
    label: str  # "signed out GET /privacy/"
    response: Any

    @property
    def content_type(self) -> str:
        return self.response.get("Content-Type", "")

    @property
    def is_html(self) -> bool:
        return self.content_type.startswith("text/html")

    @property
    def is_json(self) -> bool:
        return self.content_type.startswith("application/json")


def page_paths() -> list[str]:
    return sorted({route.path for route in url_routes() if not route.params})


def csp(response: Any) -> dict[str, list[str]]:
    """The Content-Security-Policy header as directive -> sources."""
    policy: dict[str, list[str]] = {}
    for part in response.get("Content-Security-Policy", "").split(";"):
        words = part.split()
        if words:
            policy[words[0]] = words[1:]
    return policy


def nonce_of(response: Any) -> str:
    (nonce,) = [s for s in csp(response).get("script-src", []) if s.startswith("'nonce-")]
    return nonce[len("'nonce-") : -1]


def _person(email: str, name: str) -> Any:
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(email, PASSWORD, display_name=name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture(scope="module")
def pages(django_db_setup: Any, django_db_blocker: Any) -> list[Page]:
    """Every parameterless route, signed out and signed in (Alex, linked with Sam).

    Crawled once for the module, inside a transaction that is rolled back, so
    the many checks below share one crawl and leave the database as they found it.
    """
    fetched = []
    with django_db_blocker.unblock(), transaction.atomic():
        alex = _person("alex@example.com", "Alex")
        link(alex, _person("sam@example.com", "Sam"))
        for path in page_paths():
            for label in ("signed out", "signed in"):
                client = Client()  # a fresh one per page: /exit/ signs out
                if label == "signed in":
                    client.force_login(alex)
                response = client.get(path, secure=True)
                fetched.append(Page(f"{label} GET {path} -> {response.status_code}", response))
        transaction.set_rollback(True)
    return fetched


def offenders(pages: list[Page], ok: Callable[[Page], bool]) -> list[str]:
    return [page.label for page in pages if not ok(page)]


# --- Content-Security-Policy (TS71, TS74) ----------------------------------------------


def test_the_crawl_reaches_pages_people_use(pages: list[Page]) -> None:
    # Guards the tests below against an empty or broken crawl.
    labels = {page.label for page in pages}
    assert "signed in GET / -> 200" in labels
    assert "signed out GET /accounts/login/ -> 200" in labels
    assert "signed in GET /couple/ -> 200" in labels
    assert "signed in GET /api/v1/me -> 200" in labels


def test_every_response_has_a_content_security_policy(pages: list[Page]) -> None:
    """TS71, TS101: a CSP header on every response, HTML and JSON."""
    assert not offenders(pages, lambda page: "Content-Security-Policy" in page.response)


def test_every_html_page_loads_only_from_this_site(pages: list[Page]) -> None:
    """TS71: default-src 'self' on every HTML page (no third-party requests)."""
    html = [page for page in pages if page.is_html]
    assert not offenders(html, lambda page: csp(page.response).get("default-src") == ["'self'"])


def test_every_html_page_allows_scripts_only_from_this_site_or_with_its_nonce(
    pages: list[Page],
) -> None:
    """TS71: script-src is 'self' plus this response's nonce, nothing else."""

    def ok(page: Page) -> bool:
        sources = csp(page.response).get("script-src", [])
        nonces = [s for s in sources if s.startswith("'nonce-")]
        others = [s for s in sources if not s.startswith("'nonce-")]
        return others == ["'self'"] and len(nonces) == 1

    assert not offenders([page for page in pages if page.is_html], ok)


def test_no_page_allows_unsafe_inline_or_eval_script(pages: list[Page]) -> None:
    """TS71, TS101: no unsafe-inline, unsafe-eval, data: or wildcard for scripts."""

    def ok(page: Page) -> bool:
        policy = csp(page.response)
        scripts = policy.get("script-src", policy.get("default-src", []))
        return not {"'unsafe-inline'", "'unsafe-eval'", "data:", "*"} & set(scripts)

    assert not offenders(pages, ok)


def test_no_page_can_be_framed_by_another_site(pages: list[Page]) -> None:
    """TS74: frame-ancestors 'none' and X-Frame-Options DENY on every response."""

    def ok(page: Page) -> bool:
        return (
            csp(page.response).get("frame-ancestors") == ["'none'"]
            and page.response.get("X-Frame-Options") == "DENY"
        )

    assert not offenders(pages, ok)


def test_html_pages_forbid_plugins_and_base_tag_tricks(pages: list[Page]) -> None:
    def ok(page: Page) -> bool:
        policy = csp(page.response)
        return policy.get("object-src") == ["'none'"] and policy.get("base-uri") == ["'none'"]

    assert not offenders([page for page in pages if page.is_html], ok)


def test_every_inline_script_carries_this_responses_nonce(pages: list[Page]) -> None:
    """TS71: an inline script runs only with this response's nonce."""
    # JSON data blocks (type="application/json") never run, so they need no nonce.
    script_tag = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)

    def ok(page: Page) -> bool:
        for attrs in script_tag.findall(page.response.content.decode("utf-8", "replace")):
            if "src=" in attrs or re.search(r'type="application/(ld\+)?json"', attrs):
                continue
            if f'nonce="{nonce_of(page.response)}"' not in attrs:
                return False
        return True

    assert not offenders([page for page in pages if page.is_html], ok)


def test_the_nonce_is_different_on_every_response(pages: list[Page]) -> None:
    """TS71: the nonce differs per response."""
    nonces = [nonce_of(page.response) for page in pages if page.is_html]
    assert len(nonces) > 10
    assert len(set(nonces)) == len(nonces)


def test_the_same_page_twice_gets_two_nonces(client: Client) -> None:
    """TS71."""
    first = client.get("/accounts/login/", secure=True)
    second = client.get("/accounts/login/", secure=True)
    assert nonce_of(first) != nonce_of(second)


def test_json_answers_get_the_locked_down_api_policy(pages: list[Page]) -> None:
    json_pages = [page for page in pages if page.is_json]
    assert any("/api/v1/me" in page.label for page in json_pages)
    assert not offenders(
        json_pages,
        lambda page: (
            csp(page.response) == {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}
        ),
    )


@pytest.mark.django_db  # a refusal counts toward the address limit (shared cache)
def test_an_api_error_gets_the_locked_down_api_policy(client: Client) -> None:
    response = client.get("/api/v1/me", secure=True)  # signed out
    assert response.status_code == 401
    assert response["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"


# --- The other security headers (TS101) ----------------------------------------------


def test_every_response_forbids_content_sniffing(pages: list[Page]) -> None:
    """TS101: X-Content-Type-Options: nosniff."""
    assert not offenders(
        pages, lambda page: page.response.get("X-Content-Type-Options") == "nosniff"
    )


def test_every_response_keeps_the_referrer_on_this_site(pages: list[Page]) -> None:
    """TS101: Referrer-Policy same-origin."""
    assert not offenders(pages, lambda page: page.response.get("Referrer-Policy") == "same-origin")


def test_every_response_isolates_its_browsing_context(pages: list[Page]) -> None:
    assert not offenders(
        pages, lambda page: page.response.get("Cross-Origin-Opener-Policy") == "same-origin"
    )


def test_every_https_response_pins_https_for_a_year_including_subdomains(
    pages: list[Page],
) -> None:
    """TS101: HSTS a year (the Observatory asks six months) with subdomains."""

    def ok(page: Page) -> bool:
        hsts = page.response.get("Strict-Transport-Security", "")
        match = re.search(r"max-age=(\d+)", hsts)
        return bool(match) and int(match.group(1)) >= ONE_YEAR and "includeSubDomains" in hsts

    assert not offenders(pages, ok)


def test_no_response_may_be_stored_by_a_browser_or_proxy(pages: list[Page]) -> None:
    """TS46: Cache-Control no-store on every response."""
    # TS46 / DATA-5: the back button on a shared computer shows nothing.
    assert not offenders(pages, lambda page: "no-store" in page.response.get("Cache-Control", ""))


def test_no_response_lets_other_sites_read_it(pages: list[Page]) -> None:
    """TS101: no CORS access at all, so never universal access to private data."""
    assert not offenders(
        pages, lambda page: page.response.get("Access-Control-Allow-Origin") is None
    )


# --- Leaving: Clear-Site-Data (TS46) -------------------------------------------------


def clears_everything(response: Any) -> bool:
    value = response.get("Clear-Site-Data", "")
    return all(f'"{kind}"' in value for kind in ("cache", "cookies", "storage"))


def test_signing_out_asks_the_browser_to_forget_the_site(alex: Any) -> None:
    """TS46: Clear-Site-Data on sign-out."""
    client = sign_in(alex)
    response = client.post("/accounts/logout/", secure=True)
    assert response.status_code == 302
    assert clears_everything(response)


def test_quick_exit_asks_the_browser_to_forget_the_site(client_for: Any, alex: Any) -> None:
    """TS46: Clear-Site-Data on quick exit."""
    response = client_for(alex).get("/exit/", secure=True)
    assert response.status_code == 302
    assert clears_everything(response)


def test_ordinary_pages_do_not_clear_the_site(pages: list[Page]) -> None:
    # Clear-Site-Data on an ordinary page would sign people out at random.
    ordinary = [page for page in pages if "GET /exit/" not in page.label]
    assert not offenders(ordinary, lambda page: "Clear-Site-Data" not in page.response)


# --- Cookies (TS21, SESS-1) ----------------------------------------------------------


def test_the_session_cookie_is_host_only_secure_httponly_and_lax(alex: Any) -> None:
    """TS21: __Host- name, Secure, HttpOnly, SameSite=Lax, no Domain."""
    response = Client().post(
        "/accounts/login/", {"login": alex.email, "password": PASSWORD}, secure=True
    )
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert settings.SESSION_COOKIE_NAME.startswith("__Host-")
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["domain"] == ""
    assert cookie["path"] == "/"


def test_the_csrf_cookie_is_host_only_secure_and_lax(client: Client) -> None:
    """TS21, TS101."""
    response = client.get("/accounts/login/", secure=True)
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert settings.CSRF_COOKIE_NAME.startswith("__Host-")
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["domain"] == ""
    assert cookie["path"] == "/"


def test_every_cookie_any_page_sets_is_secure(pages: list[Page]) -> None:
    """TS21, TS101: every cookie Secure."""

    def ok(page: Page) -> bool:
        return all(morsel["secure"] is True for morsel in page.response.cookies.values())

    assert not offenders(pages, ok)


# --- Settings the checks above cannot see -------------------------------------------


def test_passwords_are_hashed_with_argon2_first() -> None:
    assert settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_a_new_password_is_stored_as_argon2id(alex: Any) -> None:
    assert alex.password.startswith("argon2$argon2id$")


# --- Production configuration (CFG-1, CFG-6, TS100) ----------------------------------

# Variables the subprocess must not inherit from this test run.
_CONFIG_VARIABLES = (
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by conftest.py for the browser tests only
    "PYTEST_VERSION",
    "PYTEST_CURRENT_TEST",
    "MENDWELL_ENV",
    "MENDWELL_HTTPS",
    "MENDWELL_DATA_DIR",
    "DEBUG",
    "SECRET_KEY",
    "SECRET_KEY_FILE",
    "FIELD_ENCRYPTION_KEYS",
    "FIELD_ENCRYPTION_KEYS_FILE",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "CACHE_URL",
    "SECURE_SSL_REDIRECT",
)


def production_env(data_dir: Path, **overrides: str | None) -> dict[str, str]:
    """A good production configuration; an override of None removes the variable."""
    env = {k: v for k, v in os.environ.items() if k not in _CONFIG_VARIABLES}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "MENDWELL_ENV": "production",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
            "ALLOWED_HOSTS": "mendwell.example.org",
            "MENDWELL_DATA_DIR": str(data_dir),
        }
    )
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_deployment_checklist_passes_with_production_settings(tmp_path: Path) -> None:
    """TS100, CFG-1: check --deploy --fail-level WARNING is clean."""
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        pytest.param({"DEBUG": "true"}, "DEBUG", id="debug-on"),
        pytest.param({"SECRET_KEY": None}, "SECRET_KEY", id="secret-key-missing"),
        pytest.param(
            {"SECRET_KEY": "django-insecure-" + secrets.token_urlsafe(40)},
            "SECRET_KEY",
            id="secret-key-from-a-tutorial",
        ),
        pytest.param({"SECRET_KEY": "change-me"}, "SECRET_KEY", id="secret-key-placeholder"),
        pytest.param({"SECRET_KEY": "x" * 20}, "SECRET_KEY", id="secret-key-too-short"),
        pytest.param(
            {"FIELD_ENCRYPTION_KEYS": None}, "FIELD_ENCRYPTION_KEYS", id="field-keys-missing"
        ),
        pytest.param(
            {"FIELD_ENCRYPTION_KEYS": "not-a-fernet-key"},
            "FIELD_ENCRYPTION_KEYS",
            id="field-key-malformed",
        ),
        pytest.param({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS", id="allowed-hosts-missing"),
    ],
)
def test_production_refuses_to_start_with_an_unsafe_setting_and_names_it(
    tmp_path: Path, overrides: dict[str, str | None], named: str
) -> None:
    """TS100, CFG-6."""
    result = manage(production_env(tmp_path, **overrides), "check")
    assert result.returncode != 0
    assert "Mendwell refuses to start" in result.stderr
    assert named in result.stderr
    assert "Traceback" not in result.stderr


def test_the_refusal_never_prints_the_secret_itself(tmp_path: Path) -> None:
    key = "django-insecure-" + secrets.token_urlsafe(40)
    result = manage(production_env(tmp_path, SECRET_KEY=key), "check")
    assert result.returncode != 0
    assert key not in result.stderr + result.stdout


# --- The Observatory's scoring rules, over every route (TS101, CFG-5) ----------------

HALF_YEAR = 15768000  # the Observatory's threshold for a short HSTS max-age
PRIVATE_REFERRER = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}


def observatory_penalties(response: Any) -> list[str]:
    """Every condition the Mozilla HTTP Observatory subtracts points for (SECURITY.md §1.4).

    Stricter than the scanner where our policy is: a private Referrer-Policy is
    required (the scanner only rewards it), as are both X-Frame-Options and
    ``frame-ancestors``, and SameSite on every cookie.
    """
    penalties = []
    policy = csp(response)
    if "Content-Security-Policy" not in response:
        penalties.append("csp-not-implemented (-25)")
    scripts = set(policy.get("script-src", policy.get("default-src", [])))
    if scripts & {"'unsafe-inline'", "data:", "*", "http:", "https:"}:
        penalties.append("csp-implemented-with-unsafe-inline (-20)")
    if "'unsafe-eval'" in scripts:
        penalties.append("csp-implemented-with-unsafe-eval (-10)")
    for name, morsel in response.cookies.items():
        if morsel["secure"] is not True:
            penalties.append(f"cookie {name} without Secure (-40)")
        if str(morsel["samesite"]).capitalize() not in {"Lax", "Strict"}:
            penalties.append(f"cookie {name} without a valid SameSite (-20)")
        if name in {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME} and (
            morsel["httponly"] is not True
        ):
            penalties.append(f"cookie {name} without HttpOnly (-30)")
    hsts = response.get("Strict-Transport-Security", "")
    max_age = re.search(r"max-age=(\d+)", hsts)
    if not max_age:
        penalties.append("hsts-not-implemented (-20)")
    elif int(max_age.group(1)) < HALF_YEAR:
        penalties.append("hsts-header-less-than-six-months (-10)")
    if response.get("X-Content-Type-Options") != "nosniff":
        penalties.append("x-content-type-options-not-implemented (-5)")
    if response.get("X-Frame-Options") != "DENY" or policy.get("frame-ancestors") != ["'none'"]:
        penalties.append("x-frame-options-not-implemented (-20)")
    if response.get("Referrer-Policy") not in PRIVATE_REFERRER:
        penalties.append("referrer-policy-unsafe (-5)")
    if response.get("Access-Control-Allow-Origin") is not None:
        penalties.append("cross-origin-resource-sharing-implemented-with-universal-access (-50)")
    return penalties


def test_no_parameterless_route_earns_an_observatory_penalty(pages: list[Page]) -> None:
    """TS101: every parameterless route, HTML and JSON, signed in and out: no penalty."""
    found = {page.label: observatory_penalties(page.response) for page in pages}
    assert any(page.is_json for page in pages) and any(page.is_html for page in pages)
    assert not {label: bad for label, bad in found.items() if bad}


def _object_route_cases() -> list[tuple[str, str, str]]:
    from tests.test_route_matrix import OBJECT_ROUTES

    cases = []
    for name, route in sorted(OBJECT_ROUTES.items()):
        # Someone who may open it, and someone who is told it does not exist.
        for wanted in (200, 404):
            cell = next(
                (
                    (name, variant, actor)
                    for variant, expected in (route.get or {}).items()
                    for actor, status in expected.items()
                    if status == wanted
                ),
                None,
            )
            if cell is not None:
                cases.append(cell)
    return cases


@pytest.mark.parametrize(("route_name", "variant", "actor"), _object_route_cases())
def test_no_object_page_earns_an_observatory_penalty(
    make_user: Any, settings: Any, route_name: str, variant: str, actor: str
) -> None:
    """TS101: every route with an id, for its owner (200) and for someone refused (404)."""
    from django.core.cache import cache

    from tests.test_route_matrix import OBJECT_ROUTES, build_world, object_in, url_for

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()  # sign-in rate limits
    world = build_world(make_user, OBJECT_ROUTES[route_name].kind, signed_in=(actor,))
    url = url_for(route_name, object_in(world, variant).pk)
    response = world.client(actor).get(url, secure=True)
    assert response.status_code in {200, 404}
    assert not observatory_penalties(response), (url, actor)


def test_the_routes_with_a_token_earn_no_observatory_penalty(make_user: Any) -> None:
    """TS101: the token and catalogue routes, with a made-up value, signed in and out."""
    from django.urls import reverse

    from tests.test_route_matrix import NON_OBJECT_ROUTES

    robin = make_user("robin@example.com")
    for name, route in sorted(NON_OBJECT_ROUTES.items()):
        url = reverse(name, kwargs=route.example)
        signed_in = Client()
        signed_in.force_login(robin)
        for label, client in (("signed out", Client()), ("signed in", signed_in)):
            response = client.get(url, secure=True)
            assert not observatory_penalties(response), (label, url)


def test_plain_http_is_redirected_to_https_on_the_same_host(settings: Any, db: Any) -> None:
    """TS101: the Observatory's redirection rule (http → https, same host, first hop)."""
    settings.SECURE_SSL_REDIRECT = True
    response = Client().get("/accounts/login/", HTTP_HOST="testserver")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/accounts/login/"


def test_the_penalty_rules_do_catch_a_bad_response() -> None:
    """TS101: the rules above are not vacuous: a bare response earns every penalty."""
    from django.http import HttpResponse

    bare = HttpResponse("x")
    bare.set_cookie(settings.SESSION_COOKIE_NAME, "v")
    bare["Access-Control-Allow-Origin"] = "*"
    bare["Referrer-Policy"] = "unsafe-url"
    found = " ".join(observatory_penalties(bare))
    for rule in ("csp-not", "Secure", "SameSite", "HttpOnly", "hsts-not", "x-content", "x-frame"):
        assert rule in found
    assert "referrer" in found and "universal" in found
