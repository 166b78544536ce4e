from __future__ import annotations

import uuid

import pytest
from django.db import connection

from mendwell.journal.models import LogEntry
from mendwell.journal.services import EditConflict, log_entry_create, log_entry_update


def entry_data(**changes):
    data = {
        "entry_id": str(uuid.uuid4()),
        "version": "1",
        "what_happened": "I worked through our anniversary dinner.",
        "happened_on": "2026-03-14",
        "rough_period": "",
        "impact": "They ate alone and felt they came second.",
        "differently": "Put the phone away and book the table myself.",
        "tags": ["time", "attention"],
    }
    data.update(changes)
    return data


def make_entry(user, **changes) -> LogEntry:
    fields = {
        "happened_on": None,
        "rough_period": "last winter",
        "what_happened": "I missed the school play.",
        "impact": "",
        "differently": "",
        "tags": ["time"],
    }
    fields.update(changes)
    return log_entry_create(user=user, entry_id=uuid.uuid4(), **fields)


def test_a_person_writes_an_entry_and_sees_it_in_their_log(client_for, alex):
    client = client_for(alex)
    response = client.post("/log/new/", entry_data())
    assert response.status_code == 302
    page = client.get("/log/").content.decode()
    assert "I worked through our anniversary dinner." in page
    assert "Attention" in page


def test_entries_are_encrypted_at_rest(alex):
    make_entry(alex, what_happened="MARKER-dinner")
    with connection.cursor() as cursor:
        cursor.execute("SELECT what_happened, tags_json FROM journal_logentry")
        text, tags = cursor.fetchone()
    assert "MARKER" not in text and "time" not in tags


def test_entries_are_never_visible_to_the_partner_or_anyone_else(
    client_for, alex, sam, robin, staff
):
    entry = make_entry(alex, what_happened="only mine")
    for other in (sam, robin, staff):
        client = client_for(other)
        assert "only mine" not in client.get("/log/").content.decode()
        assert client.get(f"/log/{entry.id}/edit/").status_code == 404
        assert client.post(f"/log/{entry.id}/delete/").status_code == 404
    assert LogEntry.objects.filter(pk=entry.pk).exists()


def test_a_double_submitted_form_creates_one_entry(client_for, alex):
    client = client_for(alex)
    data = entry_data()
    client.post("/log/new/", data)
    client.post("/log/new/", data)
    assert LogEntry.objects.filter(author=alex).count() == 1


def test_a_form_carrying_someone_elses_entry_id_never_touches_it(client_for, alex, sam):
    theirs = make_entry(sam, what_happened="sam's words")
    client_for(alex).post("/log/new/", entry_data(entry_id=str(theirs.id)))
    theirs.refresh_from_db()
    assert theirs.what_happened == "sam's words"
    assert LogEntry.objects.filter(author=alex).count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("what_happened", "", "Please write a few words here."),
        (
            "what_happened",
            "x" * 100_000,
            "Please keep this under 10000 characters (this has 100000).",
        ),
        ("happened_on", "2999-01-01", "This date is in the future."),
        ("happened_on", "last tuesday", "Please enter a date like 2026-03-14."),
        ("tags", ["time", "fame"], "Please choose from the tags shown."),
    ],
)
def test_bad_input_is_explained_and_what_was_typed_is_kept(client_for, alex, field, value, message):
    response = client_for(alex).post("/log/new/", entry_data(**{field: value}))
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "They ate alone and felt they came second." in page
    assert not LogEntry.objects.exists()


def test_html_and_script_are_shown_as_text(client_for, alex):
    client = client_for(alex)
    client.post(
        "/log/new/",
        entry_data(what_happened="<script>alert(1)</script><img src=x onerror=alert(2)>"),
    )
    page = client.get("/log/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_emoji_right_to_left_and_zero_width_text_round_trip(client_for, alex):
    text = "We fought 😔 \u05e9\u05dc\u05d5\u05dd and I left\u200b early"
    client_for(alex).post("/log/new/", entry_data(what_happened=text))
    assert LogEntry.objects.get(author=alex).what_happened == text


def test_editing_saves_the_new_text(client_for, alex):
    entry = make_entry(alex)
    response = client_for(alex).post(
        f"/log/{entry.id}/edit/", entry_data(entry_id=str(entry.id), what_happened="Rewritten")
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.what_happened, entry.version) == ("Rewritten", 2)


def test_two_tabs_editing_keep_both_texts(client_for, alex):
    entry = make_entry(alex, what_happened="first version")
    log_entry_update(
        entry=entry,
        version=1,
        happened_on=None,
        rough_period="",
        what_happened="from tab one",
        impact="",
        differently="",
        tags=[],
    )
    response = client_for(alex).post(
        f"/log/{entry.id}/edit/",
        entry_data(entry_id=str(entry.id), version="1", what_happened="from tab two"),
    )
    page = response.content.decode()
    assert "changed in another tab" in page
    assert "from tab one" in page  # the saved version is shown…
    assert "from tab two" in page  # …and what this tab typed is kept
    entry.refresh_from_db()
    assert entry.what_happened == "from tab one"
    resubmit = client_for(alex).post(
        f"/log/{entry.id}/edit/",
        entry_data(entry_id=str(entry.id), version="2", what_happened="combined"),
    )
    assert resubmit.status_code == 302
    entry.refresh_from_db()
    assert entry.what_happened == "combined"


def test_a_stale_version_raises_a_conflict_in_the_service(alex):
    entry = make_entry(alex)
    log_entry_update(
        entry=entry,
        version=1,
        happened_on=None,
        rough_period="",
        what_happened="a",
        impact="",
        differently="",
        tags=[],
    )
    with pytest.raises(EditConflict):
        log_entry_update(
            entry=entry,
            version=1,
            happened_on=None,
            rough_period="",
            what_happened="b",
            impact="",
            differently="",
            tags=[],
        )


def test_deleting_asks_first_then_removes_the_entry(client_for, alex):
    entry = make_entry(alex)
    client = client_for(alex)
    assert "Delete this entry?" in client.get(f"/log/{entry.id}/delete/").content.decode()
    client.post(f"/log/{entry.id}/delete/")
    assert not LogEntry.objects.filter(pk=entry.pk).exists()


def test_filtering_by_tag_and_period(client_for, alex):
    make_entry(
        alex,
        what_happened="march time",
        happened_on=__import__("datetime").date(2026, 3, 1),
        tags=["time"],
    )
    make_entry(
        alex,
        what_happened="june touch",
        happened_on=__import__("datetime").date(2026, 6, 1),
        tags=["affection"],
    )
    client = client_for(alex)
    by_tag = client.get("/log/?tag=affection").content.decode()
    assert "june touch" in by_tag and "march time" not in by_tag
    by_period = client.get("/log/?since=2026-02-01&until=2026-04-01").content.decode()
    assert "march time" in by_period and "june touch" not in by_period


def test_a_bad_filter_date_is_explained(client_for, alex):
    page = client_for(alex).get("/log/?since=yesterday").content.decode()
    assert "Enter a valid date." in page


def test_saving_words_of_crisis_shows_the_writer_support_and_stores_nothing_about_it(
    client_for, alex, sam, mailoutbox
):
    response = client_for(alex).post(
        "/log/new/", entry_data(impact="Honestly some days I want to kill myself.")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "carry this alone" in page
    assert LogEntry.objects.filter(author=alex).count() == 1
    assert mailoutbox == []
    assert "carry this alone" not in client_for(sam).get("/").content.decode()


def test_drafts_get_the_support_panel_through_the_signpost(client_for, alex):
    response = client_for(alex).post(
        "/safety/signpost/", {"what_happened": "he hit me again last night", "impact": ""}
    )
    assert "carry this alone" in response.content.decode()


def test_step_one_leads_to_the_private_log(client_for, alex):
    page = client_for(alex).get("/steps/1/").content.decode()
    assert 'href="/log/"' in page
    assert "Open your private log" in page
