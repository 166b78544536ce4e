"""The step's pages in our words: the evidence note, no trademarked names, neutral titles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mendwell.loved import services
from mendwell.loved.tests.support import add, checked, rate

pytestmark = pytest.mark.django_db

APP = Path(__file__).resolve().parent.parent
PAGES = (
    "/loved/",
    "/loved/about/",
    "/loved/ratings/",
    "/loved/ratings/history/",
    "/loved/list/new/",
    "/loved/partner/",
    "/loved/side-by-side/",
)


def test_the_evidence_page_cites_the_review_and_the_original_book_neutrally(client_for, alex):
    page = client_for(alex).get("/loved/about/").content.decode()
    assert "Impett, Park and Muise (2024)" in page
    assert "Impett, E. A., Park, H. G., &amp; Muise, A. (2024)" in page
    assert "Current Directions in Psychological Science, 33(2), 87–92" in page
    assert "Chapman, 1992" in page and "Chapman, G. (1992)" in page
    assert "responds to it" in page  # responsiveness over types


def test_no_page_and_no_file_in_the_app_uses_the_trademarked_names(client_for, alex, sam):
    checked(alex, sam)
    for person in (alex, sam):
        rate(person)
        add(person, "Tea", this_week=True)
        services.ratings_share_set(user=person, shared=True)
        services.list_share_set(user=person, shared=True)
    forbidden = re.compile(r"love\s+language|5 love|five love", re.I)
    for url in PAGES:
        assert not forbidden.search(client_for(alex).get(url).content.decode()), url
    for path in APP.rglob("*"):
        if path.suffix in {".py", ".html"} and "tests" not in path.parts:
            assert not forbidden.search(path.read_text()), path


def test_titles_stay_neutral_whatever_is_shared(client_for, alex, sam):
    checked(alex, sam)
    add(sam, "Tea in bed")
    services.list_share_set(user=sam, shared=True)
    for url in PAGES:
        title = re.search(r"<title>(.*?)</title>", client_for(alex).get(url).content.decode())
        assert title is not None
        assert "Sam" not in title.group(1) and "Tea" not in title.group(1)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
