"""The step pages: what someone reading steps 1 and 2 sees, and that the others still stand."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mendwell.core.steps import STEPS, WORDS_PER_MINUTE, reading_minutes, step_by_number

pytestmark = pytest.mark.django_db

EXPLAINED = [step.number for step in STEPS if step.explanation]
UNEXPLAINED = [step.number for step in STEPS if not step.explanation]


def _page(client_for, user, number: int) -> str:
    response = client_for(user).get(f"/steps/{number}/")
    assert response.status_code == 200
    return response.content.decode()


def _headings(page: str) -> list[tuple[int, str]]:
    main = page.split('id="main"', 1)[1]
    return [
        (int(level), re.sub(r"<[^>]+>", "", text).strip())
        for level, text in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", main, flags=re.S)
    ]


def test_steps_one_and_two_have_an_explanation():
    # Other steps gain theirs as their tools land (step 7's is tested below).
    assert {1, 2} <= set(EXPLAINED)


def test_step_seven_explains_consent_first_affection_in_short_headed_sections(client_for, alex):
    page = _page(client_for, alex, 7)
    titles = [text for _level, text in _headings(page)]
    for heading in (
        "Why small touches matter",
        "Consent comes first, every time",
        "Start with what you are both open to",
        "Seven days, one small invitation a day",
        "If touch feels unsafe",
    ):
        assert heading in titles
    assert "Debrot, A., Schoebi, D., Perrez, M., &amp; Horn, A. B." in page
    assert 'href="/affection/"' in page


def test_step_one_explains_itself_in_short_headed_sections(client_for, alex):
    titles = [text for _level, text in _headings(_page(client_for, alex, 1))]
    for heading in (
        "Why begin here",
        "What makes an acknowledgement land",
        "Start in your private log",
        "When you are ready to share",
    ):
        assert heading in titles


def test_step_two_explains_itself_in_short_headed_sections(client_for, alex):
    titles = [text for _level, text in _headings(_page(client_for, alex, 2))]
    for heading in (
        "Agree the ground rules first",
        "Open gently",
        "Take turns: one speaks, one listens",
        "Pause when it gets too much",
        "If talking feels unsafe",
    ):
        assert heading in titles


@pytest.mark.parametrize("number", range(1, 11))
def test_headings_go_down_one_level_at_a_time(client_for, alex, number):
    levels = [level for level, _text in _headings(_page(client_for, alex, number))]
    assert levels[0] == 1
    assert levels.count(1) == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1


def test_step_one_cites_the_research_on_apologies_and_trust(client_for, alex):
    sources = _page(client_for, alex, 1).split(">Sources</h2>", 1)[1]
    assert "Lewicki, R. J., Polin, B., &amp; Lount, R. B., Jr. (2016)" in sources
    assert "An exploration of the structure of effective apologies" in sources
    assert "Negotiation and Conflict Management Research, 9(2), 177–196" in sources
    assert "Fehr, R., Gelfand, M. J., &amp; Nag, M. (2010)" in sources
    assert "Rempel, J. K., Holmes, J. G., &amp; Zanna, M. P. (1985)" in sources


def test_step_two_cites_the_research_on_start_up_turn_taking_and_pauses(client_for, alex):
    sources = _page(client_for, alex, 2).split(">Sources</h2>", 1)[1]
    assert "Gottman, J. M., &amp; Levenson, R. W. (1992)" in sources
    assert "Gottman, J. M., Coan, J., Carrère, S., &amp; Swanson, C. (1998)" in sources
    assert "The marriage clinic: A scientifically based marital therapy" in sources
    assert "Markman, H. J., Stanley, S. M., &amp; Blumberg, S. L. (2010)" in sources
    assert "Fighting for your marriage" in sources


@pytest.mark.parametrize("number", EXPLAINED)
def test_sources_come_last_and_say_what_each_was_used_for(client_for, alex, number):
    page = _page(client_for, alex, number)
    titles = [text for _level, text in _headings(page)]
    assert titles[-1] == "Sources"
    step = STEPS[number - 1]
    for source in step.sources:
        assert str(source.supports) in page


@pytest.mark.parametrize("number", EXPLAINED)
def test_step_pages_ask_no_other_host_for_anything(client_for, alex, number):
    page = _page(client_for, alex, number)
    assert not re.search(r'(?:href|src)="(?:https?:)?//', page)


@pytest.mark.parametrize("number", EXPLAINED)
def test_explained_steps_say_how_long_they_take_to_read(client_for, alex, number):
    assert "About 2 minutes to read" in _page(client_for, alex, number)


@pytest.mark.parametrize("number", EXPLAINED)
def test_explanations_take_one_to_three_minutes_to_read(client_for, alex, number):
    page = _page(client_for, alex, number)
    explanation = page.split('<div class="explanation">', 1)[1].split("</div>", 1)[0]
    words = len(re.sub(r"<[^>]+>", " ", explanation).split())
    assert 250 <= words <= 450


def test_step_one_says_what_it_adds_to_today(client_for, alex):
    page = _page(client_for, alex, 1)
    assert "What this step adds to your Today plan" in page
    assert "a gentle suggestion to note a moment in your private log" in page
    assert "An acknowledgement your partner has sent you, waiting for your answer." in page


def test_step_two_adds_the_question_of_the_day_to_today(client_for, alex):
    page = _page(client_for, alex, 2)
    today = page.split("What this step adds to your Today plan", 1)[1].split("</section>", 1)[0]
    assert "The question of the day" in today


@pytest.mark.parametrize("number", UNEXPLAINED)
def test_steps_without_an_explanation_still_render_as_before(client_for, alex, number):
    page = _page(client_for, alex, number)
    assert f"Step {number} of 10" in page
    step = step_by_number(number)
    assert step is not None
    # A step whose first tool has landed links to it; the others say the tools are coming.
    if step.tool_url_name:
        assert "More tools for this step are coming soon." in page
    else:
        assert "These tools are coming soon." in page
    assert "to read" not in page
    assert "Sources" not in page
    assert "adds to your Today plan" not in page


@pytest.mark.parametrize("number", EXPLAINED)
def test_explained_step_titles_stay_neutral(client_for, alex, number):
    page = _page(client_for, alex, number)
    assert f"<title>Step {number} · Mendwell</title>" in page


def test_step_six_explains_promises_and_cites_the_research_on_trust_and_plans(client_for, alex):
    page = _page(client_for, alex, 6)
    titles = [text for _level, text in _headings(page)]
    for heading in (
        "Why promises, and why small ones",
        "Say what, and by when",
        "Your partner says whether it was kept",
        "Reassurance, not excuses",
        "Follow-through, gently counted",
    ):
        assert heading in titles
    assert "Rempel, J. K., Holmes, J. G., &amp; Zanna, M. P. (1985)" in page
    assert "Gollwitzer, P. M. (1999)" in page
    assert 'href="/promises/"' in page


def test_step_five_explains_the_five_ways_as_a_conversation_starter(client_for, alex):
    page = _page(client_for, alex, 5)
    titles = [text for _level, text in _headings(page)]
    for heading in (
        "Why ask instead of guess",
        "Five ways to start the conversation",
        "What the research says",
        "Make it concrete",
        "When you both share",
    ):
        assert heading in titles
    assert "Impett, E. A., Park, H. G., &amp; Muise, A. (2024)" in page
    assert "Reis, H. T., Clark, M. S., &amp; Holmes, J. G. (2004)" in page
    assert 'href="/loved/"' in page
    assert "an idea for your partner drawn from what they chose to share" in page
    assert not re.search(r"love\s+language", page, flags=re.I)


@given(st.integers(min_value=0, max_value=5000))
def test_reading_time_is_whole_minutes_and_never_zero(words):
    minutes = reading_minutes("word " * words)
    assert minutes >= 1
    assert (minutes - 1) * WORDS_PER_MINUTE < max(words, 1) <= minutes * WORDS_PER_MINUTE


def test_reading_time_rounds_up_to_the_next_minute():
    assert reading_minutes("") == 1
    assert reading_minutes("word " * WORDS_PER_MINUTE) == 1
    assert reading_minutes("word " * (WORDS_PER_MINUTE + 1)) == 2
