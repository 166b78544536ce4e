"""The authorization matrix, generated from the URLconf (SECURITY.md AC-2, AC-3, TS1–TS6).

Every route that takes a path parameter is either an *object route* (the
parameter names something a person owns: a note, an invite, a security key),
with the status each actor must get, or a *non-object route* (a token or a
public catalogue entry) with the reason it is not in the matrix. A new route
in neither list fails ``test_every_route_with_a_path_parameter_is_classified``.

The world: Alex was linked with Casey and shared a note with her, then left.
Alex is now linked with Sam and has a private note and a note shared with Sam.
Robin is a stranger; Staff is a superuser. Dana is Alex's counsellor, with a
standing grant of every grantable kind (step 9). Invites only exist while the
inviter has no partner, so the invite routes get their own world, in which
Alex is on their own with a pending code meant for Sam.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Any
from urllib.parse import quote

import pytest
from allauth.mfa.models import Authenticator
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, link
from mendwell.affection.models import AffectionNote
from mendwell.affection.selectors import local_today
from mendwell.affection.services import affection_opt_in, challenge_pause, challenge_start
from mendwell.checkins.models import CheckIn, WeekNote
from mendwell.conversations.guided.selectors import view_of
from mendwell.conversations.guided.services import conversation_start, topic_set, turn_add
from mendwell.conversations.models import Answer, Conversation, DailyQuestion, RuleAgreement, Turn
from mendwell.counsel import services as counsel_services
from mendwell.couples.access import Visibility, grantable_models
from mendwell.couples.grants import CounsellorLink, CounsellorProfile, Grant
from mendwell.couples.selectors import couple_for_user
from mendwell.couples.services import couple_leave, invite_create
from mendwell.dates.models import DatePlan, Reflection
from mendwell.jar.models import JarAct, JarDraw
from mendwell.journal.acknowledgements.services import (
    acknowledgement_create,
    acknowledgement_respond,
    acknowledgement_send,
)
from mendwell.journal.models import Acknowledgement, AcknowledgementResponse, LogEntry
from mendwell.loved.models import LovedItem
from mendwell.nudges.models import Nudge
from mendwell.progress.models import PulseResponse
from mendwell.promises.models import Promise, PromiseOccurrence
from mendwell.report.services import report_link_create
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from mendwell.story.models import Victory
from tests.gatekeeper.models import Note
from tests.security_support import (
    LOGIN_PATH,
    fresh_rate_limits,  # noqa: F401  (fixture)
    normalise,
    reauthenticate,
    sign_in,
    url_routes,
)

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")

ACTORS = ("author", "partner", "ex_partner", "stranger", "anonymous", "staff", "counsellor")

# Expected statuses. 404 means "looks exactly like an id that does not exist";
# 302 for anonymous means "sent to the login page".
READABLE_BY_AUTHOR_ONLY = {
    "author": 200,
    "partner": 404,
    "ex_partner": 404,
    "stranger": 404,
    "anonymous": 302,
    "staff": 404,
    # Alex's counsellor, with a grant of every kind: other apps' pages still answer 404.
    "counsellor": 404,
}
READABLE_BY_THE_COUPLE = {**READABLE_BY_AUTHOR_ONLY, "partner": 200}
# A successful change redirects; everyone else is told the object does not exist.
CHANGEABLE_BY_AUTHOR_ONLY = {**READABLE_BY_AUTHOR_ONLY, "author": 302}


@dataclass(frozen=True)
class ObjectRoute:
    """A route whose parameter names someone's object.

    ``get`` and ``post`` map each variant of the object kind to the status
    per actor; ``None`` means the method is not how the route is used.
    """

    kind: str
    get: dict[str, dict[str, int]] | None = None
    post: dict[str, dict[str, int]] | None = None
    post_data: dict[str, str] = field(default_factory=dict)
    # False for a POST that does not change the named object itself: one that only
    # reads (live wording hints), or adds a row of its own (a reflection on a date).
    changes: bool = True


@dataclass(frozen=True)
class NonObjectRoute:
    reason: str
    example: dict[str, Any]  # a made-up parameter value, for the "no 500" check


NOTE_VARIANTS = ("private_note", "shared_note", "old_shared_note")

OBJECT_ROUTES: dict[str, ObjectRoute] = {
    "gatekeeper:note_detail": ObjectRoute(
        kind="note",
        get={
            "private_note": READABLE_BY_AUTHOR_ONLY,
            "shared_note": READABLE_BY_THE_COUPLE,
            # Shared with Casey in a couple that has ended: only Alex still sees it.
            "old_shared_note": READABLE_BY_AUTHOR_ONLY,
        },
    ),
    "gatekeeper:note_delete": ObjectRoute(
        kind="note",
        post=dict.fromkeys(NOTE_VARIANTS, CHANGEABLE_BY_AUTHOR_ONLY),
    ),
    # Step 1's log is private for ever: only its author can open or change an entry.
    "journal:edit": ObjectRoute(
        kind="log_entry",
        get={"log_entry": READABLE_BY_AUTHOR_ONLY},
        post={"log_entry": CHANGEABLE_BY_AUTHOR_ONLY},
        post_data={"what_happened": "Rewritten by someone else", "version": "1"},
    ),
    "journal:delete": ObjectRoute(
        kind="log_entry",
        get={"log_entry": READABLE_BY_AUTHOR_ONLY},
        post={"log_entry": CHANGEABLE_BY_AUTHOR_ONLY},
    ),
    # Step 1's acknowledgements: a draft is the author's alone; once sent, the couple
    # reads it (never an ex: a copy sent in an ended couple stays with its author).
    "journal:ack_detail": ObjectRoute(
        kind="acknowledgement",
        get={
            "draft_ack": READABLE_BY_AUTHOR_ONLY,
            "sent_ack": READABLE_BY_THE_COUPLE,
            "old_sent_ack": READABLE_BY_AUTHOR_ONLY,
        },
    ),
    "journal:ack_edit": ObjectRoute(
        kind="acknowledgement",
        get={"draft_ack": READABLE_BY_AUTHOR_ONLY, "sent_ack": READABLE_BY_AUTHOR_ONLY},
        post={"draft_ack": CHANGEABLE_BY_AUTHOR_ONLY, "sent_ack": CHANGEABLE_BY_AUTHOR_ONLY},
        post_data={
            "version": "1",
            "own_it": "Rewritten by someone else",
            "impact": "Rewritten",
            "change": "Rewritten",
        },
    ),
    "journal:ack_send": ObjectRoute(
        kind="acknowledgement",
        post={"draft_ack": CHANGEABLE_BY_AUTHOR_ONLY},
    ),
    "journal:ack_delete": ObjectRoute(
        kind="acknowledgement",
        post={"draft_ack": CHANGEABLE_BY_AUTHOR_ONLY, "sent_ack": CHANGEABLE_BY_AUTHOR_ONLY},
    ),
    # Answering is the partner's move: only they get through; the author, like
    # everyone else, is told the thread does not exist.
    "journal:ack_respond": ObjectRoute(
        kind="acknowledgement",
        post={"sent_ack": {**CHANGEABLE_BY_AUTHOR_ONLY, "author": 404, "partner": 302}},
        post_data={"sent": "1", "kind": "heard"},
    ),
    # Changing an answer is the answerer's alone: Sam, who answered, gets through; Alex,
    # who reads the answer, is told it does not exist, like everyone else. Casey's answer
    # from the couple that ended stays closed, to Casey too.
    "journal:ack_answer_change": ObjectRoute(
        kind="ack_answer",
        get={
            "answer": {**READABLE_BY_AUTHOR_ONLY, "author": 404, "partner": 200},
            "old_answer": {**READABLE_BY_AUTHOR_ONLY, "author": 404},
        },
        post={
            "answer": {**CHANGEABLE_BY_AUTHOR_ONLY, "author": 404, "partner": 302},
            "old_answer": {**CHANGEABLE_BY_AUTHOR_ONLY, "author": 404},
        },
        post_data={"kind": "not_yet", "missing": "Changed by someone else"},
    ),
    "couples:invite_revoke": ObjectRoute(
        kind="invite",
        post={"pending_invite": CHANGEABLE_BY_AUTHOR_ONLY},
    ),
    "mfa_edit_webauthn": ObjectRoute(
        kind="security_key",
        get={"security_key": READABLE_BY_AUTHOR_ONLY},
        post={"security_key": CHANGEABLE_BY_AUTHOR_ONLY},
        post_data={"name": "Renamed by someone"},
    ),
    "mfa_remove_webauthn": ObjectRoute(
        kind="security_key",
        get={"security_key": READABLE_BY_AUTHOR_ONLY},
        post={"security_key": CHANGEABLE_BY_AUTHOR_ONLY},
    ),
}

# Step 2's guided conversations belong to the couple: both partners read and act.
# One Alex started with Casey stays Alex's to read, and takes nothing more from anyone.
CHANGEABLE_BY_THE_COUPLE = {**CHANGEABLE_BY_AUTHOR_ONLY, "partner": 302}
CLOSED_TO_EVERYONE = {**CHANGEABLE_BY_AUTHOR_ONLY, "author": 404}
TALK_READ = {"conversation": READABLE_BY_THE_COUPLE, "old_conversation": READABLE_BY_AUTHOR_ONLY}


def _talk_post(kind: str, conversation: dict[str, int], **post_data: str) -> ObjectRoute:
    return ObjectRoute(
        kind=kind,
        post={"conversation": conversation, "old_conversation": CLOSED_TO_EVERYONE},
        post_data=post_data,
    )


OBJECT_ROUTES.update(
    {
        "talk:detail": ObjectRoute(kind="talk", get=TALK_READ),
        "talk:live": ObjectRoute(kind="talk", get=TALK_READ),
        # On two devices there is nothing to hand over: back to the conversation.
        "talk:handoff": ObjectRoute(
            kind="talk",
            get={
                "conversation": {**READABLE_BY_THE_COUPLE, "author": 302, "partner": 302},
                "old_conversation": {**READABLE_BY_AUTHOR_ONLY, "author": 302},
            },
        ),
        "talk:pause": ObjectRoute(
            kind="talk",
            get={"conversation": READABLE_BY_THE_COUPLE, "old_conversation": CLOSED_TO_EVERYONE},
            post={"conversation": CHANGEABLE_BY_THE_COUPLE, "old_conversation": CLOSED_TO_EVERYONE},
            post_data={"minutes": "20"},
        ),
        "talk:end": _talk_post("talk", CHANGEABLE_BY_THE_COUPLE),
        # It is Alex's turn: Sam's words are refused on the page, and kept for Sam.
        "talk:turn": _talk_post(
            "talk", {**CHANGEABLE_BY_THE_COUPLE, "partner": 200}, text="Hello", seq="1"
        ),
        "talk:hints": ObjectRoute(
            kind="talk",
            post={"conversation": READABLE_BY_THE_COUPLE, "old_conversation": CLOSED_TO_EVERYONE},
            post_data={"text": "You always ignore me."},
            changes=False,
        ),
        "talk:rules": _talk_post("talk_rules", CHANGEABLE_BY_THE_COUPLE, agree_me="on"),
        "talk:topic": _talk_post(
            "talk_topic", CHANGEABLE_BY_THE_COUPLE, topic="Our evenings", first_speaker="me"
        ),
        # Confirming a reflection is the speaker's (Alex's); Sam is sent back to the page.
        "talk:confirm": _talk_post("talk_check", CHANGEABLE_BY_THE_COUPLE, seq="2"),
        # Words are their writer's to delete, also once the couple has closed.
        "talk:turn_delete": ObjectRoute(
            kind="talk_turn",
            post={"turn": CHANGEABLE_BY_AUTHOR_ONLY, "old_turn": CHANGEABLE_BY_AUTHOR_ONLY},
        ),
    }
)

# Step 3's check-ins: private by default; sharing one day is the author's choice alone.
OBJECT_ROUTES["checkins:share"] = ObjectRoute(
    kind="checkin",
    post={
        "private_checkin": CHANGEABLE_BY_AUTHOR_ONLY,
        "shared_checkin": CHANGEABLE_BY_AUTHOR_ONLY,
        "old_shared_checkin": CHANGEABLE_BY_AUTHOR_ONLY,
    },
    post_data={"share": "on"},
)

# Step 7: comfort settings are their owner's alone; the running touch challenge is the
# couple's to pause, resume, end or answer (an answer changes no row at all). One from
# a couple that ended is closed to everyone, its starter included.
AFFECTION_CHALLENGE = {"challenge": CHANGEABLE_BY_THE_COUPLE, "old_challenge": CLOSED_TO_EVERYONE}
OBJECT_ROUTES.update(
    {
        "affection:comfort": ObjectRoute(
            kind="affection_profile",
            get={"affection_profile": READABLE_BY_AUTHOR_ONLY},
            post={"affection_profile": CHANGEABLE_BY_AUTHOR_ONLY},
            post_data={"open_kinds": "hug"},
        ),
        "affection:challenge_pause": ObjectRoute(kind="touch_challenge", post=AFFECTION_CHALLENGE),
        "affection:challenge_end": ObjectRoute(kind="touch_challenge", post=AFFECTION_CHALLENGE),
        "affection:challenge_resume": ObjectRoute(
            kind="paused_touch_challenge",
            post={
                "paused_challenge": CHANGEABLE_BY_THE_COUPLE,
                "old_challenge": CLOSED_TO_EVERYONE,
            },
        ),
        "affection:challenge_answer": ObjectRoute(
            kind="touch_challenge",
            post=AFFECTION_CHALLENGE,
            post_data={"answer": "not_now", "day": "1"},
            changes=False,
        ),
        "affection:note_delete": ObjectRoute(
            kind="affection_note",
            post={
                "private_affection_note": CHANGEABLE_BY_AUTHOR_ONLY,
                "shared_affection_note": CHANGEABLE_BY_AUTHOR_ONLY,
            },
        ),
    }
)
AFFECTION_KINDS = {
    "affection_profile",
    "touch_challenge",
    "paused_touch_challenge",
    "affection_note",
}

# Step 6's promises: a shared one is read by the couple and marked only by the partner; a
# private one (made alone, or before the check) is its author's, who marks it. One made in
# the couple that ended stays readable by its author and changes for nobody.
PROMISE_FORM = {"text": "call you at lunch instead", "recurrence": "none"}
OBJECT_ROUTES.update(
    {
        "promises:detail": ObjectRoute(
            kind="promise",
            get={
                "shared_promise": READABLE_BY_THE_COUPLE,
                "private_promise": READABLE_BY_AUTHOR_ONLY,
                "old_promise": READABLE_BY_AUTHOR_ONLY,
            },
        ),
        "promises:mark": ObjectRoute(
            kind="promise",
            post={
                "shared_promise": {**CHANGEABLE_BY_AUTHOR_ONLY, "author": 404, "partner": 302},
                "private_promise": CHANGEABLE_BY_AUTHOR_ONLY,
                "old_promise": CLOSED_TO_EVERYONE,
            },
            post_data={"seq": "1", "mark": "kept", "kind_word": "Thank you"},
        ),
        "promises:renegotiate": ObjectRoute(
            kind="promise",
            get={
                "shared_promise": READABLE_BY_AUTHOR_ONLY,
                "private_promise": READABLE_BY_AUTHOR_ONLY,
                "old_promise": {**READABLE_BY_AUTHOR_ONLY, "author": 404},
            },
            post={
                "shared_promise": CHANGEABLE_BY_AUTHOR_ONLY,
                "private_promise": CHANGEABLE_BY_AUTHOR_ONLY,
                "old_promise": CLOSED_TO_EVERYONE,
            },
            post_data=PROMISE_FORM,
        ),
        "promises:withdraw": ObjectRoute(
            kind="promise",
            get={
                "shared_promise": READABLE_BY_AUTHOR_ONLY,
                "private_promise": READABLE_BY_AUTHOR_ONLY,
                "old_promise": {**READABLE_BY_AUTHOR_ONLY, "author": 404},
            },
            post={
                "shared_promise": CHANGEABLE_BY_AUTHOR_ONLY,
                "private_promise": CHANGEABLE_BY_AUTHOR_ONLY,
                "old_promise": CLOSED_TO_EVERYONE,
            },
            post_data={"note": "Withdrawn by someone else"},
        ),
    }
)

# Step 5's list: a line is its author's alone to change, whether the list is private,
# shared with Sam, or was shared with Casey in the couple that ended.
LOVED_ITEMS = ("private_item", "shared_item", "old_shared_item")
OBJECT_ROUTES.update(
    {
        "loved:item_edit": ObjectRoute(
            kind="loved_item",
            get=dict.fromkeys(LOVED_ITEMS, READABLE_BY_AUTHOR_ONLY),
            post=dict.fromkeys(LOVED_ITEMS, CHANGEABLE_BY_AUTHOR_ONLY),
            post_data={"text": "Rewritten by someone else"},
        ),
        "loved:item_delete": ObjectRoute(
            kind="loved_item",
            get=dict.fromkeys(LOVED_ITEMS, READABLE_BY_AUTHOR_ONLY),
            post=dict.fromkeys(LOVED_ITEMS, CHANGEABLE_BY_AUTHOR_ONLY),
        ),
        # "Up" moves both lines below the first (so the author's move changes a row).
        "loved:item_move": ObjectRoute(
            kind="loved_item",
            post=dict.fromkeys(("private_item", "shared_item"), CHANGEABLE_BY_AUTHOR_ONLY),
            post_data={"direction": "up"},
        ),
    }
)

# Step 3's jar: acts are their author's to remove; a draw is its drawer's to mark done;
# "I noticed" belongs to the person whose act was done (here Alex, for Sam's draw).
OBJECT_ROUTES["jar:act_delete"] = ObjectRoute(
    kind="jar",
    post={"act": CHANGEABLE_BY_AUTHOR_ONLY, "old_act": CHANGEABLE_BY_AUTHOR_ONLY},
)
OBJECT_ROUTES["jar:draw_done"] = ObjectRoute(kind="jar", post={"draw": CHANGEABLE_BY_AUTHOR_ONLY})
OBJECT_ROUTES["jar:draw_noticed"] = ObjectRoute(
    kind="jar", post={"done_draw_for_alex": CHANGEABLE_BY_AUTHOR_ONLY}
)

# Step 4's dates: the couple reads a shared plan (and its .ics); only its planner changes it.
OBJECT_ROUTES["dates:edit"] = ObjectRoute(
    kind="date_plan",
    get={"plan": READABLE_BY_AUTHOR_ONLY, "old_plan": READABLE_BY_AUTHOR_ONLY},
    post={"plan": CHANGEABLE_BY_AUTHOR_ONLY, "old_plan": CHANGEABLE_BY_AUTHOR_ONLY},
    post_data={
        "starts_on": "2030-01-05",
        "start_time": "18:00",
        "time_zone": "Europe/London",
        "duration_minutes": "60",
        "repeat": "none",
        "note": "changed",
    },
)
OBJECT_ROUTES["dates:cancel"] = ObjectRoute(
    kind="date_plan",
    post={"plan": CHANGEABLE_BY_AUTHOR_ONLY, "old_plan": CHANGEABLE_BY_AUTHOR_ONLY},
)
OBJECT_ROUTES["dates:together"] = ObjectRoute(
    kind="date_plan",
    get={"plan": READABLE_BY_THE_COUPLE, "old_plan": READABLE_BY_AUTHOR_ONLY},
    post={
        "plan": CHANGEABLE_BY_THE_COUPLE,
        "old_plan": {**CHANGEABLE_BY_AUTHOR_ONLY},
    },
    post_data={"connected": "4", "repeat_text": "again"},
    changes=False,
)
OBJECT_ROUTES["dates:ics"] = ObjectRoute(
    kind="date_plan", get={"plan": READABLE_BY_THE_COUPLE, "old_plan": READABLE_BY_AUTHOR_ONLY}
)

# Step 8's small victories: the couple reads the shared wall, but a victory is its
# poster's alone to change, also one shared with Casey in the couple that ended.
VICTORIES = ("shared_victory", "private_victory", "old_victory")
OBJECT_ROUTES.update(
    {
        "story:edit": ObjectRoute(
            kind="victory",
            get=dict.fromkeys(VICTORIES, READABLE_BY_AUTHOR_ONLY),
            post=dict.fromkeys(VICTORIES, CHANGEABLE_BY_AUTHOR_ONLY),
            post_data={"text": "Rewritten by someone else", "happened_on": "2026-01-02"},
        ),
        "story:delete": ObjectRoute(
            kind="victory",
            get=dict.fromkeys(VICTORIES, READABLE_BY_AUTHOR_ONLY),
            post=dict.fromkeys(VICTORIES, CHANGEABLE_BY_AUTHOR_ONLY),
        ),
    }
)

# Step 9's counsellor access: the client (Alex) manages invites, grants and the link;
# Dana, the counsellor, reads her client's page, leaves notes and opens granted items;
# either side ends the link. An ended link is closed to both; the counsellor reads an
# item only while an item grant covers it: never a revoked, ungranted or private one,
# nor one of Sam's. The client's own items are read on the client's own pages.
COUNSEL_KINDS = {"counsel_invite", "counsel_link", "counsel_grant", "counsel_item"}
FOR_THE_COUNSELLOR = {**READABLE_BY_AUTHOR_ONLY, "author": 404, "counsellor": 200}
READABLE_BY_NOBODY = {**READABLE_BY_AUTHOR_ONLY, "author": 404}
COUNSEL_LINKS = ("counsellor_link", "old_counsellor_link")
OBJECT_ROUTES.update(
    {
        "counsel:invite_revoke": ObjectRoute(
            kind="counsel_invite", post={"counsellor_invite": CHANGEABLE_BY_AUTHOR_ONLY}
        ),
        "counsel:link": ObjectRoute(
            kind="counsel_link",
            get={
                "counsellor_link": READABLE_BY_AUTHOR_ONLY,
                "old_counsellor_link": READABLE_BY_NOBODY,
            },
        ),
        "counsel:grant_create": ObjectRoute(
            kind="counsel_link",
            post={
                "counsellor_link": CHANGEABLE_BY_AUTHOR_ONLY,
                "old_counsellor_link": CLOSED_TO_EVERYONE,
            },
            post_data={
                "categories": "checkins.checkin",
                "until": (date.today() + timedelta(days=30)).isoformat(),
            },
            changes=False,
        ),
        "counsel:link_end": ObjectRoute(
            kind="counsel_link",
            post={
                "counsellor_link": {**CHANGEABLE_BY_AUTHOR_ONLY, "counsellor": 302},
                "old_counsellor_link": CLOSED_TO_EVERYONE,
            },
        ),
        "counsel:grant_revoke": ObjectRoute(
            kind="counsel_grant",
            post={"grant": CHANGEABLE_BY_AUTHOR_ONLY, "old_grant": CLOSED_TO_EVERYONE},
        ),
        "counsel:client": ObjectRoute(
            kind="counsel_link",
            get={"counsellor_link": FOR_THE_COUNSELLOR, "old_counsellor_link": READABLE_BY_NOBODY},
        ),
        "counsel:note_add": ObjectRoute(
            kind="counsel_link",
            post={
                "counsellor_link": {**CLOSED_TO_EVERYONE, "counsellor": 302},
                "old_counsellor_link": CLOSED_TO_EVERYONE,
            },
            post_data={"note_id": str(uuid.uuid4()), "text": "Try a gentle start."},
            changes=False,
        ),
        "counsel:item": ObjectRoute(
            kind="counsel_item",
            get={
                "granted_item": FOR_THE_COUNSELLOR,
                "revoked_item": READABLE_BY_NOBODY,
                "ungranted_item": READABLE_BY_NOBODY,
                "private_item": READABLE_BY_NOBODY,
                "partners_item": READABLE_BY_NOBODY,
            },
        ),
    }
)

# Deleting one item (issue #8): only its author can, whether it is private, shared with
# the partner, or was shared in the couple that ended; everyone else (the partner, staff,
# a counsellor with a grant) is told it does not exist. Each is POST-only: the confirm
# step is a disclosure on the item's own page.
DELETE_ROUTES = {
    "checkins:delete": ("checkin", ("private_checkin", "shared_checkin", "old_shared_checkin")),
    "checkins:week_note_delete": ("week_note", ("private_week_note", "shared_week_note")),
    "nudges:delete": ("nudge", ("nudge",)),
    "dates:delete": ("date_plan", ("plan", "old_plan")),
    "dates:reflection_delete": ("reflection", ("reflection",)),
    "conversations:answer_delete": ("answer", ("answer",)),
    "promises:delete": ("promise", ("shared_promise", "private_promise", "old_promise")),
    "progress:pulse_delete": ("pulse", ("pulse",)),
}
OBJECT_ROUTES.update(
    {
        name: ObjectRoute(kind=kind, post=dict.fromkeys(variants, CHANGEABLE_BY_AUTHOR_ONLY))
        for name, (kind, variants) in DELETE_ROUTES.items()
    }
)

# The operator's admin (mendwell/staff/admin.py): an account's record is for staff
# alone; everyone else, the account's own owner included, is told it does not exist.
FOR_STAFF_ONLY = {**READABLE_BY_AUTHOR_ONLY, "author": 404, "staff": 200}
OBJECT_ROUTES.update(
    {
        name: ObjectRoute(kind="account", get={"account": FOR_STAFF_ONLY})
        for name in (
            "operator:accounts_user_change",
            "operator:accounts_user_history",
            "operator:accounts_user_delete",
        )
    }
)

NON_OBJECT_ROUTES: dict[str, NonObjectRoute] = {
    "progress:instrument": NonObjectRoute(
        "A questionnaire of the instrument registry, the same for everyone; the page shows "
        "and saves only the signed-in person's own answers (unknown id: 404).",
        {"instrument_id": "no-such-questionnaire"},
    ),
    "account_confirm_email": NonObjectRoute(
        "The emailed verification key is itself the secret; no stored object is named by id.",
        {"key": "MQ:1tmadeup:notarealsignature"},
    ),
    "account_reset_password_from_key": NonObjectRoute(
        "The emailed reset token (user id + HMAC) is checked by allauth; a bad token gets one page.",
        {"uidb36": "zz", "key": "made-up-token"},
    ),
    "counsel:join": NonObjectRoute(
        "The single-use counsellor invitation token is itself the secret (stored hashed); "
        "a wrong, used or expired one gets the same calm page.",
        {"token": "made-up-token"},
    ),
    "dates:feed": NonObjectRoute(
        "The private calendar-feed token is itself the secret (stored hashed); a wrong or "
        "revoked token is a 404 for everyone, signed in or not.",
        {"token": "made-up-token"},
    ),
    "report:download": NonObjectRoute(
        "The single-use report token is itself the secret (stored hashed) and works for its "
        "owner only; any other person, a used, expired or made-up token all get the same 404 "
        "(see test_a_report_link_opens_for_its_owner_only).",
        {"token": "made-up-token"},
    ),
    "exports:download": NonObjectRoute(
        "The single-use export token is itself the secret (stored hashed) and works for its "
        "owner only; any other person, a used, expired or made-up token all get the same 404 "
        "(see test_an_export_link_opens_for_its_owner_only).",
        {"token": "made-up-token"},
    ),
    "step_detail": NonObjectRoute(
        "The ten steps are a fixed catalogue, the same for everyone; nothing personal.",
        {"number": 999},
    ),
    "operator:app_list": NonObjectRoute(
        "The operator admin's index for one app (only 'accounts'): names no one's object; "
        "staff only, 404 for everyone else.",
        {"app_label": "accounts"},
    ),
    "operator:view_on_site": NonObjectRoute(
        "Django admin's 'view on site' redirect: staff only (404 for everyone else), and no "
        "account has a page on the site.",
        {"content_type_id": "1", "object_id": "1"},
    ),
}


# --- The world ------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings: Any) -> None:
    # The matrix is about who sees what, not about password storage: Argon2
    # would make every world cost about a second.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class World:
    people: dict[str, Any]  # actor -> user (None for anonymous)
    objects: dict[str, models.Model]  # variant -> the object
    clients: dict[str, Client] = field(default_factory=dict)

    def client(self, actor: str) -> Client:
        if actor not in self.clients:
            user = self.people[actor]
            self.clients[actor] = Client() if user is None else sign_in(user)
        return self.clients[actor]


def _people(make_user: Callable[..., Any]) -> dict[str, Any]:
    alex = make_user("alex@example.com", "Alex")
    casey = make_user("casey@example.com", "Casey")
    link(alex, casey)
    return {
        "author": alex,
        "ex_partner": casey,
        "partner": make_user("sam@example.com", "Sam"),
        "stranger": make_user("robin@example.com", "Robin", time_zone="America/New_York"),
        "staff": make_user("staff@example.com", "Staff", is_staff=True, is_superuser=True),
        "anonymous": None,
        "counsellor": _counsellor_of(alex, make_user("dana@example.com", "Dana")),
    }


def _counsellor_of(client: Any, counsellor: Any) -> Any:
    """A counsellor who accepted the client's invitation, granted every kind for 30 days."""
    CounsellorProfile.objects.create(user=counsellor)
    to_client = CounsellorLink.objects.create(client=client, counsellor=counsellor)
    until = timezone.now() + timedelta(days=30)
    for category in grantable_models():
        Grant.objects.create(link=to_client, category=category, expires_at=until)
    return counsellor


def _counsel_objects(alex: Any, sam: Any, dana: Any, kind: str) -> dict[str, models.Model]:
    """Alex's side of working with Dana: an invite, the link, item grants, items to read."""
    if kind == "counsel_invite":
        return {"counsellor_invite": counsel_services.invite_create(client=alex).invite}
    current = CounsellorLink.objects.get(client=alex, counsellor=dana, ended_at__isnull=True)
    old = CounsellorLink.objects.create(client=alex, counsellor=dana, ended_at=timezone.now())
    if kind == "counsel_link":
        return {"counsellor_link": current, "old_counsellor_link": old}
    # From here on only item grants count: the standing grant of every kind steps aside.
    Grant.objects.filter(link=current).update(revoked_at=timezone.now())
    couple = couple_for_user(alex)

    def checkin(author: Any, day: int, *, shared: bool = True) -> CheckIn:
        return CheckIn.objects.create(
            author=author,
            couple=couple,
            visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
            day=date(2026, 3, day),
            mood=3,
            closeness=3,
        )

    items = {
        "granted_item": checkin(alex, 1),
        "revoked_item": checkin(alex, 2),
        "ungranted_item": checkin(alex, 3),
        "private_item": checkin(alex, 4, shared=False),
        "partners_item": checkin(sam, 5),
    }
    until = timezone.now() + timedelta(days=30)
    grants = {
        variant: Grant.objects.create(
            link=current, category="checkins.checkin", item_id=items[variant].pk, expires_at=until
        )
        for variant in ("granted_item", "revoked_item", "private_item", "partners_item")
    }
    Grant.objects.filter(pk=grants["revoked_item"].pk).update(revoked_at=timezone.now())
    if kind == "counsel_grant":
        grants["revoked_item"].refresh_from_db()
        return {"grant": grants["granted_item"], "old_grant": grants["revoked_item"]}
    return dict(items)


def _draft_acknowledgement(alex: Any, text: str) -> Acknowledgement:
    return acknowledgement_create(
        user=alex, thread_id=uuid.uuid4(), own_it=text, impact=text, change=text, entries=[]
    )


def _sent_acknowledgement(alex: Any, text: str) -> Acknowledgement:
    thread = _draft_acknowledgement(alex, text)
    acknowledgement_send(thread=thread)
    return thread


def _answer(partner: Any, thread: Any) -> AcknowledgementResponse:
    """The partner's "I feel heard" to the thread's first copy."""
    return acknowledgement_respond(
        user=partner, thread=thread, sent=thread.sent_copies.get(), kind="heard", missing=""
    )


TALK_PHASES = {
    "talk_rules": "rules",
    "talk_topic": "topic",
    "talk": "turns",
    "talk_turn": "turns",
    "talk_check": "check",
}


def _conversation_at(alex: Any, partner: Any, phase: str) -> tuple[Conversation, Turn | None]:
    """A two-device conversation of Alex's with ``partner``, brought to ``phase``
    (for "check": Alex spoke, the partner reflected, Alex is to confirm)."""
    for person in (alex, partner):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    conversation = conversation_start(
        user=alex,
        conversation_id=uuid.uuid4(),
        speaker_listener=phase == "check",
        one_device=False,
        turn_minutes=3,
    )
    if phase == "rules":
        return conversation, None
    for person in (alex, partner):
        RuleAgreement.objects.create(conversation=conversation, user=person)
    if phase == "topic":
        return conversation, None
    topic_set(view=view_of(alex, conversation), topic="Evenings", first_speaker=alex)
    if phase == "turns":
        return conversation, None
    turn = turn_add(view=view_of(alex, conversation), writer=alex, text="mine", seq=1)
    if phase == "check":
        turn_add(view=view_of(partner, conversation), writer=partner, text="heard", seq=2)
    return conversation, turn


def _affection_together(first: Any, second: Any, kind: str) -> dict[str, models.Model]:
    """Both said yes to step 7; for a challenge kind, one is running (or paused)."""
    profile = affection_opt_in(user=first)
    affection_opt_in(user=second)
    if kind not in {"touch_challenge", "paused_touch_challenge"}:
        return {"affection_profile": profile}
    challenge = challenge_start(user=first, today=local_today(first))
    if kind == "paused_touch_challenge":
        challenge_pause(challenge=challenge, today=local_today(first))
        return {"paused_challenge": challenge}
    return {"challenge": challenge}


def _affection_notes(alex: Any) -> dict[str, models.Model]:
    couple = couple_for_user(alex)
    return {
        "private_affection_note": AffectionNote.objects.create(
            author=alex, couple=couple, text="only for me"
        ),
        "shared_affection_note": AffectionNote.objects.create(
            author=alex, couple=couple, visibility=Visibility.SHARED, text="for Sam"
        ),
    }


def _promise(alex: Any, *, shared: bool) -> Promise:
    """One of Alex's promises, shared in Alex's couple of the moment or private to Alex."""
    promise = Promise.objects.create(
        author=alex,
        couple=couple_for_user(alex) if shared else None,
        visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
        text="call you at lunch" if shared else "walk every day",
    )
    PromiseOccurrence.objects.create(promise=promise, seq=1)
    return promise


def _victory(alex: Any, couple: Any, *, shared: bool) -> Victory:
    """One of Alex's small victories, on the couple's wall or kept to Alex."""
    return Victory.objects.create(
        author=alex,
        couple=couple if shared else None,
        visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
        text="we laughed at dinner",
        happened_on=date(2026, 1, 1),
    )


DELETABLE_KINDS = {"week_note", "nudge", "reflection", "answer", "pulse"}


def _deletable(alex: Any, sam: Any, kind: str) -> dict[str, models.Model]:
    """One of Alex's items of a kind that only has a delete route, shared with Sam."""
    couple = couple_for_user(alex)
    shared = {"couple": couple, "visibility": Visibility.SHARED}
    if kind == "week_note":
        week = {"author": alex, "week_of": date(2026, 11, 23), "text": "a good week"}
        return {
            "private_week_note": WeekNote.objects.create(kind="went_well", **week),
            "shared_week_note": WeekNote.objects.create(kind="try_next", **week, **shared),
        }
    if kind == "nudge":
        return {"nudge": Nudge.objects.create(author=alex, note="thinking of you", **shared)}
    if kind == "reflection":
        plan = DatePlan.objects.create(
            author=sam,
            starts_on=date(2030, 1, 1),
            start_time=time(19, 0),
            time_zone="Europe/London",
            **shared,
        )
        return {
            "reflection": Reflection.objects.create(
                author=alex, plan=plan, day=date(2030, 1, 1), connected=4, **shared
            )
        }
    if kind == "answer":
        daily = DailyQuestion.objects.create(
            couple=couple, day=date(2026, 11, 23), question_id="q1"
        )
        return {"answer": Answer.objects.create(author=alex, daily=daily, text="mine", **shared)}
    return {
        "pulse": PulseResponse.objects.create(
            author=alex,
            instrument_id="mendwell-pulse",
            instrument_version=1,
            kind="weekly",
            week_of=date(2026, 11, 23),
            answers={},
        )
    }


def build_world(make_user: Callable[..., Any], kind: str, signed_in: tuple[str, ...]) -> World:
    """Alex's world for one object kind, with the given actors already signed in."""
    people = _people(make_user)
    alex, sam = people["author"], people["partner"]
    objects: dict[str, models.Model] = {}
    old_couple = couple_for_user(alex)
    objects["old_shared_note"] = Note.objects.create(
        author=alex,
        couple=old_couple,
        visibility=Visibility.SHARED,
        title="old",
        body="written for Casey",
    )
    if kind in {"acknowledgement", "ack_answer"}:
        # Sending asks for the author's private check; sent once in the old couple.
        safety_check_submit(user=alex, answers=dict.fromkeys(ITEM_KEYS, "no"))
        objects["old_sent_ack"] = _sent_acknowledgement(alex, "written for Casey")
    if kind == "ack_answer":
        objects["old_answer"] = _answer(people["ex_partner"], objects["old_sent_ack"])
    if kind in TALK_PHASES:
        phase = "words" if kind == "talk_turn" else TALK_PHASES[kind]
        old, old_turn = _conversation_at(alex, people["ex_partner"], phase)
        objects["old_conversation"] = old
        if old_turn is not None:
            objects["old_turn"] = old_turn
    if kind == "date_plan":
        objects["old_plan"] = DatePlan.objects.create(
            author=alex,
            couple=old_couple,
            visibility=Visibility.SHARED,
            starts_on=date(2030, 1, 1),
            start_time=time(19, 0),
            time_zone="Europe/London",
        )
    if kind == "jar":
        objects["old_act"] = JarAct.objects.create(
            author=alex, couple=old_couple, visibility=Visibility.SHARED, text="for Casey"
        )
    if kind == "checkin":
        objects["old_shared_checkin"] = CheckIn.objects.create(
            author=alex,
            couple=old_couple,
            visibility=Visibility.SHARED,
            day=date(2026, 1, 1),
            mood=3,
            closeness=3,
        )
    if kind in {"touch_challenge", "paused_touch_challenge"}:
        old = _affection_together(alex, people["ex_partner"], kind)
        objects["old_challenge"] = next(iter(old.values()))
    if kind == "promise":
        objects["old_promise"] = _promise(alex, shared=True)  # made to Casey
    if kind == "victory":
        objects["old_victory"] = _victory(alex, old_couple, shared=True)
    if kind == "loved_item":
        objects["old_shared_item"] = LovedItem.objects.create(
            author=alex,
            couple=old_couple,
            visibility=Visibility.SHARED,
            text="shared with Casey",
            position=0,
        )
    couple_leave(user=alex)
    if kind == "invite":
        objects["pending_invite"] = invite_create(user=alex).invite  # meant for Sam
    elif kind == "log_entry":
        link(alex, sam)
        objects["log_entry"] = LogEntry.objects.create(
            author=alex, couple=couple_for_user(alex), what_happened="only for me"
        )
    elif kind == "acknowledgement":
        link(alex, sam)
        objects["draft_ack"] = _draft_acknowledgement(alex, "only for me")
        objects["sent_ack"] = _sent_acknowledgement(alex, "for Sam")
    elif kind in TALK_PHASES:
        link(alex, sam)
        phase = "words" if kind == "talk_turn" else TALK_PHASES[kind]
        objects["conversation"], turn = _conversation_at(alex, sam, phase)
        if turn is not None:
            objects["turn"] = turn
    elif kind == "date_plan":
        link(alex, sam)
        objects["plan"] = DatePlan.objects.create(
            author=alex,
            couple=couple_for_user(alex),
            visibility=Visibility.SHARED,
            starts_on=date(2030, 1, 1),
            start_time=time(19, 0),
            time_zone="Europe/London",
        )
    elif kind == "jar":
        link(alex, sam)
        couple = couple_for_user(alex)
        shared = {"couple": couple, "visibility": Visibility.SHARED}
        alex_act = JarAct.objects.create(author=alex, text="tea, please", **shared)
        sam_act = JarAct.objects.create(author=sam, text="a walk", **shared)
        objects["act"] = alex_act
        objects["draw"] = JarDraw.objects.create(
            author=alex, act=sam_act, week_of=date(2026, 11, 23), **shared
        )
        objects["done_draw_for_alex"] = JarDraw.objects.create(
            author=sam,
            act=alex_act,
            week_of=date(2026, 11, 23),
            done_at=timezone.now(),
            **shared,
        )
    elif kind == "checkin":
        link(alex, sam)
        safety_check_submit(user=alex, answers=dict.fromkeys(ITEM_KEYS, "no"))
        couple = couple_for_user(alex)
        objects["private_checkin"] = CheckIn.objects.create(
            author=alex, day=date(2026, 2, 1), mood=4, closeness=2
        )
        objects["shared_checkin"] = CheckIn.objects.create(
            author=alex,
            couple=couple,
            visibility=Visibility.SHARED,
            day=date(2026, 2, 2),
            mood=4,
            closeness=4,
        )
    elif kind in AFFECTION_KINDS:
        link(alex, sam)
        if kind == "affection_note":
            objects.update(_affection_notes(alex))
        else:
            objects.update(_affection_together(alex, sam, kind))
    elif kind == "promise":
        link(alex, sam)
        # Marking is something done together: Sam, who marks, has taken the private check.
        for person in (alex, sam):
            safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
        objects["shared_promise"] = _promise(alex, shared=True)
        objects["private_promise"] = _promise(alex, shared=False)
    elif kind == "ack_answer":
        link(alex, sam)
        objects["answer"] = _answer(sam, _sent_acknowledgement(alex, "for Sam"))
    elif kind == "victory":
        link(alex, sam)
        couple = couple_for_user(alex)
        objects["shared_victory"] = _victory(alex, couple, shared=True)
        objects["private_victory"] = _victory(alex, couple, shared=False)
    elif kind == "loved_item":
        link(alex, sam)
        couple = couple_for_user(alex)
        objects["private_item"] = LovedItem.objects.create(
            author=alex, couple=couple, text="only for me", position=1
        )
        objects["shared_item"] = LovedItem.objects.create(
            author=alex, couple=couple, visibility=Visibility.SHARED, text="for Sam", position=2
        )
    elif kind in DELETABLE_KINDS:
        link(alex, sam)
        objects.update(_deletable(alex, sam, kind))
    elif kind in COUNSEL_KINDS:
        link(alex, sam)
        objects.update(_counsel_objects(alex, sam, people["counsellor"], kind))
    elif kind == "account":
        link(alex, sam)
        objects["account"] = alex  # Alex's own account record in the operator's admin
    else:
        link(alex, sam)
        couple = couple_for_user(alex)
        objects["private_note"] = Note.objects.create(
            author=alex, couple=couple, title="mine", body="only for me"
        )
        objects["shared_note"] = Note.objects.create(
            author=alex,
            couple=couple,
            visibility=Visibility.SHARED,
            title="ours",
            body="for Sam",
        )
    world = World(people=people, objects=objects)
    for actor in signed_in:
        client = world.client(actor)
        if kind == "security_key" and people[actor] is not None:
            # allauth asks for the password again before any security-key page.
            reauthenticate(client)
    if kind == "security_key":
        # Added after signing in: with a key, Alex's login would stop at the MFA step.
        objects["security_key"] = Authenticator.objects.create(
            user=alex,
            type=Authenticator.Type.WEBAUTHN,
            data={"name": "Alex's key", "credential": {}},
        )
    return world


def object_in(world: World, variant: str) -> models.Model:
    assert variant in world.objects, f"Teach build_world() to create a {variant!r}."
    return world.objects[variant]


def _param_name(route_name: str) -> str:
    (route,) = [route for route in url_routes() if route.name == route_name]
    (param,) = route.params
    return param


def url_for(route_name: str, value: Any) -> str:
    return reverse(route_name, kwargs={_param_name(route_name): value})


def missing_id_like(obj: models.Model) -> Any:
    """An id of the same type as ``obj``'s that names nothing."""
    if isinstance(obj.pk, uuid.UUID):
        return uuid.uuid4()
    return obj.pk + 100_000


def hide_url(url: str) -> dict[str, str]:
    """Replacements that hide the requested URL wherever the response echoes it
    (plain, or %-encoded in a login redirect's ``next``)."""
    return {url: "<url>", quote(url, safe=""): "<url>"}


def snapshot(obj: models.Model) -> dict[str, Any] | None:
    return type(obj).objects.filter(pk=obj.pk).values().first()


def request_as(world: World, actor: str, method: str, url: str, route: ObjectRoute) -> Any:
    client = world.client(actor)
    if method == "GET":
        return client.get(url)
    return client.post(url, route.post_data)


@dataclass
class Pair:
    """The same request for a real id and for an id that names nothing."""

    real: Any
    missing: Any
    real_replacements: dict[str, str]
    missing_replacements: dict[str, str]

    def looks_the_same(self) -> bool:
        return normalise(self.real, self.real_replacements) == normalise(
            self.missing, self.missing_replacements
        )


def request_real_and_missing(
    world: World, actor: str, method: str, route_name: str, real_id: Any, missing_id: Any
) -> Pair:
    route = OBJECT_ROUTES[route_name]
    real_url, missing_url = url_for(route_name, real_id), url_for(route_name, missing_id)
    return Pair(
        real=request_as(world, actor, method, real_url, route),
        missing=request_as(world, actor, method, missing_url, route),
        real_replacements=hide_url(real_url),
        missing_replacements=hide_url(missing_url),
    )


# --- Cases, generated from the tables above ---------------------------------------


def _cells() -> list[tuple[str, str, str, str, int]]:
    cells = []
    for name, route in OBJECT_ROUTES.items():
        for method, table in (("GET", route.get), ("POST", route.post)):
            for variant, expected in (table or {}).items():
                for actor in ACTORS:
                    if actor in expected:  # a missing actor fails the completeness test
                        cells.append((name, method, variant, actor, expected[actor]))
    return cells


CELLS = _cells()


def _ids(cells: list[tuple[Any, ...]]) -> list[str]:
    return ["-".join(str(part) for part in cell[:4]) for cell in cells]


HIDDEN = [cell for cell in CELLS if cell[4] == 404]
REFUSED_POSTS = [cell for cell in HIDDEN if cell[1] == "POST"]
ANONYMOUS = [cell for cell in CELLS if cell[3] == "anonymous"]
# Where the author's post is the allowed one (answering is the partner's, not theirs).
AUTHOR_POSTS = [
    cell
    for cell in CELLS
    if cell[1] == "POST"
    and cell[3] == "author"
    and cell[4] != 404
    and OBJECT_ROUTES[cell[0]].changes
]
POST_ONLY = [name for name, route in OBJECT_ROUTES.items() if route.get is None]


# --- The URLconf is fully classified --------------------------------------------------


# The JSON API has its own matrix, generated from its OpenAPI document
# (tests/api/test_api_matrix.py); allauth's headless app flow names no object.
OWN_MATRIX = ("api/v1/", "_allauth/")


def test_every_route_with_a_path_parameter_is_classified() -> None:
    unclassified = [
        f"{route.name} ({route.pattern})"
        for route in url_routes()
        if route.params
        and not route.pattern.startswith(OWN_MATRIX)
        and route.name not in OBJECT_ROUTES
        and route.name not in NON_OBJECT_ROUTES
    ]
    assert not unclassified, (
        "These routes take a path parameter but are not in the authorization matrix. "
        "Add each to OBJECT_ROUTES in tests/test_route_matrix.py (with the status every "
        "actor must get) or, if the parameter names nothing a person owns, to "
        f"NON_OBJECT_ROUTES with a one-line reason: {unclassified}"
    )


def test_every_classified_route_still_exists() -> None:
    existing = {route.name for route in url_routes() if route.params}
    stale = sorted((set(OBJECT_ROUTES) | set(NON_OBJECT_ROUTES)) - existing)
    assert not stale, f"Remove these from tests/test_route_matrix.py, they are gone: {stale}"


def test_every_matrix_row_names_every_actor() -> None:
    incomplete = [
        f"{name} {method} {variant}"
        for name, route in OBJECT_ROUTES.items()
        for method, table in (("GET", route.get), ("POST", route.post))
        for variant, expected in (table or {}).items()
        if set(expected) != set(ACTORS)
    ]
    assert not incomplete


# --- Who gets what -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("route_name", "method", "variant", "actor", "status"), CELLS, ids=_ids(CELLS)
)
def test_each_actor_gets_the_expected_status(
    make_user: Any, route_name: str, method: str, variant: str, actor: str, status: int
) -> None:
    route = OBJECT_ROUTES[route_name]
    world = build_world(make_user, route.kind, signed_in=(actor,))
    url = url_for(route_name, object_in(world, variant).pk)
    response = request_as(world, actor, method, url, route)
    assert response.status_code == status, (
        f"{actor} {method} {route_name} on {variant}: expected {status}, got {response.status_code}"
    )


@pytest.mark.parametrize(
    ("route_name", "method", "variant", "actor", "status"), HIDDEN, ids=_ids(HIDDEN)
)
def test_a_hidden_object_answers_exactly_like_a_missing_one(
    make_user: Any, route_name: str, method: str, variant: str, actor: str, status: int
) -> None:
    route = OBJECT_ROUTES[route_name]
    world = build_world(make_user, route.kind, signed_in=(actor,))
    obj = object_in(world, variant)
    pair = request_real_and_missing(world, actor, method, route_name, obj.pk, missing_id_like(obj))
    assert pair.real.status_code == 404
    assert pair.looks_the_same()


@pytest.mark.parametrize(
    ("route_name", "method", "variant", "actor", "status"), REFUSED_POSTS, ids=_ids(REFUSED_POSTS)
)
def test_a_refused_post_leaves_the_object_unchanged(
    make_user: Any, route_name: str, method: str, variant: str, actor: str, status: int
) -> None:
    route = OBJECT_ROUTES[route_name]
    world = build_world(make_user, route.kind, signed_in=(actor,))
    obj = object_in(world, variant)
    before = snapshot(obj)
    request_as(world, actor, "POST", url_for(route_name, obj.pk), route)
    assert snapshot(obj) == before


@pytest.mark.parametrize(
    ("route_name", "method", "variant", "actor", "status"), AUTHOR_POSTS, ids=_ids(AUTHOR_POSTS)
)
def test_the_authors_own_post_does_change_the_object(
    make_user: Any, route_name: str, method: str, variant: str, actor: str, status: int
) -> None:
    # The control for the test above: the same request from the owner is not a no-op.
    route = OBJECT_ROUTES[route_name]
    world = build_world(make_user, route.kind, signed_in=(actor,))
    obj = object_in(world, variant)
    before = snapshot(obj)
    request_as(world, actor, "POST", url_for(route_name, obj.pk), route)
    assert snapshot(obj) != before


@pytest.mark.parametrize(
    ("route_name", "method", "variant", "actor", "status"), ANONYMOUS, ids=_ids(ANONYMOUS)
)
def test_anonymous_visitors_are_sent_to_login_without_learning_whether_it_exists(
    make_user: Any, route_name: str, method: str, variant: str, actor: str, status: int
) -> None:
    route = OBJECT_ROUTES[route_name]
    world = build_world(make_user, route.kind, signed_in=())
    obj = object_in(world, variant)
    pair = request_real_and_missing(world, actor, method, route_name, obj.pk, missing_id_like(obj))
    assert pair.real["Location"].startswith(LOGIN_PATH)
    assert pair.looks_the_same()


@pytest.mark.parametrize("route_name", POST_ONLY)
def test_a_get_on_a_post_only_route_is_refused_the_same_for_real_and_missing_ids(
    make_user: Any, route_name: str
) -> None:
    route = OBJECT_ROUTES[route_name]
    world = build_world(make_user, route.kind, signed_in=("author",))
    (variant, *_) = route.post or {}
    obj = object_in(world, variant)
    pair = request_real_and_missing(
        world, "author", "GET", route_name, obj.pk, missing_id_like(obj)
    )
    assert pair.real.status_code == 405
    assert pair.looks_the_same()


def test_a_deleted_note_answers_like_one_that_never_existed(make_user: Any) -> None:
    world = build_world(make_user, "note", signed_in=("partner",))
    note = world.objects["shared_note"]
    deleted_id = note.pk
    note.delete()
    pair = request_real_and_missing(
        world, "partner", "GET", "gatekeeper:note_detail", deleted_id, uuid.uuid4()
    )
    assert pair.real.status_code == 404
    assert pair.looks_the_same()


@pytest.mark.parametrize("route_name", sorted(NON_OBJECT_ROUTES))
def test_a_made_up_value_on_a_non_object_route_gets_a_calm_answer(
    make_user: Any, route_name: str
) -> None:
    url = reverse(route_name, kwargs=NON_OBJECT_ROUTES[route_name].example)
    for client in (sign_in(make_user("robin@example.com")), Client()):
        response = client.get(url)
        assert response.status_code in {200, 302, 404}, response.status_code


def test_a_report_link_opens_for_its_owner_only(make_user: Any) -> None:
    # The token names Alex's report; for every other actor it must be a plain 404
    # (anonymous: the sign-in redirect), and their tries must not use the link up.
    people = _people(make_user)
    token = report_link_create(
        user=people["author"],
        choices={"parts": ["pulse"], "start": "2026-01-01", "end": "2026-03-01"},
    )
    url = reverse("report:download", kwargs={"token": token})
    for actor in sorted(ACTORS, key=lambda name: name == "author"):  # the owner last
        user = people[actor]
        response = (Client() if user is None else sign_in(user)).get(url)
        assert response.status_code == READABLE_BY_AUTHOR_ONLY[actor], actor


def test_an_export_link_opens_for_its_owner_only(
    make_user: Any, settings: Any, tmp_path: Any
) -> None:
    # TS51: the token names Alex's finished export; every other actor gets a plain 404
    # (anonymous: the sign-in redirect), and their tries do not use the link up.
    from mendwell.exports.services import export_build, export_request

    settings.DATA_DIR = tmp_path
    people = _people(make_user)
    job, token = export_request(user=people["author"], include_shared=False)
    assert token is not None and export_build(job_id=job.pk) == "ready"
    url = reverse("exports:download", kwargs={"token": token})
    for actor in sorted(ACTORS, key=lambda name: name == "author"):  # the owner last
        user = people[actor]
        response = (Client() if user is None else sign_in(user)).get(url)
        assert response.status_code == READABLE_BY_AUTHOR_ONLY[actor], actor


# --- Unlinking takes effect on the very next request (TS4, TS40) -------------------


def test_partner_gets_404_for_the_shared_note_right_after_alex_leaves(make_user: Any) -> None:
    world = build_world(make_user, "note", signed_in=("author", "partner"))
    url = url_for("gatekeeper:note_detail", world.objects["shared_note"].pk)
    sam = world.client("partner")
    assert sam.get(url).status_code == 200

    left = world.client("author").post("/couple/leave/", {"password": PASSWORD})
    assert left.status_code == 302

    assert sam.get(url).status_code == 404


def test_partner_who_leaves_loses_what_was_shared_with_them_at_once(make_user: Any) -> None:
    world = build_world(make_user, "note", signed_in=("partner",))
    url = url_for("gatekeeper:note_detail", world.objects["shared_note"].pk)
    sam = world.client("partner")
    assert sam.get(url).status_code == 200

    assert sam.post("/couple/leave/", {"password": PASSWORD}).status_code == 302

    assert sam.get(url).status_code == 404


def test_author_keeps_the_shared_note_after_leaving(make_user: Any) -> None:
    world = build_world(make_user, "note", signed_in=("author",))
    url = url_for("gatekeeper:note_detail", world.objects["shared_note"].pk)
    alex = world.client("author")
    assert alex.post("/couple/leave/", {"password": PASSWORD}).status_code == 302
    assert alex.get(url).status_code == 200


def test_relinking_with_the_ex_does_not_bring_old_shares_back(make_user: Any) -> None:
    # A new couple is a new space: what was shared in the old one stays closed (TS41).
    world = build_world(make_user, "note", signed_in=("ex_partner",))
    alex, casey = world.people["author"], world.people["ex_partner"]
    couple_leave(user=alex)
    link(casey, alex)
    url = url_for("gatekeeper:note_detail", world.objects["old_shared_note"].pk)
    assert world.client("ex_partner").get(url).status_code == 404
