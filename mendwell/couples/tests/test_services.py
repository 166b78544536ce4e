from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import link
from mendwell.couples.models import Couple, Invite, Membership
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.couples.services import (
    CoupleError,
    couple_create,
    couple_leave,
    hash_code,
    invite_accept,
    invite_create,
    normalise_code,
)


def test_linked_people_see_each_other_as_partners(alex, sam):
    assert partner_of(alex) == sam
    assert partner_of(sam) == alex


def test_a_person_can_start_a_couple_space_alone(alex):
    couple = couple_create(user=alex)
    assert couple_for_user(alex) == couple
    assert partner_of(alex) is None


def test_starting_a_space_twice_keeps_the_first(alex):
    assert couple_create(user=alex) == couple_create(user=alex)
    assert Couple.objects.count() == 1


def test_invite_codes_carry_at_least_128_bits(alex):
    code = invite_create(user=alex).code
    assert len(normalise_code(code)) * 5 >= 128  # base32: five bits a character


def test_invite_codes_are_stored_only_as_a_hash(alex):
    new = invite_create(user=alex)
    stored = Invite.objects.get(pk=new.invite.pk)
    assert stored.code_hash == hash_code(new.code)
    assert normalise_code(new.code) not in stored.code_hash


def test_invites_expire_after_72_hours(alex, make_user):
    """TS29."""
    new = invite_create(user=alex)
    assert new.invite.expires_at - new.invite.created_at == timedelta(hours=72)
    late = make_user("late@example.com")
    later = timezone.now() + timedelta(hours=72, minutes=1)
    with time_machine.travel(later), pytest.raises(CoupleError) as error:
        invite_accept(user=late, code=new.code)
    assert error.value.code == "invalid"
    assert couple_for_user(late) is None


def test_codes_are_accepted_with_any_case_spaces_and_dashes(alex, make_user):
    code = invite_create(user=alex).code
    partner = make_user("p@example.com")
    typed = " " + code.replace("-", " ").lower() + " "
    invite_accept(user=partner, code=typed)
    assert partner_of(partner) == alex


def test_a_code_works_only_once(alex, make_user):
    code = invite_create(user=alex).code
    invite_accept(user=make_user("first@example.com"), code=code)
    second = make_user("second@example.com")
    with pytest.raises(CoupleError) as error:
        invite_accept(user=second, code=code)
    assert error.value.code == "invalid"


def test_a_new_code_stops_the_old_one(alex, make_user):
    old = invite_create(user=alex).code
    invite_create(user=alex)
    with pytest.raises(CoupleError):
        invite_accept(user=make_user("p@example.com"), code=old)


def test_forged_expired_and_used_codes_get_the_same_message(alex, make_user):
    used = invite_create(user=alex).code
    invite_accept(user=make_user("first@example.com"), code=used)
    robin = make_user("robin@example.com")
    expired = invite_create(user=robin).code
    Invite.objects.filter(inviter=robin).update(expires_at=timezone.now() - timedelta(minutes=1))
    taker = make_user("taker@example.com")
    messages = set()
    for code in ["AAAA-BBBB-CCCC-DDDD", used, expired]:
        with pytest.raises(CoupleError) as error:
            invite_accept(user=taker, code=code)
        messages.add(str(error.value.message))
    assert len(messages) == 1


def test_nobody_can_accept_their_own_invite(alex):
    """TS29."""
    code = invite_create(user=alex).code
    with pytest.raises(CoupleError) as error:
        invite_accept(user=alex, code=code)
    assert error.value.code == "own_invite"
    assert partner_of(alex) is None


def test_a_linked_person_cannot_join_a_second_couple(alex, sam, robin):
    code = invite_create(user=robin).code
    with pytest.raises(CoupleError) as error:
        invite_accept(user=sam, code=code)
    assert error.value.code == "already_linked"
    assert partner_of(sam) == alex
    assert Invite.objects.get(inviter=robin).used_at is None


def test_joining_closes_a_space_the_person_started_alone(alex, robin):
    solo = couple_create(user=robin)
    invite_accept(user=robin, code=invite_create(user=alex).code)
    solo.refresh_from_db()
    assert solo.ended_at is not None
    assert partner_of(robin) == alex


def test_a_linked_couple_cannot_make_more_invites(alex, sam):
    with pytest.raises(CoupleError) as error:
        invite_create(user=alex)
    assert error.value.code == "already_linked"


def test_leaving_ends_the_link_for_both_at_once(alex, sam):
    couple_leave(user=sam)
    assert couple_for_user(alex) is None
    assert couple_for_user(sam) is None
    assert Membership.objects.filter(ended_at__isnull=True).count() == 0


def test_leaving_twice_says_there_is_nothing_to_leave(alex, sam):
    couple_leave(user=alex)
    with pytest.raises(CoupleError) as error:
        couple_leave(user=alex)
    assert error.value.code == "not_linked"


def test_linking_again_needs_a_fresh_invite(alex, sam):
    """TS29."""
    couple_leave(user=alex)
    link(sam, alex)
    assert partner_of(alex) == sam
    assert Couple.objects.filter(ended_at__isnull=True).count() == 1
