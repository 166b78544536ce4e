"""The installable app in Chromium: the service worker, the offline page, the device button."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser


def test_without_a_connection_a_page_shows_the_offline_page(browsers: Browsers, alex: Any) -> None:
    page = browsers.page(alex)
    page.goto(f"{browsers.base_url}/notifications/")
    scope = page.evaluate(
        "() => navigator.serviceWorker.ready.then(function (registration) {"
        "  return registration.scope; })"
    )
    assert scope == f"{browsers.base_url}/"
    # What the worker stored: the offline page and static files, nothing else.
    stored = page.evaluate(
        """async () => {
          const urls = [];
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
          }
          return urls;
        }"""
    )
    assert "/offline/" in stored
    assert all(url == "/offline/" or url.startswith("/static/") for url in stored)

    page.context.set_offline(True)
    page.goto(f"{browsers.base_url}/journal/")
    expect(page.get_by_role("heading", name="No connection")).to_be_visible()
    expect(page).to_have_title("Offline · Mendwell")
    expect(page.locator("[data-quick-exit]")).to_be_visible()
    # Stored signed out: nothing from Alex's account is on it.
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
    page.context.set_offline(False)


def test_the_reminders_page_offers_reminders_on_this_device(browsers: Browsers, alex: Any) -> None:
    page = browsers.page(alex)
    page.goto(f"{browsers.base_url}/reminders/")
    device = page.get_by_role("region", name="Reminders on this device")
    expect(device.get_by_role("button", name="Send reminders to this device")).to_be_visible()
    expect(device.get_by_role("button", name="Stop on this device")).to_be_hidden()
    expect(device.get_by_role("status")).to_have_text("Reminders don’t come to this device.")
    browsers.assert_page_ok(page)


def test_without_javascript_the_component_says_this_browser_cannot(
    browsers: Browsers, alex: Any
) -> None:
    page = browsers.page(alex, java_script_enabled=False)
    page.goto(f"{browsers.base_url}/reminders/")
    device = page.get_by_role("region", name="Reminders on this device")
    expect(device.get_by_role("status")).to_contain_text("This browser can't receive them.")
    expect(device.get_by_role("button", name="Send reminders to this device")).to_be_hidden()
