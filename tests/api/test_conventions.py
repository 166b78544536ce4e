"""What every API operation shares: the error shape, bad input, idempotent
creates, limits and the ways to authenticate (SECURITY.md IN, REL-6, TS27)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mendwell.api.models import IdempotencyRecord
from mendwell.checkins.models import CheckIn
from mendwell.security.models import AppToken

pytestmark = pytest.mark.django_db

TODAY = {"mood": 4, "closeness": 3, "note": "tea in the garden"}


# --- Bad input ----------------------------------------------------------------------


def test_malformed_json_is_a_400_that_says_so(api_for, alex):
    response = api_for(alex).post("/check-ins", '{"mood": 4,')
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]
    assert not CheckIn.objects.exists()


def test_a_form_body_is_refused_with_the_content_type_to_use(api_for, alex):
    api = api_for(alex)
    response = api.client.post(
        "/api/v1/check-ins", "mood=4&closeness=3", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert "application/json" in response.json()["detail"]


def test_a_five_megabyte_body_gets_413_with_a_clear_message(api_for, alex):
    body = json.dumps({**TODAY, "note": "x" * 5_000_000})
    response = api_for(alex).post("/check-ins", body)
    assert response.status_code == 413
    assert "1 MB" in response.json()["detail"]
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("mood", "happy"), ("closeness", [3]), ("note", 12), ("share", "perhaps"), ("mood", None)],
)
def test_a_wrong_type_names_its_field_and_saves_nothing(api_for, alex, field, value):
    response = api_for(alex).post("/check-ins", {**TODAY, field: value})
    assert response.status_code == 422
    assert field in [error["field"] for error in response.json()["errors"]]
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("field", ["author", "couple", "visibility", "created_at", "day", "id"])
def test_fields_the_server_sets_are_refused_by_name(api_for, alex, field):
    response = api_for(alex).post("/check-ins", {**TODAY, field: "x"})
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == [field]
    assert not CheckIn.objects.exists()


def test_a_missing_field_is_named(api_for, alex):
    response = api_for(alex).post("/check-ins", {"mood": 3})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors == [{"field": "closeness", "message": "This field is required."}]


def test_a_malformed_id_and_a_made_up_id_both_refuse_cleanly(api_for, alex):
    api = api_for(alex)
    assert api.get("/check-ins/not-a-uuid").status_code == 422
    missing = api.get("/check-ins/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Not found.", "errors": []}


# --- Idempotency --------------------------------------------------------------------


def test_a_retry_with_the_same_key_returns_the_first_answer_and_creates_nothing(api_for, alex):
    api = api_for(alex)
    key = {"Idempotency-Key": "check-in-1"}
    first = api.post("/check-ins", TODAY, headers=key)
    again = api.post("/check-ins", TODAY, headers=key)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert CheckIn.objects.filter(author=alex).count() == 1


def test_a_replay_does_not_undo_a_later_change(api_for, alex):
    api = api_for(alex)
    api.post("/check-ins", TODAY, headers={"Idempotency-Key": "a"})
    api.post("/check-ins", {**TODAY, "mood": 1}, headers={"Idempotency-Key": "b"})
    api.post("/check-ins", TODAY, headers={"Idempotency-Key": "a"})  # a late retry of "a"
    assert CheckIn.objects.get(author=alex).mood == 1


def test_the_same_key_with_another_body_is_refused(api_for, alex):
    api = api_for(alex)
    api.post("/check-ins", TODAY, headers={"Idempotency-Key": "k"})
    other = api.post("/check-ins", {**TODAY, "mood": 1}, headers={"Idempotency-Key": "k"})
    assert other.status_code == 422
    assert other.json()["errors"][0]["field"] == "Idempotency-Key"
    assert CheckIn.objects.get(author=alex).mood == 4


def test_keys_belong_to_one_person(api_for, alex, robin):
    api_for(alex).post("/check-ins", TODAY, headers={"Idempotency-Key": "same"})
    robins = api_for(robin).post("/check-ins", TODAY, headers={"Idempotency-Key": "same"})
    assert robins.status_code == 201
    assert CheckIn.objects.filter(author=robin).count() == 1


def test_a_failed_request_leaves_its_key_free(api_for, alex):
    api = api_for(alex)
    bad = api.post("/check-ins", {**TODAY, "mood": 9}, headers={"Idempotency-Key": "k"})
    assert bad.status_code == 422
    good = api.post("/check-ins", {**TODAY, "mood": 9}, headers={"Idempotency-Key": "k"})
    assert good.status_code == 422  # same body, still wrong, still not stored
    assert not IdempotencyRecord.objects.exists()


def test_a_key_is_forgotten_after_a_day(api_for, alex):
    from mendwell.api.idempotency import purge_expired

    api = api_for(alex)
    api.post("/check-ins", TODAY, headers={"Idempotency-Key": "old"})
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert purge_expired() == 1
    assert not IdempotencyRecord.objects.exists()


def test_the_stored_answer_is_encrypted_at_rest(api_for, alex):
    from django.db import connection

    api_for(alex).post("/check-ins", TODAY, headers={"Idempotency-Key": "sealed"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT response_body FROM api_idempotencyrecord")
        (stored,) = cursor.fetchone()
    assert "tea in the garden" not in stored


# --- Limits -------------------------------------------------------------------------


def test_past_the_limit_the_answer_is_429_with_retry_after(api_for, alex, settings):
    settings.API_THROTTLE_RATES = {"user": "3/m", "ip": "100/m"}
    api = api_for(alex)
    statuses = [api.get("/me").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = api.get("/me")
    assert int(limited["Retry-After"]) >= 1
    assert "Too many requests" in limited.json()["detail"]


def test_the_address_limit_holds_for_anonymous_callers(settings):
    settings.API_THROTTLE_RATES = {"user": "100/m", "ip": "2/m"}
    client = Client()
    statuses = [client.get("/api/v1/me").status_code for _ in range(3)]
    assert statuses == [401, 401, 429]


# --- Authentication -----------------------------------------------------------------


def test_an_expired_token_is_refused(api_for, alex):
    api = api_for(alex)
    AppToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = api.get("/me")
    assert response.status_code == 401
    assert "Sign in" in response.json()["detail"]


def test_a_revoked_token_is_refused(api_for, alex):
    api = api_for(alex)
    AppToken.objects.update(revoked_at=timezone.now())
    assert api.get("/me").status_code == 401


def test_a_browser_session_writes_only_with_the_csrf_token(alex, settings):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alex)
    refused = browser.post("/api/v1/check-ins", TODAY, content_type="application/json")
    assert refused.status_code == 403
    assert not CheckIn.objects.exists()
    browser.get("/check-in/")  # the page sets the CSRF cookie
    token = browser.cookies[settings.CSRF_COOKIE_NAME].value
    saved = browser.post(
        "/api/v1/check-ins", TODAY, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert saved.status_code == 201


def test_times_are_the_callers_own_day(api_for, make_user):
    # Late evening in Auckland is already tomorrow there: "today" is theirs, not the server's.
    kim = make_user("kim@example.com", "Kim", time_zone="Pacific/Auckland")
    body = api_for(kim).post("/check-ins", TODAY).json()
    assert (
        body["checkin"]["day"]
        == timezone.localtime(
            timezone.now(), timezone=__import__("zoneinfo").ZoneInfo("Pacific/Auckland")
        )
        .date()
        .isoformat()
    )


def test_every_operation_documents_its_errors_with_the_field_shape(client):
    document = client.get("/api/v1/openapi.json").json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert {"400", "401", "404", "413", "422", "429"} <= codes, (method, path)
    error = document["components"]["schemas"]["ErrorOut"]
    assert set(error["properties"]) == {"detail", "errors"}


def test_no_two_schemas_share_a_name_so_none_hides_another_in_the_document() -> None:
    # ninja names components by class name: a second class of the same name would
    # silently replace the first in the OpenAPI document.
    from ninja import Schema

    import mendwell.api.main  # noqa: F401  (imports every router)

    def subclasses(cls: type) -> list[type]:
        found = []
        for sub in cls.__subclasses__():
            found.extend([sub, *subclasses(sub)])
        return found

    ours = [cls for cls in subclasses(Schema) if cls.__module__.startswith("mendwell.api")]
    # pydantic may rebuild a class in place (same module, same name): that is no clash.
    places = {(cls.__module__, cls.__name__) for cls in ours}
    names = [name for _module, name in places]
    clashes = sorted({name for name in names if names.count(name) > 1})
    assert not clashes, [
        f"{cls.__module__}.{cls.__name__}" for cls in ours if cls.__name__ in clashes
    ]


# Creating POSTs that deliberately take no Idempotency-Key, and why. Most mint a
# secret shown once (kept only as a hash), which a stored replay would keep
# readable for a day; a retry of any of them is harmless in itself.
NOT_REPLAYED = {
    "/api/v1/export/import": "a file upload; the same file imported again adds nothing",
    "/api/v1/security/tokens": "a new app token; an extra one is listed and revocable",
    "/api/v1/couple/invite": "a new invite code replaces the pending one",
    "/api/v1/dates/calendar-feed": "a new feed address replaces the old one",
    "/api/v1/safety/check": "the same answers within 30 seconds count as one check",
}


def _operations() -> list[tuple[str, str, dict]]:
    from mendwell.api.main import api

    document = api.get_openapi_schema()
    return [
        (method, path, operation)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
    ]


def _headers_of(operation: dict) -> set[str]:
    return {p["name"] for p in operation.get("parameters", []) if p.get("in") == "header"}


def test_every_creating_post_takes_an_idempotency_key_or_says_why_not() -> None:
    missing = sorted(
        path
        for method, path, operation in _operations()
        if method == "post"
        and "201" in {str(code) for code in operation["responses"]}
        and "Idempotency-Key" not in _headers_of(operation)
        and path not in NOT_REPLAYED
    )
    assert missing == []


def _free_text_fields(operation: dict, components: dict) -> list[str]:
    body = operation.get("requestBody")
    if not body:
        return []
    schema = next(iter(body["content"].values()))["schema"]
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    found = []
    for name, prop in schema.get("properties", {}).items():
        options = prop.get("anyOf", [prop])
        if any(
            o.get("type") == "string" and not {"enum", "format", "const", "pattern"} & set(o)
            for o in options
        ):
            found.append(name)
    return found


# Writes of free text that need no version: settings written whole (times and a
# country code carry no one's words), or a mark that is replaced, never merged.
TEXT_WITHOUT_VERSION = {
    "/api/v1/reminders": "reminder times, not words",
    "/api/v1/reminders/channels": "quiet-hour times, not words",
    "/api/v1/safety/country": "a country code",
    "/api/v1/promises/{promise_id}/occurrences/{seq}": "a mark and its thank-you, replaced whole",
}


def test_every_edit_of_someones_words_needs_if_match() -> None:
    from mendwell.api.main import api

    components = api.get_openapi_schema()["components"]["schemas"]
    unguarded = sorted(
        f"{method.upper()} {path}"
        for method, path, operation in _operations()
        if method in {"put", "patch"}
        and _free_text_fields(operation, components)
        and "If-Match" not in _headers_of(operation)
        and path not in TEXT_WITHOUT_VERSION
    )
    assert unguarded == []


@pytest.mark.parametrize("value", [0, 20261120, True])
def test_a_date_sent_as_a_number_is_refused_not_read_as_1970(api_for, alex, value):
    response = api_for(alex).post("/story/victories", {"text": "a good day", "happened_on": value})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "happened_on"


def test_an_unknown_choice_is_refused_naming_the_field(api_for, alex):
    from mendwell.loved.models import LovedItem

    api = api_for(alex)
    item = api.post("/loved/items", {"text": "tea in bed"}).json()["item"]
    before = LovedItem.objects.get(pk=item["id"]).position
    response = api.post(f"/loved/items/{item['id']}/move", {"direction": "sideways"})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "direction", "message": "Choose one of the listed values."}
    ]
    assert LovedItem.objects.get(pk=item["id"]).position == before
