from __future__ import annotations


def test_a_person_can_change_their_name_and_time_zone(client_for, alex):
    response = client_for(alex).post(
        "/profile/", {"display_name": "Lex", "time_zone": "Asia/Tokyo", "locale": "en"}
    )
    assert response.status_code == 302
    alex.refresh_from_db()
    assert (alex.display_name, alex.time_zone) == ("Lex", "Asia/Tokyo")


def test_a_rejected_edit_keeps_the_typing_and_changes_nothing(client_for, alex):
    response = client_for(alex).post(
        "/profile/", {"display_name": "Lex", "time_zone": "Mars/Olympus", "locale": "en"}
    )
    page = response.content.decode()
    assert "isn&#x27;t a time zone we know" in page
    assert 'value="Mars/Olympus"' in page
    assert 'value="Lex"' in page
    alex.refresh_from_db()
    assert (alex.display_name, alex.time_zone) == ("Alex", "Europe/London")


def test_times_are_shown_in_the_persons_own_time_zone(client_for, robin):
    import zoneinfo

    from django.utils import dateformat

    from mendwell.couples.services import invite_create

    expires = invite_create(user=robin).invite.expires_at
    local = expires.astimezone(zoneinfo.ZoneInfo("America/New_York"))
    utc_text = dateformat.format(expires, "N j, Y, P")
    local_text = dateformat.format(local, "N j, Y, P")
    assert local_text != utc_text
    page = client_for(robin).get("/couple/").content.decode()
    assert local_text in page
