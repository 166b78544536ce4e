"""The page a person meets: baseline first, then the weekly pulse, then the trend."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine

from mendwell.progress import selectors, services
from mendwell.progress.models import BaselineSkip, PulseResponse
from mendwell.progress.services import PulseInvalid, week_of
from mendwell.progress.tests.helpers import ITEMS, answers, form_data, weekly_pulses

THURSDAY = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _thursday():
    with time_machine.travel(THURSDAY, tick=False):
        yield


def test_the_baseline_comes_first_and_can_be_taken(alex, client_for):
    client = client_for(alex)
    page = client.get("/progress/").content.decode()
    assert "Take the baseline" in page and "Skip for now" in page
    assert "Answer this week's pulse" not in page
    response = client.post("/progress/baseline/", form_data(6))
    assert response.status_code == 302
    page = client.get("/progress/").content.decode()
    assert "Take the baseline" not in page
    assert "Done for this week" in page  # the baseline counts for the week it was taken
    assert not selectors.baseline_due(alex)


def test_skipping_the_baseline_is_allowed_and_recorded(alex, client_for):
    client = client_for(alex)
    client.post("/progress/baseline/skip/")
    assert BaselineSkip.objects.filter(user=alex).exists()
    page = client.get("/progress/").content.decode()
    assert "Take the baseline" not in page
    assert "Answer this week's pulse" in page
    assert not PulseResponse.objects.filter(author=alex).exists()


def test_the_baseline_prompt_include_shows_only_while_due(alex, client_for, rf):
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = alex
    assert "Take the baseline" in render_to_string(
        "progress/_baseline_prompt.html", request=request
    )
    services.baseline_skip(user=alex)
    assert render_to_string("progress/_baseline_prompt.html", request=request).strip() == ""


def test_out_of_range_or_missing_answers_name_the_item_keep_the_typing_and_save_nothing(
    alex, client_for
):
    client = client_for(alex)
    data = form_data(5, closeness="11", trust="")
    response = client.post("/progress/pulse/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "choose a whole number from 0 to 10" in page and "close have you felt" in page
    assert "Please answer" in page and "count on your partner" in page
    assert 'value="11"' in page  # what was typed stays in the box
    assert not PulseResponse.objects.filter(author=alex).exists()
    with pytest.raises(PulseInvalid) as refused:
        services.pulse_save(user=alex, kind="weekly", answers={**answers(5), "heard": 12})
    assert set(refused.value.problems) == {"heard"}


def test_a_second_pulse_in_the_same_week_replaces_the_first_with_a_note(alex, client_for):
    client = client_for(alex)
    services.baseline_skip(user=alex)
    client.post("/progress/pulse/", form_data(3))
    again = client.get("/progress/pulse/").content.decode()
    assert "You already answered this week" in again and 'value="3"' in again
    page = client.post("/progress/pulse/", form_data(7), follow=True).content.decode()
    assert "replace the ones you gave earlier this week" in page
    rows = PulseResponse.objects.filter(author=alex, kind="weekly")
    assert rows.count() == 1 and rows.get().answers == answers(7)


def test_the_week_is_the_persons_own_local_week(robin):
    # Monday 00:30 in UTC is still Sunday evening in New York: that pulse belongs to the week before.
    with time_machine.travel(datetime(2026, 11, 30, 0, 30, tzinfo=UTC), tick=False):
        saved = services.pulse_save(user=robin, kind="weekly", answers=answers(4))
    assert saved.response.week_of == date(2026, 11, 23)
    assert week_of(date(2026, 11, 29)) == date(2026, 11, 23)


def test_the_pulse_is_due_again_the_next_week(alex):
    services.pulse_save(user=alex, kind="weekly", answers=answers(4))
    assert not selectors.pulse_due(alex)
    with time_machine.travel(datetime(2026, 12, 1, 9, 0, tzinfo=UTC), tick=False):
        assert selectors.pulse_due(alex)


def test_the_trend_draws_every_item_and_the_total_with_an_honest_note(alex, client_for):
    weekly_pulses(alex, [4, 5, 4, 5, 8, 9, 8, 9], start=datetime(2026, 10, 1, 12, tzinfo=UTC))
    page = client_for(alex).get("/progress/").content.decode()
    assert page.count("<svg") == len(ITEMS) + 1
    assert page.count('<title id="chart-') == len(ITEMS) + 1
    assert "All items together" in page and "<table" in page
    assert "changed more than your usual ups and downs" in page
    assert "informal check-in" in page


def test_too_few_weeks_say_so_and_the_unvalidated_page_has_no_clinical_figures(alex, client_for):
    weekly_pulses(alex, [4, 5, 6], start=datetime(2026, 11, 1, 12, tzinfo=UTC))
    page = client_for(alex).get("/progress/").content.decode().lower()
    assert "isn&#x27;t enough yet" in page
    for word in ("cut-off", "cutoff", "percentile", "clinical", "reliable change", "normal range"):
        assert word not in page


def test_retaking_the_baseline_replaces_it_with_a_note(alex, client_for):
    client = client_for(alex)
    client.post("/progress/baseline/", form_data(2))
    page = client.get("/progress/baseline/").content.decode()
    assert "Saving again replaces it" in page and 'value="2"' in page
    page = client.post("/progress/baseline/", form_data(8), follow=True).content.decode()
    assert "replace your earlier baseline" in page
    assert PulseResponse.objects.get(author=alex, kind="baseline").answers == answers(8)


def test_a_double_submit_makes_one_row(alex):
    for _ in range(2):
        services.pulse_save(user=alex, kind="weekly", answers=answers(5))
    assert PulseResponse.objects.filter(author=alex).count() == 1


def test_skipping_from_another_page_goes_back_there_but_never_off_site(alex, client_for):
    client = client_for(alex)
    response = client.post("/progress/baseline/skip/", {"next": "/journal/"})
    assert response.status_code == 302 and response["Location"] == "/journal/"
    response = client.post("/progress/baseline/skip/", {"next": "https://evil.example/"})
    assert response["Location"] == "/progress/"
