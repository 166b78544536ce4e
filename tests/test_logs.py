"""What the logs hold: never a password or a word anyone wrote; refusals by id only.

TS80: a full scenario with marker strings, every log record captured.
TS81: refusals (the gate's 404, a CSRF 403) and failed sign-ins are logged
with actor id, route and status, and nothing more.
TS82: a 500 is a plain page with a reference, the same as the log line's.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path

from config.urls import handler500 as app_handler500
from config.urls import urlpatterns as app_urlpatterns
from conftest import PASSWORD, link
from mendwell.journal.models import LogEntry
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from tests.security_support import fresh_rate_limits  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")

MARKER = "quokka-harbour-3XJ"
SIGNUP_PASSWORD = "quokka password for signup 91"
NEW_PASSWORD = "quokka password after change 92"
WRONG_PASSWORD = "quokka wrong guess at login 93"


def _boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError(f"exploded while handling {MARKER}")


# This module is also a URLconf (for the 500 test): the app's routes plus one that fails.
urlpatterns = [*app_urlpatterns, path("test-only/boom/", _boom, name="boom")]
handler500 = app_handler500


def everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    """Every captured record as the handlers would see it, with its arguments and traceback."""
    parts = [caplog.text]
    for record in caplog.records:
        parts += [record.getMessage(), repr(record.args), record.exc_text or "", record.name]
        parts += [repr(value) for key, value in vars(record).items() if key not in {"args", "msg"}]
    return "\n".join(parts)


def _capture_everything(caplog: pytest.LogCaptureFixture) -> None:
    # Every logger at DEBUG, except what the settings deliberately keep quieter
    # (django.db.backends at WARNING): the test checks the logging the app
    # is configured with, not a debug mode it never runs in.
    caplog.set_level(logging.DEBUG)
    for name in ("mendwell", "django", "django.request", "django.security", "allauth"):
        caplog.set_level(logging.DEBUG, logger=name)


def _sign_up(client: Client) -> Any:
    response = client.post(
        "/accounts/signup/",
        {
            "display_name": f"{MARKER} name",
            "email": "newcomer@example.com",
            "password1": SIGNUP_PASSWORD,
            "time_zone": "Europe/London",
            "consent": "on",
        },
        secure=True,
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    (message,) = mail.outbox
    confirm = re.search(r"/accounts/confirm-email/[^/\s]+/", message.body)
    assert confirm is not None
    assert client.post(confirm.group(0), secure=True).status_code == 302
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(email="newcomer@example.com")


def test_a_full_scenario_leaves_no_password_or_written_word_in_any_log(
    caplog: pytest.LogCaptureFixture, make_user: Any, client_for: Any
) -> None:
    """TS80: sign up, write (private and shared), the partner reads, a wrong password,
    a password change; then no marker and no password in any captured record."""
    _capture_everything(caplog)
    newcomer_client = Client()
    newcomer = _sign_up(newcomer_client)
    sam = make_user("sam@example.com", "Sam")
    link(newcomer, sam)
    for person in (newcomer, sam):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))

    # A private log entry, a private check-in note, and a victory on the shared wall.
    writes = [
        ("/log/new/", {"what_happened": f"{MARKER} log", "version": "1"}),
        ("/check-in/", {"mood": "3", "closeness": "4", "note": f"{MARKER} check-in"}),
        ("/story/", {"text": f"{MARKER} victory", "happened_on": str(date(2026, 1, 5))}),
        ("/thinking-of-you/", {"note": f"{MARKER} nudge"}),
    ]
    for url, data in writes:
        response = newcomer_client.post(url, data, secure=True)
        assert response.status_code == 302, (url, response.content.decode()[:3000])
    assert LogEntry.objects.get(author=newcomer).what_happened == f"{MARKER} log"
    partner_view = client_for(sam).get("/story/", secure=True).content.decode()
    assert f"{MARKER} victory" in partner_view  # Sam really read the shared words

    # A wrong password, then a password change.
    wrong = Client().post(
        "/accounts/login/",
        {"login": "newcomer@example.com", "password": WRONG_PASSWORD},
        secure=True,
    )
    assert wrong.status_code == 200
    changed = newcomer_client.post(
        "/accounts/password/change/",
        {"oldpassword": SIGNUP_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        secure=True,
    )
    assert changed.status_code == 302, changed.content.decode()[:3000]
    newcomer.refresh_from_db()
    assert newcomer.check_password(NEW_PASSWORD)

    logged = everything_logged(caplog)
    assert "authentication failed" in logged  # the capture really saw the app's logs
    for secret in (MARKER, SIGNUP_PASSWORD, NEW_PASSWORD, WRONG_PASSWORD, PASSWORD):
        assert secret not in logged, secret


# --- TS81: refusals and failed sign-ins ------------------------------------------


def access_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "mendwell.access"]


def test_the_gates_not_found_is_logged_with_actor_route_and_status_only(
    caplog: pytest.LogCaptureFixture, client_for: Any, alex: Any, sam: Any
) -> None:
    """TS81: Sam asks for Alex's private entry: one line, Sam's id, the route, 404."""
    entry = LogEntry.objects.create(author=alex, what_happened=MARKER)
    other = LogEntry.objects.create(author=alex, what_happened="another")
    caplog.set_level(logging.INFO, logger="mendwell.access")
    response = client_for(sam).get(f"/log/{entry.pk}/edit/")
    assert response.status_code == 404
    assert access_lines(caplog) == [
        f"access refused: actor={sam.pk} route=journal:edit method=GET status=404"
    ]
    logged = everything_logged(caplog)
    assert MARKER not in logged
    assert str(other.pk) not in logged
    assert alex.email not in logged and str(alex.pk) not in access_lines(caplog)[0]


def test_a_csrf_refusal_is_logged_with_actor_route_and_status(
    caplog: pytest.LogCaptureFixture, alex: Any
) -> None:
    """TS81 (and TS73): a cross-site POST without a token is a 403, and logged."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(alex)
    caplog.set_level(logging.INFO, logger="mendwell.access")
    response = client.post("/safety/pause/", {}, secure=True)
    assert response.status_code == 403
    assert access_lines(caplog) == [
        f"access refused: actor={alex.pk} route=safety:pause method=POST status=403"
    ]


def test_a_wrong_password_is_logged_without_the_password_or_the_address(
    caplog: pytest.LogCaptureFixture, alex: Any
) -> None:
    """TS81: authentication failures are logged, by route and status only."""
    caplog.set_level(logging.INFO, logger="mendwell.access")
    Client().post(
        "/accounts/login/", {"login": alex.email, "password": WRONG_PASSWORD}, secure=True
    )
    assert access_lines(caplog) == [
        "authentication failed: actor=anonymous route=account_login method=POST status=200"
    ]
    logged = everything_logged(caplog)
    assert WRONG_PASSWORD not in logged
    assert alex.email not in "\n".join(access_lines(caplog))


def test_an_ordinary_page_is_not_logged(
    caplog: pytest.LogCaptureFixture, client_for: Any, alex: Any
) -> None:
    caplog.set_level(logging.INFO, logger="mendwell.access")
    assert client_for(alex).get("/safety/").status_code == 200
    assert access_lines(caplog) == []


class _ConfiguredLines(logging.Handler):
    """A handler with the settings' request-id filter and format, as in production."""

    def __init__(self) -> None:
        from django.conf import settings

        from mendwell.core.logging import RequestIdFilter

        super().__init__()
        self.addFilter(RequestIdFilter())
        self.setFormatter(logging.Formatter(settings.LOGGING["formatters"]["plain"]["format"]))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def configured_lines() -> Any:
    handler = _ConfiguredLines()
    loggers = [logging.getLogger(name) for name in ("mendwell.access", "django.request")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler
    for logger in loggers:
        logger.removeHandler(handler)


def test_a_refusal_log_line_carries_the_request_id(
    configured_lines: Any, client_for: Any, alex: Any, sam: Any
) -> None:
    """TS81: the line names the same request id the response carries."""
    entry = LogEntry.objects.create(author=alex, what_happened=MARKER)
    response = client_for(sam).get(f"/log/{entry.pk}/edit/")
    (line,) = [line for line in configured_lines.lines if "mendwell.access" in line]
    assert f"[{response['X-Request-ID']}]" in line


# --- TS82: a server error -----------------------------------------------------------


@pytest.mark.urls("tests.test_logs")
def test_a_server_error_is_a_plain_page_with_the_reference_of_its_log_line(
    configured_lines: Any, client_for: Any, alex: Any, settings: Any
) -> None:
    """TS82: DEBUG off, a failing view: the generic page, the request id to quote, no traceback."""
    settings.DEBUG = False
    client = client_for(alex)
    client.raise_request_exception = False
    response = client.get("/test-only/boom/", secure=True)
    page = response.content.decode()
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    assert request_id in page
    assert "Something went wrong on our side" in page
    for leak in ("Traceback", "RuntimeError", "exploded", MARKER, "_boom"):
        assert leak not in page
    (line, *_more) = [line for line in configured_lines.lines if "django.request" in line]
    # The operator finds the traceback in the log by the reference the person quotes.
    assert f"[{request_id}]" in line
