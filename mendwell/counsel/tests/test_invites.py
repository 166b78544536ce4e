"""The single-use counsellor invitation: used once, for 7 days, by a non-partner account."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from mendwell.counsel import services
from mendwell.counsel.models import CounsellorInvite
from mendwell.couples.grants import CounsellorLink, is_counsellor

pytestmark = pytest.mark.django_db


def test_only_a_hash_of_the_token_is_stored(alex):
    new = services.invite_create(client=alex)
    stored = CounsellorInvite.objects.get()
    assert new.token not in stored.token_hash
    assert stored.token_hash == services.token_hash(new.token)
    assert stored.expires_at - stored.created_at == timedelta(days=7)


def test_accepting_makes_a_counsellor_account_linked_to_the_client(alex, dana):
    token = services.invite_create(client=alex).token
    link = services.invite_accept(user=dana, token=token)
    assert (link.client, link.counsellor) == (alex, dana)
    assert is_counsellor(dana)
    assert not is_counsellor(alex)


def test_a_used_link_does_not_work_for_anyone_else(alex, dana, make_user):
    token = services.invite_create(client=alex).token
    services.invite_accept(user=dana, token=token)
    other = make_user("eve@example.com", "Eve")
    with pytest.raises(services.CounselError) as refused:
        services.invite_accept(user=other, token=token)
    assert refused.value.code == "invalid"
    assert not is_counsellor(other)
    assert CounsellorLink.objects.count() == 1


def test_pressing_accept_twice_makes_one_link(alex, dana):
    token = services.invite_create(client=alex).token
    first = services.invite_accept(user=dana, token=token)
    assert services.invite_accept(user=dana, token=token) == first
    assert CounsellorLink.objects.count() == 1


def test_an_expired_link_changes_nothing(alex, dana):
    token = services.invite_create(client=alex).token
    later = timezone.now() + timedelta(days=7, minutes=1)
    with time_machine.travel(later), pytest.raises(services.CounselError) as refused:
        services.invite_accept(user=dana, token=token)
    assert refused.value.code == "invalid"
    assert not is_counsellor(dana)
    assert CounsellorInvite.objects.get().used_at is None


def test_a_cancelled_link_does_not_work(alex, dana):
    new = services.invite_create(client=alex)
    services.invite_revoke(client=alex, invite=new.invite)
    with pytest.raises(services.CounselError):
        services.invite_accept(user=dana, token=new.token)
    assert not CounsellorLink.objects.exists()


def test_a_partner_account_cannot_become_a_counsellor(alex, sam, make_user):
    robin = make_user("robin@example.com", "Robin")
    token = services.invite_create(client=robin).token
    with pytest.raises(services.CounselError) as refused:
        services.invite_accept(user=sam, token=token)
    assert refused.value.code == "partner"
    assert "separate account" in str(refused.value.message)
    assert not is_counsellor(sam)
    # The link is still unused: the right person can still take it.
    assert CounsellorInvite.objects.get().used_at is None


def test_the_client_cannot_accept_their_own_link(alex):
    token = services.invite_create(client=alex).token
    with pytest.raises(services.CounselError) as refused:
        services.invite_accept(user=alex, token=token)
    assert refused.value.code == "own"


def test_no_more_than_three_unused_links_wait_at_once(alex):
    first = services.invite_create(client=alex)
    services.invite_create(client=alex)
    services.invite_create(client=alex)
    with pytest.raises(services.CounselError) as refused:
        services.invite_create(client=alex)
    assert "Cancel one before making another" in str(refused.value.message)
    assert CounsellorInvite.objects.filter(client=alex).count() == 3
    # Cancelling one makes room again.
    services.invite_revoke(client=alex, invite=first.invite)
    services.invite_create(client=alex)
    assert CounsellorInvite.objects.filter(client=alex, revoked_at__isnull=True).count() == 3
