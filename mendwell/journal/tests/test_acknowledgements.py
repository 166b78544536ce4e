from __future__ import annotations

import uuid

import pytest
from django.db import connection

from conftest import link
from mendwell.couples.services import couple_leave
from mendwell.journal.acknowledgements.services import (
    SendRefused,
    acknowledgement_create,
    acknowledgement_send,
)
from mendwell.journal.models import (
    Acknowledgement,
    AcknowledgementResponse,
    AcknowledgementSent,
)
from mendwell.journal.services import log_entry_create
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import program_pause, safety_check_submit

ALL_NO = dict.fromkeys(ITEM_KEYS, "no")
CRISIS = "Some nights I don't want to be alive anymore."


@pytest.fixture
def checked(alex):
    safety_check_submit(user=alex, answers=ALL_NO)
    return alex


def make_entry(user, text="I missed the school play."):
    return log_entry_create(
        user=user,
        entry_id=uuid.uuid4(),
        happened_on=None,
        rough_period="last winter",
        what_happened=text,
        impact="",
        differently="",
        tags=["time"],
    )


def draft_data(**changes):
    data = {
        "thread_id": str(uuid.uuid4()),
        "version": "1",
        "own_it": "I missed the play and didn't call.",
        "impact": "You sat there with an empty seat beside you.",
        "change": "I'll put the dates in my calendar the day I hear of them.",
    }
    data.update(changes)
    return data


def make_thread(user, **changes):
    fields = {
        "own_it": "I was not there.",
        "impact": "You were alone with it.",
        "change": "I'll be there on Fridays.",
        "entries": [],
    }
    fields.update(changes)
    return acknowledgement_create(user=user, thread_id=uuid.uuid4(), **fields)


def sent_thread(alex):
    thread = make_thread(alex)
    acknowledgement_send(thread=thread)
    return thread


def test_the_whole_flow_from_draft_to_feeling_heard(client_for, checked, sam):
    alex = checked
    entry = make_entry(alex, "MARKER-private-entry: I worked through the play.")
    writer, partner = client_for(alex), client_for(sam)

    data = draft_data(entries=[str(entry.id)])
    assert writer.post("/log/acknowledgements/new/", data).status_code == 302
    thread = Acknowledgement.objects.get(author=alex)
    assert list(thread.entries.all()) == [entry]
    assert partner.get(f"/log/acknowledgements/{thread.id}/").status_code == 404

    assert writer.post(f"/log/acknowledgements/{thread.id}/send/").status_code == 302
    page = partner.get(f"/log/acknowledgements/{thread.id}/").content.decode()
    assert "I missed the play and didn&#x27;t call." in page
    assert "MARKER-private-entry" not in page
    assert "MARKER-private-entry" not in partner.get("/log/acknowledgements/").content.decode()

    partner.post(
        f"/log/acknowledgements/{thread.id}/respond/",
        {"sent": "1", "kind": "not_yet", "missing": "That it happened more than once."},
    )
    assert (
        "That it happened more than once."
        in writer.get(f"/log/acknowledgements/{thread.id}/").content.decode()
    )

    revised = draft_data(thread_id=str(thread.id), own_it="It wasn't only the play: it was months.")
    assert writer.post(f"/log/acknowledgements/{thread.id}/edit/", revised).status_code == 302
    writer.post(f"/log/acknowledgements/{thread.id}/send/")
    assert list(thread.sent_copies.values_list("number", flat=True)) == [1, 2]

    partner.post(f"/log/acknowledgements/{thread.id}/respond/", {"sent": "2", "kind": "heard"})
    page = writer.get(f"/log/acknowledgements/{thread.id}/").content.decode()
    assert "I feel heard." in page
    assert "That it happened more than once." in page  # the history is kept
    assert "It wasn&#x27;t only the play: it was months." in page


def test_texts_are_encrypted_at_rest(checked, sam):
    thread = make_thread(checked, own_it="MARKER-own")
    acknowledgement_send(thread=thread)
    with connection.cursor() as cursor:
        cursor.execute("SELECT own_it FROM journal_acknowledgement")
        assert "MARKER" not in cursor.fetchone()[0]
        cursor.execute("SELECT own_it FROM journal_acknowledgementsent")
        assert "MARKER" not in cursor.fetchone()[0]


def test_a_draft_is_the_authors_alone(client_for, alex, sam, robin, staff):
    thread = make_thread(alex)
    for other in (sam, robin, staff):
        client = client_for(other)
        assert client.get(f"/log/acknowledgements/{thread.id}/").status_code == 404
        assert client.get(f"/log/acknowledgements/{thread.id}/edit/").status_code == 404
        assert client.post(f"/log/acknowledgements/{thread.id}/send/").status_code == 404
        assert client.post(f"/log/acknowledgements/{thread.id}/delete/").status_code == 404
    assert Acknowledgement.objects.filter(pk=thread.pk, sent_at__isnull=True).exists()


def test_a_sent_acknowledgement_is_hidden_from_strangers_staff_and_an_ex(
    client_for, checked, sam, robin, staff, make_user
):
    thread = sent_thread(checked)
    for other in (robin, staff):
        assert client_for(other).get(f"/log/acknowledgements/{thread.id}/").status_code == 404
    couple_leave(user=sam)  # Sam is now the ex-partner
    ex = client_for(sam)
    assert ex.get(f"/log/acknowledgements/{thread.id}/").status_code == 404
    answer = {"sent": "1", "kind": "heard"}
    assert ex.post(f"/log/acknowledgements/{thread.id}/respond/", answer).status_code == 404
    assert not AcknowledgementResponse.objects.exists()


def test_answering_an_unsent_or_someone_elses_thread_creates_nothing(
    client_for, checked, sam, robin, make_user
):
    draft = make_thread(checked)
    answer = {"sent": "1", "kind": "heard"}
    assert (
        client_for(sam).post(f"/log/acknowledgements/{draft.id}/respond/", answer).status_code
        == 404
    )
    casey = make_user("casey@example.com", "Casey")
    link(robin, casey)
    safety_check_submit(user=robin, answers=ALL_NO)
    theirs = sent_thread(robin)
    assert (
        client_for(sam).post(f"/log/acknowledgements/{theirs.id}/respond/", answer).status_code
        == 404
    )
    # Nor may the author answer their own.
    mine = sent_thread(checked)
    assert (
        client_for(checked).post(f"/log/acknowledgements/{mine.id}/respond/", answer).status_code
        == 404
    )
    assert not AcknowledgementResponse.objects.exists()


def test_a_double_submitted_send_or_answer_makes_one(client_for, checked, sam):
    thread = make_thread(checked)
    writer = client_for(checked)
    writer.post(f"/log/acknowledgements/{thread.id}/send/")
    writer.post(f"/log/acknowledgements/{thread.id}/send/")
    assert AcknowledgementSent.objects.filter(thread=thread).count() == 1
    partner = client_for(sam)
    answer = {"sent": "1", "kind": "not_yet", "missing": "more"}
    partner.post(f"/log/acknowledgements/{thread.id}/respond/", answer)
    partner.post(f"/log/acknowledgements/{thread.id}/respond/", answer)
    assert AcknowledgementResponse.objects.count() == 1


def test_a_double_submitted_draft_makes_one(client_for, alex):
    client, data = client_for(alex), draft_data()
    client.post("/log/acknowledgements/new/", data)
    client.post("/log/acknowledgements/new/", data)
    assert Acknowledgement.objects.filter(author=alex).count() == 1


def test_sending_needs_the_private_check(client_for, alex, sam):
    thread = make_thread(alex)
    response = client_for(alex).post(f"/log/acknowledgements/{thread.id}/send/", follow=True)
    assert "take your short private check" in response.content.decode()
    assert not AcknowledgementSent.objects.exists()


def test_sending_while_paused_says_only_that_the_program_is_paused(client_for, checked, sam):
    program_pause(user=sam)
    thread = make_thread(checked)
    response = client_for(checked).post(f"/log/acknowledgements/{thread.id}/send/", follow=True)
    assert "The couple program is paused" in response.content.decode()
    assert not AcknowledgementSent.objects.exists()


def test_sending_needs_a_partner(checked):
    thread = make_thread(checked)
    with pytest.raises(SendRefused):
        acknowledgement_send(thread=thread)
    thread.refresh_from_db()
    assert thread.sent_at is None and thread.visibility == "private"


def test_the_partner_never_sees_a_revision_until_it_is_sent(client_for, checked, sam):
    thread = sent_thread(checked)
    client_for(checked).post(
        f"/log/acknowledgements/{thread.id}/edit/",
        draft_data(thread_id=str(thread.id), own_it="MARKER-revision"),
    )
    assert (
        "MARKER-revision"
        not in client_for(sam).get(f"/log/acknowledgements/{thread.id}/").content.decode()
    )


def test_two_tabs_editing_the_same_draft_keep_both_texts(client_for, alex):
    thread = make_thread(alex, own_it="first saved")
    client = client_for(alex)
    client.post(
        f"/log/acknowledgements/{thread.id}/edit/",
        draft_data(thread_id=str(thread.id), own_it="tab one"),
    )
    page = client.post(
        f"/log/acknowledgements/{thread.id}/edit/",
        draft_data(thread_id=str(thread.id), own_it="tab two"),
    ).content.decode()
    assert "tab one" in page and "tab two" in page
    thread.refresh_from_db()
    assert thread.own_it == "tab one"


def test_log_entries_of_someone_else_cannot_be_linked(client_for, alex, sam):
    theirs = make_entry(sam, "sam's own")
    response = client_for(alex).post(
        "/log/acknowledgements/new/", draft_data(entries=[str(theirs.id)])
    )
    assert "Please choose from the entries shown." in response.content.decode()
    assert not Acknowledgement.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("own_it", "", "Please write a few words for “Own it”."),
        ("impact", "", "Please write a few words for “Name the impact”."),
        (
            "change",
            "x" * 100_000,
            "Please keep “What will change” under 10000 characters (this has 100000).",
        ),
    ],
)
def test_bad_input_is_explained_and_what_was_typed_is_kept(client_for, alex, field, value, message):
    data = draft_data(**{field: value})
    page = client_for(alex).post("/log/acknowledgements/new/", data).content.decode()
    assert message in page
    kept = "own_it" if field != "own_it" else "impact"
    assert data[kept].replace("'", "&#x27;") in page
    assert not Acknowledgement.objects.exists()


def test_an_empty_not_yet_answer_is_explained(client_for, checked, sam):
    thread = sent_thread(checked)
    page = (
        client_for(sam)
        .post(f"/log/acknowledgements/{thread.id}/respond/", {"sent": "1", "kind": "not_yet"})
        .content.decode()
    )
    assert "Please write a few words for “What&#x27;s missing for you”." in page
    assert not AcknowledgementResponse.objects.exists()


def test_html_is_shown_as_text(client_for, checked, sam):
    thread = make_thread(checked, own_it="<script>alert(1)</script>")
    acknowledgement_send(thread=thread)
    page = client_for(sam).get(f"/log/acknowledgements/{thread.id}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_coach_hints_show_only_when_switched_on(client_for, alex):
    data = draft_data(impact="You always nag me about it.", preview="1")
    off = client_for(alex).post("/log/acknowledgements/new/", data).content.decode()
    assert "Turn on wording hints" in off and "“You always”" not in off
    alex.coach_enabled = True
    alex.save()
    on = client_for(alex).post("/log/acknowledgements/new/", data).content.decode()
    assert "“You always”" in on
    assert "judgement" in on
    assert not Acknowledgement.objects.exists()  # a preview saves nothing


def test_live_hints_answer_with_a_fragment(client_for, alex):
    alex.coach_enabled = True
    alex.save()
    client = client_for(alex)
    hints = client.post("/log/acknowledgements/hints/", draft_data(impact="You always nag me."))
    assert "“You always”" in hints.content.decode()
    quiet = client.post("/log/acknowledgements/hints/", draft_data())
    assert quiet.content == b""


def test_words_of_crisis_show_the_writer_support(client_for, alex):
    client = client_for(alex)
    preview = client.post("/log/acknowledgements/new/", draft_data(change=CRISIS, preview="1"))
    assert "You don't have to carry this alone" in preview.content.decode()
    saved = client.post("/log/acknowledgements/new/", draft_data(change=CRISIS))
    assert "You don't have to carry this alone" in saved.content.decode()
    live = client.post("/log/acknowledgements/hints/", draft_data(change=CRISIS))
    assert "You don't have to carry this alone" in live.content.decode()


def test_the_author_deletes_the_thread(client_for, checked, sam):
    thread = sent_thread(checked)
    assert client_for(checked).post(f"/log/acknowledgements/{thread.id}/delete/").status_code == 302
    assert not Acknowledgement.objects.exists()
    assert client_for(sam).get(f"/log/acknowledgements/{thread.id}/").status_code == 404


def test_the_partners_download_holds_what_was_sent_not_the_draft(checked, sam):
    from mendwell.couples.exports import shared_with_me

    thread = sent_thread(checked)
    thread.own_it = "MARKER-unsent-draft"
    thread.save()
    items = shared_with_me(sam)
    assert any("sent_1" in item for item in items)
    assert "MARKER-unsent-draft" not in str(items)


def test_the_coach_setting_is_off_by_default_and_saved_from_the_profile(client_for, alex):
    assert alex.coach_enabled is False
    client_for(alex).post(
        "/profile/",
        {
            "display_name": "Alex",
            "time_zone": "Europe/London",
            "locale": "en",
            "coach_enabled": "on",
        },
    )
    alex.refresh_from_db()
    assert alex.coach_enabled is True
