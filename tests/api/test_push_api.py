"""Web push over the API: the public key, and subscribing a device only at a
browser push service with well-formed keys."""

from __future__ import annotations

import pytest

from mendwell.push.models import PushSubscription
from mendwell.push.tests.helpers import browser_keys, subscription_json

pytestmark = pytest.mark.django_db


def test_the_public_key_is_the_servers(api_for, alex, settings):
    assert api_for(alex).get("/push/key").json() == {
        "available": True,
        "public_key": settings.VAPID_PUBLIC_KEY,
    }


def test_a_device_subscribes_once_and_again_updates_its_keys(api_for, alex):
    api = api_for(alex)
    body = subscription_json()
    first = api.post("/push/subscribe", body)
    assert first.status_code == 201 and first.json()["subscribed"] is True
    newer = browser_keys()
    again = api.post(
        "/push/subscribe", {**body, "keys": {"p256dh": newer.p256dh, "auth": newer.auth}}
    )
    assert again.status_code == 200
    saved = PushSubscription.objects.get()
    assert (saved.user, saved.p256dh) == (alex, newer.p256dh)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"endpoint": "http://fcm.googleapis.com/x"}, "endpoint", "must be an https address"),
        ({"endpoint": "https://127.0.0.1/x"}, "endpoint", "not an address"),
        ({"endpoint": "https://evil.example/x"}, "endpoint", "push service we know"),
        ({"keys": {"p256dh": "abc", "auth": "abc"}}, "keys.p256dh", "not a valid browser key"),
        ({"owner": 1}, "owner", "not accepted"),
    ],
)
def test_a_bad_subscription_names_the_field_and_saves_nothing(
    api_for, alex, change, field, message
):
    response = api_for(alex).post("/push/subscribe", {**subscription_json(), **change})
    assert response.status_code == 422
    errors = {error["field"]: error["message"] for error in response.json()["errors"]}
    assert message in errors[field]
    assert not PushSubscription.objects.exists()


def test_without_vapid_keys_push_is_unavailable_not_an_error(api_for, alex, settings):
    settings.VAPID_PRIVATE_KEY = ""
    api = api_for(alex)
    assert api.get("/push/key").json() == {"available": False, "public_key": None}
    response = api.post("/push/subscribe", subscription_json())
    assert response.status_code == 409
    assert "not set up on this server" in response.json()["detail"]
    assert not PushSubscription.objects.exists()


def test_unsubscribing_forgets_my_device_and_leaves_anyone_elses(api_for, alex, robin):
    mine, theirs = subscription_json(), subscription_json()
    api_for(alex).post("/push/subscribe", mine)
    api_for(robin).post("/push/subscribe", theirs)
    api = api_for(alex)
    gone = api.post("/push/unsubscribe", {"endpoint": mine["endpoint"]})
    kept = api.post("/push/unsubscribe", {"endpoint": theirs["endpoint"]})
    assert gone.status_code == kept.status_code == 200
    assert gone.json() == kept.json()
    assert list(PushSubscription.objects.values_list("user", flat=True)) == [robin.pk]
