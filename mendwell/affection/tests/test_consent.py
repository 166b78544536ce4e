"""Opting in: private, per person, and the partner can't tell "no" from "not yet"."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mendwell.affection import selectors, services
from mendwell.affection.models import AffectionProfile, TouchChallenge
from tests.security_support import normalise

HOME = reverse("affection:home")
OPEN_SIGN = "Seven days of small touches"
WAITING = "Affection tools open once you have both chosen to."


def test_tools_stay_closed_for_both_until_both_opt_in(client_for, alex, sam):
    alex_client, sam_client = client_for(alex), client_for(sam)
    alex_client.post(reverse("affection:opt_in"))

    for client in (alex_client, sam_client):
        page = client.get(HOME).content.decode()
        assert WAITING in page
        assert OPEN_SIGN not in page

    sam_client.post(reverse("affection:opt_in"))
    for client in (alex_client, sam_client):
        page = client.get(HOME).content.decode()
        assert OPEN_SIGN in page
        assert WAITING not in page


def test_opting_in_twice_makes_one_choice(client_for, alex, sam):
    client = client_for(alex)
    client.post(reverse("affection:opt_in"))
    client.post(reverse("affection:opt_in"))
    assert AffectionProfile.objects.filter(author=alex).count() == 1


def test_the_person_who_opted_in_is_told_only_their_own_choice(client_for, alex, sam):
    client = client_for(alex)
    response = client.post(reverse("affection:opt_in"), follow=True)
    page = response.content.decode()
    assert "Only you can see your choice" in page
    assert "Turn affection tools off for me" in page


def _sam_page(client_for, sam):
    return normalise(client_for(sam).get(HOME))


@pytest.mark.parametrize(
    ("sam_opted_in", "alex_opts_out_again"),
    [(False, False), (False, True), (True, True)],
    ids=["alex-yes-sam-undecided", "alex-yes-then-no", "sam-yes-alex-yes-then-no"],
)
def test_sams_page_is_identical_whether_alex_has_not_decided_opted_in_or_opted_out(
    client_for, alex, sam, sam_opted_in, alex_opts_out_again
):
    if sam_opted_in:
        services.affection_opt_in(user=sam)
    undecided = _sam_page(client_for, sam)
    services.affection_opt_in(user=alex)
    if alex_opts_out_again:
        services.affection_opt_out(user=alex, today=selectors.local_today(alex))
    assert _sam_page(client_for, sam) == undecided


def test_opting_out_closes_the_tools_for_both_and_ends_the_challenge(client_for, alex, sam):
    services.affection_opt_in(user=alex)
    services.affection_opt_in(user=sam)
    services.challenge_start(user=sam, today=selectors.local_today(sam))

    client_for(alex).post(reverse("affection:opt_out"))

    assert not AffectionProfile.objects.filter(author=alex).exists()
    assert TouchChallenge.objects.get().ended_on is not None
    page = client_for(sam).get(HOME).content.decode()
    assert WAITING in page and OPEN_SIGN not in page


def test_a_yes_given_to_a_former_partner_does_not_carry_over(make_user, alex, sam):
    from conftest import link
    from mendwell.couples.services import couple_leave

    services.affection_opt_in(user=alex)
    couple_leave(user=alex)
    casey = make_user("casey@example.com", "Casey")
    link(alex, casey)
    services.affection_opt_in(user=casey)

    assert not selectors.both_opted_in(casey)


def test_someone_on_their_own_is_invited_to_link_first(client_for, robin):
    page = client_for(robin).get(HOME).content.decode()
    assert "Invite your partner" in page
    assert client_for(robin).post(reverse("affection:opt_in")).status_code == 302
    assert not AffectionProfile.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    assert client.get(HOME)["Location"].startswith("/accounts/login/")
