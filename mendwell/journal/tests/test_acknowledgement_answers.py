"""Changing an answer to an acknowledgement: the person who answered says something else,
and both partners keep the earlier answers, dated, as history."""

from __future__ import annotations

import html
import re
import uuid

import pytest

from conftest import link
from mendwell.couples.services import couple_leave
from mendwell.journal.acknowledgements.services import (
    acknowledgement_answer_change,
    acknowledgement_create,
    acknowledgement_respond,
    acknowledgement_send,
)
from mendwell.journal.models import AcknowledgementResponse
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from tests.security_support import normalise

ALL_NO = dict.fromkeys(ITEM_KEYS, "no")
FIRST_MISSING = "That it has happened before, more than once."


def sent_thread(alex):
    safety_check_submit(user=alex, answers=ALL_NO)
    thread = acknowledgement_create(
        user=alex,
        thread_id=uuid.uuid4(),
        own_it="I was not there.",
        impact="You were alone with it.",
        change="I'll be there on Fridays.",
        entries=[],
    )
    acknowledgement_send(thread=thread)
    return thread


@pytest.fixture
def answered(alex, sam):
    """Alex sent an acknowledgement; Sam answered "not yet"."""
    thread = sent_thread(alex)
    answer = acknowledgement_respond(
        user=sam,
        thread=thread,
        sent=thread.sent_copies.get(),
        kind="not_yet",
        missing=FIRST_MISSING,
    )
    return thread, answer


def change_url(answer_or_id):
    answer_id = getattr(answer_or_id, "id", answer_or_id)
    return f"/log/acknowledgements/answers/{answer_id}/change/"


def detail_url(thread):
    return f"/log/acknowledgements/{thread.id}/"


def page_of(response):
    return html.unescape(response.content.decode())


def standing(sam):
    return AcknowledgementResponse.objects.get(author=sam, superseded_at__isnull=True)


# --- Changing an answer -----------------------------------------------------------------


def test_the_partner_changes_not_yet_to_heard_and_the_writer_sees_both(
    client_for, alex, sam, answered
):
    thread, answer = answered
    response = client_for(sam).post(change_url(answer), {"kind": "heard", "missing": ""})
    assert response.status_code == 302
    assert response["Location"] == detail_url(thread)

    page = page_of(client_for(alex).get(detail_url(thread)))
    assert "I feel heard." in page
    assert "Changed on" in page
    assert "Earlier answers" in page
    assert FIRST_MISSING in page  # the earlier "not yet" is kept, not overwritten
    assert AcknowledgementResponse.objects.count() == 2
    assert standing(sam).kind == "heard"


def test_the_change_page_starts_from_the_answer_standing(client_for, sam, answered):
    _thread, answer = answered
    page = page_of(client_for(sam).get(change_url(answer)))
    assert "Change your answer" in page
    assert f">\n{FIRST_MISSING}</textarea>" in page
    assert re.search(r'value="not_yet"[^>]*checked', page)


def test_changing_back_and_rewording_keeps_every_answer_newest_first(
    client_for, alex, sam, answered
):
    thread, _answer = answered
    client = client_for(sam)
    client.post(change_url(standing(sam)), {"kind": "heard"})
    client.post(change_url(standing(sam)), {"kind": "not_yet", "missing": "SECOND-missing"})
    client.post(change_url(standing(sam)), {"kind": "not_yet", "missing": "THIRD-missing"})

    assert AcknowledgementResponse.objects.filter(author=sam).count() == 4
    assert standing(sam).missing == "THIRD-missing"
    page = page_of(client_for(alex).get(detail_url(thread)))
    # The standing answer first, then the earlier ones, newest first.
    order = [page.index(text) for text in ("THIRD-missing", "SECOND-missing", FIRST_MISSING)]
    assert order == sorted(order)
    assert page.index("I feel heard.") < page.index(FIRST_MISSING)


def test_saying_the_same_thing_again_adds_no_history(client_for, sam, answered):
    _thread, answer = answered
    response = client_for(sam).post(
        change_url(answer), {"kind": "not_yet", "missing": FIRST_MISSING}, follow=True
    )
    assert "Nothing changed: your answer stays as it was." in page_of(response)
    assert AcknowledgementResponse.objects.count() == 1
    assert standing(sam).pk == answer.pk


def test_a_double_submitted_change_makes_one_new_answer(client_for, sam, answered):
    _thread, answer = answered
    client = client_for(sam)
    client.post(change_url(answer), {"kind": "heard"})
    second = client.post(change_url(answer), {"kind": "heard"})
    assert second.status_code == 302
    assert AcknowledgementResponse.objects.count() == 2


def test_a_change_made_in_another_tab_is_shown_and_nothing_is_overwritten(
    client_for, sam, answered
):
    _thread, answer = answered
    tab_one, tab_two = client_for(sam), client_for(sam)
    tab_one.post(change_url(answer), {"kind": "heard"})
    response = tab_two.post(change_url(answer), {"kind": "not_yet", "missing": "TAB-TWO words"})

    page = page_of(response)
    assert response.status_code == 200
    assert "changed in another tab or on another device" in page
    assert "TAB-TWO words" in page  # what was typed is kept
    assert standing(sam).kind == "heard"  # and the other tab's answer stands
    assert AcknowledgementResponse.objects.count() == 2
    # Saving from that page now replaces the answer it showed.
    assert f'action="{change_url(standing(sam))}"' in page
    tab_two.post(change_url(standing(sam)), {"kind": "not_yet", "missing": "TAB-TWO words"})
    assert standing(sam).missing == "TAB-TWO words"


def test_an_old_link_to_a_replaced_answer_opens_the_one_standing(client_for, sam, answered):
    _thread, answer = answered
    client = client_for(sam)
    client.post(change_url(answer), {"kind": "heard"})
    response = client.get(change_url(answer))
    assert response.status_code == 302
    assert response["Location"] == change_url(standing(sam))


def test_only_the_person_who_answered_is_offered_the_change(client_for, alex, sam, answered):
    thread, answer = answered
    assert "Change my answer" in page_of(client_for(sam).get(detail_url(thread)))
    assert "Change my answer" not in page_of(client_for(alex).get(detail_url(thread)))


def test_answering_again_after_a_change_adds_nothing(client_for, sam, answered):
    thread, answer = answered
    client = client_for(sam)
    client.post(change_url(answer), {"kind": "heard"})
    client.post(f"/log/acknowledgements/{thread.id}/respond/", {"sent": "1", "kind": "heard"})
    assert AcknowledgementResponse.objects.count() == 2


def test_opening_the_change_page_changes_nothing_the_writer_could_see(client_for, sam, answered):
    # No read receipts: looking is not an event anyone is told about.
    _thread, answer = answered
    before = list(AcknowledgementResponse.objects.values())
    client_for(sam).get(change_url(answer))
    assert list(AcknowledgementResponse.objects.values()) == before


# --- Who may change it ----------------------------------------------------------------------


def assert_looks_missing(client, answer, method, data=None):
    real, missing = change_url(answer), change_url(uuid.uuid4())
    call = client.get if method == "GET" else client.post
    real_response = call(real, data or {})
    missing_response = call(missing, data or {})
    assert real_response.status_code == 404
    assert normalise(real_response, {real: "<url>"}) == normalise(
        missing_response, {missing: "<url>"}
    )


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_the_writer_a_stranger_and_staff_get_the_same_404_as_a_missing_id(
    client_for, alex, sam, robin, staff, answered, method
):
    _thread, answer = answered
    before = list(AcknowledgementResponse.objects.values())
    for other in (alex, robin, staff):
        assert_looks_missing(client_for(other), answer, method, {"kind": "heard"})
    assert list(AcknowledgementResponse.objects.values()) == before


def test_signed_out_visitors_are_sent_to_sign_in(client_for, answered):
    _thread, answer = answered
    response = client_for(None).post(change_url(answer), {"kind": "heard"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert AcknowledgementResponse.objects.count() == 1


def test_after_leaving_the_couple_an_answer_can_no_longer_be_changed(
    client_for, alex, sam, answered, make_user
):
    _thread, answer = answered
    couple_leave(user=sam)
    assert_looks_missing(client_for(sam), answer, "GET")
    assert_looks_missing(client_for(sam), answer, "POST", {"kind": "heard"})
    # Not even in a new couple with someone else.
    link(sam, make_user("casey@example.com", "Casey"))
    assert_looks_missing(client_for(sam), answer, "POST", {"kind": "heard"})
    assert AcknowledgementResponse.objects.get().kind == "not_yet"


def test_the_service_refuses_anyone_but_the_person_who_answered(alex, sam, answered):
    _thread, answer = answered
    with pytest.raises(PermissionError):
        acknowledgement_answer_change(user=alex, answer=answer, kind="heard", missing="")
    assert AcknowledgementResponse.objects.count() == 1


def test_the_service_refuses_a_not_yet_without_words(sam, answered):
    _thread, answer = answered
    with pytest.raises(ValueError):
        acknowledgement_answer_change(user=sam, answer=answer, kind="not_yet", missing="  ")
    assert AcknowledgementResponse.objects.count() == 1


# --- Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"kind": "not_yet", "missing": ""},
            "Please write a few words for “What's missing for you”.",
        ),
        (
            {"kind": "not_yet", "missing": "   \n  "},
            "Please write a few words for “What's missing for you”.",
        ),
        (
            {"kind": "not_yet", "missing": "m" * 100_000},
            "Please keep “What's missing for you” under 10000 characters (this has 100000).",
        ),
        (
            {"kind": "maybe", "missing": "typed-and-kept"},
            "Please choose “I feel heard” or “Not yet”.",
        ),
        ({"missing": "typed-and-kept"}, "Please choose an answer."),
    ],
)
def test_bad_input_is_explained_keeps_the_typing_and_changes_nothing(
    client_for, sam, answered, data, message
):
    _thread, answer = answered
    response = client_for(sam).post(change_url(answer), data)
    page = page_of(response)
    assert response.status_code == 200
    assert message in page
    if data["missing"].strip():
        assert data["missing"] in page
    assert AcknowledgementResponse.objects.count() == 1
    assert standing(sam).missing == FIRST_MISSING


def test_html_in_a_changed_answer_is_shown_as_text(client_for, alex, sam, answered):
    thread, answer = answered
    client_for(sam).post(
        change_url(answer), {"kind": "not_yet", "missing": "<script>alert(1)</script>"}
    )
    page = client_for(alex).get(detail_url(thread)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_made_up_answer_id_is_a_calm_404(client_for, sam):
    assert client_for(sam).get(change_url("not-a-uuid")).status_code == 404


# --- What leaves the app ----------------------------------------------------------------------


def test_the_writers_download_holds_every_answer_and_when_it_was_replaced(alex, sam, answered):
    from mendwell.couples.exports import shared_with_me

    _thread, answer = answered
    acknowledgement_answer_change(user=sam, answer=answer, kind="heard", missing="")
    answers = [
        item for item in shared_with_me(alex) if item["label"] == "Answer to an acknowledgement"
    ]
    assert len(answers) == 2
    replaced = [item for item in answers if "replaced_on" in item]
    assert [item["missing"] for item in replaced] == [FIRST_MISSING]
