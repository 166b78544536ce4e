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
}

EXCLUDED: dict[str, str] = {
    # Not pages: they act, or answer with something other than HTML.
    "quick_exit": "signs out and leaves for QUICK_EXIT_URL; test_quick_exit.py drives it",
    "healthz": "JSON for monitors",
    "couples:invite_create": "POST only (makes a code); test_journey.py uses it",
    "couples:invite_revoke": "POST only",
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
    "manifest": "the installable app's manifest (JSON)",
    "mfa_download_recovery_codes": "a plain-text file download",
    "mfa_login_webauthn": "passkey sign-in endpoint: POST only, a GET goes back to the login page",
    "api-v1:api-root": "JSON API (no page at the root: 404)",
    "api-v1:me": "JSON API",
    "api-v1:openapi-json": "JSON API schema",
    "api-v1:openapi-view": (
        "developer documentation for the JSON API (django-ninja's Swagger UI); it is served "
        "from this instance but is not a Mendwell page and has no app frame"
    ),
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
}

# Not routes, but pages people meet: the crawl checks them too.
EXTRA_PAGES: dict[str, tuple[str, int, tuple[str, ...]]] = {
    "not found": ("/no-such-page/", 404, PUBLIC),
}


def route_names() -> set[str]:
    """Every route in the URLconf, by its (namespaced) name."""
    names: set[str] = set()

    def walk(resolver: URLResolver, namespace: str, prefix: str) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry, (inner or namespace or "").strip(":"), prefix + str(entry.pattern))
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
    return sorted(plan, key=lambda item: (item[1].last, item[1].arrive is not None))


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
