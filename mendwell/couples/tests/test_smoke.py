from __future__ import annotations

from mendwell.couples.selectors import partner_of


def test_linked_people_see_each_other_as_partners(alex, sam):
    assert partner_of(alex) == sam
    assert partner_of(sam) == alex


def test_today_page_greets_the_person_by_name(client_for, alex):
    response = client_for(alex).get("/")
    assert response.status_code == 200
    assert "Hello, Alex" in response.content.decode()
