"""The service worker and the offline page: public, and never carrying anything personal."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def precached(script: str) -> list[str]:
    match = re.search(r"var STATIC_URLS = (\[.*?\]);", script)
    assert match
    return json.loads(match.group(1))


def test_the_service_worker_is_at_the_root_and_public(client: Client) -> None:
    assert reverse("service_worker") == "/sw.js"
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    # Never kept by the HTTP cache: the browser checks for a new worker every visit.
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_the_worker_stores_only_the_offline_page_and_static_files(client: Client) -> None:
    script = client.get("/sw.js").content.decode()
    assert 'var OFFLINE_URL = "/offline/";' in script
    urls = precached(script)
    assert urls
    assert all(url.startswith("/static/") for url in urls)
    assert "/static/mendwell/app.css" in urls
    # Nothing else goes into the cache: one addAll, no put.
    assert script.count("cache.addAll(") == 1
    assert "cache.put" not in script and ".put(" not in script


def test_the_worker_is_the_same_for_everyone(alex: Any, client_for: Any, client: Client) -> None:
    alex.discreet_mode = True
    alex.save(update_fields=["discreet_mode"])
    signed_in = client_for(alex).get("/sw.js").content
    assert signed_in == client.get("/sw.js").content
    assert b"Alex" not in signed_in and b"alex@" not in signed_in


def test_the_offline_page_is_public_and_neutral(client: Client) -> None:
    response = client.get("/offline/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Offline · Mendwell</title>" in page
    assert "No connection" in page
    assert "data-quick-exit" in page


def test_the_offline_page_never_shows_the_account(alex: Any, client_for: Any) -> None:
    page = client_for(alex).get("/offline/").content.decode()
    assert "Alex" not in page
    assert "Sign out" not in page  # drawn as for a signed-out visitor
    assert 'aria-label="Main"' not in page


def test_the_reminders_page_offers_push_on_this_device(alex: Any, client_for: Any) -> None:
    page = client_for(alex).get(reverse("reminders:settings")).content.decode()
    assert "Reminders on this device" in page
    assert "data-vapid-key=" in page
    assert "Send reminders to this device" in page


def test_without_keys_the_component_says_push_is_not_set_up(
    alex: Any, client_for: Any, settings: Any
) -> None:
    settings.VAPID_PUBLIC_KEY = ""
    page = client_for(alex).get(reverse("reminders:settings")).content.decode()
    assert "not set up on this server" in page
    assert "data-vapid-key=" not in page


def test_every_page_loads_the_script_that_registers_the_worker(client: Client) -> None:
    page = client.get("/offline/").content.decode()
    assert 'src="/static/mendwell/push.js"' in page
