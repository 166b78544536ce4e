"""Our story: the timeline and its exports hold only what each person can see."""

from __future__ import annotations

import io
import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pypdf import PdfReader

from mendwell.story import services
from mendwell.story.export import as_markdown
from mendwell.story.tests import events
from mendwell.story.timeline import Moment, story_for

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=ZoneInfo("UTC"))


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def victory(user, text, day):
    return services.victory_create(
        user=user, victory_id=uuid.uuid4(), text=text, happened_on=day, step=None
    )


@pytest.fixture
def story(checked):
    """Alex and Sam each shared a victory; Sam kept one private (made before linking
    would make it shared, so made as private by hand); Alex has a milestone."""
    alex, sam = checked
    victory(alex, "Alex: we cooked together", date(2026, 3, 1))
    victory(sam, "Sam: a long hug at the door", date(2026, 3, 5))
    private = victory(sam, "Sam: kept to myself", date(2026, 3, 6))
    private.visibility, private.couple = "private", None
    private.save()
    events.acknowledgement_sent(alex)
    return alex, sam


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_timeline_tells_the_story_from_its_beginning(story, client_for):
    alex, _sam = story
    moments = story_for(alex)
    assert [m.text[:4] for m in moments] == ["Alex", "Sam:", "You "]
    page = client_for(alex).get("/story/timeline/").content.decode()
    assert (
        page.index("we cooked together")
        < page.index("a long hug")
        < page.index("You sent your first acknowledgement")
    )
    assert "kept to myself" not in page


def test_alexs_markdown_has_alexs_milestones_and_the_shared_wall_not_sams_private_things(
    story, client_for
):
    response = client_for(story[0]).get("/story/export.md")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/markdown")
    assert response["Content-Disposition"] == 'attachment; filename="mendwell-story-2026-03-20.md"'
    text = response.content.decode()
    assert "we cooked together" in text
    assert "a long hug at the door" in text
    assert "Posted by Sam" in text
    assert "You sent your first acknowledgement" in text
    assert "kept to myself" not in text


def test_sams_markdown_has_neither_alexs_milestones_nor_anything_private(story, client_for):
    text = client_for(story[1]).get("/story/export.md").content.decode()
    assert "we cooked together" in text
    assert "kept to myself" in text  # Sam's own
    assert "first acknowledgement" not in text


def test_alexs_pdf_holds_exactly_what_alex_can_see(story, client_for):
    response = client_for(story[0]).get("/story/export.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="mendwell-story-2026-03-20.pdf"'
    text = pdf_text(response.content)
    assert "Our story" in text
    assert "we cooked together" in text
    assert "a long hug at the door" in text
    assert "You sent your first acknowledgement" in text
    assert "kept to myself" not in text


def test_sams_pdf_does_not_have_alexs_milestones(story, client_for):
    text = pdf_text(client_for(story[1]).get("/story/export.pdf").content)
    assert "a long hug at the door" in text
    assert "first acknowledgement" not in text


def test_after_the_couple_ends_the_export_no_longer_holds_the_partners_victories(story, client_for):
    from mendwell.couples.services import couple_leave

    alex, sam = story
    couple_leave(user=sam)
    text = client_for(alex).get("/story/export.md").content.decode()
    assert "we cooked together" in text
    assert "a long hug at the door" not in text


def test_someone_elses_story_is_never_in_a_strangers_export(story, client_for, robin, staff):
    for person in (robin, staff):
        text = client_for(person).get("/story/export.md").content.decode()
        assert "cooked" not in text and "hug" not in text
        assert "Nothing here yet." in text


def test_what_people_typed_stays_plain_text_in_the_markdown():
    moment = Moment(
        day=date(2026, 3, 1),
        kind="victory",
        title="A small victory",
        text="# [click](http://x)\n- one",
    )
    text = as_markdown([moment], made_on=date(2026, 3, 20))
    assert "> \\# \\[click\\](http://x)" in text
    assert "> \\- one" in text
    assert "\n# [" not in text


def test_without_the_pdf_libraries_the_person_is_offered_the_markdown_copy(
    alex, client_for, monkeypatch
):
    from mendwell.story import export

    def no_pango(*args, **kwargs):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(export, "as_pdf", no_pango)
    response = client_for(alex).get("/story/export.pdf", follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "A PDF can&#x27;t be made on this server right now." in page
    assert 'href="/story/export.md"' in page
