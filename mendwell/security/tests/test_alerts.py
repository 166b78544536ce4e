"""Security alerts: to the account owner only, content-free, in the app and by email
(TS53's alert half, SECURITY.md AUTH-9)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from conftest import PASSWORD
from mendwell.core.notification_texts import MESSAGES
from mendwell.notify.models import Notification
from mendwell.notify.services import channels_set
from mendwell.security.alerts import security_alert
from mendwell.security.tests.support import SAFARI_MAC, browser, sign_in

pytestmark = pytest.mark.django_db

KINDS = [
    "new_device",
    "password_changed",
    "email_changed",
    "mfa_changed",
    "export_created",
    "counsellor_granted",
    "couple_left",
]


def alerts_for(user: Any) -> list[str]:
    return list(
        Notification.objects.filter(recipient=user, kind__startswith="security.")
        .order_by("created_at")
        .values_list("kind", flat=True)
    )


def emails_queued() -> list[list[Any]]:
    return [
        row.args_kwargs["args"]
        for row in DBTaskResult.objects.all()
        if row.task_path.endswith(".send_email")
    ]


def test_ts53_an_export_alerts_its_owner_in_the_app_and_by_email_and_the_partner_gets_nothing(
    alex: Any, sam: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """TS53: A gets a security alert for an export; B is not notified in any way."""
    with django_capture_on_commit_callbacks(execute=True):
        security_alert(alex, "export_created")

    assert alerts_for(alex) == ["security.export_created"]
    assert emails_queued() == [[alex.pk, "security.alert"]]
    assert not Notification.objects.filter(recipient=sam).exists()


def test_security_email_goes_even_to_someone_who_turned_email_off_and_is_in_quiet_hours(
    alex: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """Someone inside the account could switch email off first; the owner must still hear."""
    channels_set(
        user=alex,
        email=False,
        push=True,
        quiet_hours=True,
        quiet_from=timezone.localtime().time().replace(hour=0, minute=0),
        quiet_until=timezone.localtime().time().replace(hour=23, minute=59),
    )
    with django_capture_on_commit_callbacks(execute=True):
        security_alert(alex, "couple_left")
    assert emails_queued() == [[alex.pk, "security.alert"]]
    assert not [r for r in DBTaskResult.objects.all() if r.task_path.endswith("send_push")]


def test_the_security_email_says_only_that_something_changed(
    alex: Any, mailoutbox: list[Any]
) -> None:
    from mendwell.notify.tasks import send_email

    send_email.call(alex.pk, "security.alert")
    (message,) = mailoutbox
    assert message.to == [alex.email]
    assert message.subject == "Account activity"
    assert message.body.strip() == "There was a change to your account. Sign in to see it."


@pytest.mark.parametrize("kind", KINDS)
def test_every_alert_kind_has_a_neutral_text_that_names_nobody(kind: str, alex: Any) -> None:
    security_alert(alex, kind)  # type: ignore[arg-type]
    (row,) = Notification.objects.filter(recipient=alex)
    text = f"{MESSAGES[row.kind].title} {MESSAGES[row.kind].body}"
    assert "Alex" not in text and alex.email not in text
    assert row.url_name == "security:devices"


@pytest.mark.parametrize("kind", ["password_changed", "email_changed", "mfa_changed"])
def test_changes_allauth_already_emails_about_get_no_second_email(
    kind: str, alex: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        security_alert(alex, kind)  # type: ignore[arg-type]
    assert alerts_for(alex) == [f"security.{kind}"]
    assert emails_queued() == []


def test_one_change_firing_twice_within_a_minute_is_one_alert(alex: Any) -> None:
    security_alert(alex, "mfa_changed")
    security_alert(alex, "mfa_changed")
    assert alerts_for(alex) == ["security.mfa_changed"]


# --- New-device sign-in ----------------------------------------------------------------


def test_the_first_sign_in_after_signup_is_not_an_alert(alex: Any) -> None:
    sign_in(alex)
    assert alerts_for(alex) == []


def test_a_sign_in_from_a_new_browser_alerts_the_owner_only(
    alex: Any, sam: Any, django_capture_on_commit_callbacks: Any
) -> None:
    sign_in(alex)
    with django_capture_on_commit_callbacks(execute=True):
        sign_in(alex, browser(SAFARI_MAC))
    assert alerts_for(alex) == ["security.new_device"]
    assert emails_queued() == [[alex.pk, "security.alert"]]
    assert alerts_for(sam) == []


def test_signing_in_again_in_a_known_browser_is_quiet(alex: Any) -> None:
    device = sign_in(alex)
    device.post("/accounts/logout/", secure=True)
    sign_in(alex, device)
    assert alerts_for(alex) == []


def test_a_shared_device_is_never_remembered(alex: Any) -> None:
    sign_in(alex)
    shared = sign_in(alex, browser(SAFARI_MAC), shared=True)
    Notification.objects.all().delete()
    shared.post("/accounts/logout/", secure=True)

    sign_in(alex, shared)  # the same browser, this time not ticked

    assert alerts_for(alex) == ["security.new_device"]


def test_a_browser_that_was_signed_out_from_the_devices_page_is_new_again(alex: Any) -> None:
    from allauth.usersessions.models import UserSession

    device_1 = sign_in(alex)
    device_2 = sign_in(alex, browser(SAFARI_MAC))
    Notification.objects.all().delete()
    other = (
        UserSession.objects.filter(user=alex)
        .exclude(session_key=device_1.session.session_key)
        .get()
    )
    device_1.post("/security/sign-out/", {"session": other.pk}, secure=True)

    sign_in(alex, device_2)

    assert alerts_for(alex) == ["security.new_device"]


def test_a_forged_device_cookie_is_not_recognised(alex: Any) -> None:
    from mendwell.security.services import DEVICE_COOKIE

    sign_in(alex)
    stranger = browser(SAFARI_MAC)
    stranger.cookies[DEVICE_COOKIE] = "made-up-token"
    sign_in(alex, stranger)
    assert alerts_for(alex) == ["security.new_device"]


def test_the_device_cookie_is_long_lived_http_only_and_secure(alex: Any) -> None:
    from mendwell.security.services import DEVICE_COOKIE

    cookie = sign_in(alex).cookies[DEVICE_COOKIE]
    assert cookie["httponly"] and cookie["secure"]
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 365 * 24 * 60 * 60


# --- Each change alerts --------------------------------------------------------------------


def test_a_password_change_alerts_in_the_app_beside_allauths_one_email(
    alex: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    device = sign_in(alex)
    with django_capture_on_commit_callbacks(execute=True):
        device.post(
            "/accounts/password/change/",
            {
                "oldpassword": PASSWORD,
                "password1": "a new long pass 9876",
                "password2": "a new long pass 9876",
            },
            secure=True,
        )
    assert alerts_for(alex) == ["security.password_changed"]
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [alex.email]
    assert emails_queued() == []


def test_adding_an_email_address_alerts_and_emails_the_current_address(
    alex: Any, django_capture_on_commit_callbacks: Any
) -> None:
    device = sign_in(alex)
    with django_capture_on_commit_callbacks(execute=True):
        device.post(
            "/accounts/email/", {"action_add": "", "email": "alex.new@example.com"}, secure=True
        )
    assert alerts_for(alex) == ["security.email_changed"]
    assert emails_queued() == [[alex.pk, "security.alert"]]


def test_leaving_the_couple_alerts_the_one_who_left_and_not_the_partner(
    alex: Any, sam: Any
) -> None:
    from mendwell.couples.services import couple_leave

    couple_leave(user=sam)

    assert alerts_for(sam) == ["security.couple_left"]
    assert alerts_for(alex) == []


def test_granting_a_counsellor_access_alerts_the_client_and_not_the_partner(
    alex: Any, sam: Any, make_user: Any
) -> None:
    from mendwell.counsel import services
    from mendwell.counsel.tests.factories import counsellor_for, shared_checkins

    link = counsellor_for(alex, make_user("dana@example.com", "Dana"))
    items = shared_checkins(alex)
    services.grant_create(
        client=alex,
        link=link,
        categories=[],
        item_ids=[item.pk for item in items],
        until=timezone.localdate() + timedelta(days=30),
    )

    assert alerts_for(alex) == ["security.counsellor_granted"]
    assert alerts_for(sam) == []
    assert not Notification.objects.filter(recipient=link.counsellor).exists()


def test_the_devices_page_lists_the_persons_recent_alerts_only(alex: Any, sam: Any) -> None:
    security_alert(alex, "export_created")
    security_alert(sam, "couple_left")
    page = sign_in(alex).get("/security/", secure=True).content.decode()
    assert "Copy made" in page
    assert "Link ended" not in page
