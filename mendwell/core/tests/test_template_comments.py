"""Django's ``{# … #}`` comment ends at the line's end: one that runs over several lines
is not a comment at all, and its words are printed on the page (a PDF report once
carried a note about WeasyPrint's layout costs). Long comments use ``{% comment %}``."""

from __future__ import annotations

import re
from pathlib import Path

import mendwell

TEMPLATES = sorted(Path(mendwell.__file__).parent.glob("*/templates/**/*.html"))


def test_there_are_templates_to_check():
    assert len(TEMPLATES) > 50


def test_no_template_has_a_short_comment_running_over_lines():
    broken = []
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        for opening in re.finditer(r"\{#", text):
            closing = text.find("#}", opening.start())
            if closing == -1 or "\n" in text[opening.start() : closing]:
                line = text.count("\n", 0, opening.start()) + 1
                broken.append(f"{path.relative_to(Path(mendwell.__file__).parent)}:{line}")
    assert broken == []


def test_the_report_shows_none_of_its_template_notes():
    from django.template.loader import render_to_string

    rendered = render_to_string(
        "report/_contents.html", {"report": type("Report", (), {"parts": ()})()}
    )
    assert "WeasyPrint" not in rendered
