"""Sharing is explicit, whole and revocable; what is not shared leaves no trace."""

from __future__ import annotations

import dataclasses
import re

import pytest

from conftest import link
from mendwell.couples.services import couple_leave
from mendwell.loved import services
from mendwell.loved.models import LovedItem, RatingSnapshot
from mendwell.loved.tests.support import add, checked, rate
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import program_pause, safety_check_submit
from tests.security_support import Normalised, differences
from tests.security_support import normalise as _normalise

pytestmark = pytest.mark.django_db

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def normalise(response) -> Normalised:
    # The add-a-line form carries a fresh id on every page (double-submit safety).
    seen = _normalise(response)
    return dataclasses.replace(seen, body=_UUID.sub("<uuid>", seen.body))


PARTNER_PAGES = ("/loved/partner/", "/loved/side-by-side/", "/loved/")


def _share(client, what: str, on: bool = True):
    return client.post(f"/loved/{what}/share/", {"shared": "on" if on else "off"})


@pytest.fixture
def ready(alex, sam):
    checked(alex, sam)
    return alex, sam


def test_a_partner_cannot_tell_unshared_ratings_and_list_from_nothing(client_for, ready):
    alex, sam = ready
    before = {url: normalise(client_for(sam).get(url)) for url in PARTNER_PAGES}
    rate(alex, receiving_quality_time=4)
    add(alex, "A walk after dinner", this_week=True)
    services.ratings_share_set(user=alex, shared=True)
    services.ratings_share_set(user=alex, shared=False)  # shared once, then taken back
    for url in PARTNER_PAGES:
        after = normalise(client_for(sam).get(url))
        assert after == before[url], differences(before[url], after)


def test_the_partner_sees_the_ratings_only_once_shared_and_only_the_current_ones(client_for, ready):
    alex, sam = ready
    rate(alex, receiving_gifts=1)
    rate(alex, receiving_gifts=3)
    assert (
        "Small gifts</th><td>3 of 4" not in client_for(sam).get("/loved/partner/").content.decode()
    )

    assert _share(client_for(alex), "ratings").status_code == 302
    page = client_for(sam).get("/loved/partner/").content.decode()
    assert "Small gifts</th><td>3 of 4" in page
    assert "Small gifts</th><td>1 of 4" not in page
    assert RatingSnapshot.objects.shared_with(sam).count() == 1


def test_a_new_save_while_shared_replaces_what_the_partner_sees(client_for, ready):
    alex, sam = ready
    rate(alex, receiving_gifts=1)
    services.ratings_share_set(user=alex, shared=True)
    client_for(alex).post(
        "/loved/ratings/",
        {"snapshot_id": "", **dict.fromkeys(services.RATING_FIELDS, 2), "receiving_gifts": 4},
    )
    page = client_for(sam).get("/loved/partner/").content.decode()
    assert "Small gifts</th><td>4 of 4" in page
    assert "Small gifts</th><td>1 of 4" not in page


def test_unsharing_takes_effect_at_once(client_for, ready):
    alex, sam = ready
    rate(alex, receiving_gifts=4)
    add(alex, "Flowers on a Tuesday")
    alex_client = client_for(alex)
    _share(alex_client, "ratings")
    _share(alex_client, "list")
    sam_client = client_for(sam)
    page = sam_client.get("/loved/partner/").content.decode()
    assert "Flowers on a Tuesday" in page and "Small gifts</th><td>4 of 4" in page

    _share(alex_client, "ratings", on=False)
    _share(alex_client, "list", on=False)
    page = sam_client.get("/loved/partner/").content.decode()
    assert "Flowers on a Tuesday" not in page
    assert "4 of 4" not in page


def test_lines_added_to_a_shared_list_are_shared_too(client_for, ready):
    alex, sam = ready
    services.list_share_set(user=alex, shared=True)  # shared while still empty
    client_for(alex).post("/loved/list/new/", {"text": "A hand on my back"})
    assert "A hand on my back" in client_for(sam).get("/loved/partner/").content.decode()


def test_the_owner_sees_what_is_shared_and_can_stop(client_for, ready):
    alex, _sam = ready
    rate(alex)
    add(alex, "Tea")
    client = client_for(alex)
    page = client.get("/loved/").content.decode()
    assert "Share my ratings with my partner" in page
    assert "Share my list with my partner" in page
    _share(client, "ratings")
    page = client.get("/loved/").content.decode()
    assert "Stop sharing my ratings" in page
    assert "Share my list with my partner" in page


def test_sharing_needs_ones_own_private_check(client_for, alex, sam):
    rate(alex)
    client = client_for(alex)
    page = client.get("/loved/").content.decode()
    assert "Take your private check to be able to share" in page
    response = _share(client, "ratings")
    assert response.status_code == 302
    assert not RatingSnapshot.objects.shared_with(sam).exists()


def test_a_person_alone_cannot_share_and_is_told_it_works_solo(client_for, robin):
    rate(robin)
    checked(robin)
    client = client_for(robin)
    assert "Everything here works for you alone." in client.get("/loved/").content.decode()
    _share(client, "ratings")
    assert RatingSnapshot.objects.get(author=robin).visibility == "private"


def test_a_bad_share_value_changes_nothing(client_for, ready):
    alex, _sam = ready
    rate(alex)
    client_for(alex).post("/loved/ratings/share/", {"shared": "maybe"})
    assert RatingSnapshot.objects.get(author=alex).visibility == "private"


def test_side_by_side_shows_once_both_share_and_has_no_score(client_for, ready):
    alex, sam = ready
    rate(alex, receiving_quality_time=4)
    rate(sam, receiving_quality_time=1)
    services.ratings_share_set(user=alex, shared=True)
    page = client_for(alex).get("/loved/side-by-side/").content.decode()
    assert "once you have both shared" in page
    services.ratings_share_set(user=sam, shared=True)
    page = client_for(alex).get("/loved/side-by-side/").content.decode()
    assert '<th scope="row">Time together</th><td>4 of 4</td><td>1 of 4</td>' in page
    for word in ("match", "compatib", "score", "type", "%"):
        assert word not in page.split('id="main"', 1)[1].split("<footer", 1)[0].lower()


def test_the_ex_partner_loses_everything_and_a_new_couple_starts_unshared(
    client_for, make_user, ready
):
    alex, sam = ready
    rate(alex, receiving_gifts=4)
    add(alex, "Flowers")
    services.ratings_share_set(user=alex, shared=True)
    services.list_share_set(user=alex, shared=True)
    couple_leave(user=alex)
    assert not RatingSnapshot.objects.shared_with(sam).exists()
    assert not LovedItem.objects.shared_with(sam).exists()

    robin = make_user("robin@example.com", "Robin")
    link(alex, robin)
    assert not RatingSnapshot.objects.shared_with(robin).exists()
    assert not LovedItem.objects.shared_with(robin).exists()
    assert "Share my ratings with my partner" in client_for(alex).get("/loved/").content.decode()


def test_a_pause_sets_the_partners_sharing_aside_the_same_whoever_paused(client_for, make_user):
    pages = []
    for who_pauses in ("voluntary", "check"):
        alex = make_user(f"alex-{who_pauses}@example.com", "Alex")
        sam = make_user(f"sam-{who_pauses}@example.com", "Sam")
        link(alex, sam)
        checked(alex, sam)
        add(sam, "Breakfast together")
        services.list_share_set(user=sam, shared=True)
        if who_pauses == "voluntary":
            program_pause(user=sam)
        else:
            safety_check_submit(user=sam, answers={**dict.fromkeys(ITEM_KEYS, "no"), "fear": "yes"})
        response = client_for(alex).get("/loved/partner/")
        page = response.content.decode()
        assert "Breakfast together" not in page
        assert "The program is paused" in page
        pages.append(normalise(response))
    assert pages[0] == pages[1], differences(*pages)
