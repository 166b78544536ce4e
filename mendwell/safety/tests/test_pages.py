from __future__ import annotations

import pytest

from mendwell.safety import services
from mendwell.safety.models import SafetyState


def test_the_safety_page_gathers_the_account_at_a_glance(client_for, alex, sam):
    page = client_for(alex).get("/safety/").content.decode()
    assert "Linked with" in page and "Sam" in page
    assert "Leave the couple space" in page
    assert "Two-step sign-in" in page
    assert "alex@example.com" in page


def test_a_person_can_pause_the_program_without_taking_the_check(client_for, alex, sam):
    client_for(alex).post("/safety/pause/")
    assert SafetyState.objects.get(user=alex).paused_by_choice
    sam_today = client_for(sam).get("/").content.decode()
    assert "The couple program is paused" in sam_today


def test_resuming_after_a_voluntary_pause_turns_the_program_back_on(client_for, alex, sam):
    client = client_for(alex)
    client.post("/safety/pause/")
    client.post("/safety/resume/")
    assert "The couple program is paused" not in client_for(sam).get("/").content.decode()


def test_skipping_the_check_keeps_the_prompt_on_today(client_for, alex):
    client = client_for(alex)
    client.post("/safety/check/skip/")
    assert "A private check" in client.get("/").content.decode()


def test_the_check_prompt_is_private_to_each_person(client_for, alex, sam):
    services.safety_check_submit(user=sam, answers={"fear": "no"})
    assert "A private check" in client_for(alex).get("/").content.decode()
    assert "A private check" not in client_for(sam).get("/").content.decode()


def test_the_pathway_pages_work_logged_out(client):
    assert client.get("/safety/plan/").status_code == 200
    assert client.get("/safety/devices/").status_code == 200


def test_the_signpost_panel_appears_for_crisis_words_only(client_for, alex):
    client = client_for(alex)
    calm = client.post("/safety/signpost/", {"text": "We had a lovely walk today."})
    assert calm.content == b""
    worried = client.post("/safety/signpost/", {"text": "I want to kill myself"})
    page = worried.content.decode()
    assert "You don" in page and "carry this alone" in page
    assert "Only you can see this." in page


def test_the_signpost_stores_nothing(client_for, alex):
    client = client_for(alex)
    client.get("/")  # warm the session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.post("/safety/signpost/", {"text": "I want to kill myself"})
    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE"}]
    assert not [sql for sql in writes if "django_session" not in sql]


@pytest.mark.django_db
def test_the_app_manifest_is_neutral_in_discreet_mode(client_for, make_user):
    quiet = make_user("quiet@example.com", "Quiet", discreet_mode=True)
    assert client_for(None).get("/manifest.webmanifest").json()["name"] == "Mendwell"
    manifest = client_for(quiet).get("/manifest.webmanifest").json()
    assert manifest["name"] == "Notes"
    assert manifest["icons"][0]["src"].endswith("icon-discreet.svg")


def test_discreet_mode_is_a_profile_setting(client_for, alex):
    client_for(alex).post(
        "/profile/",
        {
            "display_name": "Alex",
            "time_zone": "Europe/London",
            "locale": "en",
            "discreet_mode": "on",
        },
    )
    alex.refresh_from_db()
    assert alex.discreet_mode
