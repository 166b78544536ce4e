"""Network addresses: shown to their owner only, shortened once a session is 30 days old."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from allauth.usersessions.models import UserSession
from django.utils import timezone

from mendwell.core.scheduler import registered_jobs
from mendwell.security.services import truncate_old_session_ips, truncated_ip
from mendwell.security.tests.support import browser, sign_in

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ip", "short"),
    [
        ("203.0.113.77", "203.0.113.0"),
        ("2001:db8:abcd:12:34::1", "2001:db8:abcd::"),
        ("10.1.2.3", "10.1.2.0"),
    ],
)
def test_an_address_is_shortened_to_its_network(ip: str, short: str) -> None:
    assert truncated_ip(ip) == short


def test_sessions_older_than_30_days_keep_only_the_network(alex: Any) -> None:
    with time_machine.travel(START, tick=False) as clock:
        sign_in(alex, browser(ip="203.0.113.77"))
        clock.shift(timedelta(days=20))
        sign_in(alex, browser(ip="2001:db8:abcd:12:34::1"))
        clock.shift(timedelta(days=11))
        assert truncate_old_session_ips() == 1
    assert sorted(UserSession.objects.values_list("ip", flat=True)) == [
        "2001:db8:abcd:12:34::1",
        "203.0.113.0",
    ]


def test_the_scheduler_runs_the_shortening(alex: Any) -> None:
    assert "security.truncate_old_session_ips" in {job.name for job in registered_jobs()}


def test_the_shortening_task_shortens(alex: Any) -> None:
    from mendwell.security.tasks import truncate_session_ips

    UserSession.objects.create(
        user=alex,
        session_key="x" * 32,
        ip="198.51.100.200",
        user_agent="",
        created_at=timezone.now() - timedelta(days=31),
    )
    assert truncate_session_ips.call() == 1
    assert UserSession.objects.get().ip == "198.51.100.0"


def test_an_old_session_in_use_does_not_get_its_full_address_back(alex: Any) -> None:
    with time_machine.travel(START, tick=False) as clock:
        device = sign_in(alex, browser(ip="203.0.113.77"))
        clock.shift(timedelta(days=25))
        device.get("/security/", secure=True)  # used: the session stays alive
        clock.shift(timedelta(days=6))
        page = device.get("/security/", secure=True).content.decode()
    assert "203.0.113.0" in page
    assert "203.0.113.77" not in page
    assert UserSession.objects.get().ip == "203.0.113.0"


def test_last_used_is_noted_without_a_write_on_every_request(alex: Any) -> None:
    with time_machine.travel(START, tick=False) as clock:
        device = sign_in(alex)
        clock.shift(timedelta(minutes=2))
        device.get("/security/", secure=True)
        assert UserSession.objects.get().last_seen_at == START
        clock.shift(timedelta(minutes=4))
        device.get("/security/", secure=True)
        assert UserSession.objects.get().last_seen_at == START + timedelta(minutes=6)


def test_no_admin_page_lists_sessions_or_their_addresses() -> None:
    """Addresses are for their owner's eyes: the operator's admin has no session list."""
    from django.contrib import admin

    from mendwell.staff.admin import operator_site

    for site in (admin.site, operator_site):
        assert UserSession not in site._registry
