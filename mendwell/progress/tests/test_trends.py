"""Honest change: the same rule for gains and declines, and no verdict from too little."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mendwell.progress.chart import change_note
from mendwell.progress.trends import Direction, describe_change, usual_spread

FLIP = {
    Direction.UP: Direction.DOWN,
    Direction.DOWN: Direction.UP,
    Direction.WITHIN: Direction.WITHIN,
    Direction.NOT_ENOUGH: Direction.NOT_ENOUGH,
}
weeks = st.lists(st.integers(min_value=0, max_value=50), min_size=0, max_size=40)


def test_fewer_than_eight_weeks_says_not_enough_yet():
    assert describe_change([10, 20, 30, 40, 50, 50, 50]).direction == Direction.NOT_ENOUGH
    assert describe_change([]).direction == Direction.NOT_ENOUGH


def test_a_clear_rise_and_a_clear_fall_are_both_named():
    assert describe_change([10, 11, 10, 11, 30, 31, 30, 31]).direction == Direction.UP
    assert describe_change([31, 30, 31, 30, 11, 10, 11, 10]).direction == Direction.DOWN


def test_a_wobble_around_one_level_is_within_the_usual_ups_and_downs():
    assert describe_change([20, 26, 18, 25, 19, 27, 21, 24]).direction == Direction.WITHIN


def test_the_usual_spread_is_the_sd_of_week_to_week_differences():
    assert usual_spread([5, 5, 5]) == 0
    assert usual_spread([0, 2, 0, 2]) > 0


@given(weeks)
def test_gains_and_declines_are_judged_by_the_same_rule(values):
    mirrored = [50 - value for value in values]
    assert describe_change(mirrored).direction == FLIP[describe_change(values).direction]


@given(st.integers(min_value=0, max_value=50), st.integers(min_value=8, max_value=40))
def test_a_constant_series_is_within_the_usual_ups_and_downs(level, count):
    assert describe_change([level] * count).direction == Direction.WITHIN


@given(weeks, st.integers(min_value=-20, max_value=20))
def test_shifting_every_answer_changes_nothing(values, shift):
    assert describe_change([v + shift for v in values]).direction == (
        describe_change(values).direction
    )


def test_the_notes_say_declines_as_plainly_as_gains_and_claim_no_cause():
    up = change_note(describe_change([1, 2, 1, 2, 9, 9, 9, 9]), 8)
    down = change_note(describe_change([9, 9, 9, 9, 1, 2, 1, 2]), 8)
    flat = change_note(describe_change([5] * 8), 8)
    few = change_note(describe_change([5] * 3), 3)
    assert "higher" in up and "changed more than your usual ups and downs" in up
    assert "lower" in down and "changed more than your usual ups and downs" in down
    assert "within your usual ups and downs" in flat
    assert "isn't enough yet" in few and "3 so far" in few
    for note in (up, down, flat, few):
        lowered = note.lower()
        for claim in (
            "because",
            "thanks to",
            "the app",
            "mendwell",
            "caused",
            "clinical",
            "cut-off",
        ):
            assert claim not in lowered
