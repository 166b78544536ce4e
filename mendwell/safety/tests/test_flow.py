"""The safety check and pathway through the app, as each partner experiences them."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from mendwell.safety import selectors, services
from mendwell.safety.models import SafetyCheck, SafetyState
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.selectors import ProgramState

ALL_NO = dict.fromkeys(ITEM_KEYS, "no")
FEAR = ALL_NO | {"fear": "yes"}


def test_joint_exercises_stay_locked_until_the_persons_own_check(alex, sam):
    assert not selectors.joint_exercises_allowed(alex)
    services.safety_check_skip(user=alex)
    assert not selectors.joint_exercises_allowed(alex)
    services.safety_check_submit(user=alex, answers=ALL_NO)
    assert selectors.joint_exercises_allowed(alex)


def test_a_positive_check_pauses_the_couple_for_both(alex, sam):
    services.safety_check_submit(user=alex, answers=FEAR)
    assert selectors.program_state_for(alex) is ProgramState.PAUSED
    assert selectors.program_state_for(sam) is ProgramState.PAUSED
    assert not selectors.joint_exercises_allowed(sam)
    assert not selectors.reconnection_content_allowed(sam)


def test_answers_and_outcome_are_not_stored_in_clear(alex, sam):
    from django.db import connection

    services.safety_check_submit(user=alex, answers=FEAR)
    with connection.cursor() as cursor:
        cursor.execute("SELECT answers_json FROM safety_safetycheck")
        stored = cursor.fetchone()[0]
        cursor.execute("SELECT flags_json FROM safety_safetystate")
        flags = cursor.fetchone()[0]
    assert "fear" not in stored and "yes" not in stored
    assert "pathway" not in flags


def test_submitting_twice_by_double_click_records_one_check(alex):
    services.safety_check_submit(user=alex, answers=FEAR)
    services.safety_check_submit(user=alex, answers=FEAR)
    assert SafetyCheck.objects.filter(user=alex).count() == 1


def test_changing_answers_records_a_new_check(alex):
    services.safety_check_submit(user=alex, answers=ALL_NO)
    services.safety_check_submit(user=alex, answers=FEAR)
    assert SafetyCheck.objects.filter(user=alex).count() == 2
    assert selectors.latest_outcome_for(alex) == "pathway"


def test_the_pathway_cannot_be_lifted_while_the_latest_check_points_to_it(alex, sam):
    services.safety_check_submit(user=alex, answers=FEAR)
    with pytest.raises(services.SafetyError):
        services.program_resume(user=alex)
    services.safety_check_submit(user=alex, answers=ALL_NO)
    assert selectors.program_state_for(sam) is ProgramState.PAUSED  # no silent resume
    services.program_resume(user=alex)
    assert selectors.program_state_for(sam) is ProgramState.ACTIVE


def test_only_the_person_who_paused_can_lift_their_pause(alex, sam):
    services.program_pause(user=alex)
    services.program_resume(user=sam)
    assert selectors.program_state_for(alex) is ProgramState.PAUSED


def test_the_check_comes_back_after_28_days(alex):
    services.safety_check_submit(user=alex, answers=ALL_NO)
    assert not selectors.check_prompt_due(alex)
    assert services.request_due_checks(now=timezone.now() + timedelta(days=27)) == 0
    assert services.request_due_checks(now=timezone.now() + timedelta(days=28, minutes=1)) == 1
    assert selectors.check_prompt_due(alex)
    with time_machine.travel(timezone.now() + timedelta(days=28, minutes=2)):
        services.safety_check_submit(user=alex, answers=ALL_NO)
    assert not selectors.check_prompt_due(alex)


@pytest.mark.django_db
def test_the_scheduler_enqueues_the_recheck_job():
    from mendwell.core.scheduler import enqueue_due_jobs

    assert "safety.request_due_checks" in enqueue_due_jobs()


# --- Through the pages -------------------------------------------------------------


def test_a_positive_check_leads_to_the_pathway_page(client_for, alex, sam):
    response = client_for(alex).post("/safety/check/", FEAR, follow=True)
    page = response.content.decode()
    assert "Your safety comes first" in page
    assert "not advised right now" in page


def test_the_check_accepts_skipped_questions(client_for, alex):
    response = client_for(alex).post("/safety/check/", {"fear": "no"})
    assert response.status_code == 302
    assert SafetyState.objects.get(user=alex).check_completed_at is not None


def test_an_unknown_answer_is_explained_and_nothing_is_saved(client_for, alex):
    response = client_for(alex).post("/safety/check/", {"fear": "maybe-later"})
    assert "Please pick one of the answers shown." in response.content.decode()
    assert not SafetyCheck.objects.exists()


def test_the_partner_is_sent_nothing_when_a_check_is_positive(client_for, alex, sam, mailoutbox):
    client_for(alex).post("/safety/check/", FEAR)
    assert mailoutbox == []


def test_the_partner_never_sees_the_others_answers_or_check(client_for, alex, sam):
    services.safety_check_submit(user=alex, answers=FEAR)
    sam_page = client_for(sam).get("/safety/").content.decode()
    assert "t taken it yet" in sam_page  # sam's own state only
    assert "paused for you" not in sam_page
    assert "Turn the couple program back on" not in sam_page


def normalise(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'nonce="[^"]+"', "", html)
    return html


def partner_view(client) -> list[str]:
    pages = [normalise(client.get(path).content.decode()) for path in ("/", "/couple/")]
    pages.append(client.get("/api/v1/me").content.decode())
    return pages


@pytest.mark.parametrize("how", ["alex_positive_check", "alex_pauses", "sam_pauses"])
def test_the_paused_state_looks_the_same_whoever_paused_and_why(client_for, alex, sam, how):
    services.safety_check_submit(user=sam, answers=ALL_NO)
    services.safety_check_submit(user=alex, answers=ALL_NO)
    sam_client = client_for(sam)
    before = partner_view(sam_client)
    {
        "alex_positive_check": lambda: services.safety_check_submit(user=alex, answers=FEAR),
        "alex_pauses": lambda: services.program_pause(user=alex),
        "sam_pauses": lambda: services.program_pause(user=sam),
    }[how]()
    after = partner_view(sam_client)
    assert after != before  # the pause shows…
    reference_world = partner_view_reference(client_for, alex, sam)
    assert after == reference_world  # …and shows the same in every case


def partner_view_reference(client_for, alex, sam):
    """Sam's view when Alex paused voluntarily: the reference every case must equal."""
    from django.db import transaction

    from mendwell.core.fields import sealed_for

    state_alex = SafetyState.objects.get(user=alex)
    state_sam = SafetyState.objects.get(user=sam)
    saved = (state_alex.flags_json, state_sam.flags_json)

    def put(state, user, flags):
        SafetyState.objects.filter(user=user).update(
            flags_json=sealed_for(state, "flags_json", user, flags)
        )

    with transaction.atomic():
        put(state_sam, sam, "{}")
        put(state_alex, alex, '{"paused": true}')
        reference = partner_view(client_for(sam))
        put(state_alex, alex, saved[0])
        put(state_sam, sam, saved[1])
    return reference
