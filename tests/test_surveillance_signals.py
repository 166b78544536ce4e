"""No product signal that could be used to watch a partner (TS44), and no
forged Host that could point a mail at another site.

TS44 is a schema review made automatic: no field of anything a partner can be
shown (every shared content model, and every object the API describes) says
when someone was last here, whether they are online, what they read or typed,
a streak, an IP address or a location.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from mendwell.couples.access import content_models

WATCHING = {
    "last_login",
    "last_seen",
    "last_seen_at",
    "last_active",
    "online",
    "is_online",
    "read_at",
    "seen_at",
    "seen_by",
    "typing",
    "is_typing",
    "streak",
    "ip",
    "ip_address",
    "location",
    "latitude",
    "longitude",
}


def test_ts44_no_shared_content_model_has_a_field_that_watches_someone() -> None:
    found = {
        f"{model._meta.label}.{field.name}"
        for model in content_models()
        for field in model._meta.get_fields()
        if field.name in WATCHING
    }
    assert found == set()
    assert len(content_models()) > 10  # the walk really saw the content kinds


def property_names(node: Any) -> set[str]:
    names: set[str] = set()
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict):
            names.update(properties)
        for value in node.values():
            names |= property_names(value)
    elif isinstance(node, list):
        for value in node:
            names |= property_names(value)
    return names


@pytest.mark.django_db
def test_ts44_the_api_schema_describes_no_field_that_watches_someone(alex: Any) -> None:
    client = Client()
    client.force_login(alex)
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.1")
    assert property_names(schema) & WATCHING == set()


@pytest.mark.django_db
def test_a_forged_host_is_refused_and_no_mail_points_elsewhere(alex: Any) -> None:
    """A reset link is built from the request's host: a forged one must never get that far."""
    forged = Client(HTTP_HOST="mendwell.evil.example")
    page = forged.get("/accounts/login/")
    assert page.status_code == 400
    reset = forged.post("/accounts/password/reset/", {"email": alex.email})
    assert reset.status_code == 400
    assert mail.outbox == []
