"""Deleting one item makes it gone everywhere at once (SECURITY.md T24, DATA-3; TS55).

Alex deletes something Alex wrote: the row is gone, Sam's view of it answers
like an id that never existed, a counsellor's grant no longer reaches it (and
no grant or "viewed" line points at it), a calendar feed stops listing a
deleted date, and an export no longer holds it. Only the author can delete:
the partner, staff and everyone else get the same 404 and nothing changes.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mendwell.checkins.models import CheckIn, WeekNote
from mendwell.conversations.models import Answer, DailyQuestion
from mendwell.counsel.models import GrantView
from mendwell.couples.access import Visibility
from mendwell.couples.grants import CounsellorLink, CounsellorProfile, Grant
from mendwell.couples.selectors import couple_for_user
from mendwell.dates.models import DatePlan, Reflection
from mendwell.dates.services import feed_create
from mendwell.erasure.tests.helpers import date_plan
from mendwell.exports.collect import own_items, shared_with_me
from mendwell.nudges.models import Nudge
from mendwell.progress.models import PulseResponse
from mendwell.promises.models import Promise, PromiseOccurrence


def exported_ids(alex: Any, sam: Any) -> set[str]:
    """Every id in Alex's export and in Sam's (with what Alex shared with Sam)."""
    records = own_items(alex) + own_items(sam) + shared_with_me(sam)
    return {record["id"] for record in records}


@pytest.fixture
def dana(alex: Any, make_user: Any) -> Any:
    """Alex's counsellor, with a standing grant of Alex's check-ins."""
    dana = make_user("dana@example.com", "Dana")
    CounsellorProfile.objects.create(user=dana)
    CounsellorLink.objects.create(client=alex, counsellor=dana)
    return dana


def grant_item(alex: Any, dana: Any, item: Any) -> None:
    link = CounsellorLink.objects.get(client=alex, counsellor=dana)
    Grant.objects.create(
        link=link,
        category=type(item).grant_category,
        item_id=item.pk,
        expires_at=timezone.now() + timedelta(days=30),
    )


def test_a_deleted_checkin_is_gone_for_the_partner_the_counsellor_and_the_export(
    checked: tuple[Any, Any], dana: Any, client_for: Any
) -> None:
    """TS55: row gone, B's shared view gone, counsellor cannot see it, export no longer has it."""
    alex, sam = checked
    item = CheckIn.objects.create(
        author=alex,
        couple=couple_for_user(alex),
        visibility=Visibility.SHARED,
        day=timezone.localdate(),  # Sam's check-in page shows the last week's shares
        mood=3,
        closeness=3,
        note="marker-checkin",
    )
    grant_item(alex, dana, item)
    counsellor = client_for(dana)
    item_url = reverse("counsel:item", args=[item.pk])
    assert counsellor.get(item_url).status_code == 200  # opening it records a GrantView
    assert GrantView.objects.filter(item_id=item.pk).exists()
    partner = client_for(sam)
    assert item.note in partner.get(reverse("checkins:today")).content.decode()
    assert str(item.pk) in exported_ids(alex, sam)

    response = client_for(alex).post(reverse("checkins:delete", args=[item.pk]))

    assert response.status_code == 302
    assert not CheckIn.objects.filter(pk=item.pk).exists()
    assert item.note not in partner.get(reverse("checkins:today")).content.decode()
    assert counsellor.get(item_url).status_code == 404
    assert not Grant.objects.filter(item_id=item.pk).exists()
    assert not GrantView.objects.filter(item_id=item.pk).exists()
    assert str(item.pk) not in exported_ids(alex, sam)


def test_a_deleted_date_leaves_the_calendar_feed_and_the_ics(
    checked: tuple[Any, Any], client_for: Any
) -> None:
    """TS55: the partner's private calendar feed no longer lists a deleted date."""
    alex, sam = checked
    plan = date_plan(alex)
    feed = reverse("dates:feed", args=[feed_create(user=sam)])
    ics = reverse("dates:ics", args=[plan.pk])
    assert f"{plan.pk}@mendwell" in Client().get(feed).content.decode()
    assert client_for(sam).get(ics).status_code == 200

    client_for(alex).post(reverse("dates:delete", args=[plan.pk]))

    assert not DatePlan.objects.filter(pk=plan.pk).exists()
    assert f"{plan.pk}@mendwell" not in Client().get(feed).content.decode()
    assert client_for(sam).get(ics).status_code == 404
    assert str(plan.pk) not in exported_ids(alex, sam)


def test_a_reflection_on_a_deleted_date_stays_with_its_author(
    checked: tuple[Any, Any], client_for: Any
) -> None:
    """The partner keeps what the partner wrote: Sam's reflection outlives Alex's plan."""
    alex, sam = checked
    plan = date_plan(alex)
    reflection = Reflection.objects.create(
        author=sam, plan=plan, day=date(2030, 1, 1), connected=5, repeat_text="Sam's"
    )
    client_for(alex).post(reverse("dates:delete", args=[plan.pk]))
    kept = Reflection.objects.get(pk=reflection.pk)
    assert kept.plan_id is None and kept.repeat_text == "Sam's"
    assert client_for(sam).get(reverse("dates:list")).status_code == 200
    assert str(reflection.pk) in {record["id"] for record in own_items(sam)}


# --- Every kind that gained a delete: gone for both, from the author's own page -------


def _week_note(alex: Any) -> WeekNote:
    return WeekNote.objects.create(
        author=alex,
        couple=couple_for_user(alex),
        visibility=Visibility.SHARED,
        week_of=date(2026, 11, 23),
        kind="went_well",
        text="marker-week-note",
    )


def _nudge(alex: Any) -> Nudge:
    return Nudge.objects.create(
        author=alex, couple=couple_for_user(alex), visibility=Visibility.SHARED, note="marker-nudge"
    )


def _answer(alex: Any) -> Answer:
    daily = DailyQuestion.objects.create(
        couple=couple_for_user(alex), day=date(2026, 11, 23), question_id="q1"
    )
    return Answer.objects.create(
        author=alex,
        couple=couple_for_user(alex),
        visibility=Visibility.SHARED,
        daily=daily,
        text="marker-answer",
    )


def _promise(alex: Any) -> Promise:
    promise = Promise.objects.create(
        author=alex,
        couple=couple_for_user(alex),
        visibility=Visibility.SHARED,
        text="marker-promise",
    )
    PromiseOccurrence.objects.create(promise=promise, seq=1)
    return promise


def _pulse(alex: Any) -> PulseResponse:
    return PulseResponse.objects.create(
        author=alex,
        instrument_id="mendwell-pulse",
        instrument_version=1,
        kind="weekly",
        week_of=date(2026, 11, 23),
        answers={},
    )


def _reflection(alex: Any) -> Reflection:
    plan = date_plan(alex)
    return Reflection.objects.create(
        author=alex,
        couple=couple_for_user(alex),
        visibility=Visibility.SHARED,
        plan=plan,
        day=date(2030, 1, 1),
        connected=4,
        repeat_text="marker-reflection",
    )


KINDS = {
    "week_note": (_week_note, "checkins:week_note_delete"),
    "nudge": (_nudge, "nudges:delete"),
    "answer": (_answer, "conversations:answer_delete"),
    "promise": (_promise, "promises:delete"),
    "pulse": (_pulse, "progress:pulse_delete"),
    "reflection": (_reflection, "dates:reflection_delete"),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_author_deletes_an_item_and_it_is_gone_for_both(
    kind: str, checked: tuple[Any, Any], client_for: Any
) -> None:
    """TS55 for each kind: the row and its export record are gone at once."""
    alex, sam = checked
    make, route = KINDS[kind]
    item = make(alex)
    assert str(item.pk) in exported_ids(alex, sam) or kind == "pulse"

    response = client_for(alex).post(reverse(route, args=[item.pk]))

    assert response.status_code == 302
    assert not type(item).objects.filter(pk=item.pk).exists()
    assert str(item.pk) not in exported_ids(alex, sam)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_nobody_but_the_author_can_delete_it(
    kind: str, checked: tuple[Any, Any], staff: Any, client_for: Any
) -> None:
    """The partner and staff get the 404 of an id that does not exist; the row stays."""
    alex, sam = checked
    make, route = KINDS[kind]
    item = make(alex)
    for person in (sam, staff):
        assert client_for(person).post(reverse(route, args=[item.pk])).status_code == 404
    assert type(item).objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_get_never_deletes(kind: str, checked: tuple[Any, Any], client_for: Any) -> None:
    alex, _sam = checked
    make, route = KINDS[kind]
    item = make(alex)
    assert client_for(alex).get(reverse(route, args=[item.pk])).status_code == 405
    assert type(item).objects.filter(pk=item.pk).exists()


def test_a_promise_deleted_leaves_the_ledger_for_both(
    checked: tuple[Any, Any], client_for: Any
) -> None:
    alex, sam = checked
    promise = _promise(alex)
    ledger = reverse("promises:list")
    assert "marker-promise" in client_for(sam).get(ledger).content.decode()
    client_for(alex).post(reverse("promises:delete", args=[promise.pk]))
    assert "marker-promise" not in client_for(sam).get(ledger).content.decode()
    assert "marker-promise" not in client_for(alex).get(ledger).content.decode()
    assert not PromiseOccurrence.objects.filter(promise_id=promise.pk).exists()


def test_a_sent_note_deleted_leaves_the_partners_list(
    checked: tuple[Any, Any], client_for: Any
) -> None:
    alex, sam = checked
    nudge = _nudge(alex)
    page = reverse("nudges:home")
    assert "marker-nudge" in client_for(sam).get(page).content.decode()
    client_for(alex).post(reverse("nudges:delete", args=[nudge.pk]))
    assert "marker-nudge" not in client_for(sam).get(page).content.decode()


# --- The confirm step sits on the item's own page, for its author only --------------


def test_the_delete_step_is_on_the_items_page_for_its_author_only(
    checked: tuple[Any, Any], client_for: Any
) -> None:
    alex, sam = checked
    promise = _promise(alex)
    page = reverse("promises:detail", args=[promise.pk])
    action = reverse("promises:delete", args=[promise.pk])
    assert action in client_for(alex).get(page).content.decode()
    assert action not in client_for(sam).get(page).content.decode()


def test_todays_checkin_page_offers_the_delete_step(alex: Any, client_for: Any) -> None:
    client = client_for(alex)
    client.post(reverse("checkins:today"), {"mood": "3", "closeness": "3", "note": ""})
    (today,) = CheckIn.objects.filter(author=alex)
    assert (
        reverse("checkins:delete", args=[today.pk])
        in client.get(reverse("checkins:today")).content.decode()
    )


def test_an_earlier_checkin_is_deleted_from_the_history_page(alex: Any, client_for: Any) -> None:
    client = client_for(alex)
    earlier = CheckIn.objects.create(
        author=alex, day=timezone.localdate() - timedelta(days=1), mood=2, closeness=2
    )
    history = reverse("checkins:history") + f"?month={earlier.day:%Y-%m}"
    action = reverse("checkins:delete", args=[earlier.pk])
    assert action in client.get(history).content.decode()
    response = client.post(action, {"back": "history"})
    assert response["Location"] == reverse("checkins:history")
    assert not CheckIn.objects.filter(pk=earlier.pk).exists()
