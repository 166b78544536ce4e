"""Per-measure consent: the partner sees only the measures the owner ticked, and a page
that cannot tell "never answered" from "answered but shared nothing"."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime

import pytest
import time_machine

from mendwell.couples.exports import shared_with_me_zip
from mendwell.progress import selectors, services
from mendwell.progress.models import PulseResponse
from mendwell.progress.services import ShareRefused
from mendwell.progress.tests.helpers import answers, weekly_pulses
from mendwell.safety.services import program_pause
from tests.security_support import normalise

START = datetime(2026, 10, 5, 12, tzinfo=UTC)
NOW = datetime(2026, 11, 26, 12, tzinfo=UTC)
PARTNER = "/progress/partner/"


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def _sams_view(client_for, sam):
    return normalise(client_for(sam).get(PARTNER))


def test_nothing_is_shared_until_the_owner_ticks_a_measure(checked):
    alex, sam = checked
    weekly_pulses(alex, [5, 6, 7], start=START)
    assert not PulseResponse.objects.shared_with(sam).exists()
    assert selectors.partner_view_for(sam).series is None


def test_the_partner_sees_only_the_ticked_measures(checked, client_for):
    alex, sam = checked
    weekly_pulses(alex, [5, 6, 7], start=START)
    services.sharing_set(user=alex, item_ids=["trust"])
    view = selectors.partner_view_for(sam)
    assert view.item_ids == ["trust"]
    assert [p.answers for p in view.series.points] == [{"trust": 5}, {"trust": 6}, {"trust": 7}]
    page = client_for(sam).get(PARTNER).content.decode()
    assert "count on your partner" in page
    assert "close have you felt" not in page and "All items together" not in page
    # New answers follow the choice already made.
    with time_machine.travel(NOW, tick=False):
        services.pulse_save(user=alex, kind="weekly", answers=answers(9, closeness=1))
    newest = PulseResponse.objects.shared_with(sam).order_by("-week_of").first()
    assert newest.shared_answers == {"trust": 9}


def test_the_shared_with_me_download_holds_only_consented_answers(checked):
    alex, sam = checked
    weekly_pulses(alex, [5], start=START)
    services.sharing_set(user=alex, item_ids=["heard"])
    with zipfile.ZipFile(io.BytesIO(shared_with_me_zip(sam))) as archive:
        payload = json.loads(archive.read("shared-with-me.json"))
    pulses = [item for item in payload["items"] if item["kind"] == "progress.pulseresponse"]
    assert [item["shared_answers"] for item in pulses] == [{"heard": 5}]
    assert "closeness" not in json.dumps(payload)


@pytest.mark.parametrize("history", ["answered-never-shared", "shared-then-unticked"])
def test_the_partners_page_is_identical_whether_the_owner_never_answered_or_did_not_consent(
    checked, client_for, history
):
    alex, sam = checked
    never_answered = _sams_view(client_for, sam)
    weekly_pulses(alex, [2, 3, 9, 1], start=START)
    if history == "shared-then-unticked":
        services.sharing_set(user=alex, item_ids=["closeness", "trust"])
        assert _sams_view(client_for, sam) != never_answered
        services.sharing_set(user=alex, item_ids=[])
    assert _sams_view(client_for, sam) == never_answered
    assert not PulseResponse.objects.shared_with(sam).exists()


def test_sharing_needs_a_partner_and_the_private_check(alex, sam, robin):
    services.pulse_save(user=robin, kind="weekly", answers=answers(5))
    with pytest.raises(ShareRefused):
        services.sharing_set(user=robin, item_ids=["trust"])
    with pytest.raises(ShareRefused):
        services.sharing_set(user=alex, item_ids=["trust"])  # linked, but no safety check yet
    services.sharing_set(user=robin, item_ids=[])  # "share nothing" is always allowed


def test_a_share_made_in_one_couple_does_not_carry_into_the_next(checked, make_user):
    from conftest import link
    from mendwell.couples.services import couple_leave

    alex, sam = checked
    weekly_pulses(alex, [5], start=START)
    services.sharing_set(user=alex, item_ids=["trust"])
    couple_leave(user=alex)
    casey = make_user("casey@example.com", "Casey")
    link(alex, casey)
    assert not PulseResponse.objects.shared_with(sam).exists()
    assert not PulseResponse.objects.shared_with(casey).exists()
    assert selectors.shared_item_ids(alex) == frozenset()


def test_while_paused_the_partner_view_is_set_aside_for_both_alike(checked, client_for):
    alex, sam = checked
    weekly_pulses(alex, [5], start=START)
    services.sharing_set(user=alex, item_ids=["trust"])
    program_pause(user=alex)
    for person in (alex, sam):
        assert selectors.partner_view_for(person).paused
    page = client_for(sam).get(PARTNER).content.decode()
    assert "paused" in page and "count on your partner" not in page


def test_the_sharing_page_saves_the_ticked_measures(checked, client_for):
    alex, _sam = checked
    client = client_for(alex)
    assert client.get("/progress/sharing/").status_code == 200
    response = client.post("/progress/sharing/", {"items": ["trust", "warmth"]})
    assert response.status_code == 302
    assert selectors.shared_item_ids(alex) == {"trust", "warmth"}
    response = client.post("/progress/sharing/", {"items": ["not-a-measure"]})
    assert (
        response.status_code == 200
        and "not one of the available choices" in response.content.decode()
    )
    assert selectors.shared_item_ids(alex) == {"trust", "warmth"}
