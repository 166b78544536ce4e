"""Reads remembered for one read-only page: asked once inside it, never remembered outside."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from mendwell.core.page_reads import page_reads
from mendwell.couples.selectors import partner_of
from mendwell.couples.services import couple_leave
from mendwell.safety.selectors import ProgramState, joint_exercises_allowed, program_state_for


def test_inside_a_page_the_partner_and_program_are_read_once(checked):
    alex, sam = checked
    with page_reads(), CaptureQueriesContext(connection) as captured:
        for _ in range(3):
            assert partner_of(alex).pk == sam.pk
            assert partner_of(sam).pk == alex.pk
            assert program_state_for(alex) is ProgramState.ACTIVE
            assert joint_exercises_allowed(alex)
    # Both memberships in one query, both partners' safety states in one more.
    assert len(captured.captured_queries) == 2


def test_outside_a_page_a_change_is_seen_at_once(checked):
    alex, _sam = checked
    with page_reads():
        assert partner_of(alex) is not None
    couple_leave(user=alex)
    assert partner_of(alex) is None
    with page_reads():
        assert partner_of(alex) is None
        assert program_state_for(alex) is ProgramState.SOLO
