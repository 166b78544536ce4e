"""The crisis-language detector: rules, offsets, normalisation and measured accuracy.

Pure Python: no database, no Django settings needed.

The blind held-out set (``detector_heldout_v3.py``) is only ever imported
inside ``test_held_out_set_meets_the_thresholds``, so
``pytest -k "not held_out"`` never touches it.
"""

from __future__ import annotations

import ast
import functools
import re
import sys
import types
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mendwell.safety import detector
from mendwell.safety.detector import (
    FIGURES,
    PARTNER_FEAR,
    PATTERNS,
    SELF_HARM,
    Findings,
    analyze,
)
from mendwell.safety.tests import detector_examples
from mendwell.safety.tests.detector_examples import (
    HELD_OUT_V3_MODULE,
    TUNING,
    Example,
    load_held_out_v3,
)

# Thresholds for sentences the rules were not written against.
# A regression floor at the level measured once on the blind v3 set (recall 61/80 =
# 0.762, false alarms 2/100; docs/BENCHMARKS.md). The aim is 0.85 recall; reaching
# it honestly needs a fresh blind set, not edits made against this one.
HELD_OUT_MIN_RECALL = 0.75
HELD_OUT_MAX_FALSE_ALARM_RATE = 0.05


def categories(findings: Findings) -> frozenset[str]:
    found = set()
    if findings.self_harm:
        found.add(SELF_HARM)
    if findings.partner_fear:
        found.add(PARTNER_FEAR)
    return frozenset(found)


def score(examples: list[Example]) -> dict[str, float | int]:
    """Recall (every labelled category found) and false-alarm rate (any crisis on a negative)."""
    positives = [e for e in examples if e.positive]
    negatives = [e for e in examples if not e.positive]
    caught = sum(e.labels <= categories(analyze(e.text)) for e in positives)
    false_alarms = sum(analyze(e.text).crisis for e in negatives)
    return {
        "positives": len(positives),
        "caught": caught,
        "recall": caught / len(positives),
        "negatives": len(negatives),
        "false_alarms": false_alarms,
        "false_alarm_rate": false_alarms / len(negatives),
    }


def squash(text: str) -> str:
    """What the detector compares: casefolded, straight apostrophes, single spaces."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).casefold()


# ---------------------------------------------------------------- the rules


def test_every_rule_has_a_unique_id_a_category_and_a_comment() -> None:
    for locale, rules in PATTERNS.items():
        everything = [*rules, *FIGURES.get(locale, [])]
        ids = [rule.id for rule in everything]
        assert len(ids) == len(set(ids)), locale
        for rule in everything:
            assert re.fullmatch(r"[a-z][a-z0-9_]{2,40}", rule.id)
            assert rule.category in (SELF_HARM, PARTNER_FEAR)
            assert rule.comment.strip() and "\n" not in rule.comment
            assert len(rule.comment) <= 100, rule.id
            re.compile(rule.regex)


def test_rule_ids_say_their_category() -> None:
    prefixes = {SELF_HARM: "sh_", PARTNER_FEAR: "pf_"}
    for rules in PATTERNS.values():
        for rule in rules:
            assert rule.id.startswith(prefixes[rule.category]), rule.id


def test_no_self_harm_rule_can_be_cancelled_by_a_negation() -> None:
    for rules in PATTERNS.values():
        assert not [r.id for r in rules if r.category == SELF_HARM and r.negatable]


def test_each_category_asks_its_own_question_about_who_the_sentence_is_about() -> None:
    for rules in PATTERNS.values():
        assert not [r.id for r in rules if r.category == PARTNER_FEAR and r.about_me]
        assert not [r.id for r in rules if r.category == SELF_HARM and r.by_partner]


@functools.cache
def _rules_fired_on_tuning() -> frozenset[str]:
    return frozenset(m.pattern_id for e in TUNING for m in analyze(e.text).matches)


@pytest.mark.parametrize("rule_id", [rule.id for rule in PATTERNS["en"]])
def test_every_rule_fires_on_at_least_one_tuning_example(rule_id: str) -> None:
    assert rule_id in _rules_fired_on_tuning(), f"{rule_id} never fires on the tuning set"


@pytest.mark.parametrize("figure_id", [figure.id for figure in FIGURES["en"]])
def test_every_figure_of_speech_keeps_a_tuning_sentence_quiet(figure_id: str) -> None:
    """Each figure is needed: without it, some tuning negative would raise a false alarm."""
    rules = detector._RULES
    needed_for = [
        e.text
        for e in TUNING
        if not e.positive
        and not analyze(e.text).crisis
        and rules.analyze(e.text, "en", use_figures=False).crisis
        and figure_id in _figures_matching(e.text)
    ]
    assert needed_for, f"{figure_id} keeps no tuning sentence quiet"


def _figures_matching(text: str) -> set[str]:
    folded = squash(text)
    return {f.id for f in FIGURES["en"] if re.search(f.regex, folded)}


def test_the_detector_uses_the_standard_library_only() -> None:
    package = Path(detector.__file__).parent
    imported: set[str] = set()
    for source in package.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
    assert imported - {"__future__", "mendwell"} <= set(sys.stdlib_module_names)
    # Inside the package, only the package itself.
    assert not [
        node.module
        for source in package.glob("*.py")
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
        and node.module
        and node.module.startswith("mendwell")
        and not node.module.startswith("mendwell.safety.detector")
    ]


def test_the_public_api_is_importable_from_the_package() -> None:
    from mendwell.safety.detector import Findings as F
    from mendwell.safety.detector import Match, pattern_ids

    assert F is Findings
    assert Match.__name__ == "Match"
    assert pattern_ids() == tuple(rule.id for rule in PATTERNS["en"])


# ---------------------------------------------------------------- results


def test_findings_say_crisis_when_either_category_fires() -> None:
    assert analyze("I want to die").crisis
    assert analyze("I'm scared of my husband").crisis
    nothing = analyze("We had a lovely walk by the river.")
    assert nothing == Findings(self_harm=False, partner_fear=False, crisis=False, matches=())


def test_both_categories_can_fire_in_one_text() -> None:
    findings = analyze("She slapped me again. Some days I just want to die.")
    assert findings.self_harm and findings.partner_fear and findings.crisis
    assert {m.category for m in findings.matches} == {SELF_HARM, PARTNER_FEAR}


def test_matches_are_in_reading_order() -> None:
    findings = analyze("He hit me. Later I thought about ending my life. He checks my phone.")
    assert [m.pattern_id for m in findings.matches] == [
        "pf_violence",
        "sh_end_life",
        "pf_monitoring",
    ]
    starts = [m.start for m in findings.matches]
    assert starts == sorted(starts)


def test_the_json_shape_is_stable() -> None:
    data = analyze("i want to die").as_dict()
    assert list(data) == ["crisis", "self_harm", "partner_fear", "matches"]
    assert data["matches"] == [
        {"category": "self_harm", "pattern_id": "sh_want_die", "start": 2, "end": 13}
    ]


def test_empty_text_finds_nothing() -> None:
    assert analyze("") == Findings(False, False, False, ())
    assert not analyze("   \n\t  ").crisis


def test_a_non_string_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        analyze(None)  # type: ignore[arg-type]


# ---------------------------------------------------------------- offsets


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Some days I think about ending my life.", "ending my life"),
        ("We argued. I don't want to live anymore.", "don't want to live"),
        ("Dinner was fine, then he hit me in the car.", "he hit me"),
        ("honestly i want to kms", "kms"),
        ("I\u2019m so scared of him.", "scared of him"),
        ("I   WANT   to   DIE", "WANT   to   DIE"),
        ("I don\u2019t\twant\nto be alive", "don\u2019t\twant\nto be alive"),
        ("Café, straße, naïve. Then: I want to die.", "want to die"),
        ("\ufb01ne day \u2014 ﬁne. I wish I were dead", "wish I were dead"),
        ("ǅ İİ ß He threatened to kill me", "threatened to kill me"),
        ("She won't let me see my friends and she tracks my location.", "tracks my location"),
    ],
)
def test_offsets_point_at_the_matched_words_in_the_original_text(text: str, words: str) -> None:
    findings = analyze(text)
    assert findings.crisis
    spans = [text[m.start : m.end] for m in findings.matches]
    assert any(words.casefold() in span.casefold() for span in spans), spans
    for match in findings.matches:
        assert 0 <= match.start < match.end <= len(text)
        # A span never starts or ends on whitespace: it covers words.
        assert not text[match.start].isspace() and not text[match.end - 1].isspace()


def test_an_offset_is_exact_for_a_simple_sentence() -> None:
    text = "Last week he choked me."
    (match,) = analyze(text).matches
    assert (match.pattern_id, match.start, match.end) == ("pf_violence", 10, 22)
    assert text[match.start : match.end] == "he choked me"


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "text",
    [
        "I\u2019m scared of my boyfriend",
        "I\u2018m scared of my boyfriend",
        "I`m scared of my boyfriend",
        "I'M SCARED OF MY BOYFRIEND",
        "i'm    scared\tof \n my   boyfriend",
        "I\u00a0am\u00a0scared of my boyfriend",
        "I'm s\u00adcared of my boy\u200bfriend",
        "I'm scared of my bóyfriend",
    ],
)
def test_case_quotes_spacing_and_accents_do_not_hide_a_phrase(text: str) -> None:
    findings = analyze(text)
    assert findings.partner_fear
    assert [m.pattern_id for m in findings.matches] == ["pf_afraid_of_partner"]


def test_curly_apostrophes_work_in_negations_that_are_the_risk() -> None:
    assert analyze("I don\u2019t want to live anymore").self_harm
    assert analyze("I DON'T WANT TO BE HERE ANYMORE").self_harm


# ---------------------------------------------------------------- negation


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to live anymore",
        "I do not want to be alive",
        "I no longer want to live",
        "i dont want to wake up tomorrow",
        "I'm not ok, I want to kill myself",
        "I would never tell anyone but I want to die",
    ],
)
def test_a_negation_never_hides_self_harm_language(text: str) -> None:
    assert analyze(text).self_harm


@pytest.mark.parametrize(
    "text",
    [
        "I'm not afraid of him.",
        "He has never hit me.",
        "She would never hurt me.",
        "He doesn't check my phone, we trust each other.",
    ],
)
def test_a_plain_denial_of_partner_danger_does_not_fire(text: str) -> None:
    assert not analyze(text).crisis


@pytest.mark.parametrize(
    "text",
    [
        "I don't think he would ever hurt me.",
        "I know he'd never hurt me.",
        "My husband is not controlling at all.",
        "He never checks my phone.",
    ],
)
def test_a_denial_inside_the_sentence_does_not_fire(text: str) -> None:
    assert not analyze(text).crisis


# ---------------------------------------------------------------- who it is about


@pytest.mark.parametrize(
    "text",
    [
        "My friend told me she wants to die.",
        "In the film the hero is tired of being alive.",
        "He says he's suicidal and I don't know how to help him.",
        "We watched a drama where the mother takes all her pills.",
        "My sister has been cutting again and I'm worried.",
    ],
)
def test_self_harm_words_about_someone_else_do_not_fire(text: str) -> None:
    assert not analyze(text).self_harm


@pytest.mark.parametrize(
    "text",
    [
        "It makes me want to die.",
        "so tired of being alive",
        "wanna die lol",
        "He left and I just want to disappear forever.",
        "She knows I've been cutting again.",
    ],
)
def test_self_harm_words_about_the_writer_fire_with_or_without_an_i(text: str) -> None:
    assert analyze(text).self_harm


@pytest.mark.parametrize(
    "text",
    [
        "He's broken two of my ribs.",
        "My husband has broken my nose twice.",
        "she put me in a headlock and wouldn't let go",
    ],
)
def test_force_aimed_at_me_by_a_partner_fires(text: str) -> None:
    assert analyze(text).partner_fear


@pytest.mark.parametrize(
    "text",
    [
        "The toddler kicked me in the face during the nappy change.",
        "I broke my arm skiing and he drove me to A&E.",
        "My son bit me when I took his toy away.",
        "He said the dog scratched my leg at the park.",
    ],
)
def test_force_by_someone_other_than_a_partner_does_not_fire(text: str) -> None:
    assert not analyze(text).partner_fear


def test_apostrophes_typed_without_apostrophes_are_read_as_contractions() -> None:
    assert analyze("hes been hitting me again").partner_fear
    assert analyze("i dont want to be alive").self_harm
    text = "shes always checking my phone"
    (match,) = analyze(text).matches
    assert text[match.start : match.end] == "shes always checking my phone"


def test_one_stretch_of_words_is_explained_by_one_rule() -> None:
    findings = analyze("He grabbed me by the throat and pinned me down.")
    spans = [(m.start, m.end) for m in findings.matches]
    for index, (start, end) in enumerate(spans):
        for other_start, other_end in spans[index + 1 :]:
            assert end <= other_start or other_end <= start


def test_a_denial_does_not_cancel_other_danger_in_the_same_text() -> None:
    findings = analyze("He has never hit me, but he threatened to kill me last week.")
    assert [m.pattern_id for m in findings.matches] == ["pf_threat"]


# ---------------------------------------------------------------- locales


@pytest.mark.parametrize("locale", ["xx", "fr", "de-DE", "", "EN", "en-GB", "en_US", "zz_ZZ"])
def test_an_unknown_or_regional_locale_falls_back_to_english(locale: str) -> None:
    text = "I don't want to be here anymore. He checks my phone."
    assert analyze(text, locale=locale) == analyze(text, locale="en")
    assert analyze(text, locale=locale).crisis
    assert detector.pattern_ids(locale) == detector.pattern_ids("en")


# ---------------------------------------------------------------- properties


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=600), locale=st.text(max_size=12))
def test_analyze_never_raises_and_is_deterministic(text: str, locale: str) -> None:
    first = analyze(text, locale=locale)
    assert first == analyze(text, locale=locale)
    assert first.crisis == (first.self_harm or first.partner_fear)
    assert first.self_harm == any(m.category == SELF_HARM for m in first.matches)
    assert first.partner_fear == any(m.category == PARTNER_FEAR for m in first.matches)
    for match in first.matches:
        assert 0 <= match.start < match.end <= len(text)


_FRAGMENTS = [e.text for e in TUNING] + [
    " ",
    "  ",
    "\n",
    "\u2019",
    "é",
    "ß",
    "İ",
    "\u200b",
    "\ufb01",
    "KMS",
    "not ",
]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.sampled_from(_FRAGMENTS), max_size=8), joiner=st.sampled_from(" \n\t."))
def test_journal_like_mixtures_never_raise_and_spans_stay_in_bounds(
    parts: list[str], joiner: str
) -> None:
    text = joiner.join(parts)
    findings = analyze(text)
    assert findings == analyze(text)
    for match in findings.matches:
        assert 0 <= match.start < match.end <= len(text)
        assert text[match.start : match.end].strip()


_POSITIVES = [e for e in TUNING if e.positive]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    example=st.sampled_from(_POSITIVES),
    data=st.data(),
)
def test_respacing_and_recasing_a_positive_keeps_the_same_findings(
    example: Example, data: st.DataObject
) -> None:
    original = analyze(example.text)
    chars = []
    for char in example.text:
        if char == " ":
            char = data.draw(st.sampled_from([" ", "  ", "\t", " \n ", "\u00a0"]))
        elif char == "'":
            char = data.draw(st.sampled_from(["'", "\u2019"]))
        elif char.isalpha() and data.draw(st.booleans()):
            char = char.swapcase()
        chars.append(char)
    mutated = "".join(chars)
    findings = analyze(mutated)
    assert [m.pattern_id for m in findings.matches] == [m.pattern_id for m in original.matches]
    for before, after in zip(original.matches, findings.matches, strict=True):
        assert squash(mutated[after.start : after.end]) == squash(
            example.text[before.start : before.end]
        )


# ---------------------------------------------------------------- accuracy


def test_the_tuning_set_is_big_enough_and_has_no_repeats() -> None:
    assert sum(e.positive for e in TUNING) >= 150
    assert sum(not e.positive for e in TUNING) >= 200
    for category in (SELF_HARM, PARTNER_FEAR):
        assert sum(category in e.labels for e in TUNING) >= 70
    squashed = [squash(e.text) for e in TUNING]
    assert len(squashed) == len(set(squashed))
    for example in TUNING:
        assert example.labels <= {SELF_HARM, PARTNER_FEAR}
    round_2 = detector_examples._WRITTEN_FOR_TUNING_ROUND_2
    assert sum(e.positive for e in round_2) >= 30
    assert sum(not e.positive for e in round_2) >= 30


def test_known_misses_are_recorded_apart_from_tuning() -> None:
    tuning = {squash(e.text) for e in TUNING}
    for example in detector_examples.KNOWN_MISSES:
        assert example.positive
        assert squash(example.text) not in tuning


@pytest.mark.parametrize("example", TUNING, ids=lambda e: e.text[:40])
def test_each_tuning_example_gets_exactly_its_labels(example: Example) -> None:
    assert categories(analyze(example.text)) == example.labels


def test_tuning_set_recall_is_total_and_it_raises_no_false_alarms() -> None:
    figures = score(TUNING)
    print(
        f"\ntuning: recall {figures['caught']}/{figures['positives']} = {figures['recall']:.3f}, "
        f"false alarms {figures['false_alarms']}/{figures['negatives']} "
        f"= {figures['false_alarm_rate']:.3f}"
    )
    assert figures["recall"] == 1.0
    assert figures["false_alarms"] == 0


def test_held_out_set_meets_the_thresholds() -> None:
    """The blind v3 set, imported here and only here (see the module docstring)."""
    held_out = load_held_out_v3()
    assert held_out, f"{HELD_OUT_V3_MODULE} is missing: the held-out figure cannot be measured"
    figures = score(held_out)
    print(
        f"\nheld-out v3: recall {figures['caught']}/{figures['positives']} = "
        f"{figures['recall']:.3f}, false alarms {figures['false_alarms']}/"
        f"{figures['negatives']} = {figures['false_alarm_rate']:.3f}"
    )
    for category in (SELF_HARM, PARTNER_FEAR):
        subset = [e for e in held_out if category in e.labels]
        caught = sum(e.labels <= categories(analyze(e.text)) for e in subset)
        print(f"  {category}: recall {caught}/{len(subset)}")
    advice = (
        "Do not edit patterns to fix held-out sentences: add similar sentences to TUNING, fix "
        "them there, and retire the held-out set into TUNING with a freshly written one (see "
        "the docstring of detector_examples.py)."
    )
    assert figures["recall"] >= HELD_OUT_MIN_RECALL, advice
    assert figures["false_alarm_rate"] <= HELD_OUT_MAX_FALSE_ALARM_RATE, advice


# ---------------------------------------------------------------- the v3 loader
# These use stand-in modules placed in sys.modules, so the real v3 file is never imported.


def _stand_in(monkeypatch: pytest.MonkeyPatch, **attributes: object) -> None:
    module = types.ModuleType(HELD_OUT_V3_MODULE)
    for name, value in attributes.items():
        setattr(module, name, value)
    monkeypatch.setitem(sys.modules, HELD_OUT_V3_MODULE, module)


def test_v3_loader_reads_the_three_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    _stand_in(
        monkeypatch,
        POSITIVE_SELF_HARM=["a", "both"],
        POSITIVE_PARTNER_FEAR=["b", "both"],
        NEGATIVE=["c"],
    )
    loaded = {e.text: e.labels for e in load_held_out_v3() or []}
    assert loaded == {
        "a": {SELF_HARM},
        "b": {PARTNER_FEAR},
        "both": {SELF_HARM, PARTNER_FEAR},
        "c": set(),
    }


def test_v3_loader_reads_a_mapping_or_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    _stand_in(
        monkeypatch,
        HELD_OUT={"positive_self_harm": ["a"], "POSITIVE_PARTNER_FEAR": [], "NEGATIVE": ["c"]},
    )
    assert {e.text: e.labels for e in load_held_out_v3() or []} == {"a": {SELF_HARM}, "c": set()}
    _stand_in(
        monkeypatch,
        HELD_OUT=[Example("a", frozenset({SELF_HARM})), ("b", {"partner_fear"}), ("c", ())],
    )
    assert {e.text: e.labels for e in load_held_out_v3() or []} == {
        "a": {SELF_HARM},
        "b": {PARTNER_FEAR},
        "c": set(),
    }


def test_v3_loader_refuses_what_it_cannot_read(monkeypatch: pytest.MonkeyPatch) -> None:
    _stand_in(monkeypatch, SOMETHING_ELSE=["a"])
    with pytest.raises(ValueError):
        load_held_out_v3()
    _stand_in(monkeypatch, HELD_OUT=[("a", {"not_a_category"})])
    with pytest.raises(ValueError):
        load_held_out_v3()
