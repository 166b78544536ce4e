"""The promise ledger as Alex and Sam use it: make, mark, renegotiate, withdraw."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from mendwell.couples.services import couple_leave
from mendwell.promises.forms import PromiseForm
from mendwell.promises.models import Mark, Promise, PromiseOccurrence, Status
from mendwell.promises.tests.conftest import checked, make_promise
from mendwell.safety.services import program_pause, program_resume

TOMORROW = (timezone.localdate() + timedelta(days=2)).isoformat()


def form_data(**changes):
    data = {
        "promise_id": str(uuid.uuid4()),
        "text": "be home for dinner by seven",
        "due_on": TOMORROW,
        "due_time": "19:00",
        "recurrence": "none",
    }
    data.update(changes)
    return data


def mark(client, promise, seq=1, value="kept", kind_word=""):
    return client.post(
        f"/promises/{promise.id}/mark/", {"seq": str(seq), "mark": value, "kind_word": kind_word}
    )


def test_alex_promises_sam_marks_it_kept_with_a_kind_word(client_for, couple):
    alex, sam = couple
    response = client_for(alex).post("/promises/new/", form_data())
    promise = Promise.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/promises/{promise.id}/"
    assert promise.visibility == "shared"

    sams = client_for(sam)
    assert "be home for dinner by seven" in sams.get("/promises/").content.decode()
    assert mark(sams, promise, kind_word="Thank you, it meant a lot.").status_code == 302

    page = client_for(alex).get(f"/promises/{promise.id}/").content.decode()
    assert "Kept" in page and "Thank you, it meant a lot." in page
    assert Promise.objects.get().status == Status.DONE


def test_the_due_time_is_stored_in_utc_from_the_authors_zone_and_shown_in_each_viewers(
    client_for, couple, robin
):
    alex, sam = couple
    sam.time_zone = "America/New_York"
    sam.save()
    client_for(alex).post("/promises/new/", form_data(due_on="2030-01-10", due_time="19:00"))
    occurrence = PromiseOccurrence.objects.get()
    assert occurrence.due_at.isoformat() == "2030-01-10T19:00:00+00:00"  # London in winter
    sams_page = client_for(sam).get(f"/promises/{occurrence.promise_id}/").content.decode()
    assert "Jan. 10, 2030, 2 p.m." in sams_page  # New York


def test_sam_can_change_a_mark_and_the_latest_stands(client_for, couple):
    alex, sam = couple
    promise = make_promise(alex)
    sams = client_for(sam)
    mark(sams, promise, value="kept")
    mark(sams, promise, value="not_yet", kind_word="Let's try again tomorrow.")
    occurrence = PromiseOccurrence.objects.get()
    assert occurrence.mark == Mark.NOT_YET and occurrence.kind_word == "Let's try again tomorrow."
    assert Promise.objects.get().status == Status.ACTIVE


def test_alex_cannot_mark_their_own_shared_promise(client_for, couple):
    alex, _sam = couple
    promise = make_promise(alex)
    assert mark(client_for(alex), promise).status_code == 404
    assert PromiseOccurrence.objects.get().mark == ""
    assert "Mark it" not in client_for(alex).get(f"/promises/{promise.id}/").content.decode()


def test_a_stranger_cannot_mark_or_read_another_couples_promise(client_for, couple, robin):
    alex, _sam = couple
    promise = make_promise(alex)
    robins = client_for(robin)
    assert mark(robins, promise).status_code == 404
    assert robins.get(f"/promises/{promise.id}/").status_code == 404
    assert PromiseOccurrence.objects.get().mark == ""


def test_marking_an_occurrence_that_does_not_exist_is_a_404(client_for, couple):
    alex, sam = couple
    promise = make_promise(alex)
    assert mark(client_for(sam), promise, seq=7).status_code == 404


def test_a_mark_without_a_choice_is_refused_and_the_kind_word_kept(client_for, couple):
    alex, sam = couple
    promise = make_promise(alex)
    response = client_for(sam).post(
        f"/promises/{promise.id}/mark/", {"seq": "1", "kind_word": "Nearly there"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Please choose “Kept” or “Not yet”." in page and "Nearly there" in page
    assert PromiseOccurrence.objects.get().mark == ""


def test_a_promise_due_in_the_past_is_refused_naming_the_field_and_keeping_the_text(
    client_for, couple
):
    alex, _sam = couple
    response = client_for(alex).post("/promises/new/", form_data(due_on="2020-01-01"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "That moment has already passed" in page and "“By (date)”" in page
    assert "be home for dinner by seven" in page
    assert not Promise.objects.exists()


def test_today_at_an_hour_already_gone_is_refused_on_the_time(couple):
    alex, _sam = couple
    # 10:00 in London on a summer day: 09:00 that day has passed, 11:00 has not.
    now = datetime(2026, 7, 1, 9, tzinfo=UTC)
    gone = PromiseForm(form_data(due_on="2026-07-01", due_time="09:00"), user=alex, now=now)
    assert not gone.is_valid()
    assert "That moment has already passed" in gone.errors["due_time"][0]
    ahead = PromiseForm(form_data(due_on="2026-07-01", due_time="11:00"), user=alex, now=now)
    assert ahead.is_valid()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Please write what you will do in “I will …”."),
        ("x" * 100_000, "Please keep “I will …” under 2000 characters (this has 100000)."),
    ],
)
def test_empty_or_huge_text_is_refused_with_the_field_named(client_for, couple, text, message):
    alex, _sam = couple
    response = client_for(alex).post("/promises/new/", form_data(text=text))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Promise.objects.exists()


def test_html_in_a_promise_is_shown_as_text(client_for, couple):
    alex, sam = couple
    client_for(alex).post("/promises/new/", form_data(text="<script>alert(1)</script>"))
    promise = Promise.objects.get()
    page = client_for(sam).get(f"/promises/{promise.id}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_sending_the_same_form_twice_makes_one_promise(client_for, couple):
    alex, _sam = couple
    data = form_data()
    client = client_for(alex)
    client.post("/promises/new/", data)
    client.post("/promises/new/", data)
    assert Promise.objects.count() == 1
    assert PromiseOccurrence.objects.count() == 1


def test_every_evening_this_week_makes_seven_occurrences(client_for, couple):
    alex, _sam = couple
    client_for(alex).post(
        "/promises/new/", form_data(recurrence="daily", repeat_count="7", due_time="20:00")
    )
    assert PromiseOccurrence.objects.count() == 7


def test_a_repeating_promise_needs_a_first_date(client_for, couple):
    alex, _sam = couple
    response = client_for(alex).post(
        "/promises/new/", form_data(recurrence="daily", due_on="", due_time="")
    )
    assert "A repeating promise needs a first date in “By (date)”." in response.content.decode()


def test_renegotiating_keeps_both_promises_linked_in_the_history(client_for, couple):
    alex, sam = couple
    old = make_promise(alex, "run with you every morning")
    response = client_for(alex).post(
        f"/promises/{old.id}/renegotiate/", form_data(text="run with you on Saturdays")
    )
    new = Promise.objects.get(replaces=old)
    assert response["Location"] == f"/promises/{new.id}/"
    old.refresh_from_db()
    assert old.status == Status.RENEGOTIATED and old.closed_at is not None
    page = client_for(sam).get(f"/promises/{new.id}/").content.decode()
    assert "run with you every morning" in page and "run with you on Saturdays" in page
    assert "Renegotiated" in page


def test_renegotiating_twice_with_the_same_form_makes_one_new_promise(client_for, couple):
    alex, _sam = couple
    old = make_promise(alex)
    data = form_data(text="call you after work instead")
    client = client_for(alex)
    client.post(f"/promises/{old.id}/renegotiate/", data)
    client.post(f"/promises/{old.id}/renegotiate/", data)
    assert Promise.objects.count() == 2


def test_only_the_author_renegotiates_or_withdraws(client_for, couple):
    alex, sam = couple
    promise = make_promise(alex)
    sams = client_for(sam)
    assert sams.get(f"/promises/{promise.id}/renegotiate/").status_code == 404
    assert sams.post(f"/promises/{promise.id}/withdraw/", {"note": "no"}).status_code == 404
    assert Promise.objects.get().status == Status.ACTIVE


def test_withdrawing_needs_a_note_and_shows_it_to_the_partner(client_for, couple):
    alex, sam = couple
    promise = make_promise(alex)
    alexs = client_for(alex)
    refused = alexs.post(f"/promises/{promise.id}/withdraw/", {"note": ""})
    assert "Please write a few words in “A note for why”." in refused.content.decode()
    alexs.post(
        f"/promises/{promise.id}/withdraw/", {"note": "I over-promised; a smaller one soon."}
    )
    assert Promise.objects.get().status == Status.WITHDRAWN
    page = client_for(sam).get(f"/promises/{promise.id}/").content.decode()
    assert "I over-promised; a smaller one soon." in page
    assert "Mark it" not in page


def test_on_their_own_robin_keeps_private_promises_and_marks_them(client_for, robin):
    robins = client_for(robin)
    robins.post("/promises/new/", form_data(text="walk every day"))
    promise = Promise.objects.get()
    assert promise.visibility == "private" and promise.couple is None
    assert "you mark them yourself" in robins.get("/promises/").content.decode()
    assert mark(robins, promise).status_code == 302
    assert PromiseOccurrence.objects.get().mark == Mark.KEPT


def test_before_the_check_a_promise_stays_private(client_for, alex, sam):
    client_for(alex).post("/promises/new/", form_data())
    assert Promise.objects.get().visibility == "private"
    assert client_for(sam).get(f"/promises/{Promise.objects.get().id}/").status_code == 404


def test_while_paused_the_partners_pages_read_the_same_whoever_paused(client_for, couple):
    alex, sam = couple
    promise = make_promise(alex)
    pages = []
    for pauser in (alex, sam):
        program_pause(user=pauser)
        page = client_for(sam).get(f"/promises/{promise.id}/").content.decode()
        pages.append(re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page))
        program_resume(user=pauser)
    assert pages[0] == pages[1]
    assert "paused for now, so marking waits" in pages[0]


def test_marking_while_paused_changes_nothing(client_for, couple):
    alex, sam = couple
    promise = make_promise(alex)
    program_pause(user=alex)
    mark(client_for(sam), promise)
    assert PromiseOccurrence.objects.get().mark == ""


def test_after_the_couple_ends_the_promise_stays_with_its_author_only(client_for, couple):
    alex, sam = couple
    promise = make_promise(alex)
    couple_leave(user=alex)
    assert client_for(sam).get(f"/promises/{promise.id}/").status_code == 404
    assert client_for(alex).get(f"/promises/{promise.id}/").status_code == 200
    client_for(alex).post(f"/promises/{promise.id}/withdraw/", {"note": "over"})
    assert Promise.objects.get().status == Status.ACTIVE  # it stays as it was


def test_the_follow_through_shows_counts_and_a_gentle_note_when_there_is_little(client_for, couple):
    alex, sam = couple
    promise = make_promise(alex)
    PromiseOccurrence.objects.filter(promise=promise).update(
        due_at=timezone.now() - timedelta(days=1)
    )
    mark(client_for(sam), promise)
    for viewer in (alex, sam):
        page = client_for(viewer).get("/promises/").content.decode()
        assert "1 kept of 1 due" in page
        assert "too early to say much" in page
        assert "%" not in page.split("Kept and due, in numbers")[1].split("</table>")[0]


def test_the_follow_through_shows_a_percentage_once_there_is_enough(client_for, couple):
    alex, sam = couple
    promise = make_promise(
        alex, due_on=date.today() + timedelta(days=1), recurrence="daily", count=6
    )
    PromiseOccurrence.objects.filter(promise=promise).update(
        due_at=timezone.now() - timedelta(days=1)
    )
    for seq in (1, 2, 3):
        mark(client_for(sam), promise, seq=seq)
    page = client_for(sam).get("/promises/").content.decode()
    assert "3 kept of 6 due (50%)" in page
    assert '<title id="follow-title">' in page


def test_coach_hints_flag_excuses_only_when_switched_on(client_for, couple):
    alex, _sam = couple
    data = form_data(text="call you, but I was busy with work lately", preview="1")
    off = client_for(alex).post("/promises/new/", data).content.decode()
    assert "“I was busy”" not in off
    alex.coach_enabled = True
    alex.save()
    on = client_for(alex).post("/promises/new/", data).content.decode()
    assert "“I was busy”" in on and "reassurance" in on
    assert not Promise.objects.exists()  # checking the wording saves nothing


def test_live_hints_answer_with_a_fragment(client_for, couple):
    alex, _sam = couple
    alex.coach_enabled = True
    alex.save()
    client = client_for(alex)
    hints = client.post("/promises/hints/", {"text": "try harder, it's not a big deal"})
    assert "“not a big deal”" in hints.content.decode()
    assert client.post("/promises/hints/", {"text": "call you at noon"}).content == b""


def test_words_of_crisis_show_the_writer_support(client_for, couple):
    alex, _sam = couple
    crisis = "Some nights I don't want to be alive anymore."
    page = client_for(alex).post("/promises/new/", form_data(text=crisis)).content.decode()
    assert "You don't have to carry this alone" in page
    assert Promise.objects.count() == 1


def test_solo_people_are_not_offered_marking_by_anyone_else(client_for, robin, alex):
    checked(robin)
    promise = make_promise(robin)
    assert client_for(alex).get(f"/promises/{promise.id}/").status_code == 404


def test_the_authors_export_holds_each_time_with_the_partners_mark(client_for, couple):
    alex, sam = couple
    promise = make_promise(alex)
    mark(client_for(sam), promise, kind_word="Thank you")
    exported = Promise.objects.get().export_dict()
    assert exported["text"] == "call you at lunch"
    assert exported["occurrences"] == [{"due": None, "mark": "kept", "kind_word": "Thank you"}]
