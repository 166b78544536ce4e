"""Comfort settings: private to their owner, over our fixed list of kinds."""

from __future__ import annotations

from django.urls import reverse

from mendwell.affection.models import AffectionProfile

HOME = reverse("affection:home")


def _comfort(profile):
    return reverse("affection:comfort", kwargs={"profile_id": profile.pk})


def test_a_person_saves_what_they_are_open_to(client_for, alex, both_in):
    mine, _ = both_in
    response = client_for(alex).post(_comfort(mine), {"open_kinds": ["hold_hands", "lean"]})
    assert response.status_code == 302
    assert AffectionProfile.objects.get(pk=mine.pk).open_kinds == {"hold_hands", "lean"}
    page = client_for(alex).get(HOME).content.decode()
    assert "Holding hands" in page and "Leaning on each other" in page


def test_an_unknown_kind_names_the_field_and_saves_nothing(client_for, alex, both_in):
    mine, _ = both_in
    response = client_for(alex).post(_comfort(mine), {"open_kinds": ["hug", "something_else"]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kinds of touch I&#x27;m open to now" in page
    assert "“something_else” is not one of the kinds of touch listed here" in page
    assert AffectionProfile.objects.get(pk=mine.pk).open_kinds == {"hug", "forehead_kiss"}


def test_posting_settings_for_the_partner_is_answered_like_a_missing_id(client_for, alex, both_in):
    _, sams = both_in
    response = client_for(alex).post(_comfort(sams), {"open_kinds": ["hug"]})
    assert response.status_code == 404
    assert AffectionProfile.objects.get(pk=sams.pk).open_kinds == {"hug", "cuddle"}
    assert client_for(alex).get(_comfort(sams)).status_code == 404


def test_the_partner_never_sees_someones_settings_not_even_a_count(client_for, alex, sam, both_in):
    # Alex alone is open to a forehead kiss; Sam's page must not mention it anywhere.
    page = client_for(sam).get(HOME).content.decode()
    assert "A kiss on the forehead" not in page
    assert "forehead" not in page
    assert "Cuddling" in page  # Sam's own setting, shown to Sam


def test_the_settings_page_is_closed_until_both_have_opted_in(client_for, alex, sam):
    from mendwell.affection import services

    profile = services.affection_opt_in(user=alex)
    assert client_for(alex).get(_comfort(profile)).status_code == 404


def test_opting_out_clears_the_settings(client_for, alex, both_in):
    client_for(alex).post(reverse("affection:opt_out"))
    assert not AffectionProfile.objects.filter(author=alex).exists()
