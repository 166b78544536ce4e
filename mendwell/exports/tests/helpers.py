"""A lived-in account: one or more rows of every kind, each text carrying a marker."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from datetime import UTC, date, datetime, time
from typing import Any

from mendwell.affection.models import AffectionNote, AffectionProfile, TouchChallenge
from mendwell.checkins.models import CheckIn, WeekNote
from mendwell.conversations.models import Answer, Conversation, DailyQuestion, QuestionMark, Turn
from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user
from mendwell.dates.models import DatePlan, Reflection
from mendwell.jar.models import JarAct, JarDraw
from mendwell.journal.acknowledgements.services import (
    acknowledgement_create,
    acknowledgement_respond,
)
from mendwell.journal.models import Acknowledgement, AcknowledgementSent, LogEntry
from mendwell.loved.models import LovedItem, RatingSnapshot
from mendwell.notify.services import channels_set
from mendwell.nudges.models import Nudge
from mendwell.progress.models import PulseResponse
from mendwell.promises.models import Promise, PromiseOccurrence
from mendwell.reminders.services import reminder_set
from mendwell.story.models import Victory

RATINGS = {
    f"{side}_{name}": 3
    for side in ("receiving", "giving")
    for name in (
        "words_of_affirmation",
        "acts_of_service",
        "gifts",
        "quality_time",
        "physical_touch",
    )
}


def write_everything(person: Any, marker: str, *, share: bool = True) -> dict[str, Any]:
    """``person`` writes one of every kind; the ones marked shared go to the couple if any.

    Each text is ``"<marker> <kind>"``; private rows say ``"<marker> private <kind>"``.
    """
    couple = couple_for_user(person)
    shared: dict[str, Any] = (
        {"couple": couple, "visibility": Visibility.SHARED} if share and couple else {}
    )
    rows: dict[str, Any] = {}
    rows["log_entry"] = LogEntry.objects.create(
        author=person,
        happened_on=date(2026, 1, 5),
        rough_period=f"{marker} winter",
        what_happened=f"{marker} private log",
        impact=f"{marker} impact",
        differently="line one\nline two",
        tags_json='["evenings"]',
    )
    thread = acknowledgement_create(
        user=person,
        thread_id=uuid.uuid4(),
        own_it=f"{marker} own it",
        impact=f"{marker} ack impact",
        change=f"{marker} change",
        entries=[rows["log_entry"]],
    )
    AcknowledgementSent.objects.create(
        thread=thread,
        number=1,
        own_it=f"{marker} sent copy",
        impact="impact",
        change="change",
        draft_version=thread.version,
        sent_at=datetime(2026, 1, 6, 12, 0, tzinfo=UTC),
    )
    rows["acknowledgement"] = thread
    rows["checkin"] = CheckIn.objects.create(
        author=person, day=date(2026, 2, 1), mood=4, closeness=3, note=f"{marker} checkin", **shared
    )
    rows["private_checkin"] = CheckIn.objects.create(
        author=person, day=date(2026, 2, 2), mood=2, closeness=2, note=f"{marker} private checkin"
    )
    rows["week_note"] = WeekNote.objects.create(
        author=person, week_of=date(2026, 2, 2), kind="went_well", text=f"{marker} week", **shared
    )
    daily, _new = DailyQuestion.objects.get_or_create(
        couple=couple, owner=None if couple else person, day=date(2026, 2, 1), question_id="q1"
    )
    rows["answer"] = Answer.objects.create(
        author=person, daily=daily, text=f"{marker} answer", **shared
    )
    rows["mark"] = QuestionMark.objects.create(author=person, question_id="q2", favourite=True)
    conversation = Conversation.objects.create(
        author=person,
        topic=f"{marker} topic",
        first_speaker=person,
        topic_set_at=datetime(2026, 2, 3, 20, 0, tzinfo=UTC),
        **shared,
    )
    rows["conversation"] = conversation
    rows["turn"] = Turn.objects.create(
        author=person,
        conversation=conversation,
        seq=1,
        text=f"{marker} turn",
        entered_by=person,
        **shared,
    )
    rows["nudge"] = Nudge.objects.create(author=person, note=f"{marker} nudge", **shared)
    rows["jar_act"] = JarAct.objects.create(author=person, text=f"{marker} jar", **shared)
    plan = DatePlan.objects.create(
        author=person,
        note=f"{marker} date",
        idea_id="walk",
        starts_on=date(2026, 3, 1),
        start_time=time(19, 0),
        time_zone="Europe/London",
        **shared,
    )
    rows["date_plan"] = plan
    rows["reflection"] = Reflection.objects.create(
        author=person,
        plan=plan,
        day=date(2026, 3, 1),
        connected=4,
        repeat_text=f"{marker} reflection",
        **shared,
    )
    rows["loved_item"] = LovedItem.objects.create(
        author=person, text=f"{marker} loved", position=0, **shared
    )
    rows["ratings"] = RatingSnapshot.objects.create(author=person, **RATINGS)
    promise = Promise.objects.create(
        author=person,
        text=f"{marker} promise",
        recurrence="weekly",
        time_zone="Europe/London",
        **shared,
    )
    rows["promise"] = promise
    PromiseOccurrence.objects.create(
        promise=promise,
        seq=1,
        due_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
        mark="kept",
        kind_word=f"{marker} kind word",
    )
    rows["renegotiated"] = Promise.objects.create(
        author=person, text=f"{marker} promise again", replaces=promise, time_zone="Europe/London"
    )
    rows["affection_profile"] = AffectionProfile.objects.create(
        author=person, open_kinds_json='["hug"]'
    )
    rows["affection_note"] = AffectionNote.objects.create(
        author=person, text=f"{marker} affection", **shared
    )
    if couple and not TouchChallenge.objects.filter(couple=couple).exists():
        rows["challenge"] = TouchChallenge.objects.create(
            author=person, started_on=date(2026, 3, 1), **shared
        )
    rows["pulse"] = PulseResponse.objects.create(
        author=person,
        instrument_id="mendwell-checkin",
        instrument_version=1,
        kind="weekly",
        week_of=date(2026, 3, 2),
        answers={"close": 4},
    )
    rows["victory"] = Victory.objects.create(
        author=person, text=f"{marker} victory", happened_on=date(2026, 1, 1), step=3, **shared
    )
    reminder_set(user=person, kind="check_in", enabled=True, at=time(20, 30))
    channels_set(
        user=person,
        email=False,
        push=False,
        reminders_in_app=True,
        quiet_from=time(22, 0),
        quiet_until=time(7, 0),
        quiet_hours=True,
    )
    return rows


def send_acknowledgement(author: Any, partner: Any, marker: str) -> Any:
    """``author`` sends an acknowledgement; ``partner`` answers it (a row only the answer's author owns)."""
    thread = acknowledgement_create(
        user=author,
        thread_id=uuid.uuid4(),
        own_it=f"{marker} sent",
        impact="impact",
        change="change",
        entries=[],
    )
    # The sent copy is made directly (with the words as plain text) so this
    # helper does not depend on how the composer copies the draft.
    sent = AcknowledgementSent.objects.create(
        thread=thread,
        number=1,
        own_it=f"{marker} sent",
        impact="impact",
        change="change",
        draft_version=thread.version,
        sent_at=datetime(2026, 3, 1, 12, 0, tzinfo=UTC),
    )
    Acknowledgement.objects.filter(pk=thread.pk).update(
        sent_at=sent.sent_at, couple=couple_for_user(author), visibility=Visibility.SHARED
    )
    thread.refresh_from_db()
    return acknowledgement_respond(
        user=partner,
        thread=thread,
        sent=sent,
        kind="not_yet",
        missing=f"{marker} answer to partner",
    )


def draw(drawer: Any, act: JarAct) -> JarDraw:
    return JarDraw.objects.create(
        author=drawer,
        act=act,
        week_of=date(2026, 3, 2),
        couple=couple_for_user(drawer),
        visibility=Visibility.SHARED,
    )


def open_zip(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


def document_of(data: bytes) -> dict[str, Any]:
    return json.loads(open_zip(data)["mendwell-export.json"])


def zip_of(document: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mendwell-export.json", json.dumps(document))
    return buffer.getvalue()
