"""The seven-day touch challenge, as each partner sees it."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from mendwell.affection import selectors, services
from mendwell.affection.catalogue import BY_ID, KINDS, invitation_for
from mendwell.affection.models import TouchChallenge
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import program_pause, safety_check_submit
from tests.security_support import normalise

HOME = reverse("affection:home")
HUG = str(BY_ID["hug"].invitation)
PAUSED = "The challenge is paused."


def _url(name, challenge):
    return reverse(f"affection:{name}", kwargs={"challenge_id": challenge.pk})


def _rows():
    """Every row in every affection table, to show an answer writes nothing."""
    return {
        model.__name__: list(model.objects.values())
        for model in apps.get_app_config("affection").get_models()
    }


# --- The invitation ---------------------------------------------------------------


def test_the_invitation_comes_only_from_what_both_are_open_to(client_for, alex, sam, challenge):
    # Both are open to a hug, and nothing else in common.
    for person in (alex, sam):
        page = client_for(person).get(HOME).content.decode()
        assert "Day 1 of 7" in page
        assert HUG in page


@pytest.mark.parametrize("day", range(1, 8))
def test_every_days_invitation_is_in_the_intersection(day):
    shared = frozenset({"hug", "lean", "hold_hands"})
    chosen = invitation_for(challenge_id="c", day=day, shared_kinds=shared)
    assert chosen is not None and chosen.id in shared


def test_the_invitation_is_the_same_for_both_all_day():
    every = frozenset(kind.id for kind in KINDS)
    first = invitation_for(challenge_id="c", day=3, shared_kinds=every)
    assert first == invitation_for(challenge_id="c", day=3, shared_kinds=every)


def test_with_nothing_in_common_the_page_says_so_gently_without_saying_whose(
    client_for, alex, sam, both_in, challenge
):
    _, sams = both_in
    services.comfort_set(profile=sams, open_kinds=["cuddle"])
    pages = [client_for(person).get(HOME).content.decode() for person in (alex, sam)]
    for page in pages:
        assert "nothing to suggest today" in page
        assert "We did this" not in page


def test_the_day_moves_on_with_the_calendar(client_for, alex, sam, challenge):
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert "Day 3 of 7" in client_for(sam).get(HOME).content.decode()
    with time_machine.travel(timezone.now() + timedelta(days=7)):
        page = client_for(sam).get(HOME).content.decode()
        assert "The seven days are over" in page


# --- Answering: private, and nowhere stored -----------------------------------------


def _answer(client, challenge, answer, day=1):
    return client.post(_url("challenge_answer", challenge), {"answer": answer, "day": str(day)})


@pytest.mark.parametrize("answer", ["not_now", "done"])
def test_sams_page_is_byte_identical_whether_alex_declined_or_has_not_answered(
    client_for, alex, sam, challenge, answer
):
    sam_client = client_for(sam)
    not_answered = normalise(sam_client.get(HOME))
    _answer(client_for(alex), challenge, answer)
    assert normalise(sam_client.get(HOME)) == not_answered


def test_not_now_is_acknowledged_to_the_person_and_stored_nowhere(client_for, alex, challenge):
    before = _rows()
    client = client_for(alex)
    response = _answer(client, challenge, "not_now")
    assert response.status_code == 302
    assert _rows() == before
    page = client.get(HOME).content.decode()
    assert "Not now is a complete answer" in page


def test_answering_a_day_twice_is_calm_and_still_stores_nothing(client_for, alex, challenge):
    before = _rows()
    client = client_for(alex)
    _answer(client, challenge, "not_now")
    response = _answer(client, challenge, "not_now")
    assert response.status_code == 302
    assert _rows() == before
    assert client.get(HOME).content.decode().count("Not now is a complete answer") == 1


def test_a_not_now_lasts_only_for_the_day(client_for, alex, challenge):
    client = client_for(alex)
    _answer(client, challenge, "not_now")
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        page = client.get(HOME).content.decode()
    assert "Not now is a complete answer" not in page
    assert "Day 2 of 7" in page


def test_an_answer_for_a_day_that_is_not_today_changes_nothing(client_for, alex, challenge):
    client = client_for(alex)
    response = _answer(client, challenge, "done", day=4)
    assert response.status_code == 302
    page = client.get(HOME).content.decode()
    assert "no longer today" in page
    assert "Lovely." not in page


def test_a_made_up_answer_is_refused_calmly(client_for, alex, challenge):
    client = client_for(alex)
    assert _answer(client, challenge, "maybe").status_code == 302
    assert "We did this" in client.get(HOME).content.decode()


# --- Pausing and ending -------------------------------------------------------------


def test_either_can_pause_and_neither_is_told_who(client_for, alex, sam, challenge):
    client_for(sam).post(_url("challenge_pause", challenge))
    pages = [client_for(person).get(HOME).content.decode() for person in (alex, sam)]
    for page in pages:
        assert PAUSED in page
        assert HUG not in page


def test_sams_page_is_the_same_whoever_paused(client_for, alex, sam, challenge):
    client_for(alex).post(_url("challenge_pause", challenge))
    paused_by_alex = normalise(client_for(sam).get(HOME))
    client_for(alex).post(_url("challenge_resume", challenge))
    sam_client = client_for(sam)
    sam_client.post(_url("challenge_pause", challenge))
    sam_client.get(HOME)  # Sam's own "paused" confirmation, shown once
    assert normalise(sam_client.get(HOME)) == paused_by_alex


def test_resuming_picks_up_on_the_day_it_paused(client_for, alex, sam, challenge):
    client_for(alex).post(_url("challenge_pause", challenge))
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        client_for(sam).post(_url("challenge_resume", challenge))
        page = client_for(alex).get(HOME).content.decode()
    assert "Day 1 of 7" in page


def test_pausing_twice_is_the_same_as_once(client_for, alex, challenge):
    client_for(alex).post(_url("challenge_pause", challenge))
    paused_on = TouchChallenge.objects.get().paused_on
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        client_for(alex).post(_url("challenge_pause", challenge))
    assert TouchChallenge.objects.get().paused_on == paused_on


def test_ending_keeps_only_the_dates_and_a_new_one_can_start(client_for, alex, sam, challenge):
    client_for(sam).post(_url("challenge_end", challenge))
    assert TouchChallenge.objects.get().ended_on is not None
    assert "Start the seven days" in client_for(alex).get(HOME).content.decode()
    client_for(alex).post(reverse("affection:challenge_start"))
    assert TouchChallenge.objects.filter(ended_on__isnull=True).count() == 1


def test_starting_twice_makes_one_challenge(client_for, alex, sam, both_in):
    client_for(alex).post(reverse("affection:challenge_start"))
    client_for(sam).post(reverse("affection:challenge_start"))
    assert TouchChallenge.objects.count() == 1


# --- Safety: hidden for both, the same whatever the reason --------------------------

ALL_NO = dict.fromkeys(ITEM_KEYS, "no")


@pytest.mark.parametrize("how", ["alex_on_pathway", "alex_pauses", "sam_pauses"])
def test_a_paused_program_hides_affection_for_both_and_looks_the_same_to_sam(
    client_for, alex, sam, challenge, how
):
    reference = None
    if how != "alex_pauses":
        # Sam's page when Alex paused by choice: every other case must equal it.
        program_pause(user=alex)
        reference = normalise(client_for(sam).get(HOME))
        from mendwell.core.fields import sealed_for
        from mendwell.safety.models import SafetyState

        state = SafetyState.objects.get(user=alex)
        SafetyState.objects.filter(user=alex).update(
            flags_json=sealed_for(state, "flags_json", alex, "{}")
        )
    {
        "alex_on_pathway": lambda: safety_check_submit(user=alex, answers=ALL_NO | {"fear": "yes"}),
        "alex_pauses": lambda: program_pause(user=alex),
        "sam_pauses": lambda: program_pause(user=sam),
    }[how]()
    page = client_for(sam).get(HOME)
    text = page.content.decode()
    assert HUG not in text and "Seven days" not in text
    assert "safety" not in text.split("<main", 1)[1].split("</main>", 1)[0].lower()
    if reference is not None:
        assert normalise(page) == reference
    assert client_for(alex).post(_url("challenge_pause", challenge)).status_code == 404


def test_challenge_routes_answer_404_once_tools_close(client_for, alex, sam, challenge):
    services.affection_opt_out(user=sam, today=selectors.local_today(sam))
    assert client_for(alex).post(_url("challenge_answer", challenge)).status_code == 404


@pytest.mark.parametrize(
    "alex_check",
    [ALL_NO, ALL_NO | {"physical_harm": "yes"}],
    ids=["all-clear", "caution"],
)
def test_sams_open_page_is_identical_whatever_alexs_own_safety_check_said(
    client_for, alex, sam, challenge, alex_check
):
    # Short of a pause, Alex's check changes nothing Sam can see, not even a word.
    before = normalise(client_for(sam).get(HOME))
    safety_check_submit(user=alex, answers=alex_check)
    assert normalise(client_for(sam).get(HOME)) == before
