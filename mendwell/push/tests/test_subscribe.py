"""Subscribing a device: only a browser push service, only well-formed keys, one owner."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from mendwell.push.models import PushSubscription
from mendwell.push.services import subscribe
from mendwell.push.tests.helpers import FCM, subscription_json

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/push/subscribe/"
UNSUBSCRIBE = "/push/unsubscribe/"


def post_json(client: Client, url: str, body: Any) -> Any:
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_routes_are_where_the_browser_script_posts() -> None:
    assert reverse("push:subscribe") == SUBSCRIBE
    assert reverse("push:unsubscribe") == UNSUBSCRIBE


def test_a_browser_subscription_is_saved_for_the_person(alex: Any, client_for: Any) -> None:
    body = subscription_json()
    response = post_json(client_for(alex), SUBSCRIBE, body)
    assert response.status_code == 200
    assert response.json()["ok"] is True
    saved = PushSubscription.objects.get()
    assert saved.user == alex
    assert saved.endpoint == body["endpoint"]
    assert saved.p256dh == body["keys"]["p256dh"]
    assert saved.auth == body["keys"]["auth"]


def test_subscribing_the_same_device_again_updates_its_keys(alex: Any, client_for: Any) -> None:
    first = subscription_json()
    post_json(client_for(alex), SUBSCRIBE, first)
    again = subscription_json(endpoint=first["endpoint"])
    post_json(client_for(alex), SUBSCRIBE, again)
    saved = PushSubscription.objects.get()
    assert saved.p256dh == again["keys"]["p256dh"]
    assert saved.auth == again["keys"]["auth"]


def test_a_device_another_account_held_moves_to_whoever_subscribes_now(
    alex: Any, robin: Any, client_for: Any
) -> None:
    body = subscription_json()
    post_json(client_for(robin), SUBSCRIBE, body)
    post_json(client_for(alex), SUBSCRIBE, body)
    saved = PushSubscription.objects.get()
    assert saved.user == alex


def _valid() -> dict[str, Any]:
    return subscription_json()


def _with(endpoint: Any = None, p256dh: Any = None, auth: Any = None) -> dict[str, Any]:
    body = _valid()
    if endpoint is not None:
        body["endpoint"] = endpoint
    if p256dh is not None:
        body["keys"]["p256dh"] = p256dh
    if auth is not None:
        body["keys"]["auth"] = auth
    return body


BAD_BODIES = {
    "plain http": ("endpoint", _with(endpoint="http://fcm.googleapis.com/fcm/send/abc")),
    "not a push service": ("endpoint", _with(endpoint="https://example.com/push/abc")),
    "lookalike host": ("endpoint", _with(endpoint="https://fcm.googleapis.com.evil.example/x")),
    "ip literal": ("endpoint", _with(endpoint="https://127.0.0.1/push")),
    "ipv6 literal": ("endpoint", _with(endpoint="https://[::1]/push")),
    "private ip": ("endpoint", _with(endpoint="https://10.0.0.5/push")),
    "localhost": ("endpoint", _with(endpoint="https://localhost/push")),
    "internal name": ("endpoint", _with(endpoint="https://metadata.internal/push")),
    "credentials in url": ("endpoint", _with(endpoint="https://a:b@fcm.googleapis.com/fcm/x")),
    "odd port": ("endpoint", _with(endpoint="https://fcm.googleapis.com:8443/fcm/send/x")),
    "too long": ("endpoint", _with(endpoint=FCM + "a" * 500)),
    "missing endpoint": ("endpoint", _with(endpoint="")),
    "endpoint not text": ("endpoint", _with(endpoint=["https://fcm.googleapis.com/x"])),
    "garbage endpoint": ("endpoint", _with(endpoint="https://fcm.googleapis.com:99999999/")),
    "p256dh not base64": ("p256dh", _with(p256dh="not base64 at all!")),
    "p256dh too short": ("p256dh", _with(p256dh="BAAA")),
    "p256dh compressed point": ("p256dh", _with(p256dh="Ag" + "A" * 42)),
    "auth wrong length": ("auth", _with(auth="AAAAAAAA")),
    "auth missing": ("auth", _with(auth="")),
}


@pytest.mark.parametrize(("field", "body"), BAD_BODIES.values(), ids=BAD_BODIES.keys())
def test_a_malformed_subscription_is_refused_naming_the_field_and_nothing_is_saved(
    alex: Any, client_for: Any, field: str, body: dict[str, Any]
) -> None:
    response = post_json(client_for(alex), SUBSCRIBE, body)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == [field]
    assert errors[field][0]  # a sentence the page shows
    assert not PushSubscription.objects.exists()


def test_the_messages_name_the_field(alex: Any, client_for: Any) -> None:
    client = client_for(alex)
    endpoint = post_json(client, SUBSCRIBE, _with(endpoint="http://fcm.googleapis.com/x"))
    assert "push endpoint" in endpoint.json()["errors"]["endpoint"][0]
    key = post_json(client, SUBSCRIBE, _with(p256dh="BAAA"))
    assert "p256dh key" in key.json()["errors"]["p256dh"][0]
    secret = post_json(client, SUBSCRIBE, _with(auth="AA"))
    assert "auth secret" in secret.json()["errors"]["auth"][0]


def test_a_body_that_is_not_json_is_a_calm_400(alex: Any, client_for: Any) -> None:
    response = client_for(alex).post(SUBSCRIBE, data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert "endpoint" in response.json()["errors"]
    assert not PushSubscription.objects.exists()


def test_a_bad_resubscribe_keeps_the_saved_keys(alex: Any, client_for: Any) -> None:
    body = _valid()
    post_json(client_for(alex), SUBSCRIBE, body)
    post_json(client_for(alex), SUBSCRIBE, {**body, "keys": {"p256dh": "BAAA", "auth": "x"}})
    assert PushSubscription.objects.get().p256dh == body["keys"]["p256dh"]


def test_the_browsers_push_services_are_accepted(alex: Any, client_for: Any) -> None:
    client = client_for(alex)
    for endpoint in (
        "https://fcm.googleapis.com/fcm/send/abc",
        "https://updates.push.services.mozilla.com/wpush/v2/abc",
        "https://wns2-par02p.notify.windows.com/w/?token=abc",
        "https://web.push.apple.com/QGx-abc",
    ):
        assert post_json(client, SUBSCRIBE, _with(endpoint=endpoint)).status_code == 200
    assert PushSubscription.objects.filter(user=alex).count() == 4


def test_a_get_is_refused(alex: Any, client_for: Any) -> None:
    client = client_for(alex)
    assert client.get(SUBSCRIBE).status_code == 405
    assert client.get(UNSUBSCRIBE).status_code == 405


def test_signed_out_visitors_cannot_subscribe(client: Client, db: Any) -> None:
    response = post_json(client, SUBSCRIBE, _valid())
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not PushSubscription.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(alex: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alex)
    response = post_json(client, SUBSCRIBE, _valid())
    assert response.status_code == 403
    assert not PushSubscription.objects.exists()


def test_without_vapid_keys_push_is_unavailable_not_an_error(
    alex: Any, client_for: Any, settings: Any
) -> None:
    settings.VAPID_PRIVATE_KEY = ""
    response = post_json(client_for(alex), SUBSCRIBE, _valid())
    assert response.status_code == 400
    assert "not set up" in response.json()["errors"]["__all__"][0]
    assert not PushSubscription.objects.exists()


def test_unsubscribe_forgets_ones_own_device(alex: Any, client_for: Any) -> None:
    body = _valid()
    post_json(client_for(alex), SUBSCRIBE, body)
    response = post_json(client_for(alex), UNSUBSCRIBE, {"endpoint": body["endpoint"]})
    assert response.status_code == 200
    assert not PushSubscription.objects.exists()


def test_unsubscribing_someone_elses_device_changes_nothing(
    alex: Any, robin: Any, client_for: Any
) -> None:
    body = _valid()
    keys = body["keys"]
    subscribe(user=alex, endpoint=body["endpoint"], p256dh=keys["p256dh"], auth=keys["auth"])
    response = post_json(client_for(robin), UNSUBSCRIBE, {"endpoint": body["endpoint"]})
    # The same answer as for one's own: nothing tells Robin whose device it is.
    assert response.status_code == 200
    assert PushSubscription.objects.get().user == alex


def test_unsubscribe_without_an_endpoint_names_the_field(alex: Any, client_for: Any) -> None:
    response = post_json(client_for(alex), UNSUBSCRIBE, {})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["endpoint"]


def test_a_person_keeps_at_most_ten_devices_the_oldest_going_first(alex: Any) -> None:
    from mendwell.push.tests.helpers import browser_keys

    endpoints = []
    for _ in range(12):
        keys = browser_keys()
        body = subscription_json(keys=keys)
        endpoints.append(body["endpoint"])
        subscribe(user=alex, endpoint=body["endpoint"], p256dh=keys.p256dh, auth=keys.auth)
    kept = set(PushSubscription.objects.filter(user=alex).values_list("endpoint", flat=True))
    assert kept == set(endpoints[2:])
