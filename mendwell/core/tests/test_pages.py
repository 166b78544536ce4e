from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db


def test_every_step_has_a_page_that_says_what_is_built_and_what_is_coming(client_for, alex):
    from mendwell.core.steps import step_by_number

    client = client_for(alex)
    for number in range(1, 11):
        page = client.get(f"/steps/{number}/").content.decode()
        assert f"Step {number} of 10" in page
        step = step_by_number(number)
        assert step is not None
        if step.tool_url_name:
            assert "What this step holds" in page and "coming soon" not in page
        else:
            assert "What this step will hold" in page and "These tools are coming soon." in page
    assert client.get("/steps/11/").status_code == 404


def test_page_titles_name_the_step_number_not_its_subject(client_for, alex):
    page = client_for(alex).get("/steps/1/").content.decode()
    assert "<title>Step 1 · Mendwell</title>" in page


def test_get_help_now_works_without_signing_in(client):
    page = client.get("/help-now/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8").content.decode()
    assert 'href="tel:999"' in page


def test_every_page_has_quick_exit_and_get_help_now(client_for, alex):
    for path in ["/", "/couple/", "/profile/", "/steps/3/", "/privacy/"]:
        page = client_for(alex).get(path).content.decode()
        assert "data-quick-exit" in page, path
        assert 'href="/help-now/"' in page, path


def test_quick_exit_signs_out_and_sends_the_browser_somewhere_neutral(client_for, alex, settings):
    client = client_for(alex)
    response = client.get("/exit/")
    assert response.status_code == 302
    assert response["Location"] == settings.QUICK_EXIT_URL
    assert client.get("/couple/").status_code == 302  # signed out


def test_health_check_reports_database_and_queue(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response.json()["tasks"]["oldest_pending_age_seconds"] == 0.0


def test_health_check_fails_when_the_queue_is_stuck(client):
    DBTaskResult.objects.create(
        task_path="x.y",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=timezone.now() - timedelta(hours=1),
    )
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(hours=1))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["tasks"]["status"] == "stuck"


def test_demo_data_refuses_to_run_with_debug_off():
    with pytest.raises(CommandError):
        call_command("seed_demo")


def test_demo_data_is_idempotent_and_links_alex_and_sam():
    from django.contrib.auth import get_user_model

    from mendwell.couples.selectors import partner_of

    call_command("seed_demo", force=True)
    call_command("seed_demo", force=True)
    users = get_user_model().objects
    assert users.count() == 3
    alex = users.get(email="alex@example.com")
    assert partner_of(alex) == users.get(email="sam@example.com")
    assert partner_of(users.get(email="robin@example.com")) is None


def test_a_server_error_shows_a_plain_page_with_a_reference(rf):
    from mendwell.core.views import server_error

    request = rf.get("/")
    request.request_id = "abc123def456"
    response = server_error(request)
    assert response.status_code == 500
    assert "abc123def456" in response.content.decode()
    assert "Traceback" not in response.content.decode()
