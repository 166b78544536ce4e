from __future__ import annotations

import io
import json
import zipfile

from mendwell.couples.models import Invite
from mendwell.couples.selectors import partner_of
from mendwell.couples.services import couple_create
from tests.gatekeeper.models import Note


def test_the_fresh_code_is_shown_once_to_the_inviter(client_for, alex):
    client = client_for(alex)
    response = client.post("/couple/invite/", follow=True)
    page = response.content.decode()
    assert "This is the only time it is shown" in page
    second_look = client.get("/couple/").content.decode()
    assert "This is the only time it is shown" not in second_look
    assert "You have a code waiting to be used" in second_look


def test_inviting_takes_no_email_or_password_for_the_partner(client_for, alex):
    client_for(alex).post(
        "/couple/invite/", {"email": "partner@example.com", "password": "chosen by alex 123"}
    )
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(email="partner@example.com").exists()
    assert Invite.objects.filter(inviter=alex).count() == 1


def test_someone_else_cannot_revoke_an_invite(client_for, alex, robin):
    couple_create(user=alex)
    client_for(alex).post("/couple/invite/")
    invite = Invite.objects.get(inviter=alex)
    response = client_for(robin).post(f"/couple/invites/{invite.id}/revoke/")
    assert response.status_code == 404
    invite.refresh_from_db()
    assert invite.revoked_at is None


def test_joining_with_a_link_prefills_the_code(client_for, robin):
    page = client_for(robin).get("/couple/join/?code=ABCD-EFGH").content.decode()
    assert 'value="ABCD-EFGH"' in page


def test_a_bad_code_is_explained_next_to_the_field_and_kept(client_for, robin):
    response = client_for(robin).post("/couple/join/", {"code": "WXYZ-WXYZ-1234"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "That code doesn&#x27;t work" in page
    assert 'value="WXYZ-WXYZ-1234"' in page
    assert 'id="id_code_error"' in page


def test_an_overlong_code_gets_a_clear_message(client_for, robin):
    response = client_for(robin).post("/couple/join/", {"code": "A" * 10_000})
    assert "longer than any invite code" in response.content.decode()
    assert partner_of(robin) is None


def test_joining_twice_by_double_submit_links_once(client_for, alex, make_user):
    from mendwell.couples.services import invite_create

    partner = make_user("partner@example.com")
    code = invite_create(user=alex).code
    client = client_for(partner)
    client.post("/couple/join/", {"code": code})
    second = client.post("/couple/join/", {"code": code})
    assert "already in this couple space" in second.content.decode()
    assert partner_of(partner) == alex


def test_leaving_without_a_recent_password_asks_for_it_first(client_for, alex, sam):
    """Sudo mode: the leave POST goes to "confirm it's you"; nothing ends yet."""
    response = client_for(sam).post("/couple/leave/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/reauthenticate/?next=%2Fcouple%2Fleave%2F"
    assert partner_of(sam) == alex


def test_a_wrong_password_on_the_confirm_page_leaves_the_couple_linked(client_for, alex, sam):
    client = client_for(sam)
    client.post("/couple/leave/")
    response = client.post(
        "/accounts/reauthenticate/?next=/couple/leave/", {"password": "not my password 1234"}
    )
    assert response.status_code == 200
    assert partner_of(sam) == alex


def test_the_right_password_on_the_confirm_page_completes_the_leave(client_for, alex, sam):
    from conftest import PASSWORD

    client = client_for(sam)
    client.post("/couple/leave/")
    client.post("/accounts/reauthenticate/?next=/couple/leave/", {"password": PASSWORD})
    assert partner_of(sam) is None


def test_leaving_tells_nobody_and_the_partner_sees_not_linked(client_for, alex, sam, mailoutbox):
    from conftest import sudo

    response = sudo(client_for(sam), sam).post("/couple/leave/", follow=True)
    assert "You&#x27;ve left the couple space" in response.content.decode()
    assert mailoutbox == []
    alex_page = client_for(alex).get("/couple/").content.decode()
    assert "Not linked" in alex_page
    assert "Sam" not in alex_page


def test_leaving_twice_gets_a_calm_message(client_for, alex, sam):
    from conftest import sudo

    client = sudo(client_for(sam), sam)
    client.post("/couple/leave/")
    response = client.post("/couple/leave/", follow=True)
    assert "You&#x27;re not linked with anyone right now" in response.content.decode()


def test_the_download_before_leaving_holds_only_what_the_partner_shared(client_for, alex, sam):
    from mendwell.couples.selectors import couple_for_user

    couple = couple_for_user(alex)
    Note.objects.create(author=alex, couple=couple, visibility="shared", body="shared by alex")
    Note.objects.create(author=alex, couple=couple, body="alex private")
    Note.objects.create(author=sam, couple=couple, visibility="shared", body="sam's own share")
    response = client_for(sam).post("/couple/leave/shared-download/")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("shared-with-me.json"))
    bodies = [item["body"] for item in data["items"]]
    assert bodies == ["shared by alex"]
    assert "shared by alex" in archive.read("shared-with-me.md").decode()


def test_the_download_is_not_offered_to_someone_not_linked(client_for, robin):
    assert client_for(robin).post("/couple/leave/shared-download/").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client_for):
    response = client_for(None).get("/couple/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
