"""The access gate for counsellors: only what a client granted, of their own, while shared."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import link
from mendwell.checkins.models import CheckIn
from mendwell.couples.access import SharedContent, Visibility, content_models
from mendwell.couples.grants import CounsellorLink, CounsellorProfile, Grant
from mendwell.couples.selectors import couple_for_user
from mendwell.couples.services import CoupleError, couple_leave, invite_accept, invite_create
from mendwell.loved.models import LovedItem

pytestmark = pytest.mark.django_db


def _counsellor(make_user: Any, *clients: Any) -> tuple[Any, list[CounsellorLink]]:
    dana = make_user("dana@example.com", "Dana")
    CounsellorProfile.objects.create(user=dana)
    return dana, [CounsellorLink.objects.create(client=c, counsellor=dana) for c in clients]


def _checkin(author: Any, day: int, *, shared: bool = True) -> CheckIn:
    return CheckIn.objects.create(
        author=author,
        couple=couple_for_user(author),
        visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
        day=date(2026, 3, day),
        mood=3,
        closeness=3,
        note=f"day {day}",
    )


def _grant(counsellor_link: CounsellorLink, item: Any = None, *, days: int = 30, **extra: Any):
    return Grant.objects.create(
        link=counsellor_link,
        category=item.grant_category if item is not None else "checkins.checkin",
        item_id=item.pk if item is not None else None,
        expires_at=timezone.now() + timedelta(days=days),
        **extra,
    )


def _seen(counsellor: Any) -> set[Any]:
    return set(CheckIn.objects.visible_to(counsellor).values_list("pk", flat=True))


def test_nothing_is_visible_before_a_grant(alex, sam, make_user):
    dana, _links = _counsellor(make_user, alex)
    _checkin(alex, 1)
    _checkin(alex, 2, shared=False)
    assert _seen(dana) == set()


def test_an_item_grant_shows_that_item_only(alex, sam, make_user):
    dana, (to_alex,) = _counsellor(make_user, alex)
    granted, other = _checkin(alex, 1), _checkin(alex, 2)
    _grant(to_alex, granted)
    assert _seen(dana) == {granted.pk}
    assert other.pk not in _seen(dana)


def test_a_category_grant_shows_every_shared_item_of_the_client_but_never_a_private_one(
    alex, sam, make_user
):
    dana, (to_alex,) = _counsellor(make_user, alex)
    first, second = _checkin(alex, 1), _checkin(alex, 2)
    private = _checkin(alex, 3, shared=False)
    _grant(to_alex)
    assert _seen(dana) == {first.pk, second.pk}
    # Even an item grant naming the private one does not open it.
    _grant(to_alex, private)
    assert private.pk not in _seen(dana)


def test_the_partners_items_need_the_partners_own_grant(alex, sam, make_user):
    dana, (to_alex,) = _counsellor(make_user, alex)
    sams = _checkin(sam, 1)
    _grant(to_alex)
    _grant(to_alex, sams)  # a grant from Alex naming Sam's item covers nothing
    assert _seen(dana) == set()
    (to_sam,) = [CounsellorLink.objects.create(client=sam, counsellor=dana)]
    _grant(to_sam, sams)
    assert _seen(dana) == {sams.pk}


def test_the_grant_covers_only_its_own_kind(alex, sam, make_user):
    dana, (to_alex,) = _counsellor(make_user, alex)
    item = LovedItem.objects.create(
        author=alex, couple=couple_for_user(alex), visibility=Visibility.SHARED, text="tea"
    )
    _grant(to_alex)  # check-ins, not the loved list
    assert not LovedItem.objects.visible_to(dana).exists()
    _grant(to_alex, item)
    assert list(LovedItem.objects.visible_to(dana)) == [item]


@pytest.mark.parametrize("ending", ["expired", "revoked", "link_ended", "couple_ended"])
def test_access_stops_on_the_next_query(alex, sam, make_user, ending):
    dana, (to_alex,) = _counsellor(make_user, alex)
    item = _checkin(alex, 1)
    grant = _grant(to_alex, item)
    assert _seen(dana) == {item.pk}
    if ending == "expired":
        Grant.objects.filter(pk=grant.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    elif ending == "revoked":
        Grant.objects.filter(pk=grant.pk).update(revoked_at=timezone.now())
    elif ending == "link_ended":
        CounsellorLink.objects.filter(pk=to_alex.pk).update(ended_at=timezone.now())
    else:
        couple_leave(user=sam)  # the share itself ends, so the counsellor's view of it does
    assert _seen(dana) == set()
    # The client still has their own item.
    assert CheckIn.objects.visible_to(alex).filter(pk=item.pk).exists()


def test_a_new_couple_does_not_bring_an_old_share_back_to_the_counsellor(alex, sam, make_user):
    dana, (to_alex,) = _counsellor(make_user, alex)
    item = _checkin(alex, 1)
    _grant(to_alex)
    couple_leave(user=alex)
    link(alex, make_user("casey@example.com", "Casey"))
    assert _seen(dana) == set()
    assert CheckIn.objects.visible_to(alex).filter(pk=item.pk).exists()


def test_a_grant_gives_the_counsellor_no_partner_powers(alex, sam, make_user):
    dana, (to_alex,) = _counsellor(make_user, alex)
    _checkin(alex, 1)
    _grant(to_alex)
    assert _seen(dana)
    assert not CheckIn.objects.shared_with(dana).exists()


def test_safety_data_can_never_be_granted():
    grantable = [model for model in content_models() if model.grant_category]
    assert grantable, "some kinds must be grantable"
    for model in content_models():
        assert issubclass(model, SharedContent)
        if model._meta.app_label == "safety":
            assert not model.grant_category, model
    for model in grantable:
        assert model.grant_category == model._meta.label_lower
        assert model._meta.app_label != "safety"


def test_a_counsellor_account_cannot_join_or_start_a_couple(alex, make_user):
    dana, _links = _counsellor(make_user, alex)
    code = invite_create(user=alex).code
    with pytest.raises(CoupleError) as refused:
        invite_accept(user=dana, code=code)
    assert refused.value.code == "counsellor"
    with pytest.raises(CoupleError):
        invite_create(user=dana)
    assert couple_for_user(dana) is None
