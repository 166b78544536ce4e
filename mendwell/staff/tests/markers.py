"""One row of every kind of thing people write, each carrying a marker string.

Tests then look for the marker where it must never appear (the operator's
admin, the logs). Rows are made the way the route matrix's ``build_world``
makes them; the point here is only that each text field holds the marker.
"""

from __future__ import annotations

import uuid
from datetime import date, time
from typing import Any

from mendwell.affection.models import AffectionNote
from mendwell.checkins.models import CheckIn, WeekNote
from mendwell.conversations.models import Answer, Conversation, DailyQuestion, Turn
from mendwell.counsel.models import CounsellorNote
from mendwell.couples.access import Visibility
from mendwell.couples.grants import CounsellorLink, CounsellorProfile
from mendwell.couples.selectors import couple_for_user
from mendwell.dates.models import DatePlan
from mendwell.jar.models import JarAct
from mendwell.journal.acknowledgements.services import (
    acknowledgement_create,
    acknowledgement_respond,
    acknowledgement_send,
)
from mendwell.journal.models import LogEntry
from mendwell.loved.models import LovedItem
from mendwell.nudges.models import Nudge
from mendwell.promises.models import Promise
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from mendwell.story.models import Victory


def write_markers(alex: Any, sam: Any, counsellor: Any, marker: str) -> dict[str, Any]:
    """Alex (linked with Sam) writes ``marker`` into every kind of text; Sam answers
    with it, and a counsellor writes a note with it. Returns the rows by kind."""
    for person in (alex, sam):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    couple = couple_for_user(alex)
    shared = {"couple": couple, "visibility": Visibility.SHARED}
    rows: dict[str, Any] = {}
    rows["log_entry"] = LogEntry.objects.create(
        author=alex,
        couple=couple,
        rough_period=marker,
        what_happened=marker,
        impact=marker,
        differently=marker,
        tags_json=f'["{marker}"]',
    )
    thread = acknowledgement_create(
        user=alex, thread_id=uuid.uuid4(), own_it=marker, impact=marker, change=marker, entries=[]
    )
    acknowledgement_send(thread=thread)
    rows["acknowledgement"] = thread
    rows["ack_answer"] = acknowledgement_respond(
        user=sam, thread=thread, sent=thread.sent_copies.get(), kind="not_yet", missing=marker
    )
    rows["checkin"] = CheckIn.objects.create(
        author=alex, day=date(2026, 2, 1), mood=3, closeness=3, note=marker, **shared
    )
    rows["week_note"] = WeekNote.objects.create(
        author=alex, week_of=date(2026, 2, 2), kind="went_well", text=marker, **shared
    )
    daily = DailyQuestion.objects.create(couple=couple, day=date(2026, 2, 1), question_id="q1")
    rows["answer"] = Answer.objects.create(author=alex, daily=daily, text=marker, **shared)
    conversation = Conversation.objects.create(author=alex, topic=marker, **shared)
    rows["conversation"] = conversation
    rows["turn"] = Turn.objects.create(
        author=alex, conversation=conversation, seq=1, text=marker, **shared
    )
    rows["nudge"] = Nudge.objects.create(author=alex, note=marker, **shared)
    rows["jar_act"] = JarAct.objects.create(author=alex, text=marker, **shared)
    rows["date_plan"] = DatePlan.objects.create(
        author=alex,
        note=marker,
        starts_on=date(2030, 1, 1),
        start_time=time(19, 0),
        time_zone="Europe/London",
        **shared,
    )
    rows["loved_item"] = LovedItem.objects.create(author=alex, text=marker, position=0, **shared)
    rows["promise"] = Promise.objects.create(
        author=alex, text=marker, withdraw_note=marker, **shared
    )
    rows["affection_note"] = AffectionNote.objects.create(author=alex, text=marker)
    rows["victory"] = Victory.objects.create(
        author=alex, text=marker, happened_on=date(2026, 1, 1), **shared
    )
    CounsellorProfile.objects.create(user=counsellor)
    link = CounsellorLink.objects.create(client=alex, counsellor=counsellor)
    rows["counsellor_note"] = CounsellorNote.objects.create(link=link, text=marker)
    return rows
