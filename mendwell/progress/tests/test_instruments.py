"""Questionnaires an operator drops into INSTRUMENTS_DIR: listed on /progress/, answered on
their own page once a week, charted, and, for a validated and licensed one only, shown with
its cut-off and the reliable change from the first to the latest answers."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
import time_machine

from mendwell.couples.access import Visibility
from mendwell.progress import registry, selectors, services
from mendwell.progress.models import PulseResponse
from mendwell.progress.registry import InstrumentError, parse
from mendwell.progress.tests.helpers import answers as pulse_answers
from mendwell.progress.tests.helpers import fixture_data, informal_data, instruments_dropped_in

URL = "/progress/test-fixture-scale/"
INFORMAL_URL = "/progress/test-informal-extra/"
# Thursdays, two weeks apart.
WEEK_1 = datetime(2026, 11, 12, 12, 0, tzinfo=UTC)
WEEK_3 = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
# f2 is reverse-scored on 1–5: totals 2+2+2 = 6 and 4+4+4 = 12.
LOW = {"f1": "2", "f2": "4", "f3": "2"}
HIGH = {"f1": "4", "f2": "2", "f3": "4"}
CLINICAL_WORDS = ("cut-off", "cutoff", "percentile", "clinical", "reliable change", "normal range")


@pytest.fixture
def operator_dir(tmp_path, settings):
    with instruments_dropped_in(tmp_path, settings) as folder:
        yield folder


@pytest.fixture(autouse=True)
def _week_3():
    with time_machine.travel(WEEK_3, tick=False):
        yield


def _answer(client, url, data, *, at):
    with time_machine.travel(at, tick=False):
        return client.post(url, data, follow=True)


def test_the_progress_page_lists_each_added_questionnaire_with_its_citation_and_a_link(
    operator_dir, alex, client_for
):
    page = client_for(alex).get("/progress/").content.decode()
    assert "Other questionnaires" in page
    assert "Fixture scale (tests only)" in page and "Informal extra (tests only)" in page
    assert "Made up for Mendwell&#x27;s tests; not a real questionnaire." in page
    assert f'href="{URL}"' in page and f'href="{INFORMAL_URL}"' in page
    assert "Take Fixture scale (tests only)" in page
    assert 'href="/progress/mendwell-pulse/"' not in page  # our pulse has its own place


def test_without_added_questionnaires_the_list_is_not_there(alex, client_for):
    assert "Other questionnaires" not in client_for(alex).get("/progress/").content.decode()


def test_a_validated_questionnaire_answered_in_two_weeks_shows_its_cut_off_and_reliable_change(
    operator_dir, alex, client_for
):
    client = client_for(alex)
    first = _answer(client, URL, LOW, at=WEEK_1).content.decode()
    assert "Saved. Only you can see your answers." in first
    assert "Published cut-off for this questionnaire: 9." in first
    assert "That is below the cut-off." in first
    assert "Once you have answered in two different weeks" in first
    page = _answer(client, URL, HIGH, at=WEEK_3).content.decode()
    assert "Published cut-off for this questionnaire: 9." in page
    assert "Fixture: scores under the cut-off are in the fixture" in page
    assert "Your latest score (week of Nov. 23, 2026) is 12." in page
    assert "That is at or above the cut-off." in page
    # SD 2.5, reliability 0.9: (12 − 6) / (2.5 · √2 · √0.1) = 5.37.
    assert (
        "From your first answers (week of Nov. 9, 2026, score 6) to your latest "
        "(week of Nov. 23, 2026, score 12), the reliable change index is 5.37." in page
    )
    assert "This changed more than measurement noise." in page
    assert "not why it moved" in page
    assert page.count("<svg") == 4  # the total and each of the three items
    assert "{#" not in page  # no template comment spilled onto the page
    rows = PulseResponse.objects.filter(author=alex, instrument_id="test-fixture-scale")
    assert [r.week_of for r in rows.order_by("week_of")] == [date(2026, 11, 9), date(2026, 11, 23)]


def test_a_small_change_is_called_within_measurement_noise(operator_dir, alex, client_for):
    client = client_for(alex)
    _answer(client, URL, LOW, at=WEEK_1)
    page = _answer(client, URL, {**LOW, "f1": "3"}, at=WEEK_3).content.decode()
    assert "the reliable change index is 0.89." in page
    assert "This is within measurement noise." in page


def test_the_weeks_on_the_page_are_the_persons_own(operator_dir, robin, client_for):
    # Monday 02:00 UTC is still Sunday evening in New York: the week before, on the page too.
    page = _answer(
        client_for(robin), URL, LOW, at=datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
    ).content.decode()
    assert "Your latest score (week of Nov. 23, 2026) is 6." in page


def test_an_unvalidated_added_questionnaire_shows_no_cut_off_or_clinical_words(
    operator_dir, alex, client_for
):
    client = client_for(alex)
    _answer(client, INFORMAL_URL, LOW, at=WEEK_1)
    page = _answer(client, INFORMAL_URL, HIGH, at=WEEK_3).content.decode()
    assert "Informal extra (tests only)" in page and "informal check-in" in page
    assert page.count("<svg") == 4
    for word in CLINICAL_WORDS:
        assert word not in page.lower(), word


def test_a_validated_file_without_a_confirmed_licence_shows_no_figures(
    operator_dir, alex, client_for
):
    pending = fixture_data()
    pending["licence"] = "pending"
    (operator_dir / "test-fixture-scale.v1.json").write_text(json.dumps(pending))
    registry.reload()
    client = client_for(alex)
    _answer(client, URL, LOW, at=WEEK_1)
    page = _answer(client, URL, HIGH, at=WEEK_3).content.decode().lower()
    for word in CLINICAL_WORDS:
        assert word not in page, word


def test_an_unknown_questionnaire_is_a_plain_404(operator_dir, alex, client_for):
    client = client_for(alex)
    assert client.get("/progress/no-such-questionnaire/").status_code == 404
    assert client.post("/progress/no-such-questionnaire/", LOW).status_code == 404
    assert not PulseResponse.objects.exists()


def test_a_questionnaire_taken_out_of_the_folder_is_a_404(operator_dir, alex, client_for):
    (operator_dir / "test-fixture-scale.v1.json").unlink()
    registry.reload()
    assert client_for(alex).get(URL).status_code == 404


def test_our_pulse_by_its_id_leads_to_the_pulse_page(alex, client_for):
    response = client_for(alex).get("/progress/mendwell-pulse/")
    assert response.status_code == 302 and response["Location"] == "/progress/pulse/"


def test_bad_answers_name_the_item_keep_the_typing_and_save_nothing(operator_dir, alex, client_for):
    response = client_for(alex).post(URL, {"f1": "9", "f2": "", "f3": "abc"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "“Fixture statement one”: choose a whole number from 1 to 5." in page
    assert "Please answer “Fixture statement two”." in page
    assert "“Fixture statement three”: choose a whole number from 1 to 5." in page
    assert 'value="9"' in page and 'value="abc"' in page
    assert not PulseResponse.objects.exists()


def test_a_second_answer_in_the_same_week_replaces_the_first_with_a_note(
    operator_dir, alex, client_for
):
    client = client_for(alex)
    client.post(URL, LOW)
    again = client.get(URL).content.decode()
    assert "You already answered this week" in again and 'value="2"' in again
    page = client.post(URL, HIGH, follow=True).content.decode()
    assert "These answers replace the ones you gave earlier this week" in page
    row = PulseResponse.objects.get(author=alex, instrument_id="test-fixture-scale")
    assert row.answers == {"f1": 4, "f2": 2, "f3": 4} and row.replaced_at is not None
    home = client.get("/progress/").content.decode()
    assert "answered this week" in home and "Change this week's answers to Fixture" in home


def test_an_added_questionnaire_does_not_count_as_this_weeks_pulse(operator_dir, alex, client_for):
    services.baseline_skip(user=alex)
    client_for(alex).post(URL, LOW)
    assert selectors.pulse_due(alex)
    assert selectors.this_weeks_pulse(alex) is None
    assert "Answer this week's pulse" in client_for(alex).get("/progress/").content.decode()


def test_answers_to_an_added_questionnaire_stay_private_even_when_an_item_id_is_shared(
    settings, tmp_path, checked, client_for
):
    alex, sam = checked
    # An operator's file that happens to reuse one of our pulse's item ids.
    data = informal_data(items=[{"id": "trust", "text": "A statement about trust"}])
    data.update(valid_range={"min": 1, "max": 5}, scoring={"rule": "sum", "reverse": []})
    settings.INSTRUMENTS_DIR = tmp_path
    (tmp_path / "overlap.json").write_text(json.dumps(data))
    registry.reload()
    try:
        services.sharing_set(user=alex, item_ids=["trust"])
        services.pulse_save(user=alex, kind="weekly", answers=pulse_answers(5))
        client_for(alex).post(INFORMAL_URL, {"trust": "2"})
        services.sharing_set(user=alex, item_ids=["trust"])  # brings every pulse row in line
        extra = PulseResponse.objects.get(instrument_id="test-informal-extra")
        assert extra.visibility == Visibility.PRIVATE and extra.shared_answers == {}
        assert not PulseResponse.objects.shared_with(sam).filter(pk=extra.pk).exists()
        view = selectors.partner_view_for(sam)
        assert view.series is not None and view.series.instrument.id == registry.PULSE_ID
        assert [p.answers for p in view.series.points] == [{"trust": 5}]
        assert client_for(sam).get(INFORMAL_URL).content.decode().count("<svg") == 0
    finally:
        registry.reload()


@pytest.mark.parametrize(
    "ident", ["Has Spaces", "slash/inside", "UPPER", "-edge", "x" * 65, "pulse", "baseline"]
)
def test_an_id_that_cannot_be_a_page_address_is_refused_with_a_reason(ident):
    data = informal_data(id=ident)
    with pytest.raises(InstrumentError, match="'id'"):
        parse(data, shipped=False)


def test_reliable_is_judged_on_the_unrounded_index():
    fixture = parse(fixture_data(), shipped=False)
    # 1.96 × 1.118… = 2.1913…: a change of 2.19 rounds to an index of 1.96 but is not reliable.
    assert fixture.reliable_change(6, 8.19) == pytest.approx(1.96, abs=0.001)
    assert fixture.is_reliable_change(6, 8.19) is False
    assert fixture.is_reliable_change(6, 8.2) is True
    assert parse(informal_data(), shipped=False).is_reliable_change(6, 12) is None
