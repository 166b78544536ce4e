"""Deleting the whole account (SECURITY.md T24, DATA-3; scenario TS56).

Alex deletes the account; Sam, the partner, keeps everything Sam wrote and
every page of Sam's still opens. Sign-ins go through the real forms where the
session itself is what is being tested.
"""

from __future__ import annotations

from typing import Any

import pytest
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, link, sudo
from mendwell.checkins.models import CheckIn
from mendwell.conversations.models import Conversation, Turn
from mendwell.couples.grants import CounsellorLink, CounsellorProfile, Grant
from mendwell.couples.selectors import partner_of
from mendwell.dates.models import Reflection
from mendwell.erasure import services
from mendwell.erasure.tests.helpers import write_together
from mendwell.journal.models import Acknowledgement, AcknowledgementResponse, LogEntry
from mendwell.push.models import PushSubscription
from mendwell.reminders.models import Reminder
from tests.security_support import (
    fresh_rate_limits,  # noqa: F401  (fixture)
    normalise,
    sign_in,
    url_routes,
)

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")

URL = "/delete/account/"
CONFIRM = {"understood": "on"}


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings: Any) -> None:
    # These tests sign in through the form many times; Argon2 is tested elsewhere.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def deleted(user: Any) -> bool:
    return not get_user_model().objects.filter(pk=user.pk).exists()


def signed_in_with_sudo(user: Any) -> Client:
    return sudo(sign_in(user), user)


def reminders_and_devices(user: Any) -> None:
    from datetime import time

    Reminder.objects.create(user=user, kind="check_in", enabled=True, at=time(20, 0))
    PushSubscription.objects.create(
        user=user, endpoint="https://push.example.com/alex", p256dh="k", auth="a"
    )


# --- Before: re-authentication, the summary, the confirmation -----------------------


def test_deleting_needs_the_password_again(alex: Any, client_for: Any) -> None:
    """TS56: without a fresh password (sudo mode) the page sends the person to re-enter it."""
    client = client_for(alex)
    for response in (client.get(URL), client.post(URL, CONFIRM)):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not deleted(alex)


def test_the_summary_counts_what_goes_and_says_what_the_partner_keeps(
    checked: tuple[Any, Any], client_for: Any
) -> None:
    alex, sam = checked
    write_together(alex, sam)
    reminders_and_devices(alex)
    page = sudo(client_for(alex), alex).get(URL)
    text = page.content.decode()
    assert page.status_code == 200
    assert '<th scope="row">Daily check-in</th><td>1</td>' in text
    # the one Alex started; Sam's is Sam's
    assert '<th scope="row">Conversation</th><td>1</td>' in text
    assert "1 reminder you set." in text
    assert "1 device that gets your reminders." in text
    assert "Your link with your partner ends" in text
    assert "What your partner wrote stays theirs" in text
    assert "Sam" not in text  # the partner is never named


def test_without_the_tick_nothing_is_deleted_and_the_field_is_named(
    alex: Any, client_for: Any
) -> None:
    page = sudo(client_for(alex), alex).post(URL, {})
    assert page.status_code == 200
    assert "Tick the box to confirm" in page.content.decode()
    assert not deleted(alex)


def test_a_get_deletes_nothing(alex: Any, client_for: Any) -> None:
    assert sudo(client_for(alex), alex).get(URL).status_code == 200
    assert not deleted(alex)


# --- The deletion (TS56) -------------------------------------------------------------


def test_deleting_removes_what_alex_wrote_and_keeps_what_sam_wrote(
    checked: tuple[Any, Any], django_capture_on_commit_callbacks: Any
) -> None:
    """TS56: entries, check-ins, conversations and reminders authored by A go; B's stay."""
    alex, sam = checked
    written = write_together(alex, sam)
    reminders_and_devices(alex)
    client = signed_in_with_sudo(alex)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, CONFIRM)

    assert response.status_code == 302
    assert response["Location"] == reverse("erasure:account_deleted")
    assert deleted(alex)
    assert not LogEntry.objects.filter(pk=written.alex_entry.pk).exists()
    assert not CheckIn.objects.filter(author_id=written.alex_checkin.author_id).exists()
    assert not Turn.objects.filter(author_id=written.alex_checkin.author_id).exists()
    assert not Acknowledgement.objects.filter(pk=written.alex_ack.pk).exists()
    assert not Reminder.objects.exists()
    assert not PushSubscription.objects.exists()
    # Sam's own words stay Sam's.
    assert CheckIn.objects.filter(pk=written.sam_checkin.pk, author=sam).exists()
    kept_answer = AcknowledgementResponse.objects.get(pk=written.sam_answer.pk)
    assert kept_answer.missing == "Sam's words" and kept_answer.thread_id is None
    assert Reflection.objects.get(pk=written.sam_reflection.pk).repeat_text == "again"
    # The conversation Alex started lives on as Sam's, with Sam's turn and without Alex's.
    handed = Conversation.objects.get(pk=written.alex_talk.pk)
    assert handed.author == sam and handed.topic == ""
    assert [turn.author for turn in Turn.objects.filter(conversation=handed)] == [sam]
    assert [turn.author for turn in Turn.objects.filter(conversation=written.sam_talk)] == [sam]
    # Sam is on their own now.
    assert partner_of(sam) is None


def test_an_ex_partner_keeps_their_turns_in_a_conversation_alex_started(
    alex: Any, make_user: Any
) -> None:
    """The partner keeps what the partner wrote, also from a couple that has since ended."""
    from mendwell.couples.services import couple_leave
    from mendwell.erasure.tests.helpers import talk
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit

    casey = make_user("casey@example.com", "Casey")
    link(alex, casey)
    for person in (alex, casey):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    conversation = talk(alex, casey)
    couple_leave(user=casey)

    services.account_delete(user=alex)

    kept = Conversation.objects.get(pk=conversation.pk)
    assert kept.author == casey and kept.topic == ""
    assert [turn.author for turn in Turn.objects.filter(conversation=kept)] == [casey]


def test_the_data_key_is_shredded_only_after_the_rows_are_gone(
    alex: Any, monkeypatch: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """TS56: the DEK is destroyed, after the commit (a rollback keeps the key)."""
    shredded: list[tuple[Any, bool]] = []
    monkeypatch.setattr(
        "mendwell.core.keyring.shred_user_key",
        lambda user: shredded.append((user.pk, deleted(user))),
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert services.account_delete(user=alex)
    assert shredded == []
    for callback in callbacks:
        callback()
    assert shredded == [(alex.pk, True)]


def test_every_other_device_is_signed_out(alex: Any) -> None:
    """TS56 (sessions): a phone with a page open is anonymous on its next request."""
    phone = sign_in(alex)
    assert phone.get("/check-in/").status_code == 200
    laptop = signed_in_with_sudo(alex)

    laptop.post(URL, CONFIRM)

    after = phone.get("/check-in/")
    assert after.status_code == 302 and after["Location"].startswith("/accounts/login/")
    assert not any(
        str(session.get_decoded().get("_auth_user_id")) == str(alex.pk)
        for session in Session.objects.all()
    )
    assert not UserSession.objects.filter(user_id=alex.pk).exists()
    assert not EmailAddress.objects.filter(email=alex.email).exists()


def test_a_double_submit_deletes_once_and_the_second_is_anonymous(alex: Any) -> None:
    client = signed_in_with_sudo(alex)
    first = client.post(URL, CONFIRM)
    second = client.post(URL, CONFIRM)
    assert first["Location"] == reverse("erasure:account_deleted")
    assert second.status_code == 302 and second["Location"].startswith("/accounts/login/")
    assert services.account_delete(user=alex) is False  # a racing second call changes nothing


def test_signing_in_as_the_deleted_person_fails_like_a_wrong_password(
    alex: Any, robin: Any
) -> None:
    """TS56: login as A fails generically, exactly like someone's wrong password."""
    signed_in_with_sudo(alex).post(URL, CONFIRM)
    gone = Client().post("/accounts/login/", {"login": alex.email, "password": PASSWORD})
    wrong = Client().post("/accounts/login/", {"login": robin.email, "password": "not it 123"})
    assert gone.status_code == wrong.status_code == 200
    assert normalise(gone, {alex.email: "<email>"}) == normalise(wrong, {robin.email: "<email>"})


def test_the_confirmation_is_neutral_and_open_to_anyone(alex: Any) -> None:
    client = signed_in_with_sudo(alex)
    page = client.post(URL, CONFIRM, follow=True)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Your account is deleted" in text
    assert "Alex" not in text and alex.email not in text
    assert Client().get(reverse("erasure:account_deleted")).status_code == 200


def test_counsellor_links_and_grants_end_with_the_account(
    alex: Any, make_user: Any, client_for: Any
) -> None:
    dana = make_user("dana@example.com", "Dana")
    CounsellorProfile.objects.create(user=dana)
    link = CounsellorLink.objects.create(client=alex, counsellor=dana)
    from datetime import timedelta

    from django.utils import timezone

    Grant.objects.create(
        link=link, category="checkins.checkin", expires_at=timezone.now() + timedelta(days=9)
    )
    services.account_delete(user=alex)
    assert not CounsellorLink.objects.exists() and not Grant.objects.exists()
    assert client_for(dana).get(reverse("counsel:clients")).status_code == 200


def test_a_counsellor_can_delete_their_own_account(alex: Any, make_user: Any) -> None:
    """Counsellor accounts are kept to their own pages, but deleting is one of them."""
    dana = make_user("dana@example.com", "Dana")
    CounsellorProfile.objects.create(user=dana)
    CounsellorLink.objects.create(client=alex, counsellor=dana)
    client = signed_in_with_sudo(dana)
    summary = client.get(URL)
    assert summary.status_code == 200
    assert "Your link with 1 client ends" in summary.content.decode()
    assert client.post(URL, CONFIRM).status_code == 302
    assert deleted(dana) and not deleted(alex)
    assert not CounsellorLink.objects.exists()


# --- After: the partner's pages all still open ---------------------------------------

# Pages that change something just by being opened, or are not Sam's to open.
SKIPPED_NAMES = ("logout", "quick_exit", "account_deleted")


def test_every_page_of_sams_still_opens_after_alex_deletes(checked: tuple[Any, Any]) -> None:
    """TS56: B's pages all load after A's deletion (no 500), the kept conversation included."""
    alex, sam = checked
    written = write_together(alex, sam)
    signed_in_with_sudo(alex).post(URL, CONFIRM)
    assert deleted(alex)

    browser = sign_in(sam)
    problems = []
    for route in url_routes():
        if route.params or any(skip in route.name for skip in SKIPPED_NAMES):
            continue
        if route.path.startswith(("/api/", "/static/")) or "<" in route.path:
            continue
        status = browser.get(route.path).status_code
        if status >= 500:
            problems.append(f"{route.name}: {status}")
    assert not problems
    for path in (
        reverse("today"),
        reverse("talk:list"),
        reverse("talk:detail", args=[written.alex_talk.pk]),
        reverse("talk:detail", args=[written.sam_talk.pk]),
        reverse("checkins:today"),
        reverse("checkins:history"),
        reverse("dates:list"),
        reverse("journal:ack_list"),
        reverse("story:home"),
        reverse("couples:home"),
        reverse("promises:list"),
        reverse("jar:home"),
    ):
        assert browser.get(path).status_code == 200, path
    # What pointed at Alex's containers answers like any missing id, never a 500.
    for path in (
        reverse("journal:ack_answer_change", args=[written.sam_answer.pk]),
        reverse("journal:ack_detail", args=[written.alex_ack.pk]),
        reverse("dates:together", args=[written.alex_plan.pk]),
    ):
        assert browser.get(path).status_code == 404, path


def test_staff_deleting_in_the_admin_get_the_same_deletion_as_the_person(
    alex: Any, make_user: Any, staff: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """The operator's delete hands the partner's conversation over, ends every
    session and destroys the data key, exactly like the person's own."""
    from mendwell.core import keyring
    from mendwell.couples.services import couple_leave
    from mendwell.erasure.tests.helpers import talk
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit

    casey = make_user("casey@example.com", "Casey")
    link(alex, casey)
    for person in (alex, casey):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    conversation = talk(alex, casey)
    couple_leave(user=casey)
    phone = sign_in(alex)
    operator = Client()
    operator.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = operator.post(
            reverse("operator:accounts_user_delete", args=[alex.pk]), {"post": "yes"}
        )
    assert response.status_code == 302
    assert deleted(alex)
    assert Conversation.objects.get(pk=conversation.pk).author == casey
    assert phone.get("/check-in/").status_code == 302
    assert keyring.is_shredded(alex.data_key.hex)


def test_sams_marks_and_kind_words_on_alexs_promise_go_with_sams_account(
    checked: tuple[Any, Any],
) -> None:
    """What Sam wrote goes even where it sits on Alex's promise; the promise stays Alex's."""
    from mendwell.promises.models import PromiseOccurrence
    from mendwell.promises.services import occurrence_mark
    from mendwell.promises.tests.conftest import make_promise

    alex, sam = checked
    promise = make_promise(alex, "cook on Sunday")
    occurrence_mark(user=sam, promise=promise, seq=1, mark="kept", kind_word="SAM-KIND-WORD")

    services.account_delete(user=sam)

    occurrence = PromiseOccurrence.objects.get(promise=promise, seq=1)
    assert (occurrence.mark, occurrence.kind_word, occurrence.marked_at) == ("", "", None)
    assert occurrence.promise.text == "cook on Sunday"
