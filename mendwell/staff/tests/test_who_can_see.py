"""The "who can see what" page: plain words about the partner, a counsellor and the operator."""

from __future__ import annotations

from typing import Any

from django.test import Client


def test_the_page_explains_each_audience_and_is_open_before_signing_up(db: Any) -> None:
    """IPV-7: the operator disclosure is readable by anyone, before an account exists."""
    response = Client().get("/privacy/")
    page = response.content.decode()
    assert response.status_code == 200
    for heading in ("Your partner", "A counsellor", "Whoever runs this server"):
        assert heading in page
    # The limits, said honestly (SECURITY.md §9.3).
    assert "could change the software" in page
    assert "If your partner runs this server, they are that person." in page


def test_the_page_states_what_the_partner_never_sees(db: Any) -> None:
    page = Client().get("/privacy/").content.decode()
    assert "your private items, your safety check or your Safety page, your streak" in page
    assert "when and how often you use Mendwell" in page


def test_the_page_matches_what_the_operators_admin_shows(db: Any) -> None:
    """The page promises the admin shows no name and no last sign-in: hold it to that."""
    from django.contrib.auth import get_user_model

    from mendwell.staff.admin import AccountAdmin, operator_site

    page = Client().get("/privacy/").content.decode()
    assert "It shows no name, nothing you wrote, and not when you last signed in." in page
    model_admin = AccountAdmin(get_user_model(), operator_site)
    shown = {*model_admin.fields, *model_admin.list_display}
    assert shown.isdisjoint({"display_name", "last_login"})


def test_the_page_says_a_counsellor_grant_lasts_at_most_what_the_app_allows(db: Any) -> None:
    from mendwell.couples.grants import GRANT_MAX_DAYS

    page = Client().get("/privacy/").content.decode()
    assert f"at most {GRANT_MAX_DAYS} days" in page


def test_the_safety_page_and_the_footer_link_to_it(client_for: Any, alex: Any) -> None:
    page = client_for(alex).get("/safety/").content.decode()
    assert page.count('href="/privacy/"') >= 2  # the staff-actions section and the footer


def test_the_page_links_to_the_persons_staff_action_list(db: Any) -> None:
    page = Client().get("/privacy/").content.decode()
    assert 'href="/safety/#staff-actions"' in page
