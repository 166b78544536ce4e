from __future__ import annotations

import pytest

from mendwell.safety.questions import ITEM_KEYS, ITEMS, Outcome, score

PATHWAY_ITEMS = ["injury", "fear", "sexual_coercion", "monitoring", "restricting", "threats"]


def test_no_answers_at_all_is_clear():
    assert score({}) == (Outcome.CLEAR, ())


def test_all_no_is_clear():
    assert score(dict.fromkeys(ITEM_KEYS, "no")) == (Outcome.CLEAR, ())


@pytest.mark.parametrize("key", PATHWAY_ITEMS)
def test_each_sign_of_fear_injury_coercion_or_control_leads_to_the_pathway(key):
    answers = dict.fromkeys(ITEM_KEYS, "no") | {key: "yes"}
    assert score(answers) == (Outcome.PATHWAY, (key,))


def test_physical_harm_alone_is_caution_not_the_pathway():
    answers = dict.fromkeys(ITEM_KEYS, "no") | {"physical_harm": "yes"}
    assert score(answers) == (Outcome.CAUTION, ("physical_harm",))


def test_physical_harm_with_fear_is_the_pathway():
    assert score({"physical_harm": "yes", "fear": "yes"})[0] is Outcome.PATHWAY


def test_not_sure_counts_as_no_answer():
    assert score(dict.fromkeys(ITEM_KEYS, "unsure")) == (Outcome.CLEAR, ())


def test_every_reason_is_reported():
    assert score({"fear": "yes", "threats": "yes"}) == (Outcome.PATHWAY, ("fear", "threats"))


def test_the_check_asks_about_each_required_area():
    assert set(ITEM_KEYS) == {"physical_harm", *PATHWAY_ITEMS}
    assert len(ITEMS) == 7
