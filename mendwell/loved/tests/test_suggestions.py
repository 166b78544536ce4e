"""The ranking rule other apps use: small, explainable, and blind to what was not shared."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mendwell.loved import services
from mendwell.loved.suggestions import WISH_BONUS, rank, rank_for_partner
from mendwell.loved.tests.support import add, checked, rate
from mendwell.loved.ways import HIGHEST, WAY_KEYS


@dataclass(frozen=True)
class Idea:
    text: str
    ways: tuple[str, ...]


WALK = Idea("A walk together after dinner", ("quality_time",))
NOTE = Idea("A note saying what you appreciated", ("words_of_affirmation",))
TEA = Idea("Bring home the tea they like", ("gifts",))
UNTAGGED = Idea("Something with no way attached", ())

ideas = st.builds(
    Idea,
    text=st.text(max_size=40),
    ways=st.lists(st.sampled_from(WAY_KEYS), max_size=3).map(tuple),
)
some_ratings = st.dictionaries(
    st.sampled_from(WAY_KEYS), st.integers(min_value=0, max_value=HIGHEST), min_size=5
)


def test_the_partners_highest_rated_way_comes_first_with_its_reason():
    ranked = rank(
        [NOTE, TEA, WALK],
        name="Sam",
        ratings={"quality_time": 4, "words_of_affirmation": 2, "gifts": 0},
    )
    assert [item.candidate for item in ranked] == [WALK, NOTE, TEA]
    assert ranked[0].reason == "Sam rated time together 4 of 4"
    assert ranked[2].reason == "Sam rated small gifts 0 of 4"


def test_an_idea_speaking_to_several_ways_counts_its_best_one_not_their_sum():
    both = Idea("Cook together", ("quality_time", "acts_of_service"))
    ranked = rank([both], name="Sam", ratings={"quality_time": 1, "acts_of_service": 3})
    assert ranked[0].score == 3
    assert ranked[0].reason == "Sam rated practical help 3 of 4"


def test_the_short_tags_other_catalogues_use_count_as_the_same_ways():
    cook = Idea("Cook a new recipe together", ("time", "acts"))
    ranked = rank([cook], name="Sam", ratings={"quality_time": 3, "acts_of_service": 1})
    assert ranked[0].score == 3
    assert ranked[0].reason == "Sam rated time together 3 of 4"


def test_words_shared_with_this_weeks_wish_add_a_bonus_and_say_so():
    ranked = rank(
        [NOTE, WALK],
        name="Sam",
        ratings={"quality_time": 1, "words_of_affirmation": 2},
        wish="A long walk by the river",
    )
    assert ranked[0].candidate == WALK
    assert ranked[0].score == 1 + WISH_BONUS
    assert ranked[0].reason == (
        "Sam rated time together 1 of 4; close to what Sam would love this week"
    )


def test_common_words_alone_are_not_a_match():
    ranked = rank(
        [Idea("Something about them together", ())],
        name="Sam",
        ratings=None,
        wish="about them together",
    )
    assert ranked[0].score == 0
    assert ranked[0].reason == ""


@given(st.lists(ideas, max_size=8))
def test_with_nothing_shared_the_order_is_untouched_and_nothing_is_explained(candidates):
    ranked = rank(candidates, name="Sam", ratings=None, wish="")
    assert [item.candidate for item in ranked] == candidates
    assert all(item.score == 0 and item.reason == "" for item in ranked)


@given(st.lists(ideas, max_size=8), some_ratings, st.text(max_size=40))
def test_the_ranking_is_a_reordering_sorted_by_score_with_ties_in_the_given_order(
    candidates, ratings, wish
):
    ranked = rank(candidates, name="Sam", ratings=ratings, wish=wish)
    assert sorted(map(id, (item.candidate for item in ranked))) == sorted(map(id, candidates))
    scores = [item.score for item in ranked]
    assert scores == sorted(scores, reverse=True)
    given_at = {id(candidate): index for index, candidate in enumerate(candidates)}
    for first, second in zip(ranked, ranked[1:], strict=False):
        if first.score == second.score:
            assert given_at[id(first.candidate)] < given_at[id(second.candidate)]
    for item in ranked:
        assert 0 <= item.score <= HIGHEST + WISH_BONUS
        assert (item.reason == "") == (item.score == 0 and not item.candidate.ways)


@pytest.mark.django_db
def test_rank_for_partner_uses_only_what_the_partner_shared(alex, sam):
    checked(alex, sam)
    candidates = [NOTE, TEA, WALK]
    rate(sam, receiving_quality_time=4, receiving_words_of_affirmation=1)
    add(sam, "Breakfast in bed", this_week=True)
    unshared = rank_for_partner(alex, candidates)
    assert [item.candidate for item in unshared] == candidates
    assert all(item.reason == "" for item in unshared)

    services.ratings_share_set(user=sam, shared=True)
    shared = rank_for_partner(alex, candidates)
    assert shared[0].candidate == WALK
    assert shared[0].reason == "Sam rated time together 4 of 4"

    services.ratings_share_set(user=sam, shared=False)
    assert [item.candidate for item in rank_for_partner(alex, candidates)] == candidates


@pytest.mark.django_db
def test_rank_for_partner_reads_the_shared_wish(alex, sam):
    checked(alex, sam)
    add(sam, "Bring me some tea in the morning", this_week=True)
    services.list_share_set(user=sam, shared=True)
    ranked = rank_for_partner(alex, [NOTE, TEA])
    assert ranked[0].candidate == TEA
    assert ranked[0].reason == "close to what Sam would love this week"


@pytest.mark.django_db
def test_a_person_alone_gets_the_candidates_back_unchanged(robin):
    ranked = rank_for_partner(robin, [NOTE, UNTAGGED])
    assert [item.candidate for item in ranked] == [NOTE, UNTAGGED]


@pytest.mark.django_db
def test_the_partner_page_explains_each_idea_in_one_line(client_for, alex, sam):
    checked(alex, sam)
    rate(sam, receiving_quality_time=4)
    services.ratings_share_set(user=sam, shared=True)
    page = client_for(alex).get("/loved/partner/").content.decode()
    ideas_section = page.split('id="ideas-heading"', 1)[1]
    assert "Why this one: Sam rated time together 4 of 4." in ideas_section
    assert ideas_section.index("Go for a walk together") < ideas_section.index("Leave a short note")
