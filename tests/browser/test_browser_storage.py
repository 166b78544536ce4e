"""TS48: nothing a person types is kept in the browser's storage.

A shared or borrowed device must not hold someone's words: drafts are saved on
the server (and come back after a reload), never in localStorage,
sessionStorage or the service worker's cache.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from mendwell.journal.services import log_entry_create
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser

MARKER = "MARKER-draft-5c1e words I am still finding"


def stored_in_browser(page: Page) -> str:
    """Everything the page's origin keeps: both web storages and cached responses."""
    return page.evaluate(
        """async () => {
          const parts = [JSON.stringify(localStorage), JSON.stringify(sessionStorage)];
          if (window.caches) {
            for (const name of await caches.keys()) {
              const cache = await caches.open(name);
              for (const request of await cache.keys()) {
                const response = await cache.match(request);
                parts.push(request.url, await response.text());
              }
            }
          }
          return parts.join("\\n");
        }"""
    )


def test_a_draft_lives_on_the_server_not_in_the_browser(browsers: Browsers, alex: Any) -> None:
    safety_check_submit(user=alex, answers=dict.fromkeys(ITEM_KEYS, "no"))
    log_entry_create(
        user=alex,
        entry_id=uuid.uuid4(),
        happened_on=None,
        rough_period="last winter",
        what_happened="I missed the school play.",
        impact="",
        differently="",
        tags=[],
    )
    page = browsers.page(alex)
    page.goto(f"{browsers.base_url}/log/acknowledgements/")
    page.get_by_role("link", name="Write an acknowledgement").click()
    page.get_by_label("I missed the school play.").check()
    page.get_by_label("Own it").fill(MARKER)
    page.get_by_label("Name the impact").press_sequentially("typed slowly")
    page.get_by_label("What will change").fill("I will be there.")
    assert MARKER not in stored_in_browser(page)

    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Your draft is saved.")).to_be_visible()
    page.reload()
    expect(page.get_by_text(MARKER)).to_be_visible()
    stored = stored_in_browser(page)
    assert MARKER not in stored
    assert "typed slowly" not in stored
