"""Delivery faults: the mail server failing, a push service that never answers (issue #10).

The mail tests use Django's real SMTP backend against loopback: a port where
nothing listens (connection refused) or a server that hangs up at once. The
push test points one device at a loopback port that takes the connection and
never answers. For each:

* the failure is visible: the task row says FAILED (or the push failure is
  logged), and the log line carries an id (the task's, the device's, the
  request's), never an address, a password or anything anyone wrote;
* nothing is lost: the in-app notification is there, and the write behind it;
* at most once holds: a failed email is not sent again later (no duplicate
  when the mail server comes back), and the next one goes out normally;
* nothing crash-loops: the task ends, the worker moves on.

Tasks run in a real ``db_worker`` (batch mode), so these tests run outside the
test-case transaction, as in ``mendwell/reminders/tests``.
"""

from __future__ import annotations

import logging
import socket
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mendwell.notify.models import Notification
from mendwell.notify.services import channels_set
from mendwell.nudges.services import nudge_send
from mendwell.push.models import PushSubscription
from mendwell.push.tests.helpers import browser_keys, running_push_service
from mendwell.reminders import services as reminders
from mendwell.reminders.models import ReminderDelivery
from tests.security_support import fresh_rate_limits  # noqa: F401  (fixture)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("fresh_rate_limits"),
]

# 07:00 on Thursday 26 November 2026 in London (GMT, so UTC too); reminders at 08:00.
MORNING = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)
SMTP_PASSWORD = "smtp-secret-kestrel-55"  # must never reach a log line or a task row
MARKER = "otter-compass-9Z"  # words someone wrote


def run_worker() -> None:
    call_command("db_worker", batch=True, no_startup_delay=True, queue_name="*")


def email_tasks() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path="mendwell.notify.tasks.send_email"))


@pytest.fixture
def everything_logged(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO)
    return caplog


def logged_text(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(f"{record.getMessage()}\n{record.exc_text or ''}" for record in caplog.records)


# --- Mail servers that fail -----------------------------------------------------------


@pytest.fixture
def refusing_port() -> Iterator[int]:
    """A loopback port bound (so nobody else takes it) but not listening: refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.fixture
def hanging_up_port() -> Iterator[int]:
    """A loopback server that accepts each connection and closes it at once."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _address = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        server.close()


@pytest.fixture(params=["refusing", "hanging up"])
def mail_server_down(request: Any, settings: Any) -> str:
    """Django's real SMTP backend, pointed at a mail server that fails; returns
    the exception the backend raises."""
    port = request.getfixturevalue(
        "refusing_port" if request.param == "refusing" else "hanging_up_port"
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = "mendwell"
    settings.EMAIL_HOST_PASSWORD = SMTP_PASSWORD
    settings.EMAIL_TIMEOUT = 5
    if request.param == "refusing":
        return "builtins.ConnectionRefusedError"
    return "smtplib.SMTPServerDisconnected"


def mail_server_back(settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []


# --- A reminder by email, the mail server down ----------------------------------------


def test_a_reminder_email_that_fails_is_recorded_not_resent_and_the_reminder_waits_in_the_app(
    make_user: Any, settings: Any, mail_server_down: str, everything_logged: Any
) -> None:
    alex = make_user("alex@example.com", "Alex")
    with time_machine.travel(MORNING, tick=False):
        reminders.reminder_set(user=alex, kind="daily_plan", enabled=True, at=time(8, 0))
    channels_set(user=alex, email=True)
    just_after = MORNING + timedelta(hours=1, minutes=1)
    with time_machine.travel(just_after, tick=False):
        call_command("run_scheduler", once=True)
        run_worker()

    # Visible: the task row says what failed, and the log line names the task by id.
    (failed,) = email_tasks()
    assert failed.status == "FAILED"
    assert failed.exception_class_path == mail_server_down
    logged = logged_text(everything_logged)
    assert f"Task id={failed.id} path=mendwell.notify.tasks.send_email state=FAILED" in logged
    for secret in (alex.email, SMTP_PASSWORD):
        assert secret not in logged
        assert secret not in failed.traceback
    # Nothing lost: the reminder was delivered in the app.
    assert ReminderDelivery.objects.filter(user=alex).count() == 1
    assert Notification.objects.filter(recipient=alex, kind="reminder.daily").count() == 1

    # The mail server comes back. Later passes and workers the same day send nothing:
    # the failed email is not retried, so it can never arrive twice (or late).
    mail_server_back(settings)
    for later in (just_after + timedelta(minutes=1), just_after + timedelta(hours=3)):
        with time_machine.travel(later, tick=False):
            call_command("run_scheduler", once=True)
            run_worker()
    assert mail.outbox == []
    assert [task.status for task in email_tasks()] == ["FAILED"]
    assert ReminderDelivery.objects.filter(user=alex).count() == 1
    assert Notification.objects.filter(recipient=alex, kind="reminder.daily").count() == 1

    # The next day's reminder goes out, once.
    with time_machine.travel(just_after + timedelta(days=1), tick=False):
        call_command("run_scheduler", once=True)
        run_worker()
    assert [message.to for message in mail.outbox] == [[alex.email]]


# --- Signing up, the mail server down -----------------------------------------------------


SIGNUP = {
    "display_name": "Jordan",
    "email": "jordan@example.com",
    "password1": "a calm long passphrase 7",
    "time_zone": "Europe/London",
    "consent": "on",
}


def test_signing_up_while_mail_is_down_is_told_kindly_and_the_verification_mail_follows_later(
    settings: Any, refusing_port: int, everything_logged: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", refusing_port
    client = Client(raise_request_exception=False)
    response = client.post("/accounts/signup/", SIGNUP, follow=True)

    # Never an error page: the usual "check your email" page, with a plain word that
    # the mail did not go and what to do; the operator's log says which mail failed.
    assert response.status_code == 200
    page = response.content.decode()
    assert "We couldn&#x27;t send the email just now." in page
    assert "Sign in again in a few minutes" in page
    lines = [r for r in everything_logged.records if r.name == "mendwell.accounts.adapter"]
    assert [r.levelname for r in lines] == ["ERROR"]
    assert "email_confirmation_signup" in lines[0].getMessage()
    assert not [r for r in everything_logged.records if r.name == "django.request"]
    logged = logged_text(everything_logged)
    assert SIGNUP["password1"] not in logged and SIGNUP["email"] not in logged
    # Nothing lost: the account waits, unverified, with what the person chose.
    user = get_user_model().objects.get(email=SIGNUP["email"])
    assert user.display_name == "Jordan"
    assert not EmailAddress.objects.get(user=user).verified

    # Mail works again; signing in (past allauth's three minutes between
    # verification mails) sends the verification mail, once.
    mail_server_back(settings)
    with time_machine.travel(timezone.now() + timedelta(minutes=4)):
        response = Client().post(
            "/accounts/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
        )
    assert response.status_code == 302 and "confirm-email" in response["Location"]
    (message,) = mail.outbox
    assert message.to == [SIGNUP["email"]]
    assert "/accounts/confirm-email/" in message.body


# --- A push service that never answers -------------------------------------------------------


@pytest.fixture
def silent_push_port() -> Iterator[int]:
    """A loopback port that takes connections (the kernel's backlog) and never
    answers. If a send had no timeout it would wait here; closing the port after
    a while makes such a send fail with a reset instead, so the test fails
    rather than hangs."""
    server = socket.create_server(("127.0.0.1", 0), backlog=16)
    watchdog = threading.Timer(15, server.close)
    watchdog.start()
    try:
        yield server.getsockname()[1]
    finally:
        watchdog.cancel()
        server.close()


def test_a_push_service_that_never_answers_is_given_up_on_and_nothing_is_lost(
    checked: tuple[Any, Any], silent_push_port: int, monkeypatch: Any, everything_logged: Any
) -> None:
    alex, sam = checked
    # The real timeout is seconds; a short one keeps the test short, and proves the
    # send passes its timeout to the HTTP call at all.
    monkeypatch.setattr("mendwell.push.services.SEND_TIMEOUT_SECONDS", 0.5)
    channels_set(user=alex, email=False, push=True)
    keys = browser_keys()
    silent = PushSubscription.objects.create(
        user=alex,
        endpoint=f"http://127.0.0.1:{silent_push_port}/push/{uuid.uuid4().hex}",
        p256dh=keys.p256dh,
        auth=keys.auth,
    )
    with running_push_service() as working:
        phone = browser_keys()
        PushSubscription.objects.create(
            user=alex, endpoint=working.base_url + "/phone", p256dh=phone.p256dh, auth=phone.auth
        )
        nudge_send(user=sam, nudge_id=uuid.uuid4(), note=MARKER)
        run_worker()
        received = list(working.received)

    (task,) = DBTaskResult.objects.filter(task_path="mendwell.push.tasks.send_push")
    # Given up on, not crashed: the task ended and says one device got the message.
    assert task.status == "SUCCESSFUL"
    assert task.return_value == 1
    assert len(received) == 1  # the silent device did not hold up the other one
    # Logged by the device's id, with the kind of failure; nothing else.
    logged = logged_text(everything_logged)
    assert f"push to subscription {silent.pk} failed: ReadTimeout" in logged
    assert str(silent_push_port) not in logged and MARKER not in logged
    # Nothing lost: the device is kept for next time, the notice waits in the app.
    assert PushSubscription.objects.filter(pk=silent.pk).exists()
    assert Notification.objects.filter(recipient=alex, kind="nudge.received").count() == 1
    # No crash-loop: nothing was queued again, and another worker run finds nothing to do.
    run_worker()
    assert DBTaskResult.objects.filter(task_path="mendwell.push.tasks.send_push").count() == 1


def test_mail_down_tells_nothing_about_whether_an_address_has_an_account(
    settings: Any, refusing_port: int, alex: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", refusing_port
    pages = []
    for email in ("someone.new@example.com", alex.email):
        response = Client(raise_request_exception=False).post(
            "/accounts/signup/", {**SIGNUP, "email": email}, follow=True
        )
        assert response.status_code == 200
        pages.append(response.content.decode())
    warned = ["We couldn&#x27;t send the email just now." in page for page in pages]
    assert warned == [True, True]
    # A reset asked for while mail is down looks the same for a known and an unknown address.
    resets = [
        Client(raise_request_exception=False).post(
            "/accounts/password/reset/", {"email": email}, follow=True
        )
        for email in ("nobody@example.com", alex.email)
    ]
    assert [r.status_code for r in resets] == [200, 200]
    assert ["couldn&#x27;t send" in r.content.decode() for r in resets] == [False, False]
