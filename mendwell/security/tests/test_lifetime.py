"""How long a sign-in lasts: 30 days idle, or on a shared device 30 minutes idle
and 12 hours at most (TS22, SECURITY.md SESS-3)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings

from mendwell.security.tests.support import browser, is_signed_in, sign_in

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def test_the_login_form_offers_the_shared_device_choice(client: Any) -> None:
    page = client.get("/accounts/login/", secure=True).content.decode()
    assert 'name="shared_device"' in page
    assert "This is a shared device" in page


def test_ts22_a_shared_device_is_signed_out_after_30_idle_minutes(alex: Any) -> None:
    """TS22: shared device, clock past the 30-minute idle limit → next request anonymous."""
    with time_machine.travel(START, tick=False) as clock:
        device = sign_in(alex, shared=True)
        clock.shift(timedelta(minutes=29))
        assert is_signed_in(device)
        clock.shift(timedelta(minutes=31))
        assert not is_signed_in(device)


def test_ts22_a_shared_device_is_signed_out_12_hours_after_sign_in_even_if_used(
    alex: Any,
) -> None:
    """TS22: absolute lifetime: used every 20 minutes, still anonymous after 12 hours."""
    with time_machine.travel(START, tick=False) as clock:
        device = sign_in(alex, shared=True)
        for _ in range(35):  # 11 h 40 min of steady use
            clock.shift(timedelta(minutes=20))
            assert is_signed_in(device)
        clock.shift(timedelta(minutes=21))
        assert not is_signed_in(device)


def test_ts22_an_own_device_stays_signed_in_for_weeks_of_use(alex: Any) -> None:
    with time_machine.travel(START, tick=False) as clock:
        device = sign_in(alex)
        for _ in range(3):
            clock.shift(timedelta(days=20))
            assert is_signed_in(device)


def test_ts22_an_own_device_is_signed_out_after_30_idle_days(alex: Any) -> None:
    """TS22: not shared: the clock past 30 days without use → next request anonymous."""
    with time_machine.travel(START, tick=False) as clock:
        device = sign_in(alex)
        clock.shift(timedelta(days=30, minutes=1))
        assert not is_signed_in(device)


def test_a_shared_device_session_cookie_lasts_30_minutes(alex: Any) -> None:
    device = browser()
    device.post(
        "/accounts/login/",
        {"login": alex.email, "password": "correct horse battery staple 42", "shared_device": "on"},
        secure=True,
    )
    assert device.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 30 * 60


def test_an_own_device_session_cookie_lasts_30_days(alex: Any) -> None:
    device = browser()
    device.post(
        "/accounts/login/",
        {"login": alex.email, "password": "correct horse battery staple 42"},
        secure=True,
    )
    assert device.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE


def test_a_timed_out_session_is_gone_from_the_devices_list(alex: Any) -> None:
    with time_machine.travel(START, tick=False) as clock:
        shared = sign_in(alex, shared=True)
        clock.shift(timedelta(minutes=5))
        own = sign_in(alex, browser(ip="192.0.2.1"))
        clock.shift(timedelta(minutes=40))
        assert not is_signed_in(shared)
        page = own.get("/security/", secure=True).content.decode()
    assert page.count("Firefox on Android") == 1
