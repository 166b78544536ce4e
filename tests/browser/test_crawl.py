"""Every page, in a real browser, for the people who can open it.

The list of pages comes from the URLconf: each named route is either crawled
(``CRAWL``) or excluded with a reason (``EXCLUDED``). A route that is in
neither, or in both, fails ``test_every_route_is_crawled_or_excluded``, so a
new page cannot slip past these checks.

Who looks: signed out; Alex (linked with Sam) for every signed-in page; Sam,
who has an authenticator app and recovery codes, for the pages that only exist
then; Robin, on their own, for the pages that differ when not linked; and staff
for the operator's page. One browser, one context per persona.

On each page, at phone (390x844) and desktop (1280x800) size:
* axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation (and text contrast
  holds in dark mode too);
* the quick-exit button is on screen and on top after scrolling to the end;
* nothing usable sits under the quick-exit button, nothing sticks out
  sideways, and on a phone every control outside a sentence is a 44px target;
* the browser logs no error (CSP violations included) and asks no other host
  for anything;
* the tab title is "<page> · Mendwell" and names nobody.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from playwright.sync_api import Page as BrowserPage

from conftest import PASSWORD
from tests.browser.conftest import PHONE, Browsers, reauthenticate

pytestmark = pytest.mark.browser

ANON, ALEX, SAM, ROBIN, STAFF = "anonymous", "alex", "sam", "robin", "staff"
PERSONAS = (ANON, ALEX, SAM, ROBIN, STAFF)
PUBLIC = (ANON, ALEX)  # open to everyone: crawled signed out and as a partner
PARTNER = (ALEX,)  # needs a signed-in person: crawled as Alex, linked with Sam
# Names and addresses that must never appear in a tab title.
PEOPLE_IN_TITLES = (
    "Alex",
    "Sam",
    "Robin",
    "Newcomer",
    "Staff",
    "alex@example.com",
    "alex.work@example.com",
    "sam@example.com",
    "robin@example.com",
    "new@example.com",
    "staff@example.com",
)


@dataclass
class World:
    """The people and one-off links the crawl needs, made fresh for each test."""

    users: dict[str, Any]
    newcomer: Any  # signed up, has not confirmed the email address yet


Params = Callable[[World, str], list[dict[str, Any]]]
Arrive = Callable[[Browsers, World], BrowserPage]


@dataclass(frozen=True)
class Crawl:
    personas: tuple[str, ...]
    params: Params | None = None  # URL arguments, when the route takes some
    lands_on: str | None = None  # a regex for the path when the page moves itself on
    arrive: Arrive | None = None  # for a page reached only by a few steps, not a link
    last: bool = False  # visited after the others (its set-up changes what they show)


def _steps(world: World, persona: str) -> list[dict[str, Any]]:
    from mendwell.core.steps import STEPS

    assert len(STEPS) == 10
    return [{"number": step.number} for step in STEPS]


def _confirm_key(world: World, persona: str) -> list[dict[str, Any]]:
    """An email-confirmation link: the newcomer's signed out, a new address of Alex's signed in.

    Opening someone else's link signs a person out first, which would end the
    crawl's session. Alex's unconfirmed address is added only now, as the
    crawl's last page, because with one two-step sign-in can't be turned on.
    """
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    if persona == ANON:
        address = EmailAddress.objects.get(user=world.newcomer)
    else:
        address = EmailAddress.objects.create(
            user=world.users[persona], email=f"{persona}.work@example.com", verified=False
        )
    return [{"key": EmailConfirmationHMAC(address).key}]


def _reset_key(world: World, persona: str) -> list[dict[str, Any]]:
    """A password-reset link: Robin's signed out, Alex's own signed in (as above).

    Made when the crawl asks for it: signing in changes ``last_login``, which
    the reset token is built on, so an earlier token would already be void.
    """
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    user = world.users[ROBIN if persona == ANON else persona]
    user.refresh_from_db()
    return [{"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)}]


def _half_signed_in_with_two_steps(browsers: Browsers, world: World) -> BrowserPage:
    """The second sign-in step: Sam has an authenticator app, so the password is not enough."""
    page = browsers.page()
    page.goto(f"{browsers.base_url}/accounts/login/")
    page.get_by_label("Email").fill(world.users[SAM].email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/$"))
    return page


def _log_entry(world: World, persona: str) -> list[dict[str, Any]]:
    """One entry in the persona's own private log (everyone else gets 404)."""
    import uuid

    from mendwell.journal.services import log_entry_create

    entry = log_entry_create(
        user=world.users[persona],
        entry_id=uuid.uuid4(),
        happened_on=None,
        rough_period="last winter",
        what_happened="I kept working through dinner.",
        impact="",
        differently="",
        tags=["time"],
    )
    return [{"entry_id": entry.id}]


def _acknowledgement(world: World, persona: str) -> list[dict[str, Any]]:
    """Alex's draft (for Alex) or Alex's sent acknowledgement (for Alex and Sam)."""
    import uuid

    from mendwell.journal.acknowledgements.services import (
        acknowledgement_create,
        acknowledgement_send,
    )
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit

    alex = world.users[ALEX]
    safety_check_submit(user=alex, answers=dict.fromkeys(ITEM_KEYS, "no"))
    thread = acknowledgement_create(
        user=alex,
        thread_id=uuid.uuid4(),
        own_it="I kept working through dinner.",
        impact="You ate alone.",
        change="Dinner is phone-free now.",
        entries=[],
    )
    acknowledgement_send(thread=thread)
    return [{"thread_id": thread.id}]


def _answer(world: World, persona: str) -> list[dict[str, Any]]:
    """Sam's "not yet" to the acknowledgement Alex sent: only Sam may change it."""
    from mendwell.journal.acknowledgements.services import acknowledgement_respond
    from mendwell.journal.models import Acknowledgement

    (params,) = _acknowledgement(world, persona)
    thread = Acknowledgement.objects.get(pk=params["thread_id"])
    answer = acknowledgement_respond(
        user=world.users[SAM],
        thread=thread,
        sent=thread.sent_copies.get(),
        kind="not_yet",
        missing="That it has happened before.",
    )
    return [{"answer_id": answer.id}]


def _acknowledgements(world: World, persona: str) -> list[dict[str, Any]]:
    """One waiting for Sam's answer, and one whose answer Sam changed (with its history)."""
    from mendwell.journal.acknowledgements.services import acknowledgement_answer_change
    from mendwell.journal.models import AcknowledgementResponse

    (answered,) = _answer(world, persona)
    answer = AcknowledgementResponse.objects.get(pk=answered["answer_id"])
    acknowledgement_answer_change(user=world.users[SAM], answer=answer, kind="heard", missing="")
    return [*_acknowledgement(world, persona), {"thread_id": answer.thread_id}]


def _talks(world: World, persona: str) -> list[dict[str, Any]]:
    """Guided conversations in each state a partner meets: the ground rules, the topic,
    speaker–listener turns with a reflection to confirm, a pause, the shared phone, the end."""
    import uuid
    from datetime import timedelta

    from django.utils import timezone

    from mendwell.conversations.guided.selectors import view_of
    from mendwell.conversations.guided.services import (
        conversation_end,
        conversation_start,
        topic_set,
        turn_add,
    )
    from mendwell.conversations.models import Conversation, RuleAgreement
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit

    alex, sam = world.users[ALEX], world.users[SAM]
    for person in (alex, sam):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))

    def new(*, agreed: bool = True, topic: bool = True, **options: Any) -> Conversation:
        choices = {"speaker_listener": False, "one_device": False, "turn_minutes": 3, **options}
        conversation = conversation_start(user=alex, conversation_id=uuid.uuid4(), **choices)
        if agreed:
            for person in (alex, sam):
                RuleAgreement.objects.create(conversation=conversation, user=person)
        if agreed and topic:
            topic_set(view=view_of(alex, conversation), topic="Our evenings", first_speaker=alex)
        return conversation

    rules = new(agreed=False)
    choosing = new(topic=False)
    listening = new(speaker_listener=True)
    turn_add(view=view_of(alex, listening), writer=alex, text="I miss our evenings.", seq=1)
    turn_add(view=view_of(sam, listening), writer=sam, text="You miss our evenings.", seq=2)
    paused = new()
    Conversation.objects.filter(pk=paused.pk).update(
        pause_started_at=timezone.now(), paused_until=timezone.now() + timedelta(minutes=20)
    )
    shared_phone = new(one_device=True)
    ended = new()
    turn_add(view=view_of(alex, ended), writer=alex, text="Thank you for listening.", seq=1)
    conversation_end(view=view_of(alex, ended))
    chosen = [rules, choosing, listening, paused, shared_phone, ended]
    return [{"conversation_id": conversation.id} for conversation in chosen]


def _talk(world: World, persona: str) -> list[dict[str, Any]]:
    return _talks(world, persona)[2:3]


def _shared_phone_talk(world: World, persona: str) -> list[dict[str, Any]]:
    return _talks(world, persona)[4:5]


def _affection_open(world: World, persona: str) -> list[dict[str, Any]]:
    """Step 7 opened by both: a shared kind of touch, a running challenge, a shared note.
    Returns the persona's own comfort settings (anyone else's answers 404)."""
    from mendwell.affection.models import AffectionNote
    from mendwell.affection.selectors import local_today, own_profile
    from mendwell.affection.services import affection_opt_in, challenge_start, comfort_set
    from mendwell.couples.access import Visibility
    from mendwell.couples.selectors import couple_for_user

    alex, sam = world.users[ALEX], world.users[SAM]
    for person in (alex, sam):
        comfort_set(profile=affection_opt_in(user=person), open_kinds=["hug", "hold_hands"])
    challenge_start(user=alex, today=local_today(alex))
    if not AffectionNote.objects.exists():
        AffectionNote.objects.create(
            author=sam, couple=couple_for_user(sam), visibility=Visibility.SHARED, text="Thank you."
        )
    profile = own_profile(world.users[persona])
    assert profile is not None
    return [{"profile_id": profile.id}]


def _promises(world: World, persona: str) -> list[dict[str, Any]]:
    """Step 6: an evening promise Sam has marked (past times, so the chart has bars), one
    renegotiated into a new one (the history), and one withdrawn with a note."""
    import uuid
    from datetime import timedelta

    from django.utils import timezone

    from mendwell.promises.models import PromiseOccurrence
    from mendwell.promises.services import (
        occurrence_mark,
        promise_create,
        promise_renegotiate,
        promise_withdraw,
    )
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit

    alex, sam = world.users[ALEX], world.users[SAM]
    for person in (alex, sam):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    later = timezone.localdate() + timedelta(days=3)
    if persona == ROBIN:  # on their own: a private promise, marked by Robin
        own = promise_create(
            user=world.users[ROBIN],
            promise_id=uuid.uuid4(),
            text="walk every day",
            due_on=later,
            due_time=None,
            recurrence="daily",
            count=3,
            until=None,
        )
        return [{"promise_id": own.id}]

    def make(text: str, **fields: Any) -> Any:
        values = {"due_on": later, "due_time": None, "recurrence": "none", "count": None}
        return promise_create(
            user=alex, promise_id=uuid.uuid4(), text=text, until=None, **{**values, **fields}
        )

    evenings = make("put my phone away at dinner", recurrence="daily", count=7)
    for seq in range(1, 6):
        PromiseOccurrence.objects.filter(promise=evenings, seq=seq).update(
            due_at=timezone.now() - timedelta(days=seq)
        )
        occurrence_mark(
            user=sam,
            promise=evenings,
            seq=seq,
            mark="kept" if seq % 2 else "not_yet",
            kind_word="Thank you, I noticed." if seq == 1 else "",
        )
    old = make("run with you every morning")
    new = promise_renegotiate(
        promise=old,
        promise_id=uuid.uuid4(),
        text="run with you on Saturdays",
        due_on=later,
        due_time=None,
        recurrence="weekly",
        count=3,
        until=None,
    )
    withdrawn = make("fix the shelf")
    promise_withdraw(promise=withdrawn, note="I took on too much; a smaller promise soon.")
    return [{"promise_id": p.id} for p in (evenings, new, old, withdrawn)]


def _ledger(world: World, persona: str) -> list[dict[str, Any]]:
    """The ledger with the promises above in it, so the follow-through chart has bars."""
    _promises(world, persona)
    return [{}]


def _open_promise(world: World, persona: str) -> list[dict[str, Any]]:
    return _promises(world, persona)[1:2]


def _loved(world: World, persona: str) -> list[dict[str, Any]]:
    """Step 5 filled in: ratings and a list for the persona; Alex and Sam both share theirs
    (so the partner page, the side-by-side table and the ideas show); Robin keeps them."""
    import uuid

    from mendwell.loved import services
    from mendwell.loved.models import RATING_FIELDS
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit

    people = [world.users[persona]] + ([world.users[SAM]] if persona == ALEX else [])
    for person in people:
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
        ratings = {name: index % 5 for index, name in enumerate(RATING_FIELDS)}
        services.ratings_save(user=person, snapshot_id=uuid.uuid4(), ratings=ratings)
        for text, wish in (("A cup of tea in the morning", True), ("A text at lunch", False)):
            services.item_add(user=person, item_id=uuid.uuid4(), text=text, this_week=wish)
        if persona == ALEX:
            services.ratings_share_set(user=person, shared=True)
            services.list_share_set(user=person, shared=True)
    return [{}]


def _loved_item(world: World, persona: str) -> list[dict[str, Any]]:
    import uuid

    from mendwell.loved.services import item_add

    item = item_add(user=world.users[persona], item_id=uuid.uuid4(), text="A text at lunch")
    return [{"item_id": item.id}]


def _pulses(world: World, persona: str) -> list[dict[str, Any]]:
    """Step 8 for Alex and Sam: a baseline and eight weekly pulses each (so the charts and the
    change notes show), Sam sharing two measures with Alex; Robin has answered nothing, so
    Robin's page shows the "take the baseline" prompt."""
    from datetime import timedelta

    from django.utils import timezone

    from mendwell.progress import registry, services
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit

    if persona != ALEX:
        return [{}]
    items = registry.pulse().item_ids
    start = timezone.now() - timedelta(weeks=9)
    for person in (world.users[ALEX], world.users[SAM]):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
        services.pulse_save(
            user=person, kind="baseline", answers=dict.fromkeys(items, 4), now=start
        )
        for week in range(1, 9):
            level = 4 + week % 3
            services.pulse_save(
                user=person,
                kind="weekly",
                answers=dict.fromkeys(items, level),
                now=start + timedelta(weeks=week),
            )
    services.sharing_set(user=world.users[SAM], item_ids=list(items[:2]))
    return [{}]


def _date_plan(world: World, persona: str) -> list[dict[str, Any]]:
    """A weekly date Alex planned."""
    from datetime import date, time

    from mendwell.dates.models import DatePlan

    plan = DatePlan.objects.create(
        author=world.users[ALEX],
        starts_on=date(2030, 1, 4),
        start_time=time(19, 0),
        time_zone="Europe/London",
        repeat="weekly",
        repeat_until=date(2030, 3, 1),
        note="Dinner and a walk",
    )
    return [{"plan_id": plan.id}]


def _victories(world: World, persona: str) -> list[dict[str, Any]]:
    """Step 8: a wall with a victory from each partner (Alex's tagged with a step), and a
    first date behind them, so a milestone shows; Robin keeps a victory of their own."""
    import uuid
    from datetime import date, time, timedelta

    from django.utils import timezone

    from mendwell.dates.services import plan_create
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit
    from mendwell.story.services import victory_create

    people = [world.users[ROBIN]] if persona == ROBIN else [world.users[ALEX], world.users[SAM]]
    yesterday = timezone.localdate() - timedelta(days=1)
    for step, person in enumerate(people, start=3):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
        victory_create(
            user=person,
            victory_id=uuid.uuid4(),
            text="We laughed at dinner for the first time in ages",
            happened_on=yesterday,
            step=step if person == world.users[ALEX] else None,
        )
    plan_create(
        user=people[0],
        starts_on=date(2026, 1, 9),
        start_time=time(19, 0),
        time_zone="Europe/London",
        duration_minutes=90,
        repeat="none",
        repeat_until=None,
        note="",
    )
    return [{}]


def _victory(world: World, persona: str) -> list[dict[str, Any]]:
    """One of Alex's victories, to change or delete."""
    import uuid

    from django.utils import timezone

    from mendwell.story.services import victory_create

    mine = victory_create(
        user=world.users[persona],
        victory_id=uuid.uuid4(),
        text="A quiet walk, hand in hand",
        happened_on=timezone.localdate(),
        step=8,
    )
    return [{"victory_id": mine.id}]


def _counsel_client(world: World, persona: str) -> list[dict[str, Any]]:
    """Step 9, Alex's side: Dana is Alex's counsellor, with two items granted, one
    opened and a note; an unused invitation link waits too. Robin has none."""
    from mendwell.counsel import services
    from mendwell.counsel.tests.factories import granted_and_seen

    if persona == ALEX:
        dana = _dana(world)
        link, _items = granted_and_seen(world.users[ALEX], dana)
        services.invite_create(client=world.users[ALEX])
        return [{"link_id": link.pk}]
    return [{}]


def _counsel_home(world: World, persona: str) -> list[dict[str, Any]]:
    _counsel_client(world, persona)
    return [{}]


def _dana(world: World) -> Any:
    from django.contrib.auth import get_user_model

    dana = get_user_model().objects.filter(email="dana@example.com").first()
    return dana or get_user_model().objects.create_user("dana@example.com", PASSWORD)


def _counsel_join(world: World, persona: str) -> list[dict[str, Any]]:
    """A fresh invitation link from Alex, as Robin opens it (before accepting)."""
    from mendwell.counsel import services

    return [{"token": services.invite_create(client=world.users[ALEX]).token}]


def _counsellor_robin(world: World, persona: str) -> list[dict[str, Any]]:
    """Step 9, the counsellor's side: Robin (on their own) accepted Alex's link and
    reads two granted items. Visited last: it makes Robin a counsellor account."""
    from mendwell.counsel.tests.factories import granted_and_seen

    link, items = granted_and_seen(world.users[ALEX], world.users[ROBIN])
    return [{"link_id": link.pk, "item_id": items[0].pk}]


def _only(*names: str) -> Params:
    def params(world: World, persona: str) -> list[dict[str, Any]]:
        return [
            {name: kwargs[name] for name in names} for kwargs in _counsellor_robin(world, persona)
        ]

    return params


CRAWL: dict[str, Crawl] = {
    "today": Crawl((ANON, ALEX, ROBIN)),  # the welcome page signed out, Today signed in
    "help_now": Crawl(PUBLIC),
    "quick_exit_info": Crawl(PUBLIC),
    "privacy": Crawl(PUBLIC),
    "step_detail": Crawl(PARTNER, params=_steps),
    "accounts:profile": Crawl(PARTNER),
    "couples:home": Crawl((ALEX, ROBIN)),  # linked, and on one's own
    "couples:join": Crawl((ALEX, ROBIN)),
    "couples:leave": Crawl(PARTNER),
    # Safety: the private check, its outcome, and support that needs no account.
    "safety:home": Crawl((ALEX, ROBIN)),
    "safety:check": Crawl(PARTNER),
    "safety:pathway": Crawl(PARTNER),
    "safety:plan": Crawl(PUBLIC),
    "safety:tech": Crawl(PUBLIC),
    "safety:professional_help": Crawl(PUBLIC),  # finding a counsellor; needs no account
    "safety:resources_status": Crawl((STAFF,)),  # for the operator; 404 for everyone else
    # Step 2: the question of the day (locked until Alex's private check) and the deck.
    "conversations:today": Crawl((ALEX, ROBIN)),
    "conversations:deck": Crawl((ALEX, ROBIN)),  # Robin: marks without a partner, no "talk" link
    # Step 2: guided conversations (Robin, on their own, is asked to invite a partner).
    "talk:list": Crawl((ALEX, ROBIN)),
    "talk:new": Crawl((ALEX, ROBIN)),
    "talk:detail": Crawl((ALEX, SAM), params=_talks),
    "talk:pause": Crawl(PARTNER, params=_talk),
    "talk:handoff": Crawl(PARTNER, params=_shared_phone_talk),
    # Step 3: the daily check-in (Robin, on their own, has no sharing) and its history.
    "checkins:today": Crawl((ALEX, ROBIN)),
    "checkins:history": Crawl((ALEX, ROBIN)),
    "checkins:week": Crawl((ALEX, ROBIN)),  # the weekly look back
    "nudges:home": Crawl((ALEX, ROBIN)),  # Robin: nobody to send to yet
    "jar:home": Crawl((ALEX, ROBIN)),  # Robin: a personal list
    # Step 4: dates (Robin plans on their own), ideas, the calendar link, changing a plan.
    "dates:list": Crawl((ALEX, ROBIN)),
    "dates:ideas": Crawl(PARTNER),
    "dates:new": Crawl(PARTNER),
    "dates:feed_manage": Crawl(PARTNER),
    "dates:edit": Crawl(PARTNER, params=_date_plan),
    "dates:together": Crawl(PARTNER, params=_date_plan),  # the phones-down timer
    "notify:list": Crawl((ALEX, ROBIN)),
    "reminders:settings": Crawl((ALEX, ROBIN)),  # step 10: times, channels, quiet hours
    "offline": Crawl(PUBLIC),  # the page the service worker shows without a connection
    # Step 7: the comfort settings first, which opens the tools for both (see
    # _affection_open), so Alex and Sam then see the running challenge; Robin is on
    # their own and is asked to invite a partner.
    "affection:comfort": Crawl((ALEX, SAM), params=_affection_open),
    "affection:home": Crawl((ALEX, SAM, ROBIN)),
    "affection:note_create": Crawl((ALEX, SAM)),
    # Step 6: the promise ledger (Robin keeps private promises, marked by themselves).
    "promises:list": Crawl((ALEX, SAM, ROBIN), params=_ledger),
    "promises:create": Crawl((ALEX, ROBIN)),
    "promises:detail": Crawl((ALEX, SAM, ROBIN), params=_promises),
    "promises:renegotiate": Crawl(PARTNER, params=_open_promise),
    "promises:withdraw": Crawl(PARTNER, params=_open_promise),
    # Step 1: the private log.
    "journal:list": Crawl((ALEX, ROBIN)),
    "journal:create": Crawl(PARTNER),
    "journal:edit": Crawl(PARTNER, params=_log_entry),
    "journal:delete": Crawl(PARTNER, params=_log_entry),  # the "are you sure?" page
    # Step 1: acknowledgements. Sam reads the one Alex sent and sees the answer form, and
    # both read one whose answer Sam changed, with the earlier answer kept.
    "journal:ack_list": Crawl((ALEX, SAM, ROBIN)),
    "journal:ack_create": Crawl(PARTNER),
    "journal:ack_detail": Crawl((ALEX, SAM), params=_acknowledgements),
    "journal:ack_edit": Crawl(PARTNER, params=_acknowledgement),
    "journal:ack_answer_change": Crawl((SAM,), params=_answer),  # the answerer's alone
    # allauth: signed out
    "account_login": Crawl((ANON,)),  # a signed-in person is sent on to Today
    "account_signup": Crawl((ANON,)),  # likewise
    "account_inactive": Crawl(PUBLIC),
    "account_email_verification_sent": Crawl(PUBLIC),
    "account_confirm_email": Crawl(PUBLIC, params=_confirm_key, last=True),
    "account_reset_password": Crawl(PUBLIC),
    "account_reset_password_done": Crawl(PUBLIC),
    # The emailed link stores its key and moves on to ".../<uid>-set-password/".
    "account_reset_password_from_key": Crawl(
        PUBLIC, params=_reset_key, lands_on=r"^/accounts/password/reset/key/\w+-set-password/$"
    ),
    "account_reset_password_from_key_done": Crawl(PUBLIC),
    # allauth: signed in
    "account_logout": Crawl(PARTNER),  # asks "sign out?"; signed out it goes to the login page
    "account_reauthenticate": Crawl(PARTNER),
    "account_email": Crawl(PARTNER),
    "account_change_password": Crawl(PARTNER),
    # Two-step sign-in. Alex has none set up; Sam has an authenticator app and recovery codes.
    "mfa_index": Crawl((ALEX, SAM)),
    "mfa_activate_totp": Crawl(PARTNER),
    "mfa_deactivate_totp": Crawl((SAM,)),
    "mfa_generate_recovery_codes": Crawl((ALEX, SAM)),
    "mfa_view_recovery_codes": Crawl((SAM,)),
    "mfa_reauthenticate": Crawl((SAM,)),  # confirm with the app's code instead of a password
    "mfa_authenticate": Crawl((ANON,), arrive=_half_signed_in_with_two_steps),
    "mfa_list_webauthn": Crawl(PARTNER),
    "mfa_add_webauthn": Crawl(PARTNER),
    # Step 5: ratings, the list, what the partner shared, side by side; Robin on their own.
    "loved:home": Crawl((ALEX, ROBIN), params=_loved),
    "loved:about": Crawl(PARTNER),
    "loved:rate": Crawl(PARTNER),
    "loved:history": Crawl(PARTNER, params=_loved),
    "loved:item_add": Crawl(PARTNER),
    "loved:item_edit": Crawl(PARTNER, params=_loved_item),
    "loved:item_delete": Crawl(PARTNER, params=_loved_item),  # the "are you sure?" page
    "loved:partner": Crawl((ALEX, ROBIN), params=_loved),
    "loved:side_by_side": Crawl((ALEX, ROBIN), params=_loved),
    # Step 8: small victories (the shared wall and one's own milestones) and our story.
    "story:home": Crawl((ALEX, SAM, ROBIN), params=_victories),
    "story:timeline": Crawl((ALEX, ROBIN), params=_victories),
    "story:edit": Crawl(PARTNER, params=_victory),
    "story:delete": Crawl(PARTNER, params=_victory),  # the "are you sure?" page
    "progress:home": Crawl((ALEX, ROBIN), params=_pulses),
    "progress:baseline": Crawl(PARTNER),
    "progress:pulse": Crawl(PARTNER, params=_pulses),
    "progress:sharing": Crawl((ALEX, ROBIN), params=_pulses),
    "progress:partner": Crawl((ALEX, ROBIN), params=_pulses),
    # Step 9: counsellor access, the client's pages and then the counsellor's.
    "counsel:home": Crawl((ALEX, ROBIN), params=_counsel_home),
    "counsel:link": Crawl(PARTNER, params=_counsel_client),
    "counsel:join": Crawl((ROBIN,), params=_counsel_join),
    "counsel:clients": Crawl((ROBIN,), params=_only(), last=True),
    "counsel:client": Crawl((ROBIN,), params=_only("link_id"), last=True),
    "counsel:item": Crawl((ROBIN,), params=_only("item_id"), last=True),
    # Step 9: the printable report's choices (the PDF link itself is excluded below).
    "report:home": Crawl((ALEX, ROBIN)),
    # Deleting the account: the summary and confirmation (after the password), and the
    # neutral page a now signed-out visitor lands on.
    "erasure:account": Crawl((ALEX, ROBIN)),
    "erasure:account_deleted": Crawl(PUBLIC),
    # Your data: export everything you wrote, and import an export.
    "exports:home": Crawl((ALEX, ROBIN)),
    "exports:import": Crawl((ALEX,)),
    # Signed-in devices (mendwell/security); allauth's own list address leads there.
    "security:devices": Crawl(PARTNER),
    "usersessions_list": Crawl(PARTNER, lands_on=r"/security/$"),
}

OPERATOR_ADMIN = "the operator's admin: staff only (404 for everyone else), not an app page"
EXCLUDED: dict[str, str] = {
    # Deleting one item: POST only, from the "Delete…" disclosure on the item's own page
    # (crawled with that page); mendwell/erasure and tests/test_item_deletion.py drive them.
    "checkins:delete": "POST only (the Delete… disclosure on today's check-in)",
    "checkins:week_note_delete": "POST only (the Delete… disclosure beside a look-back line)",
    "nudges:delete": "POST only (the Delete… disclosure beside a sent note)",
    "dates:delete": "POST only (the Delete… disclosure on the date's change page)",
    "dates:reflection_delete": "POST only (the Delete… disclosure beside one's reflection)",
    "conversations:answer_delete": "POST only (the Delete… disclosure under one's answer)",
    "promises:delete": "POST only (the Delete… disclosure on the promise's page)",
    "progress:pulse_delete": "POST only (the Delete… disclosure on the pulse page)",
    "progress:instrument": (
        "exists only once an operator adds a questionnaire; tests/browser/test_instrument_page.py "
        "opens it with the same page checks (axe, layout, targets, phone and desktop)"
    ),
    # Not pages: they act, or answer with something other than HTML.
    "quick_exit": "signs out and leaves for QUICK_EXIT_URL; test_quick_exit.py drives it",
    "healthz": "JSON for monitors",
    "couples:invite_create": "POST only (makes a code); test_journey.py uses it",
    "couples:invite_revoke": "POST only",
    "reminders:channels": "POST only; the reminders page shows its form and errors",
    "couples:shared_download": "POST only; answers with a zip file",
    "safety:check_skip": "POST only",
    "safety:pause": "POST only",
    "safety:resume": "POST only",
    "safety:set_country": "POST only",
    "safety:signpost": "POST only; answers an htmx request with a fragment, not a page",
    "journal:ack_hints": "POST only; answers an htmx request with a fragment, not a page",
    "journal:ack_send": "POST only (the button on the acknowledgement page)",
    "journal:ack_respond": "POST only (the answer form on the acknowledgement page)",
    "journal:ack_delete": "POST only (the button on the acknowledgement page)",
    "accounts:coach_toggle": (
        "POST only (the wording-hints offer beside a draft); answers htmx with a fragment, "
        "otherwise redirects back"
    ),
    "conversations:mark": (
        "POST only (the Favourite and We've-talked-about-this buttons on the deck and the "
        "question of the day); answers htmx with a fragment, otherwise redirects back"
    ),
    "talk:live": "answers the conversation page's htmx poll with a fragment (or 204), not a page",
    "talk:hints": "POST only; answers an htmx request with a fragment, not a page",
    "talk:rules": "POST only (the ground-rules form on the conversation page)",
    "talk:topic": "POST only (the topic form on the conversation page)",
    "talk:turn": "POST only (the turn form on the conversation page)",
    "talk:confirm": "POST only (the 'Yes, that's it' button on the conversation page)",
    "talk:end": "POST only (the button on the conversation page)",
    "talk:turn_delete": "POST only (the button beside one's own turn)",
    "checkins:share": "POST only (the share button on the check-in page)",
    "today_mark": "POST only (the done / not today buttons on Today's plan)",
    "nudges:hints": "POST only; answers an htmx request with a fragment, not a page",
    "jar:draw": "POST only (the draw button on the jar page)",
    "dates:cancel": "POST only (the cancel button beside a date)",
    "dates:ics": "a calendar file download (text/calendar)",
    "dates:feed": "the private calendar feed (text/calendar) for calendar apps",
    "jar:day": "POST only (the draw-day form on the jar page)",
    "jar:act_delete": "POST only (the remove button beside an act)",
    "jar:draw_done": "POST only (the 'I did it' button)",
    "jar:draw_noticed": "POST only (the 'I noticed' button)",
    "promises:hints": "POST only; answers an htmx request with a fragment, not a page",
    "promises:mark": "POST only (the kept / not yet form on the promise page)",
    "affection:opt_in": "POST only (the button on the affection page)",
    "affection:opt_out": "POST only (the button on the affection page)",
    "affection:challenge_start": "POST only (the button on the affection page)",
    "affection:challenge_pause": "POST only (the button on the affection page)",
    "affection:challenge_resume": "POST only (the button on the affection page)",
    "affection:challenge_end": "POST only (the button on the affection page)",
    "affection:challenge_answer": "POST only (the day's buttons on the affection page)",
    "affection:note_delete": "POST only (the button beside one's own note)",
    "manifest": "the installable app's manifest (JSON)",
    "service_worker": "the service worker script (JavaScript); test_pwa.py registers it",
    "push:subscribe": "POST only, JSON (the device button on the notifications page)",
    "push:unsubscribe": "POST only, JSON (the device button on the notifications page)",
    "security:sign_out": "POST only, after re-authentication (the button beside each device)",
    "security:sign_out_others": "POST only, after re-authentication (the button under the list)",
    "security:token_create": "POST only, after re-authentication (the form under app tokens)",
    "security:token_revoke": "POST only, after re-authentication (the button beside each token)",
    "mfa_download_recovery_codes": "a plain-text file download",
    "mfa_login_webauthn": "passkey sign-in endpoint: POST only, a GET goes back to the login page",
    "headless_sessions_closed": "allauth's headless session list, closed on purpose: 404",
    # Pages nobody here can reach in the state the crawl sets up.
    "account_set_password": "only for accounts without a password; everyone else is sent to change it",
    "account_confirm_login_code": "sign-in by emailed code is off; the URL sends people to the login page",
    # These need a registered passkey: test_passkeys.py makes one with Chromium's
    # virtual authenticator and gives these pages the same checks.
    "mfa_reauthenticate_webauthn": "needs a registered passkey (see test_passkeys.py)",
    "mfa_edit_webauthn": "needs a registered passkey (see test_passkeys.py)",
    "mfa_remove_webauthn": "needs a registered passkey (see test_passkeys.py)",
    # Test-only scaffolding (settings.IS_TEST), not part of the product.
    "gatekeeper:note_detail": "test-only app for the access-gate tests",
    "gatekeeper:note_delete": "test-only app for the access-gate tests",
    "loved:share_ratings": "POST only (the share / stop sharing button on the step 5 page)",
    "loved:share_list": "POST only (the share / stop sharing button on the step 5 page)",
    "loved:item_move": "POST only (the Move up / Move down buttons beside each line)",
    "story:hints": "POST only; answers an htmx request with a fragment, not a page",
    "story:export_md": "a Markdown file download (our story)",
    "story:export_pdf": "a PDF file download (our story)",
    "report:download": (
        "a single-use PDF download (attachment, not a page); tests/browser/test_report.py "
        "clicks it and checks the second visit is the not-found page"
    ),
    "exports:download": (
        "a single-use zip download (attachment, not a page); tests/browser/test_export.py "
        "clicks it and checks the second visit is the not-found page"
    ),
    "exports:status": "a fragment the export page polls with htmx while an export is made",
    "exports:link": "POST only (the Get a download link button on the export page)",
    "progress:baseline_skip": "POST only (the Skip for now button on the baseline prompt)",
    "counsel:invite_create": "POST only (the button on the counsellor page)",
    "counsel:invite_revoke": "POST only (the button beside an unused invitation link)",
    "counsel:grant_create": "POST only (the share form on the page for one counsellor)",
    "counsel:grant_revoke": "POST only (the Stop sharing button beside a grant)",
    "counsel:link_end": "POST only (the End access button, on either side)",
    "counsel:note_add": "POST only (the note form on the counsellor's page for a client)",
    # The operator's admin (mendwell/staff/admin.py): Django's own pages, without the app's
    # frame (no quick exit); for staff only, and checked by mendwell/staff/tests.
    "operator:index": OPERATOR_ADMIN,
    "operator:login": OPERATOR_ADMIN,
    "operator:logout": OPERATOR_ADMIN,
    "operator:password_change": OPERATOR_ADMIN,
    "operator:password_change_done": OPERATOR_ADMIN,
    "operator:autocomplete": OPERATOR_ADMIN,
    "operator:jsi18n": OPERATOR_ADMIN,
    "operator:view_on_site": OPERATOR_ADMIN,
    "operator:app_list": OPERATOR_ADMIN,
    "operator:accounts_user_changelist": OPERATOR_ADMIN,
    "operator:accounts_user_add": OPERATOR_ADMIN,
    "operator:accounts_user_change": OPERATOR_ADMIN,
    "operator:accounts_user_history": OPERATOR_ADMIN,
    "operator:accounts_user_delete": OPERATOR_ADMIN,
}

# Not routes, but pages people meet: the crawl checks them too.
EXTRA_PAGES: dict[str, tuple[str, int, tuple[str, ...]]] = {
    "not found": ("/no-such-page/", 404, PUBLIC),
}


# Whole namespaces that are not pages, each tested where it lives.
EXCLUDED_NAMESPACES: dict[str, str] = {
    "api-v1": (
        "the JSON API: tests/api/ (the matrix and schemathesis walk every operation); its "
        "Swagger UI docs page is checked in tests/browser/test_api_docs.py"
    ),
    "headless": "allauth's headless app flow, JSON only (tests/api/test_headless.py)",
}


def route_names() -> set[str]:
    """Every route in the URLconf that could be a page, by its (namespaced) name."""
    names: set[str] = set()

    def walk(resolver: URLResolver, namespace: str, prefix: str) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                # An include without a namespace (the admin's per-model URLs) keeps the outer one.
                inner = ":".join(part for part in (namespace, entry.namespace) if part)
                if inner.split(":")[0] in EXCLUDED_NAMESPACES:
                    continue
                walk(entry, inner, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                if entry.name:
                    names.add(f"{namespace}:{entry.name}" if namespace else entry.name)
                else:
                    names.add(f"<unnamed route {prefix}{entry.pattern}>")

    walk(get_resolver(), "", "")
    return names


def test_every_route_is_crawled_or_excluded() -> None:
    routes = route_names()
    unlisted = sorted(routes - set(CRAWL) - set(EXCLUDED))
    assert not unlisted, (
        f"New route(s) {unlisted}: add each to CRAWL in {__file__} (with the personas who "
        "can open it), or to EXCLUDED with the reason it is not a page."
    )
    gone = sorted((set(CRAWL) | set(EXCLUDED)) - routes)
    assert not gone, f"CRAWL/EXCLUDED name routes that no longer exist: {gone}"
    both = sorted(set(CRAWL) & set(EXCLUDED))
    assert not both, f"Routes both crawled and excluded: {both}"


# --- The crawl ------------------------------------------------------------------------


@pytest.fixture
def world(alex: Any, sam: Any, robin: Any, staff: Any, make_user: Callable[..., Any]) -> World:
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(sam, generate_totp_secret())
    RecoveryCodes.activate(sam)
    return World(
        users={ALEX: alex, SAM: sam, ROBIN: robin, STAFF: staff},
        newcomer=make_user("new@example.com", "Newcomer", verified=False),
    )


def crawl_plan(persona: str) -> list[tuple[str, Crawl]]:
    """The routes this persona opens, in order: pages with steps or side effects last."""
    plan = [(name, crawl) for name, crawl in CRAWL.items() if persona in crawl.personas]
    # Two-step sign-in pages first, while the password confirmation made at the start
    # still holds (allauth's re-authentication lasts minutes; the whole crawl takes longer).
    return sorted(
        plan,
        key=lambda item: (item[1].last, item[1].arrive is not None, not item[0].startswith("mfa_")),
    )


def visit(
    browsers: Browsers, page: BrowserPage, world: World, persona: str
) -> Iterator[tuple[str, BrowserPage, list[str]]]:
    """Open each page in turn; yield (where, page, problems found on arriving)."""
    for name, crawl in crawl_plan(persona):
        # URL arguments are made at the last moment: some depend on the session.
        for kwargs in crawl.params(world, persona) if crawl.params else [{}]:
            path = reverse(name, kwargs=kwargs)
            where = f"{name} ({path}) as {persona}"
            if crawl.arrive is not None:
                arrived = crawl.arrive(browsers, world)
                yield where, arrived, []
                continue
            page.set_viewport_size(PHONE)
            response = page.goto(browsers.base_url + path)
            status = response.status if response is not None else 0
            landed = urlsplit(page.url).path
            expected = crawl.lands_on or re.escape(path) + "$"
            if status != 200 or not re.match(expected, landed):
                yield where, page, [f"answered {status} at {landed}, not 200 at {expected}"]
            else:
                yield where, page, []
    for label, (path, status_wanted, personas) in EXTRA_PAGES.items():
        if persona in personas:
            response = page.goto(browsers.base_url + path)
            status = response.status if response is not None else 0
            wrong = [] if status == status_wanted else [f"answered {status}, not {status_wanted}"]
            yield f"{label} ({path}) as {persona}", page, wrong


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_is_accessible_and_safe(persona: str, browsers: Browsers, world: World) -> None:
    user = world.users.get(persona)
    page = browsers.page(user)
    if user is not None:
        # Security pages (two-step sign-in) first ask for the password again.
        reauthenticate(page, browsers.base_url, PASSWORD)
        browsers.watch_for(page).take()

    problems: list[str] = []
    seen = 0
    for where, shown, arrival_problems in visit(browsers, page, world, persona):
        seen += 1
        if arrival_problems:
            problems += [f"{where}: {problem}" for problem in arrival_problems]
            continue
        for problem in browsers.check(
            shown, forbidden_in_title=PEOPLE_IN_TITLES, dark_contrast=True
        ):
            problems.append(f"{where}: {problem}")

    assert seen, f"the crawl opened no page as {persona}"
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)
