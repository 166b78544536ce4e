from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from mendwell.safety import resources
from mendwell.safety.checks import check_resources


@pytest.fixture(autouse=True)
def fresh_directory(settings, tmp_path):
    settings.SAFETY_RESOURCES_FILE = str(tmp_path / "resources.json")
    resources.directory.cache_clear()
    yield
    resources.directory.cache_clear()


def built_in() -> dict:
    return json.loads(resources.BUILT_IN_FILE.read_text())


REQUIRED = ["US", "GB", "CA", "AU", "IE", "NZ", "INTL"]


@pytest.mark.parametrize("code", REQUIRED)
def test_each_required_country_has_emergency_advice_and_lines(code):
    country = resources.directory().for_country(code)
    assert country.code == code
    assert country.emergency_number or country.emergency_advice
    assert country.lines


@pytest.mark.parametrize("code", [c for c in REQUIRED if c != "INTL"])
def test_each_country_has_a_crisis_line_with_a_source(code):
    country = resources.directory().for_country(code)
    crisis = country.lines_of("crisis")
    assert crisis
    assert all(line.source and line.source.startswith("https://") for line in country.lines)


def test_a_country_without_entries_falls_back_to_international():
    assert resources.directory().for_country("BR").code == "INTL"
    assert resources.directory().for_country(None).code == "INTL"


def test_the_built_in_list_is_fresh_today():
    assert resources.stale_entries(resources.directory(), today=date(2026, 11, 25)) == []


def test_entries_older_than_180_days_are_reported_as_stale():
    later = date(2026, 11, 25) + timedelta(days=181)
    stale = resources.stale_entries(resources.directory(), today=later)
    assert "GB Samaritans" in stale


def test_manage_check_warns_about_a_stale_entry(settings, tmp_path):
    data = built_in()
    data["countries"] = {"GB": data["countries"]["GB"]}
    data["countries"]["GB"]["lines"][0]["last_verified"] = "2020-01-01"
    (tmp_path / "resources.json").write_text(json.dumps(data))
    warnings = [problem for problem in check_resources() if problem.id == "mendwell.safety.W001"]
    assert warnings and "GB Samaritans" in warnings[0].msg


def test_a_malformed_operator_file_is_an_error_but_people_keep_the_built_in_list(tmp_path):
    (tmp_path / "resources.json").write_text("{ not json")
    problems = check_resources()
    assert [problem.id for problem in problems] == ["mendwell.safety.E002"]
    assert resources.directory().for_country("GB").emergency_number == "999"


def test_an_operator_file_with_a_bad_line_is_refused_whole(tmp_path):
    data = {
        "countries": {"GB": {"name": "UK", "lines": [{"id": "x", "kind": "oops", "name": "X"}]}}
    }
    (tmp_path / "resources.json").write_text(json.dumps(data))
    assert any(problem.id == "mendwell.safety.E002" for problem in check_resources())
    assert resources.directory().for_country("GB").name == "United Kingdom"


def test_the_operator_can_add_a_country(tmp_path):
    data = {
        "version": "local-1",
        "countries": {
            "DE": {
                "name": "Germany",
                "emergency": {"number": "112", "last_verified": "2026-11-20"},
                "lines": [
                    {
                        "id": "de-local",
                        "kind": "crisis",
                        "name": "Local line",
                        "phone": "0800 000 000",
                        "source": "https://example.org",
                        "last_verified": "2026-11-20",
                    }
                ],
            }
        },
    }
    (tmp_path / "resources.json").write_text(json.dumps(data))
    assert resources.directory().for_country("DE").emergency_number == "112"
    assert check_resources() == []


def test_manage_check_passes_with_the_built_in_list():
    call_command("check")


def test_get_help_now_shows_the_chosen_countrys_lines_with_tap_to_call(client):
    page = client.get("/help-now/?country=AU").content.decode()
    assert 'href="tel:000"' in page
    assert 'href="tel:131114"' in page  # Lifeline 13 11 14


def test_get_help_now_for_an_unknown_country_gives_emergency_advice(client):
    page = client.get("/help-now/?country=ZZ").content.decode()
    assert "Call your local emergency number." in page


def test_text_lines_get_a_tap_to_text_link(client):
    page = client.get("/help-now/?country=US").content.decode()
    assert 'href="sms:88788?body=START"' in page


def test_a_signed_in_person_gets_lines_for_their_time_zone_by_default(client_for, robin):
    page = client_for(robin).get("/help-now/").content.decode()  # America/New_York
    assert 'href="tel:911"' in page


def test_a_person_can_choose_their_country(client_for, robin):
    client = client_for(robin)
    client.post("/safety/country/", {"country": "NZ"})
    robin.refresh_from_db()
    assert robin.country == "NZ"
    assert 'href="tel:111"' in client.get("/help-now/").content.decode()


def test_an_unknown_country_choice_is_refused(client_for, robin):
    client_for(robin).post("/safety/country/", {"country": "MARS"})
    robin.refresh_from_db()
    assert robin.country == ""


def test_only_staff_see_the_resources_status_page(client_for, robin, staff):
    assert client_for(robin).get("/safety/resources/status/").status_code == 404
    page = client_for(staff).get("/safety/resources/status/").content.decode()
    assert "Every entry was checked within the last 180 days." in page
