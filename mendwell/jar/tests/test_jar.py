"""The connection jar: fill it, draw the other's acts weekly, do them, notice them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mendwell.jar import selectors, services
from mendwell.jar.models import ACTS_PER_PERSON, JarAct, JarDraw

SUNDAY = date(2026, 11, 29)


def fill(user, *texts):
    return [services.act_add(user=user, text=text) for text in texts]


def first(acts):
    return acts[0]


def test_a_draw_is_always_one_of_the_partners_acts(checked):
    alex, sam = checked
    fill(alex, "ALEX wants tea")
    fill(sam, "SAM wants a walk", "SAM wants a note")
    drawn = services.draw(user=alex, day=SUNDAY)
    assert drawn.act.author == sam and drawn.week_of == date(2026, 11, 23)


def test_never_the_same_act_twice_in_a_row(checked):
    alex, sam = checked
    walk, note = fill(sam, "walk", "note")
    services.draw(user=alex, day=SUNDAY, choose=first)
    second = services.draw(user=alex, day=SUNDAY + timedelta(days=7), choose=first)
    assert second.act == note  # walk was last week's, so it cannot come again


def test_drawing_twice_in_one_week_is_refused(checked):
    alex, sam = checked
    fill(sam, "walk", "note")
    services.draw(user=alex, day=SUNDAY)
    with pytest.raises(services.Refused, match="already"):
        services.draw(user=alex, day=SUNDAY)
    assert JarDraw.objects.count() == 1


def test_an_empty_jar_explains_what_to_do(checked, client_for):
    alex, _sam = checked
    with pytest.raises(services.Refused, match="needs a few acts"):
        services.draw(user=alex, day=SUNDAY)


def test_the_draw_waits_for_the_couples_day(checked, client_for):
    alex, sam = checked
    fill(sam, "walk")
    client_for(sam).post("/jar/day/", {"weekday": "4"})  # Friday, set by either partner
    with pytest.raises(services.Refused, match="opens on your chosen day"):
        services.draw(user=alex, day=SUNDAY - timedelta(days=3))  # Thursday
    assert services.draw(user=alex, day=SUNDAY - timedelta(days=2))  # Friday


def test_done_then_noticed_by_the_receiver_only(checked, client_for, robin):
    alex, sam = checked
    fill(sam, "SAM-ACT-walk")
    drawn = services.draw(user=alex, day=SUNDAY)
    sam_client = client_for(sam)
    # Before it is done, Sam does not know which act Alex drew.
    assert "SAM-ACT-walk" not in sam_client.get("/jar/").content.decode().split("Your jar")[0]
    assert sam_client.post(f"/jar/draws/{drawn.pk}/noticed/").status_code == 404
    assert client_for(sam).post(f"/jar/draws/{drawn.pk}/done/").status_code == 404
    assert client_for(alex).post(f"/jar/draws/{drawn.pk}/done/").status_code == 302
    assert "Done for you" in sam_client.get("/jar/").content.decode()
    assert client_for(alex).post(f"/jar/draws/{drawn.pk}/noticed/").status_code == 404
    assert client_for(robin).post(f"/jar/draws/{drawn.pk}/noticed/").status_code == 404
    assert sam_client.post(f"/jar/draws/{drawn.pk}/noticed/").status_code == 302
    drawn.refresh_from_db()
    assert drawn.done_at and drawn.noticed_at


def test_a_solo_person_keeps_a_personal_list(robin, client_for):
    client = client_for(robin)
    client.post("/jar/", {"text": "A quiet morning"})
    act = JarAct.objects.get(author=robin)
    assert act.visibility == "private"
    page = client.get("/jar/").content.decode()
    assert "A quiet morning" in page and "This week&#x27;s draw" not in page
    assert "This week's draw" not in page


def test_suggestions_add_in_one_tap_and_then_leave_the_list(robin, client_for):
    client = client_for(robin)
    idea = "Make me a cup of tea or coffee without my asking."
    client.post("/jar/", {"text": idea})
    page = client.get("/jar/").content.decode()
    assert page.count(idea) == 1  # in the jar, no longer among the ideas


def test_bad_input_names_the_field_and_adds_nothing(robin, client_for):
    client = client_for(robin)
    empty = client.post("/jar/", {"text": ""}).content.decode()
    assert "Please write the act before adding it." in empty
    long = client.post("/jar/", {"text": "x" * 100_000}).content.decode()
    assert "Please keep it under 200 characters (this has 100000)." in long
    bad_day = client.post("/jar/day/", {"weekday": "9"}, follow=True).content.decode()
    assert "choose a day of the week" in bad_day
    assert not JarAct.objects.exists()


def test_a_full_jar_says_so(robin, client_for):
    for n in range(ACTS_PER_PERSON):
        JarAct.objects.create(author=robin, text=f"act {n}")
    body = client_for(robin).post("/jar/", {"text": "one more"}).content.decode()
    assert "holds up to 60 acts" in body and "one more" in body


def test_only_the_author_removes_an_act(checked, client_for, robin):
    alex, sam = checked
    (act,) = fill(sam, "SAM-ACT")
    for other in (alex, robin):
        assert client_for(other).post(f"/jar/acts/{act.pk}/delete/").status_code == 404
    assert client_for(sam).post(f"/jar/acts/{act.pk}/delete/").status_code == 302
    assert not JarAct.objects.exists()


def test_drawing_waits_for_the_private_check(alex, sam):
    fill(sam, "walk")
    with pytest.raises(services.Refused, match="private check"):
        services.draw(user=alex, day=SUNDAY)


def test_week_of_is_the_monday():
    assert selectors.week_of(date(2026, 11, 29)) == date(2026, 11, 23)
    assert selectors.week_of(date(2026, 11, 23)) == date(2026, 11, 23)


def test_a_jar_with_under_five_acts_says_it_works_best_with_five(checked, client_for, robin):
    alex, _sam = checked
    hint = "A jar works best with five or more acts"

    def page(user):
        return client_for(user).get("/jar/").content.decode()

    assert hint not in page(alex)  # empty: the page says how to start instead
    fill(alex, "tea", "a walk", "a note", "a song")
    assert hint in page(alex)
    fill(alex, "a hug")
    assert hint not in page(alex)
    fill(robin, "tea")
    assert hint not in page(robin)  # a personal list is never drawn from
