"""The instrument registry: every file scores correctly, bad answers are refused,
bad files are skipped (and named to the operator) without breaking any page."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from mendwell.progress import registry, strings
from mendwell.progress.checks import instrument_files
from mendwell.progress.registry import SHIPPED_DIR, InstrumentError, load, parse, wording_hash

FIXTURES = Path(__file__).resolve().parent / "instruments"
FIXTURE = FIXTURES / "test-fixture-scale.v1.json"


def _data(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


SHIPPED_FILES = sorted(SHIPPED_DIR.glob("*.json"))
EVERY_FILE = SHIPPED_FILES + sorted(FIXTURES.glob("*.json"))


def test_we_ship_our_pulse_and_only_unvalidated_instruments():
    loaded = load([(SHIPPED_DIR, True)])
    assert not loaded.problems
    assert "mendwell-pulse.v1" in loaded.instruments
    pulse = loaded.instruments["mendwell-pulse.v1"]
    assert 4 <= len(pulse.items) <= 6 and (pulse.scale_min, pulse.scale_max) == (0, 10)
    assert pulse.label == "informal check-in"
    # A copyrighted questionnaire's wording must never ship: only our own, unvalidated files.
    assert all(not instrument.validated for instrument in loaded.instruments.values())


@pytest.mark.parametrize("path", EVERY_FILE, ids=lambda p: p.name)
def test_every_instrument_file_scores_its_whole_range(path):
    instrument = parse(_data(path), shipped=True)
    lowest = {item.id: instrument.scale_min for item in instrument.items}
    highest = {item.id: instrument.scale_max for item in instrument.items}
    low_score = {
        item.id: (instrument.scale_max if item.reverse else instrument.scale_min)
        for item in instrument.items
    }
    high_score = {
        item.id: (instrument.scale_min if item.reverse else instrument.scale_max)
        for item in instrument.items
    }
    assert instrument.score(low_score) == instrument.valid_min
    assert instrument.score(high_score) == instrument.valid_max
    assert instrument.valid_min <= instrument.score(lowest) <= instrument.valid_max
    assert instrument.valid_min <= instrument.score(highest) <= instrument.valid_max


@pytest.mark.parametrize("path", EVERY_FILE, ids=lambda p: p.name)
def test_every_instrument_file_refuses_out_of_range_and_missing_answers(path):
    instrument = parse(_data(path), shipped=True)
    first, *rest = instrument.items
    fine = {item.id: instrument.scale_min for item in rest}
    for bad in (instrument.scale_min - 1, instrument.scale_max + 1, None, "3", True):
        answers = {**fine, first.id: bad}
        assert first.id in instrument.problems_with(answers)
        with pytest.raises(InstrumentError):
            instrument.score(answers)
    assert instrument.problems_with(fine) == {first.id: "missing"}


def test_the_fixture_instrument_scores_its_reversed_item():
    instrument = parse(_data(FIXTURE), shipped=False)
    assert instrument.score({"f1": 5, "f2": 1, "f3": 5}) == 15  # f2 reversed: 1 counts as 5
    assert instrument.score({"f1": 1, "f2": 5, "f3": 1}) == 3


def test_every_shipped_string_is_marked_for_translation():
    for path in SHIPPED_FILES:
        data = _data(path)
        words = [data["name"], data["label"], *data["scale"]["anchors"].values()]
        words += [item["text"] for item in data["items"]]
        missing = [w for w in words if w not in strings.SHIPPED_WORDING]
        assert not missing, f"{path.name}: add these to progress/strings.py: {missing}"


def test_a_validated_file_whose_wording_changed_is_refused():
    data = _data(FIXTURE)
    data["items"][0]["text"] = "Fixture statement one, reworded"
    with pytest.raises(InstrumentError, match="sha256"):
        parse(data, shipped=False)
    # Changing an anchor or which items are reversed counts as a change of wording too.
    for change in (
        lambda d: d["scale"]["anchors"].update({"1": "Changed"}),
        lambda d: d["items"][1].update({"reverse": False}),
        lambda d: d["scoring"].update({"reverse": ["f1"]}),
    ):
        changed = _data(FIXTURE)
        change(changed)
        with pytest.raises(InstrumentError, match="sha256"):
            parse(changed, shipped=False)


def test_a_validated_file_without_a_checksum_is_refused():
    data = _data(FIXTURE)
    del data["sha256"]
    with pytest.raises(InstrumentError, match="sha256"):
        parse(data, shipped=False)
    data["sha256"] = wording_hash(data)
    assert parse(data, shipped=False).validated


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.update({"validated": "yes"}),
        lambda d: d.update({"licence": "borrowed"}),
        lambda d: d.update({"items": []}),
        lambda d: d["scale"].update({"min": 5}),
        lambda d: d.update({"valid_range": {"min": 0, "max": 99}}),
        lambda d: d["scoring"].update({"rule": "median"}),
        lambda d: d["norms"].update({"reliability": 1.2}),
        lambda d: d["norms"].update({"sd": 0}),
        lambda d: d["scoring"].update({"reverse": [{}]}),
        lambda d: d["scoring"].update({"reverse": [["f1"]]}),
    ],
)
def test_malformed_content_is_refused_with_a_reason(breakage):
    data = _data(FIXTURE)
    breakage(data)
    with pytest.raises(InstrumentError):
        parse(data, shipped=False)


@pytest.fixture
def operator_dir(tmp_path, settings):
    settings.INSTRUMENTS_DIR = tmp_path
    yield tmp_path
    registry.reload()


def test_a_tampered_operator_file_is_skipped_logged_and_named_by_check(operator_dir, caplog):
    shutil.copy(FIXTURE, operator_dir / "good.v1.json")
    tampered = _data(FIXTURE)
    tampered["id"] = "tampered"
    tampered["items"][0]["text"] = "Quietly changed wording"
    (operator_dir / "tampered.v1.json").write_text(json.dumps(tampered))
    (operator_dir / "broken.json").write_text("{ not json")
    with caplog.at_level(logging.ERROR, logger="mendwell.progress.registry"):
        warnings = instrument_files()
    named = " ".join(w.msg for w in warnings)
    assert "tampered.v1.json" in named and "broken.json" in named and "good" not in named
    assert all(w.id == "progress.W001" for w in warnings)
    assert "tampered.v1.json" in caplog.text
    loaded = registry.registry()
    assert set(loaded.instruments) == {"mendwell-pulse.v1", "test-fixture-scale.v1"}


def test_the_app_keeps_serving_when_an_operator_file_is_broken(operator_dir, alex, client_for):
    (operator_dir / "broken.json").write_text("[1, 2")
    registry.reload()
    client = client_for(alex)
    assert client.get("/progress/").status_code == 200
    assert client.get("/progress/baseline/").status_code == 200


def test_odd_json_in_an_operator_file_is_skipped_and_the_pages_still_work(
    operator_dir, alex, client_for
):
    odd = _data(FIXTURE)
    odd["scoring"]["reverse"] = [{"id": "f1"}]  # an object where an item id belongs
    (operator_dir / "odd.json").write_text(json.dumps(odd))
    (operator_dir / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    named = " ".join(w.msg for w in instrument_files())
    assert "odd.json" in named and "deep.json" in named
    assert set(registry.registry().instruments) == {"mendwell-pulse.v1"}
    client = client_for(alex)
    assert client.get("/progress/").status_code == 200
    assert client.get("/progress/pulse/").status_code == 200


def test_an_operator_file_cannot_replace_a_shipped_instrument(operator_dir):
    (operator_dir / "copy.json").write_text((SHIPPED_DIR / "mendwell-pulse.v1.json").read_text())
    loaded = registry.reload()
    assert loaded.instruments["mendwell-pulse.v1"].shipped
    assert any("already defined" in reason for _path, reason in loaded.problems)


def test_reliable_change_follows_jacobson_truax_for_validated_files_only():
    fixture = parse(_data(FIXTURE), shipped=False)
    # SD 2.5, r 0.9: the standard error of the difference is 2.5 * sqrt(2) * sqrt(0.1) ≈ 1.118.
    assert fixture.reliable_change(6, 9) == pytest.approx(2.68, abs=0.01)
    assert fixture.reliable_change(9, 6) == pytest.approx(-2.68, abs=0.01)
    pulse = parse(_data(SHIPPED_DIR / "mendwell-pulse.v1.json"), shipped=True)
    assert pulse.reliable_change(10, 40) is None
    pending = _data(FIXTURE)
    pending["licence"] = "pending"
    assert parse(pending, shipped=False).reliable_change(6, 9) is None


def test_no_cut_off_or_clinical_words_are_rendered_for_an_unvalidated_instrument():
    pulse = parse(_data(SHIPPED_DIR / "mendwell-pulse.v1.json"), shipped=True)
    html = render_to_string(
        "progress/_instrument_figures.html", {"instrument": pulse, "rci": 3.1, "reliable": True}
    )
    assert html.strip() == ""
    fixture = parse(_data(FIXTURE), shipped=False)
    html = render_to_string(
        "progress/_instrument_figures.html", {"instrument": fixture, "rci": 2.68, "reliable": True}
    )
    assert "cut-off" in html and "2.68" in html and "more than measurement noise" in html
