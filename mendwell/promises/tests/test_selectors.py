"""Whose promises the follow-through counts: this couple space's shared ones, nothing else."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from conftest import link
from mendwell.couples.access import Visibility
from mendwell.couples.services import couple_leave
from mendwell.promises.models import Promise, PromiseOccurrence
from mendwell.promises.selectors import follow_through_for
from mendwell.promises.tests.conftest import checked, make_promise


def _fell_due_yesterday(promise: Promise) -> None:
    PromiseOccurrence.objects.filter(promise=promise).update(
        due_at=timezone.now() - timedelta(days=1)
    )


def _due_counts(user) -> dict[str, list[int]]:
    return {
        "me" if row.is_me else "partner": [t.due for t in row.tallies]
        for row in follow_through_for(user)
    }


def test_both_partners_see_the_same_counts_for_each_other(couple):
    alex, sam = couple
    _fell_due_yesterday(make_promise(alex))
    assert _due_counts(alex) == {"me": [1, 1], "partner": [0, 0]}
    assert _due_counts(sam) == {"me": [0, 0], "partner": [1, 1]}


def test_a_private_promise_is_not_counted_in_the_couples_follow_through(couple):
    alex, _sam = couple
    private = make_promise(alex)
    Promise.objects.filter(pk=private.pk).update(visibility=Visibility.PRIVATE, couple=None)
    _fell_due_yesterday(private)
    assert _due_counts(alex)["me"] == [0, 0]


def test_promises_from_an_ended_couple_do_not_follow_anyone_into_a_new_one(couple, make_user):
    alex, _sam = couple
    _fell_due_yesterday(make_promise(alex))
    couple_leave(user=alex)
    casey = make_user("casey@example.com", "Casey")
    link(alex, casey)
    checked(casey)
    assert _due_counts(casey) == {"me": [0, 0], "partner": [0, 0]}


def test_on_ones_own_the_private_ledger_is_counted(robin):
    _fell_due_yesterday(make_promise(robin))
    assert _due_counts(robin) == {"me": [1, 1]}
