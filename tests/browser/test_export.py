"""Your data in Chromium: ask for an export, watch it become ready, download it once."""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD
from mendwell.exports.models import ExportJob
from mendwell.exports.services import export_build
from mendwell.journal.models import LogEntry
from tests.browser.conftest import Browsers, reauthenticate

pytestmark = pytest.mark.browser

MARKER = "the evening with the blue umbrella"


def test_alex_exports_everything_and_downloads_it_once(
    browsers: Browsers, alex: Any, settings: Any, tmp_path: Any
) -> None:
    settings.DATA_DIR = tmp_path
    LogEntry.objects.create(author=alex, what_happened=MARKER)
    page = browsers.page(alex)
    # From the account page's "Your data" section.
    page.goto(f"{browsers.base_url}/profile/")
    expect(page.get_by_role("heading", name="Your data")).to_be_visible()
    browsers.assert_page_ok(page)
    page.get_by_role("link", name="Export everything you wrote").click()
    # Sudo mode: the password first, then the export page itself.
    expect(page.get_by_role("heading", name="Confirm it's you")).to_be_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Take a copy of everything you wrote")).to_be_visible()
    browsers.assert_page_ok(page)

    page.get_by_role("button", name="Make my export").click()
    expect(page.get_by_text(re.compile(r"^Being made\."))).to_be_visible()
    browsers.assert_page_ok(page)

    # The worker's part, done here: the page finds out by itself (htmx polling).
    job = ExportJob.objects.get(owner=alex)
    assert export_build(job_id=job.pk) == "ready"
    link = page.get_by_role("link", name="Download")
    expect(link).to_be_visible(timeout=15_000)
    browsers.assert_page_ok(page)

    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.startswith("mendwell-export-")
    with zipfile.ZipFile(io.BytesIO(download.path().read_bytes())) as archive:
        document = json.loads(archive.read("mendwell-export.json"))
        step_one = archive.read("step-01.md").decode()
    assert any(item["fields"].get("what_happened") == MARKER for item in document["items"])
    assert MARKER in step_one

    # The same link again: the plain not-found page.
    href = link.get_attribute("href")
    response = page.goto(f"{browsers.base_url}{href}")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="We couldn't find that page")).to_be_visible()
    browsers.assert_page_ok(page)


def test_a_file_that_is_not_an_export_is_refused_calmly(
    browsers: Browsers, alex: Any, tmp_path: Any
) -> None:
    page = browsers.page(alex)
    reauthenticate(page, browsers.base_url, PASSWORD)
    page.goto(f"{browsers.base_url}/export/import/")
    expect(page.get_by_role("heading", name="Import your export")).to_be_visible()
    browsers.assert_page_ok(page)
    not_a_zip = tmp_path / "notes.zip"
    not_a_zip.write_text("hello")
    page.get_by_label("Your export (a .zip file)").set_input_files(str(not_a_zip))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("This is not a zip file Mendwell can open.")).to_be_visible()
    browsers.assert_page_ok(page)
