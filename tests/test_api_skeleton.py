from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_openapi_document_is_version_3_1(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.1")


def test_the_api_answers_401_not_a_login_redirect(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")


def test_me_describes_the_signed_in_person_and_the_link(client_for, alex, sam):
    body = client_for(alex).get("/api/v1/me").json()
    assert body["display_name"] == "Alex"
    assert body["linked"] is True
    assert body["partner_display_name"] == "Sam"
    assert body["id"] == str(alex.public_id)


def test_me_shows_no_activity_about_anyone(client_for, alex, sam):
    body = client_for(sam).get("/api/v1/me").json()
    for word in ("last_login", "last_seen", "online", "email"):
        assert word not in body


def test_the_api_docs_are_served_from_this_instance(client_for, alex):
    page = client_for(alex).get("/api/v1/docs").content.decode()
    assert "cdn." not in page
    assert "/static/ninja/" in page


def test_the_openapi_document_has_no_duplicate_keys(client):
    # A key twice (e.g. 200 and "200") is valid Python but breaks YAML-minded
    # readers: the interactive docs refuse the whole document.
    import json

    duplicates = []

    def no_twice(pairs):
        keys = [key for key, _value in pairs]
        duplicates.extend(key for key in set(keys) if keys.count(key) > 1)
        return dict(pairs)

    json.loads(client.get("/api/v1/openapi.json").content, object_pairs_hook=no_twice)
    assert duplicates == []
