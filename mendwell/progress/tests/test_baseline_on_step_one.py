"""Step 1's private log shows the baseline first, until it is taken or skipped."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_private_log_offers_the_baseline_first_and_stops_once_skipped(alex, client_for):
    client = client_for(alex)
    page = client.get("/log/").content.decode()
    assert "Take the baseline" in page
    assert page.index("Take the baseline") < page.index("Add an entry")
    response = client.post("/progress/baseline/skip/", {"next": "/log/"})
    assert response.status_code == 302 and response["Location"] == "/log/"
    assert "Take the baseline" not in client.get("/log/").content.decode()
