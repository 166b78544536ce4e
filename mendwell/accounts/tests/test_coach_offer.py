"""The wording-hints offer shown while drafting, and the toggle behind it."""

from __future__ import annotations

import html

import pytest
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.test import Client, RequestFactory

COMPOSER = "/log/acknowledgements/new/"
TOGGLE = "/profile/wording-hints/"
OFFER_BUTTON = "Turn on wording hints"


def page_of(response):
    return html.unescape(response.content.decode())


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_composer_offers_wording_hints_while_they_are_off(client_for, alex):
    page = page_of(client_for(alex).get(COMPOSER))
    assert OFFER_BUTTON in page
    assert "Not now" in page
    assert "never stored and never shown to your partner" in page
    assert f'name="next" value="{COMPOSER}"' in page


def test_the_offer_is_gone_once_hints_are_on(client_for, alex):
    alex.coach_enabled = True
    alex.save()
    page = page_of(client_for(alex).get(COMPOSER))
    assert OFFER_BUTTON not in page
    assert "Wording hints are off" not in page


def test_turning_hints_on_from_the_offer_goes_back_to_the_composer(client_for, alex):
    response = client_for(alex).post(TOGGLE, {"choice": "on", "next": COMPOSER})
    assert response.status_code == 302
    assert response["Location"] == COMPOSER
    assert any("Wording hints are on" in text for text in messages_of(response))
    alex.refresh_from_db()
    assert alex.coach_enabled is True


def test_turning_on_twice_leaves_hints_on(client_for, alex):
    client = client_for(alex)
    client.post(TOGGLE, {"choice": "on", "next": COMPOSER})
    client.post(TOGGLE, {"choice": "on", "next": COMPOSER})
    alex.refresh_from_db()
    assert alex.coach_enabled is True


def test_not_now_stops_the_offer_and_leaves_hints_off(client_for, alex):
    client = client_for(alex)
    response = client.post(TOGGLE, {"choice": "not_now", "next": COMPOSER})
    assert response["Location"] == COMPOSER
    alex.refresh_from_db()
    assert (alex.coach_enabled, alex.coach_offer_dismissed) == (False, True)
    page = page_of(client.get(COMPOSER))
    assert OFFER_BUTTON not in page
    assert "Wording hints are off. You can turn them on in your profile." in page


def test_hints_can_still_be_turned_on_in_the_profile_after_not_now(client_for, alex):
    client = client_for(alex)
    client.post(TOGGLE, {"choice": "not_now", "next": COMPOSER})
    client.post(
        "/profile/",
        {
            "display_name": "Alex",
            "time_zone": "Europe/London",
            "locale": "en",
            "coach_enabled": "on",
        },
    )
    alex.refresh_from_db()
    assert alex.coach_enabled is True


def test_hints_can_be_turned_off_again(client_for, alex):
    alex.coach_enabled = True
    alex.save()
    client_for(alex).post(TOGGLE, {"choice": "off", "next": COMPOSER})
    alex.refresh_from_db()
    assert alex.coach_enabled is False


@pytest.mark.parametrize(
    "unsafe",
    [
        "https://elsewhere.example/",
        "//elsewhere.example/log/",
        "http://testserver.elsewhere.example/",
        "javascript:alert(1)",
        "",
    ],
)
def test_an_unsafe_or_missing_next_goes_to_the_profile(client_for, alex, unsafe):
    response = client_for(alex).post(TOGGLE, {"choice": "on", "next": unsafe})
    assert response["Location"] == "/profile/"
    alex.refresh_from_db()
    assert alex.coach_enabled is True


@pytest.mark.parametrize("data", [{}, {"choice": "yes please"}, {"choice": "x" * 100_000}])
def test_a_bad_choice_is_explained_and_changes_nothing(client_for, alex, data):
    response = client_for(alex).post(TOGGLE, {**data, "next": COMPOSER})
    assert response["Location"] == COMPOSER
    assert "Please choose whether to turn wording hints on." in messages_of(response)
    alex.refresh_from_db()
    assert (alex.coach_enabled, alex.coach_offer_dismissed) == (False, False)


def test_the_toggle_is_post_only(client_for, alex):
    assert client_for(alex).get(TOGGLE).status_code == 405


def test_the_toggle_needs_the_csrf_token(alex):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alex)
    assert client.post(TOGGLE, {"choice": "on"}).status_code == 403
    alex.refresh_from_db()
    assert alex.coach_enabled is False


def test_signed_out_visitors_are_sent_to_sign_in(client_for, alex):
    response = client_for(None).post(TOGGLE, {"choice": "on"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_with_htmx_the_offer_is_answered_in_place(client_for, alex):
    response = client_for(alex).post(
        TOGGLE, {"choice": "on", "next": COMPOSER}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response["HX-Trigger"] == "coachEnabled"
    assert "Wording hints are on." in page_of(response)
    assert messages_of(response) == []  # said in place, not again on the next page


def test_with_htmx_a_bad_choice_is_a_400_naming_the_choice(client_for, alex):
    response = client_for(alex).post(
        TOGGLE, {"choice": "maybe", "next": COMPOSER}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 400
    assert "Please choose whether to turn wording hints on." in page_of(response)
    alex.refresh_from_db()
    assert alex.coach_enabled is False


def test_the_include_comes_back_to_the_page_that_names_it(alex):
    # Another page (a guided conversation turn) can say where to come back to.
    request = RequestFactory().get("/somewhere/else/")
    request.user = alex
    text = render_to_string(
        "accounts/_coach_offer.html", {"coach_next": "/talk/abc/"}, request=request
    )
    assert 'name="next" value="/talk/abc/"' in text
    plain = render_to_string("accounts/_coach_offer.html", {}, request=request)
    assert 'name="next" value="/somewhere/else/"' in plain


def test_the_page_address_in_the_offer_is_inert(client_for, alex):
    page = client_for(alex).get(COMPOSER + '?x="><script>alert(1)</script>').content.decode()
    assert "<script>alert(1)</script>" not in page
