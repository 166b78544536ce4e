"""Suggesting professional support, privately, when the pulse stays low or keeps falling."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mendwell.progress.support import Reason, support_reason
from mendwell.progress.tests.helpers import weekly_pulses

START = datetime(2026, 9, 7, 12, tzinfo=UTC)  # a Monday


def reason(means):
    return support_reason(means, scale_min=0, scale_max=10)


def test_three_low_weeks_in_a_row_suggest_support():
    assert reason([6, 3, 2, 3]) == Reason.LOW
    assert reason([3, 3]) is None  # not three weeks yet
    assert reason([3, 7, 3, 3]) is None  # a good week in between


def test_three_falls_in_a_row_suggest_support_even_from_high_up():
    assert reason([9, 8, 7, 6]) == Reason.FALLING
    assert reason([9, 8, 8, 6]) is None  # a flat week breaks the run
    assert reason([8, 7, 6]) is None  # three weeks give only two falls


@given(st.lists(st.floats(min_value=3.5, max_value=10), min_size=0, max_size=12))
def test_steady_or_rising_answers_above_the_bottom_third_never_suggest_it(means):
    rising = sorted(means)
    assert reason(rising) is None


@pytest.mark.django_db
def test_the_suggestion_shows_only_to_the_person_whose_answers_fell(checked, client_for):
    alex, sam = checked
    weekly_pulses(alex, [8, 7, 5, 4], start=START)
    weekly_pulses(sam, [8, 8, 9, 9], start=START)
    alex_page = client_for(alex).get("/progress/").content.decode()
    assert "Some support might help" in alex_page
    assert "gone down for a few weeks in a row" in alex_page
    assert 'href="/safety/professional-help/"' in alex_page
    assert "Some support might help" not in client_for(sam).get("/progress/").content.decode()
    # Nothing about it reaches Sam's view of Alex's shared measures.
    assert (
        "Some support might help" not in client_for(sam).get("/progress/partner/").content.decode()
    )
