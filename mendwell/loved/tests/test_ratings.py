"""Rating the five ways: independent ratings, kept as dated snapshots, for the owner."""

from __future__ import annotations

import uuid

import pytest
from django.db import IntegrityError, models

from mendwell.loved import services
from mendwell.loved.models import RATING_FIELDS, RatingSnapshot
from mendwell.loved.tests.support import checked_value, form_data, rate, ratings

pytestmark = pytest.mark.django_db


def test_the_schema_holds_ten_independent_ratings_and_no_single_type():
    names = {field.name for field in RatingSnapshot._meta.get_fields()}
    assert set(RATING_FIELDS) <= names
    assert len(RATING_FIELDS) == 10
    assert not {name for name in names if "primary" in name or "type" in name or "match" in name}
    for name in RATING_FIELDS:
        assert isinstance(RatingSnapshot._meta.get_field(name), models.PositiveSmallIntegerField)


def test_a_person_rates_every_way_high_if_that_is_true_for_them(client_for, robin):
    # No forced choice: all five can be "a lot" at once, alone, with no partner.
    response = client_for(robin).post(
        "/loved/ratings/", form_data(**dict.fromkeys(RATING_FIELDS, 4))
    )
    assert response.status_code == 302
    page = client_for(robin).get("/loved/").content.decode()
    assert page.count("4 of 4") == 10


def test_each_save_is_a_new_snapshot_and_the_newest_is_current(client_for, alex):
    client = client_for(alex)
    client.post("/loved/ratings/", form_data(receiving_quality_time=1))
    client.post("/loved/ratings/", form_data(receiving_quality_time=4))
    assert RatingSnapshot.objects.filter(author=alex).count() == 2
    page = client.get("/loved/").content.decode()
    assert "Time together</th><td>4 of 4" in page
    history = client.get("/loved/ratings/history/").content.decode()
    assert history.index("Time together</th><td>4 of 4") < history.index(
        "Time together</th><td>1 of 4"
    )


def test_the_form_starts_from_the_current_ratings(client_for, alex):
    rate(alex, giving_gifts=3)
    page = client_for(alex).get("/loved/ratings/").content.decode()
    assert checked_value(page, "giving_gifts") == "3"


def test_a_double_submit_makes_one_snapshot(client_for, alex):
    data = form_data()
    client = client_for(alex)
    client.post("/loved/ratings/", data)
    client.post("/loved/ratings/", data)
    assert RatingSnapshot.objects.filter(author=alex).count() == 1


def test_a_rating_out_of_range_is_refused_by_name_and_the_rest_is_kept(client_for, alex):
    rate(alex, receiving_gifts=1)
    response = client_for(alex).post(
        "/loved/ratings/", form_data(receiving_gifts="7", giving_quality_time="3")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Please choose a number from 0 to 4 for small gifts (Receiving)." in page
    assert checked_value(page, "giving_quality_time") == "3"
    assert RatingSnapshot.objects.filter(author=alex).count() == 1


def test_a_missing_rating_is_named(client_for, alex):
    data = form_data()
    del data["giving_physical_touch"]
    page = client_for(alex).post("/loved/ratings/", data).content.decode()
    assert "Please choose a number from 0 to 4 for affectionate touch (Giving)." in page
    assert not RatingSnapshot.objects.exists()


@pytest.mark.parametrize("value", [-1, 5, 100])
def test_the_service_refuses_out_of_range_values(alex, value):
    with pytest.raises(ValueError):
        services.ratings_save(
            user=alex, snapshot_id=uuid.uuid4(), ratings=ratings(receiving_gifts=value)
        )
    assert not RatingSnapshot.objects.exists()


def test_the_database_refuses_out_of_range_values_too(alex):
    with pytest.raises(IntegrityError):
        RatingSnapshot.objects.create(author=alex, **ratings(giving_gifts=9))


def test_nobody_else_sees_anyones_history(client_for, alex, sam):
    rate(alex, receiving_gifts=4)
    page = client_for(sam).get("/loved/ratings/history/").content.decode()
    assert "4 of 4" not in page
    assert "rated the five ways yet." in page


def test_an_id_that_is_someone_elses_never_touches_their_snapshot(alex, sam):
    theirs = rate(sam, receiving_gifts=4)
    mine = services.ratings_save(user=alex, snapshot_id=theirs.pk, ratings=ratings())
    assert mine.pk != theirs.pk
    theirs.refresh_from_db()
    assert theirs.author == sam and theirs.receiving_gifts == 4
