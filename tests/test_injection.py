"""Words a person writes are shown as words, never run: TS70 and TS72.

Sam's shared words full of markup reach Alex as inert text (escaped in the
HTML, no element or handler created). The property test renders any string
through the filters our templates use for people's words and parses the
result: only the line breaks we add are ever elements.
"""

from __future__ import annotations

import uuid
from datetime import date
from html.parser import HTMLParser
from typing import Any

import pytest
from django.template import Context, Template
from hypothesis import given, settings
from hypothesis import strategies as st

from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from mendwell.story.services import victory_create

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(2)</script>",
    '<a href="javascript:alert(3)">tap</a>',
    "[tap](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)",
    '"><svg onload=alert(5)>',
]


class Elements(HTMLParser):
    """Every element and attribute in an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def elements_in(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser.found


@pytest.mark.django_db
def test_ts70_a_partners_shared_markup_reaches_the_other_as_inert_text(
    alex: Any, sam: Any, client_for: Any
) -> None:
    for person in (alex, sam):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    for payload in PAYLOADS:
        victory_create(
            user=sam, victory_id=uuid.uuid4(), text=payload, happened_on=date.today(), step=None
        )
    page = client_for(alex).get("/story/")
    assert page.status_code == 200
    html = page.content.decode()
    for payload in PAYLOADS:
        assert payload not in html or "<" not in payload  # never verbatim markup
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    tags = elements_in(html)
    assert not [attrs for tag, attrs in tags if tag == "img" and ("src", "x") in attrs]
    assert not [tag for tag, _attrs in tags if tag == "svg"]
    hrefs = [value or "" for _tag, attrs in tags for name, value in attrs if name == "href"]
    assert not [href for href in hrefs if href.lower().startswith(("javascript:", "data:"))]
    handlers = [name for _tag, attrs in tags for name, _value in attrs if name.startswith("on")]
    assert handlers == []


WORD_FILTERS = ["{{ text }}", "{{ text|linebreaksbr }}", "{{ text|linebreaks }}"]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    which=st.sampled_from(WORD_FILTERS),
)
def test_ts72_any_text_rendered_through_our_word_filters_makes_no_element_but_line_breaks(
    text: str, which: str
) -> None:
    html = Template(which).render(Context({"text": text}))
    for tag, attrs in elements_in(html):
        assert tag in {"br", "p"}, (text, html)
        assert attrs == [], (text, html)


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(st.sampled_from([*PAYLOADS, "<", ">", "&", '"', "'", "\n", "x", "javascript:"]))
)
def test_ts72_payload_mixes_stay_text(text: list[str]) -> None:
    joined = "".join(text)
    html = Template("{{ text|linebreaksbr }}").render(Context({"text": joined}))
    assert all(tag == "br" for tag, _attrs in elements_in(html))
