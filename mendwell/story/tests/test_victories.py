"""Small victories: posting to the shared wall, who sees what, and bad input."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from conftest import sudo
from mendwell.story import services
from mendwell.story.models import Victory

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=ZoneInfo("UTC"))


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def post(client, **data):
    fields = {"victory_id": str(uuid.uuid4()), "text": "We laughed at dinner", **data}
    fields.setdefault("happened_on", "2026-03-19")
    return client.post("/story/", fields)


def wall(page):
    return page.split('id="wall-heading"')[1].split('id="milestones-heading"')[0]


def victory(user, text="We laughed at dinner", **fields):
    values = {"happened_on": date(2026, 3, 18), "step": None, **fields}
    return services.victory_create(user=user, victory_id=uuid.uuid4(), text=text, **values)


def test_a_victory_alex_posts_is_on_sams_wall_too(checked, client_for):
    alex, sam = checked
    response = post(client_for(alex), text="Sam made me tea without asking", step="3")
    assert response.status_code == 302
    saved = Victory.objects.get()
    assert (saved.visibility, saved.step, saved.happened_on) == ("shared", 3, date(2026, 3, 19))
    page = client_for(sam).get("/story/").content.decode()
    assert "Sam made me tea without asking" in page
    assert "Step 3" in page
    # Sam can read it but it is not Sam's to change.
    assert f"/story/{saved.id}/edit/" not in page
    assert f"/story/{saved.id}/edit/" in client_for(alex).get("/story/").content.decode()


def test_before_the_private_check_a_victory_stays_with_its_author(alex, sam, client_for):
    post(client_for(alex), text="A quiet walk together")
    assert Victory.objects.get().visibility == "private"
    assert "A quiet walk together" in client_for(alex).get("/story/").content.decode()
    assert "A quiet walk together" not in client_for(sam).get("/story/").content.decode()


def test_someone_on_their_own_keeps_victories_private(robin, client_for):
    post(client_for(robin), text="I slept well")
    assert Victory.objects.get().visibility == "private"


def test_sending_the_same_form_twice_makes_one_victory(checked, client_for):
    alex, _sam = checked
    same = str(uuid.uuid4())
    post(client_for(alex), victory_id=same)
    post(client_for(alex), victory_id=same)
    assert Victory.objects.count() == 1


def test_an_id_belonging_to_someone_else_is_never_touched(checked, robin):
    alex, _sam = checked
    theirs = victory(robin, "Robin's own")
    mine = services.victory_create(
        user=alex, victory_id=theirs.id, text="mine", happened_on=date(2026, 3, 1), step=None
    )
    assert mine.id != theirs.id
    theirs.refresh_from_db()
    assert (theirs.text, theirs.author_id) == ("Robin's own", robin.pk)


@pytest.mark.parametrize(
    ("data", "field_message"),
    [
        ({"text": "   "}, "Please write a few words about the moment."),
        ({"text": "x" * 501}, "Please keep this under 500 characters (this has 501)."),
        ({"happened_on": "2026-03-21"}, "This day hasn&#x27;t come yet."),
        ({"happened_on": "not a day"}, "Please enter a date like 2026-03-14."),
        ({"step": "11"}, "Please choose one of the ten steps, or none."),
        ({"step": "0"}, "Please choose one of the ten steps, or none."),
    ],
)
def test_bad_input_is_explained_kept_and_saves_nothing(checked, client_for, data, field_message):
    alex, _sam = checked
    response = post(client_for(alex), **{"text": "Typed with care", **data})
    assert response.status_code == 200
    page = response.content.decode()
    assert field_message in page
    assert "Typed with care" in page or data.get("text", "Typed with care") != "Typed with care"
    assert Victory.objects.count() == 0


def test_a_bad_edit_changes_nothing_already_saved(checked, client_for):
    alex, _sam = checked
    mine = victory(alex, "The first one")
    response = client_for(alex).post(
        f"/story/{mine.id}/edit/", {"text": "Changed", "happened_on": "2030-01-01"}
    )
    assert response.status_code == 200
    assert "Changed" in response.content.decode()
    mine.refresh_from_db()
    assert (mine.text, mine.happened_on) == ("The first one", date(2026, 3, 18))


def test_the_author_edits_and_deletes_their_own(checked, client_for):
    alex, _sam = checked
    mine = victory(alex)
    client = client_for(alex)
    form = client.get(f"/story/{mine.id}/edit/").content.decode()
    assert "We laughed at dinner" in form
    response = client.post(
        f"/story/{mine.id}/edit/",
        {"text": "We laughed a lot", "happened_on": "2026-03-17", "step": "8"},
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.text, mine.happened_on, mine.step, mine.visibility) == (
        "We laughed a lot",
        date(2026, 3, 17),
        8,
        "shared",
    )
    assert client.post(f"/story/{mine.id}/delete/").status_code == 302
    assert not Victory.objects.exists()


def test_nobody_else_can_open_change_or_delete_a_victory(checked, client_for, robin, staff):
    alex, sam = checked
    mine = victory(alex)
    for person in (sam, robin, staff):
        client = client_for(person)
        assert client.get(f"/story/{mine.id}/edit/").status_code == 404
        assert (
            client.post(
                f"/story/{mine.id}/edit/", {"text": "x", "happened_on": "2026-03-01"}
            ).status_code
            == 404
        )
        assert client.post(f"/story/{mine.id}/delete/").status_code == 404
    mine.refresh_from_db()
    assert mine.text == "We laughed at dinner"


def test_strangers_and_staff_never_see_the_wall(checked, client_for, robin, staff):
    alex, _sam = checked
    victory(alex, "Only for the two of us")
    for person in (robin, staff):
        assert "Only for the two of us" not in client_for(person).get("/story/").content.decode()


def test_after_the_couple_ends_the_partner_no_longer_sees_shared_victories(checked, client_for):
    alex, sam = checked
    victory(alex, "Our first dance in years")
    assert "Our first dance in years" in client_for(sam).get("/story/").content.decode()
    assert sudo(client_for(alex), alex).post("/couple/leave/").status_code == 302
    assert "Our first dance in years" not in client_for(sam).get("/story/").content.decode()
    # Alex keeps what Alex wrote.
    assert "Our first dance in years" in client_for(alex).get("/story/").content.decode()


def test_words_that_call_for_support_show_the_private_panel_to_the_writer(checked, client_for):
    alex, _sam = checked
    response = post(client_for(alex), text="I want to kill myself")
    assert response.status_code == 200
    assert "carry this alone" in response.content.decode()
    assert Victory.objects.count() == 1
    assert "carry this alone" not in client_for(_sam).get("/story/").content.decode()


def test_a_pause_changes_nothing_on_the_partners_wall(checked, client_for):
    """What Sam sees of the wall does not depend on Alex's safety state; the only sign
    of a pause is the neutral note that working together is paused, never who or why."""
    from mendwell.safety.services import program_pause

    alex, sam = checked
    victory(alex, "Before the pause")
    before = client_for(sam).get("/story/").content.decode()
    program_pause(user=alex)
    after = client_for(sam).get("/story/").content.decode()
    assert "Before the pause" in after
    assert wall(before) == wall(after)
    assert "Working together is paused for now" in after
    assert "Alex" not in after.split('id="post-heading"')[1].split("</form>")[0]


def test_wording_hints_show_only_when_switched_on_and_checking_saves_nothing(checked, client_for):
    alex, sam = checked
    words = "It's not a big deal but you finally listened"
    off = post(client_for(alex), text=words, preview="1").content.decode()
    assert "“not a big deal”" not in off
    alex.coach_enabled = True
    alex.save()
    on = post(client_for(alex), text=words, preview="1").content.decode()
    assert "“not a big deal”" in on
    assert "you finally listened</textarea>" in on  # what was typed stays in the box
    assert not Victory.objects.exists()
    live = client_for(alex).post("/story/hints/", {"text": words}).content.decode()
    assert "“not a big deal”" in live
    assert client_for(alex).post("/story/hints/", {"text": "a walk by the river"}).content == b""
    # Sam, who has hints off, gets none for the same words.
    assert client_for(sam).post("/story/hints/", {"text": words}).content == b""
