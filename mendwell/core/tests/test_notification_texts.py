"""Everything sent outside the app is content-neutral (PRODUCT principle 6, TS49)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.template.loader import render_to_string

from mendwell.core.notification_texts import DENYLIST, MESSAGES, sender_name

PARTNER_NAME = "Marigold-Quill"
USER_TEXT = "MARKER-what-they-wrote"


def email_template_names() -> list[str]:
    """Every email template any installed app (or our overrides) can render."""
    names: set[str] = set()
    for engine in engines.all():
        for loader in engine.engine.template_loaders:
            for directory in loader.get_dirs():
                for folder in ("account/email", "mfa/email"):
                    base = Path(directory) / folder
                    if base.is_dir():
                        names.update(f"{folder}/{path.name}" for path in base.glob("*.txt"))
    return sorted(names)


def assert_neutral(text: str, where: str) -> None:
    lowered = text.lower()
    for word in DENYLIST:
        assert word not in lowered, f"{where} contains {word!r}"
    assert PARTNER_NAME.lower() not in lowered, f"{where} names someone"
    assert USER_TEXT.lower() not in lowered, f"{where} repeats user-written text"


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_notification_text_is_neutral(key):
    message = MESSAGES[key]
    assert_neutral(str(message.title), f"{key} title")
    assert_neutral(str(message.body), f"{key} body")


def test_email_templates_are_found():
    names = email_template_names()
    assert "account/email/password_reset_key_subject.txt" in names
    assert "mfa/email/totp_activated_message.txt" in names


@pytest.mark.django_db
@pytest.mark.parametrize("name", email_template_names())
def test_every_email_template_is_neutral(name, make_user):
    user = make_user("someone@example.com", PARTNER_NAME)
    context = {
        "user": user,
        "email": "someone@example.com",
        "current_site": {"name": "Mendwell", "domain": "mendwell.example.org"},
        "activate_url": "https://mendwell.example.org/accounts/confirm-email/KEY/",
        "password_reset_url": "https://mendwell.example.org/accounts/password/reset/key/1-x/",
        "code": "123456",
        "signup_url": "https://mendwell.example.org/accounts/signup/",
        "from_email": "old@example.com",
        "to_email": "new@example.com",
        "deleted_email": "old@example.com",
        "note": USER_TEXT,
    }
    rendered = render_to_string(name, context)
    assert_neutral(rendered, name)


def test_discreet_mode_changes_the_sender_name():
    assert sender_name(discreet=False) == "Mendwell"
    assert sender_name(discreet=True) == "Notes"


@pytest.mark.django_db
def test_mail_to_a_discreet_person_comes_from_an_ordinary_name(client, make_user, mailoutbox):
    make_user("quiet@example.com", "Quiet", discreet_mode=True)
    client.post("/accounts/password/reset/", {"email": "quiet@example.com"})
    assert len(mailoutbox) == 1
    assert mailoutbox[0].from_email.startswith("Notes <")
    assert "Mendwell" not in mailoutbox[0].subject


def test_the_default_sender_address_is_configurable():
    assert settings.DEFAULT_FROM_EMAIL
