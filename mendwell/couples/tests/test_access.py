from __future__ import annotations

import uuid

import pytest
from django.http import Http404

from mendwell.couples.access import get_authored_or_404, get_visible_or_404
from mendwell.couples.selectors import couple_for_user
from mendwell.couples.services import couple_leave
from tests.gatekeeper.models import Note


@pytest.fixture
def notes(alex, sam):
    couple = couple_for_user(alex)
    return {
        "private": Note.objects.create(author=alex, couple=couple, body="mine"),
        "shared": Note.objects.create(author=alex, couple=couple, visibility="shared", body="ours"),
    }


def test_new_content_is_private_by_default(alex):
    assert Note.objects.create(author=alex).visibility == "private"


def test_private_content_is_visible_to_its_author_only(notes, alex, sam, robin, staff):
    assert get_visible_or_404(Note, user=alex, pk=notes["private"].pk) == notes["private"]
    for other in (sam, robin, staff):
        with pytest.raises(Http404):
            get_visible_or_404(Note, user=other, pk=notes["private"].pk)


def test_shared_content_is_visible_to_the_partner_only(notes, sam, robin, staff):
    assert get_visible_or_404(Note, user=sam, pk=notes["shared"].pk) == notes["shared"]
    for other in (robin, staff):
        with pytest.raises(Http404):
            get_visible_or_404(Note, user=other, pk=notes["shared"].pk)


def test_only_the_author_may_change_shared_content(notes, alex, sam):
    assert get_authored_or_404(Note, user=alex, pk=notes["shared"].pk) == notes["shared"]
    with pytest.raises(Http404):
        get_authored_or_404(Note, user=sam, pk=notes["shared"].pk)


def test_shares_stop_resolving_the_moment_either_partner_leaves(notes, alex, sam):
    couple_leave(user=sam)
    with pytest.raises(Http404):
        get_visible_or_404(Note, user=sam, pk=notes["shared"].pk)
    assert get_visible_or_404(Note, user=alex, pk=notes["shared"].pk) == notes["shared"]


def test_old_shares_do_not_follow_a_person_into_a_new_couple(notes, alex, sam, robin):
    from conftest import link

    couple_leave(user=alex)
    link(alex, robin)
    with pytest.raises(Http404):
        get_visible_or_404(Note, user=robin, pk=notes["shared"].pk)


def test_malformed_and_random_ids_look_like_any_other_missing_item(alex):
    for bad in ("not-a-uuid", uuid.uuid4(), None):
        with pytest.raises(Http404):
            get_visible_or_404(Note, user=alex, pk=bad)


def test_anonymous_visitors_see_nothing(notes):
    from django.contrib.auth.models import AnonymousUser

    assert not Note.objects.visible_to(AnonymousUser()).exists()


def test_listing_never_duplicates_or_leaks_rows(notes, alex, sam, robin):
    assert set(Note.objects.visible_to(alex)) == {notes["private"], notes["shared"]}
    assert list(Note.objects.visible_to(sam)) == [notes["shared"]]
    assert list(Note.objects.visible_to(robin)) == []
