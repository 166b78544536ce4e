"""EVIDENCE.md A4: nothing in this app's schema counts affection or declines."""

from __future__ import annotations

import re

from django.apps import apps
from django.db import models

COUNTING = (
    models.IntegerField,
    models.SmallIntegerField,
    models.BigIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.PositiveBigIntegerField,
    models.FloatField,
    models.DecimalField,
    models.DurationField,
)
# Names that would mean an answer, a refusal or a tally is being kept.
RECORDING = re.compile(
    r"count|total|times|streak|tally|answer|declin|refus|not_now|accept|done|response|score"
)


def _affection_fields() -> list[tuple[str, models.Field]]:
    return [
        (f"{model.__name__}.{field.name}", field)
        for model in apps.get_app_config("affection").get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.Field)
    ]


def test_the_app_has_the_three_tables_we_expect():
    names = {model.__name__ for model in apps.get_app_config("affection").get_models()}
    assert names == {"AffectionProfile", "TouchChallenge", "AffectionNote"}


def test_no_affection_table_has_a_number_that_could_count_anything():
    numeric = [name for name, field in _affection_fields() if isinstance(field, COUNTING)]
    assert numeric == []


def test_no_affection_table_has_a_field_recording_an_answer_or_a_decline():
    recording = [name for name, field in _affection_fields() if RECORDING.search(field.name)]
    assert recording == []


def test_no_other_table_points_at_affection_rows_to_record_answers_about_them():
    pointing = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label != "affection"
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey)
        and field.related_model._meta.app_label == "affection"
    ]
    assert pointing == []
