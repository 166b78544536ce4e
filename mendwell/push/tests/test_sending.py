"""Sending a push message, against a real HTTP server standing in for a push service.

Sending does not check the host (subscribing does), so a subscription row
pointing at 127.0.0.1 reaches this local server.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import http_ece
import pytest

from mendwell.push.models import PushSubscription
from mendwell.push.services import send_to_user
from mendwell.push.tasks import send_push
from mendwell.push.tests.helpers import (
    BrowserKeys,
    FakePushService,
    Received,
    browser_keys,
    running_push_service,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def push_service() -> Iterator[FakePushService]:
    with running_push_service() as service:
        yield service


def device(user: Any, service: FakePushService, path: str) -> tuple[PushSubscription, BrowserKeys]:
    keys = browser_keys()
    subscription = PushSubscription.objects.create(
        user=user, endpoint=service.base_url + path, p256dh=keys.p256dh, auth=keys.auth
    )
    return subscription, keys


def decrypt(received: Received, keys: BrowserKeys) -> dict[str, Any]:
    plain = http_ece.decrypt(
        received.body, private_key=keys.private_key, auth_secret=keys.auth_raw, version="aes128gcm"
    )
    return json.loads(plain)


def test_the_message_is_encrypted_signed_and_readable_only_by_the_device(
    alex: Any, push_service: FakePushService
) -> None:
    _subscription, keys = device(alex, push_service, "/ok")
    assert send_to_user(alex, "reminder.daily", "/today/") == 1
    [received] = push_service.received
    assert received.headers["content-encoding"] == "aes128gcm"
    assert received.headers["authorization"].startswith("vapid t=")
    assert "k=" in received.headers["authorization"]
    assert int(received.headers["ttl"]) > 0
    # The push service (and anyone on the way) sees only ciphertext.
    assert b"A moment for today" not in received.body
    assert b"/today/" not in received.body
    message = decrypt(received, keys)
    assert message["title"] == "A moment for today"
    assert message["body"] == "Your plan for today is ready."
    assert message["url"] == "/today/"


@pytest.mark.parametrize(("status", "kept"), [(201, True), (410, False), (404, False), (500, True)])
def test_a_device_the_push_service_says_is_gone_is_forgotten(
    alex: Any, push_service: FakePushService, status: int, kept: bool
) -> None:
    push_service.statuses["/device"] = status
    subscription, _keys = device(alex, push_service, "/device")
    sent = send_to_user(alex, "reminder.daily", "/")
    assert sent == (1 if status == 201 else 0)
    assert PushSubscription.objects.filter(pk=subscription.pk).exists() is kept


def test_one_failing_device_does_not_stop_the_others(
    alex: Any, push_service: FakePushService
) -> None:
    push_service.statuses["/broken"] = 500
    device(alex, push_service, "/broken")
    device(alex, push_service, "/fine")
    assert send_to_user(alex, "reminder.daily", "/") == 1
    assert sorted(item.path for item in push_service.received) == ["/broken", "/fine"]


def test_an_unreachable_push_service_is_logged_without_the_address_and_kept(
    alex: Any, caplog: pytest.LogCaptureFixture
) -> None:
    keys = browser_keys()
    # Port 9 (discard) on loopback: nothing listens, the connection is refused.
    PushSubscription.objects.create(
        user=alex, endpoint="http://127.0.0.1:9/secret-token", p256dh=keys.p256dh, auth=keys.auth
    )
    with caplog.at_level(logging.INFO, logger="mendwell.push"):
        assert send_to_user(alex, "reminder.daily", "/") == 0
    assert PushSubscription.objects.count() == 1
    assert caplog.records
    assert "secret-token" not in caplog.text
    assert "moment" not in caplog.text


def test_discreet_mode_shows_the_ordinary_app_name(
    alex: Any, push_service: FakePushService
) -> None:
    alex.discreet_mode = True
    alex.save(update_fields=["discreet_mode"])
    _subscription, keys = device(alex, push_service, "/ok")
    send_to_user(alex, "nudge.received", "/nudges/")
    message = decrypt(push_service.received[0], keys)
    assert message["title"] == "Notes"
    assert "Mendwell" not in json.dumps(message)
    assert message["icon"].endswith("icon-discreet.svg")


def test_a_link_elsewhere_becomes_the_home_page(alex: Any, push_service: FakePushService) -> None:
    _subscription, keys = device(alex, push_service, "/ok")
    send_to_user(alex, "reminder.daily", "https://evil.example/")
    send_to_user(alex, "reminder.daily", "//evil.example/")
    assert [decrypt(item, keys)["url"] for item in push_service.received] == ["/", "/"]


def test_only_the_persons_own_devices_get_it(
    alex: Any, robin: Any, push_service: FakePushService
) -> None:
    device(robin, push_service, "/robin")
    device(alex, push_service, "/alex")
    send_to_user(alex, "reminder.daily", "/")
    assert [item.path for item in push_service.received] == ["/alex"]


def test_without_keys_nothing_is_sent_and_nothing_raises(
    alex: Any, push_service: FakePushService, settings: Any
) -> None:
    settings.VAPID_PRIVATE_KEY = ""
    device(alex, push_service, "/ok")
    assert send_to_user(alex, "reminder.daily", "/") == 0
    assert push_service.received == []


def test_an_unknown_kind_sends_nothing(alex: Any, push_service: FakePushService) -> None:
    device(alex, push_service, "/ok")
    assert send_to_user(alex, "made.up", "/") == 0
    assert push_service.received == []


def test_the_task_sends_to_an_active_account_only(
    alex: Any, robin: Any, push_service: FakePushService
) -> None:
    device(alex, push_service, "/alex")
    device(robin, push_service, "/robin")
    robin.is_active = False
    robin.save(update_fields=["is_active"])
    assert send_push.call(alex.pk, "reminder.daily", "/") == 1
    assert send_push.call(robin.pk, "reminder.daily", "/") == 0
    assert send_push.call(999_999, "reminder.daily", "/") == 0
    assert [item.path for item in push_service.received] == ["/alex"]


def test_an_unreadable_private_key_turns_push_off_without_raising(
    alex: Any, push_service: FakePushService, settings: Any
) -> None:
    settings.VAPID_PRIVATE_KEY = "not-a-key"
    device(alex, push_service, "/ok")
    assert send_to_user(alex, "reminder.daily", "/") == 0
    assert push_service.received == []
