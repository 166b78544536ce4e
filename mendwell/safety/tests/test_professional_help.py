"""Where to find a counsellor: the directory entries, their checks, and the page."""

from __future__ import annotations

import json
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from mendwell.safety import resources
from mendwell.safety.checks import check_resources

URL = "/safety/professional-help/"
COUNTRIES = ["US", "GB", "CA", "AU", "IE", "NZ"]
NOT_ADVISED = "Couples therapy is usually not advised when one partner is afraid of the other"


@pytest.fixture(autouse=True)
def fresh_directory(settings, tmp_path):
    settings.SAFETY_RESOURCES_FILE = str(tmp_path / "resources.json")
    resources.directory.cache_clear()
    yield
    resources.directory.cache_clear()


def built_in() -> dict:
    return json.loads(resources.BUILT_IN_FILE.read_text())


def directory_entries() -> list[tuple[str, dict]]:
    return [
        (code, line)
        for code, country in built_in()["countries"].items()
        for line in country["lines"]
        if line["kind"] == "directory"
    ]


def a_directory_entry(**changes: object) -> dict:
    entry = {
        "id": "de-counselling",
        "kind": "directory",
        "name": "Local counselling body",
        "url": "https://counselling.example.org/find",
        "for": "Search its members near you.",
        "source": "https://counselling.example.org/about",
        "last_verified": "2026-11-20",
    }
    entry.update(changes)
    return entry


def write_operator_file(tmp_path, *lines: dict, code: str = "DE") -> None:
    data = {
        "version": "local-2",
        "countries": {
            code: {
                "name": "Germany",
                "emergency": {"number": "112", "last_verified": "2026-11-20"},
                "lines": list(lines),
            }
        },
    }
    (tmp_path / "resources.json").write_text(json.dumps(data))


# --- The data --------------------------------------------------------------------------


@pytest.mark.parametrize("code", COUNTRIES)
def test_each_country_lists_somewhere_to_find_a_counsellor(code):
    entries = resources.directory().for_country(code).lines_of("directory")
    assert 1 <= len(entries) <= 3


def test_every_directory_entry_has_a_secure_link_a_source_words_and_a_past_check_date():
    entries = directory_entries()
    assert len(entries) >= 6
    today = timezone.localdate()
    for code, entry in entries:
        assert entry["url"].startswith("https://"), entry["id"]
        assert entry["source"].startswith("https://"), entry["id"]
        assert entry["for"].strip(), entry["id"]
        assert entry["id"].startswith(code.lower() + "-"), entry["id"]
        assert date.fromisoformat(entry["last_verified"]) <= today, entry["id"]


def test_directory_entries_become_stale_like_any_other_line():
    later = date(2026, 11, 26) + timedelta(days=181)
    stale = resources.stale_entries(resources.directory(), today=later)
    assert "GB BACP Find a Therapist" in stale
    assert "NZ New Zealand Association of Counsellors (NZAC)" in stale


def test_directories_are_not_shown_as_lines_to_call_on_get_help_now(client):
    page = client.get("/help-now/?country=GB").content.decode()
    assert "BACP Find a Therapist" not in page
    assert "Finding a counsellor or couples therapist" in page  # one line pointing to them


# --- Checks and the operator's file ------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"url": "http://counselling.example.org"}, "'url' must be an https:// address"),
        ({"url": None, "phone": "0800 1"}, "'url' must be a non-empty string"),
        ({"source": None}, "'source' must be a non-empty string"),
        ({"for": ""}, "'for' must be a non-empty string"),
        ({"last_verified": None}, "'last_verified' is required"),
        ({"last_verified": "last week"}, "is not a YYYY-MM-DD date"),
    ],
)
def test_a_malformed_directory_entry_is_an_error_naming_it(tmp_path, change, complaint):
    write_operator_file(tmp_path, a_directory_entry(**change))
    errors = [problem for problem in check_resources() if problem.id == "mendwell.safety.E002"]
    assert errors
    assert "country DE line 1 (de-counselling)" in errors[0].msg
    assert complaint in errors[0].msg
    # People keep the built-in list; the broken country is not half-loaded.
    assert resources.directory().for_country("DE").code == "INTL"


def test_the_operator_can_add_a_directory_for_their_country(tmp_path, client):
    write_operator_file(tmp_path, a_directory_entry())
    assert check_resources() == []
    page = client.get(URL + "?country=DE").content.decode()
    assert "Local counselling body" in page
    assert 'href="https://counselling.example.org/find"' in page


def test_the_operator_can_replace_our_directories_for_a_country(tmp_path, client):
    data = built_in()
    gb = data["countries"]["GB"]
    gb["lines"] = [line for line in gb["lines"] if line["kind"] != "directory"]
    gb["lines"].append(a_directory_entry(id="gb-local", name="Our local service"))
    (tmp_path / "resources.json").write_text(json.dumps({"countries": {"GB": gb}}))
    page = client.get(URL + "?country=GB").content.decode()
    assert "Our local service" in page
    assert "BACP Find a Therapist" not in page
    assert "Samaritans" in page  # the country's other lines come with it


def test_an_old_operator_directory_entry_is_a_warning(tmp_path):
    write_operator_file(tmp_path, a_directory_entry(last_verified="2020-01-01"))
    warnings = [problem for problem in check_resources() if problem.id == "mendwell.safety.W001"]
    assert warnings and "DE Local counselling body" in warnings[0].msg


def test_the_status_page_lists_directories_with_their_check_date(client_for, staff):
    page = client_for(staff).get("/safety/resources/status/").content.decode()
    assert "BACP Find a Therapist" in page
    assert "directory" in page


# --- The page ---------------------------------------------------------------------------


class _Links(HTMLParser):
    """Every address the page asks the browser to load, and every link it offers."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.anchors: list[dict[str, str | None]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a":
            self.anchors.append(values)
        elif tag == "title":
            self._in_title = True
        for name in ("src", "srcset", "data", "poster"):
            if values.get(name):
                self.loads.append(str(values[name]))
        if tag == "link" and values.get("href"):
            self.loads.append(str(values["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def parsed(html: str) -> _Links:
    links = _Links()
    links.feed(html)
    return links


@pytest.mark.parametrize(
    ("code", "directories", "abuse_line"),
    [
        ("US", ["American Association for Marriage and Family Therapy (AAMFT)"], "tel:18007997233"),
        ("GB", ["BACP Find a Therapist", "Relate", "(COSRT)"], "tel:08082000247"),
        ("AU", ["Relationships Australia", "PACFA Find a Therapist"], "tel:1800737732"),
        ("NZ", ["New Zealand Association of Counsellors (NZAC)"], "tel:0800733843"),
    ],
)
def test_a_person_signed_out_sees_their_countrys_directories_and_abuse_lines(
    client, code, directories, abuse_line
):
    response = client.get(f"{URL}?country={code}")
    assert response.status_code == 200
    page = response.content.decode()
    for name in directories:
        assert name in page
    assert NOT_ADVISED in page
    assert f'href="{abuse_line}"' in page
    assert f'href="/help-now/?country={code}"' in page


def test_the_page_guesses_the_country_from_the_browser_language(client):
    page = client.get(URL, headers={"accept-language": "en-IE,en;q=0.8"}).content.decode()
    assert "IACP Find a Therapist" in page


def test_a_signed_in_person_sees_their_chosen_country(client_for, robin):
    robin.country = "CA"
    robin.save(update_fields=["country"])
    page = client_for(robin).get(URL).content.decode()
    assert "Canadian Counselling and Psychotherapy Association (CCPA)" in page


def test_a_country_without_directories_gets_neutral_advice_and_the_warning(client):
    page = client.get(URL + "?country=ZZ").content.decode()
    assert "Look for the professional body for counsellors or psychotherapists" in page
    assert NOT_ADVISED in page


def test_the_page_says_how_to_choose_someone(client):
    page = client.get(URL + "?country=GB").content.decode()
    assert "registered or accredited with a professional body" in page
    assert "training and experience in couple work" in page
    assert "Ask how they think about safety" in page
    assert "It is fine to try someone else" in page


def test_the_page_loads_nothing_from_other_hosts_and_external_links_are_plain(client):
    links = parsed(client.get(URL + "?country=GB").content.decode())
    assert links.loads
    assert all(address.startswith("/") and not address.startswith("//") for address in links.loads)
    external = [a for a in links.anchors if str(a.get("href", "")).startswith("http")]
    assert any(
        a["href"] == "https://www.bacp.co.uk/about-therapy/how-to-find-a-therapist/"
        for a in external
    )
    for anchor in external:
        assert set(str(anchor.get("rel", "")).split()) >= {"noopener", "noreferrer"}
        assert "target" not in anchor


def test_the_tab_title_is_neutral(client):
    links = parsed(client.get(URL + "?country=GB").content.decode())
    assert links.title.strip().startswith("Support ·")


def test_the_step_9_page_links_here(client_for, alex):
    page = client_for(alex).get("/steps/9/").content.decode()
    assert 'href="/safety/professional-help/"' in page
    assert "Finding professional support" in page
