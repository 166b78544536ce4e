"""The authorization matrix for the JSON API, generated from its OpenAPI document
(SECURITY.md AC-2, AC-3; TS1–TS6 over the API).

Every operation whose path names something (an id in the path) is either an
object route below, with who may reach each variant of the object, or a
non-object route with the reason it names nothing a person owns. A new route in
neither fails ``test_every_api_route_with_a_path_parameter_is_classified``.

The world is the HTML matrix's (``tests/test_route_matrix.build_world``): Alex
(the author) was linked with Casey (ex_partner), is now linked with Sam
(partner); Robin is a stranger, Staff a superuser, Dana Alex's counsellor.
Over the API every actor is a bearer token:

- anonymous callers get 401; so do counsellor accounts on partner routes, and
  partner accounts on the counsellor's routes;
- an actor the variant lets in gets anything but 401/404 (200 for a read);
- every other signed-in actor gets 404, byte for byte what a made-up id gets,
  and a refused write leaves the object exactly as it was.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
from django.forms.models import model_to_dict

from mendwell.security.tokens import token_create
from tests.test_route_matrix import build_world, object_in

pytestmark = pytest.mark.django_db

ACTORS = ("author", "partner", "ex_partner", "stranger", "staff", "counsellor", "anonymous")
PARTNER_ACCOUNTS = ("author", "partner", "ex_partner", "stranger", "staff")

AUTHOR = frozenset({"author"})
COUPLE = frozenset({"author", "partner"})
PARTNER = frozenset({"partner"})
NOBODY: frozenset[str] = frozenset()
COUNSELLOR = frozenset({"counsellor"})


@dataclass(frozen=True)
class ApiRoute:
    kind: str  # a build_world() kind
    variants: dict[str, frozenset[str]]  # variant -> actors let in
    body: dict[str, Any] | None = None
    # False where the operation adds rows of its own and leaves the named object be.
    changes: bool = True
    extra: dict[str, str] = field(default_factory=dict)  # other path parameters


def each(variants: tuple[str, ...], allowed: frozenset[str]) -> dict[str, frozenset[str]]:
    return dict.fromkeys(variants, allowed)


CHECKINS = ("private_checkin", "shared_checkin", "old_shared_checkin")
ACKS = {"draft_ack": AUTHOR, "sent_ack": COUPLE, "old_sent_ack": AUTHOR}
TALK = {"conversation": COUPLE, "old_conversation": AUTHOR}
TALK_WRITE = {"conversation": COUPLE, "old_conversation": NOBODY}
LOVED = ("private_item", "shared_item", "old_shared_item")
PROMISES = {"shared_promise": COUPLE, "private_promise": AUTHOR, "old_promise": AUTHOR}
VICTORIES = ("shared_victory", "private_victory", "old_victory")
CHALLENGE = {"challenge": COUPLE, "old_challenge": NOBODY}
UNTIL = (date.today() + timedelta(days=30)).isoformat()
DATE_BODY = {"starts_on": "2030-01-05", "start_time": "18:00", "time_zone": "Europe/London"}

API_ROUTES: dict[str, ApiRoute] = {
    "GET /check-ins/{checkin_id}": ApiRoute("checkin", each(CHECKINS, AUTHOR)),
    "DELETE /check-ins/{checkin_id}": ApiRoute("checkin", each(CHECKINS, AUTHOR)),
    "PUT /check-ins/{checkin_id}/sharing": ApiRoute(
        "checkin", each(CHECKINS, AUTHOR), {"share": False}
    ),
    "DELETE /check-ins/week/{note_id}": ApiRoute(
        "week_note", each(("private_week_note", "shared_week_note"), AUTHOR)
    ),
    "GET /log/{entry_id}": ApiRoute("log_entry", {"log_entry": AUTHOR}),
    "PUT /log/{entry_id}": ApiRoute(
        "log_entry", {"log_entry": AUTHOR}, {"what_happened": "Rewritten by someone else"}
    ),
    "DELETE /log/{entry_id}": ApiRoute("log_entry", {"log_entry": AUTHOR}),
    "GET /acknowledgements/{thread_id}": ApiRoute("acknowledgement", ACKS),
    "PUT /acknowledgements/{thread_id}": ApiRoute(
        "acknowledgement",
        {"draft_ack": AUTHOR, "sent_ack": AUTHOR, "old_sent_ack": AUTHOR},
        {"own_it": "Rewritten", "impact": "Rewritten", "change": "Rewritten"},
    ),
    "DELETE /acknowledgements/{thread_id}": ApiRoute(
        "acknowledgement", {"draft_ack": AUTHOR, "sent_ack": AUTHOR}
    ),
    "POST /acknowledgements/{thread_id}/send": ApiRoute(
        "acknowledgement", {"draft_ack": AUTHOR}, {}
    ),
    "POST /acknowledgements/{thread_id}/answers": ApiRoute(
        # Answering is the partner's: for the writer too it is as if there were nothing.
        "acknowledgement",
        {"sent_ack": PARTNER},
        {"sent": 1, "kind": "heard"},
        changes=False,
    ),
    "POST /acknowledgements/answers/{answer_id}/change": ApiRoute(
        "ack_answer",
        {"answer": PARTNER, "old_answer": NOBODY},
        {"kind": "not_yet", "missing": "Changed by someone else"},
    ),
    "DELETE /questions/answers/{answer_id}": ApiRoute("answer", {"answer": AUTHOR}),
    "GET /talk/{conversation_id}": ApiRoute("talk", TALK),
    "GET /talk/{conversation_id}/pause": ApiRoute("talk", TALK),
    "POST /talk/{conversation_id}/pause": ApiRoute("talk", TALK, {"minutes": 20}),
    "POST /talk/{conversation_id}/end": ApiRoute("talk", TALK, {}),
    "POST /talk/{conversation_id}/hints": ApiRoute(
        "talk", TALK, {"text": "You always ignore me."}, changes=False
    ),
    "POST /talk/{conversation_id}/rules": ApiRoute("talk_rules", TALK, {"me": True}),
    "POST /talk/{conversation_id}/topic": ApiRoute(
        "talk_topic", TALK, {"topic": "Our evenings", "first_speaker": "me"}
    ),
    "POST /talk/{conversation_id}/turns": ApiRoute(
        "talk", TALK, {"text": "Hello", "seq": 1}, changes=False
    ),
    "POST /talk/{conversation_id}/confirm": ApiRoute("talk_check", TALK, {"seq": 2}),
    "DELETE /talk/turns/{turn_id}": ApiRoute("talk_turn", {"turn": AUTHOR, "old_turn": AUTHOR}),
    "GET /loved/items/{item_id}": ApiRoute("loved_item", each(LOVED, AUTHOR)),
    "PUT /loved/items/{item_id}": ApiRoute(
        "loved_item", each(LOVED, AUTHOR), {"text": "Rewritten by someone else"}
    ),
    "DELETE /loved/items/{item_id}": ApiRoute("loved_item", each(LOVED, AUTHOR)),
    "POST /loved/items/{item_id}/move": ApiRoute(
        "loved_item", each(("private_item", "shared_item"), AUTHOR), {"direction": "up"}
    ),
    "GET /promises/{promise_id}": ApiRoute("promise", PROMISES),
    "DELETE /promises/{promise_id}": ApiRoute("promise", each(tuple(PROMISES), AUTHOR)),
    "POST /promises/{promise_id}/renegotiate": ApiRoute(
        "promise",
        {"shared_promise": AUTHOR, "private_promise": AUTHOR, "old_promise": NOBODY},
        {"text": "call you at lunch instead", "recurrence": "none"},
    ),
    "POST /promises/{promise_id}/withdraw": ApiRoute(
        "promise",
        {"shared_promise": AUTHOR, "private_promise": AUTHOR, "old_promise": NOBODY},
        {"note": "Withdrawn by someone else"},
    ),
    "PUT /promises/{promise_id}/occurrences/{seq}": ApiRoute(
        # A shared promise is marked by the partner it was made to (its author finds
        # nothing to mark); a private one by its author, as a promise to oneself.
        "promise",
        {"shared_promise": PARTNER, "private_promise": AUTHOR, "old_promise": NOBODY},
        {"mark": "kept", "kind_word": "Thank you"},
        extra={"seq": "1"},
    ),
    "POST /affection/challenge/{challenge_id}/pause": ApiRoute("touch_challenge", CHALLENGE, {}),
    "POST /affection/challenge/{challenge_id}/end": ApiRoute("touch_challenge", CHALLENGE, {}),
    "POST /affection/challenge/{challenge_id}/answer": ApiRoute(
        "touch_challenge", CHALLENGE, {"day": 1, "answer": "not_now"}, changes=False
    ),
    "POST /affection/challenge/{challenge_id}/resume": ApiRoute(
        "paused_touch_challenge", {"paused_challenge": COUPLE, "old_challenge": NOBODY}, {}
    ),
    "DELETE /affection/notes/{note_id}": ApiRoute(
        "affection_note", each(("private_affection_note", "shared_affection_note"), AUTHOR)
    ),
    "DELETE /nudges/{nudge_id}": ApiRoute("nudge", {"nudge": AUTHOR}),
    "GET /jar/acts/{act_id}": ApiRoute("jar", {"act": AUTHOR, "old_act": AUTHOR}),
    "PUT /jar/acts/{act_id}": ApiRoute(
        "jar", {"act": AUTHOR, "old_act": AUTHOR}, {"text": "Rewritten by someone else"}
    ),
    "DELETE /jar/acts/{act_id}": ApiRoute("jar", {"act": AUTHOR, "old_act": AUTHOR}),
    "POST /jar/draws/{draw_id}/done": ApiRoute("jar", {"draw": AUTHOR}, {}),
    "POST /jar/draws/{draw_id}/noticed": ApiRoute("jar", {"done_draw_for_alex": AUTHOR}, {}),
    "GET /dates/{plan_id}": ApiRoute("date_plan", {"plan": COUPLE, "old_plan": AUTHOR}),
    "PUT /dates/{plan_id}": ApiRoute("date_plan", {"plan": AUTHOR, "old_plan": AUTHOR}, DATE_BODY),
    "DELETE /dates/{plan_id}": ApiRoute("date_plan", {"plan": AUTHOR, "old_plan": AUTHOR}),
    "POST /dates/{plan_id}/cancel": ApiRoute("date_plan", {"plan": AUTHOR, "old_plan": AUTHOR}, {}),
    "GET /dates/{plan_id}/reflections": ApiRoute("date_plan", {"plan": COUPLE, "old_plan": AUTHOR}),
    "POST /dates/{plan_id}/reflections": ApiRoute(
        "date_plan", {"plan": COUPLE, "old_plan": AUTHOR}, {"connected": 4}, changes=False
    ),
    "DELETE /dates/reflections/{reflection_id}": ApiRoute("reflection", {"reflection": AUTHOR}),
    "DELETE /progress/pulse/{pulse_id}": ApiRoute("pulse", {"pulse": AUTHOR}),
    "GET /story/victories/{victory_id}": ApiRoute(
        "victory", {"shared_victory": COUPLE, "private_victory": AUTHOR, "old_victory": AUTHOR}
    ),
    "PUT /story/victories/{victory_id}": ApiRoute(
        "victory", each(VICTORIES, AUTHOR), {"text": "Rewritten by someone else"}
    ),
    "DELETE /story/victories/{victory_id}": ApiRoute("victory", each(VICTORIES, AUTHOR)),
    "DELETE /couple/invite/{invite_id}": ApiRoute("invite", {"pending_invite": AUTHOR}),
    "DELETE /counsel/invites/{invite_id}": ApiRoute(
        "counsel_invite", {"counsellor_invite": AUTHOR}
    ),
    "GET /counsel/counsellors/{link_id}": ApiRoute(
        "counsel_link", {"counsellor_link": AUTHOR, "old_counsellor_link": NOBODY}
    ),
    "DELETE /counsel/counsellors/{link_id}": ApiRoute(
        "counsel_link", {"counsellor_link": AUTHOR, "old_counsellor_link": NOBODY}
    ),
    "POST /counsel/counsellors/{link_id}/grants": ApiRoute(
        "counsel_link",
        {"counsellor_link": AUTHOR, "old_counsellor_link": NOBODY},
        {"categories": ["checkins.checkin"], "until": UNTIL},
        changes=False,
    ),
    "DELETE /counsel/grants/{grant_id}": ApiRoute(
        "counsel_grant", {"grant": AUTHOR, "old_grant": NOBODY}
    ),
    "GET /counsellor/clients/{link_id}": ApiRoute(
        "counsel_link", {"counsellor_link": COUNSELLOR, "old_counsellor_link": NOBODY}
    ),
    "DELETE /counsellor/clients/{link_id}": ApiRoute(
        "counsel_link", {"counsellor_link": COUNSELLOR, "old_counsellor_link": NOBODY}
    ),
    "POST /counsellor/clients/{link_id}/notes": ApiRoute(
        "counsel_link",
        {"counsellor_link": COUNSELLOR, "old_counsellor_link": NOBODY},
        {"text": "Try a gentle start."},
        changes=False,
    ),
    "GET /counsellor/items/{item_id}": ApiRoute(
        "counsel_item",
        {
            "granted_item": COUNSELLOR,
            "revoked_item": NOBODY,
            "ungranted_item": NOBODY,
            "private_item": NOBODY,
            "partners_item": NOBODY,
        },
    ),
}

NON_OBJECT_ROUTES = {
    "PUT /questions/deck/{question_id}/marks": "a question of our own published deck",
    "PUT /today/marks/{key}": "a kind of item on the caller's own plan, marks are the caller's",
    "DELETE /today/marks/{key}": "a kind of item on the caller's own plan",
    "GET /report/download/{token}": "a single-use secret link (tests/api/test_report_api.py)",
    "GET /export/download/{token}": "a single-use secret link (tests/api/test_exports_api.py)",
    "GET /progress/instruments/{instrument_id}/results": "a questionnaire of the instrument "
    "registry, the same for everyone; only the caller's own answers are read "
    "(tests/api/test_progress_instruments_api.py)",
    "POST /progress/instruments/{instrument_id}/answers": "a questionnaire of the instrument "
    "registry, the same for everyone; only the caller's own answers are written "
    "(tests/api/test_progress_instruments_api.py)",
}

MADE_UP = "00000000-0000-4000-8000-000000000000"


def _operations() -> list[tuple[str, str]]:
    from mendwell.api.main import api

    document = api.get_openapi_schema()
    return [
        (method.upper(), path.removeprefix("/api/v1"))
        for path, operations in document["paths"].items()
        for method in operations
        if "{" in path
    ]


def test_every_api_route_with_a_path_parameter_is_classified() -> None:
    unclassified = [
        f"{method} {path}"
        for method, path in _operations()
        if f"{method} {path}" not in API_ROUTES and f"{method} {path}" not in NON_OBJECT_ROUTES
    ]
    assert not unclassified, (
        "Add these to API_ROUTES in tests/api/test_api_matrix.py (who may reach each "
        f"variant) or to NON_OBJECT_ROUTES with a reason: {unclassified}"
    )


def test_every_classified_api_route_still_exists() -> None:
    existing = {f"{method} {path}" for method, path in _operations()}
    assert not (set(API_ROUTES) | set(NON_OBJECT_ROUTES)) - existing


CELLS = [
    (route, variant, actor)
    for route, spec in API_ROUTES.items()
    for variant in spec.variants
    for actor in ACTORS
]


def _clients(world: Any) -> dict[str, Any]:
    from django.test import Client

    clients = {}
    for actor in ACTORS:
        person = world.people[actor]
        if person is None:
            clients[actor] = Client()
        else:
            clients[actor] = Client(
                HTTP_AUTHORIZATION=f"Bearer {token_create(user=person, name='matrix')[1]}"
            )
    return clients


def _path(route: str, spec: ApiRoute, object_id: str) -> tuple[str, str]:
    method, template = route.split(" ", 1)
    first = template[template.index("{") : template.index("}") + 1]
    path = template.replace(first, object_id)
    for name, value in spec.extra.items():
        path = path.replace("{" + name + "}", value)
    return method, f"/api/v1{path}"


def _call(client: Any, method: str, path: str, body: dict[str, Any] | None) -> Any:
    # A stale version on every write: refused callers must meet the 404 first.
    headers = {"If-Match": '"v0"'} if method != "GET" else {}
    if body is None and method in {"GET", "DELETE"}:
        return getattr(client, method.lower())(path, headers=headers)
    return getattr(client, method.lower())(
        path, json.dumps(body or {}), content_type="application/json", headers=headers
    )


def _expected(route: str, spec: ApiRoute, variant: str, actor: str) -> str:
    counsellor_route = route.split(" ", 1)[1].startswith("/counsellor")
    if actor == "anonymous":
        return "401"
    if (actor == "counsellor") != counsellor_route:
        return "401"
    return "in" if actor in spec.variants[variant] else "404"


def _snapshot(row: Any) -> dict[str, Any]:
    fresh = type(row)._base_manager.filter(pk=row.pk).first()
    if fresh is None:
        return {}
    return {**model_to_dict(fresh), "updated_at": getattr(fresh, "updated_at", None)}


@pytest.mark.parametrize(("route", "variant", "actor"), CELLS)
def test_each_actor_gets_what_the_matrix_says(
    route: str, variant: str, actor: str, make_user: Any, settings: Any
) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    spec = API_ROUTES[route]
    world = build_world(make_user, spec.kind, ())
    target = object_in(world, variant)
    client = _clients(world)[actor]
    before = _snapshot(target)
    method, path = _path(route, spec, str(target.pk))
    response = _call(client, method, path, spec.body)
    expected = _expected(route, spec, variant, actor)
    if expected == "in":
        assert response.status_code not in (401, 404), response.content
        if method == "GET":
            assert response.status_code == 200, response.content
        return
    assert response.status_code == int(expected), response.content
    _method, made_up_path = _path(route, spec, MADE_UP)
    made_up = _call(client, method, made_up_path, spec.body)
    assert (made_up.status_code, made_up.content) == (response.status_code, response.content)
    assert "ETag" not in response
    if method != "GET":
        assert _snapshot(target) == before


def test_a_made_up_id_is_refused_calmly_on_every_route(make_user: Any) -> None:
    alex = make_user("alex@example.com", "Alex")
    client = _clients_for_one(alex)
    for route, spec in API_ROUTES.items():
        if route.split(" ", 1)[1].startswith("/counsellor"):
            continue
        method, path = _path(route, spec, str(uuid.uuid4()))
        assert _call(client, method, path, spec.body).status_code == 404, route


def _clients_for_one(user: Any) -> Any:
    from django.test import Client

    return Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=user, name='matrix')[1]}")
