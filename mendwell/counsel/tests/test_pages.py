"""Counsellor access through the pages, as the client and the counsellor use it."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from mendwell.counsel import services
from mendwell.counsel.models import CounsellorInvite, CounsellorNote, GrantView
from mendwell.counsel.tests.conftest import in_days, shared_checkin
from mendwell.couples.grants import CounsellorLink, Grant, is_counsellor
from mendwell.notify.models import Notification
from tests.security_support import normalise

pytestmark = pytest.mark.django_db


def _grant(client, link, *, categories=(), items=(), until=None):
    return client.post(
        f"/counsellor/mine/{link.pk}/grant/",
        {
            "categories": list(categories),
            "items": [str(item.pk) for item in items],
            "until": (until or in_days(30)).isoformat(),
        },
    )


def test_the_client_makes_a_link_shown_once(alex, client_for):
    client = client_for(alex)
    assert client.post("/counsellor/invite/").status_code == 302
    page = client.get("/counsellor/").content.decode()
    assert "/counsellor/join/" in page
    again = client.get("/counsellor/").content.decode()
    assert "/counsellor/join/" not in again
    assert "Links not used yet" in again


def test_a_counsellor_signs_up_through_the_link_and_lands_on_the_client_list(
    alex, dana, client_for
):
    token = services.invite_create(client=alex).token
    anonymous = client_for(None)
    assert anonymous.get(f"/counsellor/join/{token}/")["Location"].startswith("/accounts/login/")
    counsellor = client_for(dana)
    assert "Accept the invitation" in counsellor.get(f"/counsellor/join/{token}/").content.decode()
    accepted = counsellor.post(f"/counsellor/join/{token}/")
    assert accepted["Location"] == "/counsellor/clients/"
    assert "Alex" in counsellor.get("/counsellor/clients/").content.decode()


@pytest.mark.parametrize("state", ["used", "expired", "made_up"])
def test_a_reused_or_expired_link_gets_a_clear_page_and_changes_nothing(
    alex, dana, make_user, client_for, state
):
    token = services.invite_create(client=alex).token
    if state == "used":
        services.invite_accept(user=make_user("eve@example.com"), token=token)
    if state == "made_up":
        token = "not-a-real-token"
    links_before = CounsellorLink.objects.count()
    counsellor = client_for(dana)
    with time_machine.travel(timezone.now() + timedelta(days=8 if state == "expired" else 0)):
        response = counsellor.post(f"/counsellor/join/{token}/")
        opened = counsellor.get(f"/counsellor/join/{token}/")
    assert (response.status_code, opened.status_code) == (400, 404)
    assert "This invitation link doesn" in response.content.decode()
    assert "Accept the invitation" not in opened.content.decode()
    assert CounsellorLink.objects.count() == links_before
    assert not is_counsellor(dana)


def test_a_partner_opening_a_counsellor_link_is_told_why_not(alex, sam, make_user, client_for):
    robin = make_user("robin@example.com", "Robin")
    token = services.invite_create(client=robin).token
    response = client_for(sam).post(f"/counsellor/join/{token}/")
    assert response.status_code == 400
    assert "separate account" in response.content.decode()
    assert not CounsellorLink.objects.exists()


def test_the_counsellor_sees_exactly_the_granted_items_and_a_revoked_one_is_gone(
    alex, dana_for_alex, dana, sam, client_for
):
    """TS54."""
    first = shared_checkin(alex, 1, "first granted")
    second = shared_checkin(alex, 2, "second granted")
    kept = shared_checkin(alex, 3, "shared but not granted")
    private = shared_checkin(alex, 4, "only mine", shared=False)
    sams = shared_checkin(sam, 5, "written by Sam")
    client = client_for(alex)
    assert _grant(client, dana_for_alex, items=[first, second]).status_code == 302

    counsellor = client_for(dana)
    page = counsellor.get(f"/counsellor/clients/{dana_for_alex.pk}/").content.decode()
    assert f"/counsellor/items/{first.pk}/" in page
    assert f"/counsellor/items/{second.pk}/" in page
    for hidden in (kept, private, sams):
        assert str(hidden.pk) not in page
    assert "first granted" in counsellor.get(f"/counsellor/items/{first.pk}/").content.decode()

    made_up = uuid.uuid4()
    missing = normalise(counsellor.get(f"/counsellor/items/{made_up}/"), {str(made_up): "<id>"})
    for hidden in (kept, private, sams):
        response = counsellor.get(f"/counsellor/items/{hidden.pk}/")
        assert response.status_code == 404
        assert normalise(response, {str(hidden.pk): "<id>"}) == missing

    grant = Grant.objects.get(item_id=first.pk)
    assert client.post(f"/counsellor/grants/{grant.pk}/revoke/").status_code == 302
    assert counsellor.get(f"/counsellor/items/{first.pk}/").status_code == 404
    assert counsellor.get(f"/counsellor/items/{second.pk}/").status_code == 200


def test_a_category_grant_and_bad_dates(alex, dana_for_alex, dana, client_for):
    item = shared_checkin(alex, 1, "granted by kind")
    client = client_for(alex)
    too_far = _grant(client, dana_for_alex, categories=["checkins.checkin"], until=in_days(91))
    assert too_far.status_code == 400
    assert "between today and 90 days" in too_far.content.decode()
    past = _grant(client, dana_for_alex, categories=["checkins.checkin"], until=in_days(-1))
    assert past.status_code == 400
    nothing = _grant(client, dana_for_alex)
    assert "Tick at least one" in nothing.content.decode()
    assert not Grant.objects.exists()
    assert _grant(client, dana_for_alex, categories=["checkins.checkin"]).status_code == 302
    assert client_for(dana).get(f"/counsellor/items/{item.pk}/").status_code == 200


def test_the_client_cannot_grant_a_private_item_or_the_partners(
    alex, sam, dana_for_alex, client_for
):
    private = shared_checkin(alex, 1, "only mine", shared=False)
    sams = shared_checkin(sam, 2, "Sam's")
    for item in (private, sams):
        response = client_for(alex).post(
            f"/counsellor/mine/{dana_for_alex.pk}/grant/",
            {"items": [str(item.pk)], "until": in_days(10).isoformat()},
        )
        assert response.status_code == 400
    assert not Grant.objects.exists()


def test_opening_an_item_is_in_the_clients_audit_once_a_day(alex, dana_for_alex, dana, client_for):
    item = shared_checkin(alex, 1, "granted")
    client = client_for(alex)
    _grant(client, dana_for_alex, items=[item])
    counsellor = client_for(dana)
    counsellor.get(f"/counsellor/items/{item.pk}/")
    counsellor.get(f"/counsellor/items/{item.pk}/")
    assert GrantView.objects.count() == 1
    page = client.get(f"/counsellor/mine/{dana_for_alex.pk}/").content.decode()
    assert "Shared one item (Daily check-in)" in page
    assert "Your counsellor opened an item (Daily check-in)" in page


def test_notes_reach_the_client_and_never_the_partner(alex, sam, dana_for_alex, dana, client_for):
    counsellor = client_for(dana)
    note_id = str(uuid.uuid4())
    data = {"note_id": note_id, "text": "Try a gentle start this week.", "suggested_step": "2"}
    for _press in range(2):
        assert (
            counsellor.post(f"/counsellor/clients/{dana_for_alex.pk}/notes/", data).status_code
            == 302
        )
    assert CounsellorNote.objects.count() == 1
    page = client_for(alex).get("/counsellor/").content.decode()
    assert "Try a gentle start this week." in page
    assert "/steps/2/" in page
    assert "Try a gentle start" not in client_for(sam).get("/counsellor/").content.decode()


def test_an_empty_note_names_the_field_and_saves_nothing(dana_for_alex, dana, client_for):
    response = client_for(dana).post(
        f"/counsellor/clients/{dana_for_alex.pk}/notes/", {"note_id": str(uuid.uuid4()), "text": ""}
    )
    assert response.status_code == 400
    assert "field__error" in response.content.decode()
    assert not CounsellorNote.objects.exists()


def test_the_partner_is_never_told(alex, sam, dana_for_alex, client_for):
    assert not Notification.objects.filter(recipient=sam).exists()
    page = client_for(sam).get("/counsellor/").content.decode()
    assert "No counsellor is connected." in page
    assert "Dana" not in page


@pytest.mark.parametrize("side", ["client", "counsellor"])
def test_either_side_can_end_and_access_stops_at_once(alex, dana_for_alex, dana, client_for, side):
    item = shared_checkin(alex, 1, "granted")
    _grant(client_for(alex), dana_for_alex, items=[item])
    counsellor = client_for(dana)
    assert counsellor.get(f"/counsellor/items/{item.pk}/").status_code == 200
    ender = client_for(alex) if side == "client" else counsellor
    assert ender.post(f"/counsellor/links/{dana_for_alex.pk}/end/").status_code == 302
    assert counsellor.get(f"/counsellor/items/{item.pk}/").status_code == 404
    assert counsellor.get(f"/counsellor/clients/{dana_for_alex.pk}/").status_code == 404


def test_a_counsellor_account_stays_on_the_counsellor_pages(alex, dana_for_alex, dana, client_for):
    item = shared_checkin(alex, 1, "granted")
    _grant(client_for(alex), dana_for_alex, categories=["checkins.checkin"])
    counsellor = client_for(dana)
    assert "Your clients" in counsellor.get("/").content.decode()
    for path in ("/check-in/", "/couple/", "/safety/check/", "/api/v1/me"):
        assert counsellor.get(path).status_code == 404, path
    assert counsellor.get("/help-now/").status_code == 200
    assert counsellor.get(f"/counsellor/items/{item.pk}/").status_code == 200


def test_an_unused_invite_is_cancelled_by_the_client_only(alex, robin, client_for):
    invite = services.invite_create(client=alex).invite
    assert client_for(robin).post(f"/counsellor/invites/{invite.pk}/revoke/").status_code == 404
    assert CounsellorInvite.objects.get().revoked_at is None
    assert client_for(alex).post(f"/counsellor/invites/{invite.pk}/revoke/").status_code == 302
    assert CounsellorInvite.objects.get().revoked_at is not None


def test_a_counsellors_menu_leads_to_clients_not_to_a_couple_or_safety_pages(
    alex, dana, client_for
):
    token = services.invite_create(client=alex).token
    counsellor = client_for(dana)
    counsellor.post(f"/counsellor/join/{token}/")
    menu = counsellor.get("/counsellor/clients/").content.decode().split('aria-label="Main"', 1)[1]
    menu = menu.split("</nav>", 1)[0]
    assert 'href="/counsellor/clients/"' in menu
    for partner_page in ('href="/couple/"', 'href="/safety/"', 'href="/notifications/"'):
        assert partner_page not in menu
    # The professional-help page stays open to a counsellor.
    assert counsellor.get("/safety/professional-help/").status_code == 200
    # A partner's menu is unchanged.
    assert 'href="/couple/"' in client_for(alex).get("/").content.decode()


def test_a_new_note_tells_only_the_client_that_something_is_waiting(alex, sam, dana_for_alex, dana):
    from mendwell.core.notification_texts import DENYLIST, MESSAGES
    from mendwell.notify.models import Notification

    note_id = uuid.uuid4()
    for _twice in range(2):  # a double submit is one note and one notification
        services.note_add(
            counsellor=dana,
            link=dana_for_alex,
            note_id=note_id,
            text="Private words",
            suggested_step=None,
        )
    (notification,) = Notification.objects.filter(recipient=alex)
    assert notification.kind == "counsel.note"
    assert not Notification.objects.filter(recipient=sam).exists()
    message = MESSAGES["counsel.note"]
    text = f"{message.title} {message.body}".lower()
    assert not [word for word in DENYLIST if word in text]
