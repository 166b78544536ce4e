"""A couple's history, built cheaply: what Today's plan reads from, for ``days`` days back.

Used by the query-count test next to it and by ``bench/today_bench.py``. Rows go
in with ``bulk_create`` (the services would take minutes for a year) but look
like what the services write: authored, in the couple, private unless shared.
Nothing is dated today, so Today's plan still has its items to offer.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from mendwell.affection.models import AffectionNote, AffectionProfile, TouchChallenge
from mendwell.checkins.models import CheckIn, WeekNote, WeekNoteKind
from mendwell.conversations.models import (
    Answer,
    Conversation,
    DailyQuestion,
    QuestionMark,
    RuleAgreement,
    Turn,
)
from mendwell.conversations.questions import QUESTIONS
from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user
from mendwell.dates.models import DatePlan, Reflection
from mendwell.jar.models import JarAct, JarDay, JarDraw
from mendwell.journal.models import LogEntry
from mendwell.notify.models import Notification
from mendwell.nudges.models import Nudge
from mendwell.progress.models import PulseResponse
from mendwell.promises.models import Mark, Promise, PromiseOccurrence, Recurrence, Status
from mendwell.today.models import MarkState, TodayMark

SHARED, PRIVATE = Visibility.SHARED, Visibility.PRIVATE
LONDON = ZoneInfo("Europe/London")


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=LONDON)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def build_history(alex: Any, sam: Any, *, days: int, today: date | None = None) -> None:
    """``days`` days of a linked couple using every step, up to yesterday."""
    today = today or timezone.localdate()
    couple = couple_for_user(alex)
    people = (alex, sam)
    past = [today - timedelta(days=n) for n in range(days, 0, -1)]
    mondays = sorted({_monday(day) for day in past if _monday(day) < _monday(today)})
    both = {"couple": couple}

    # Step 1: a journal entry every few days each, and guided talks once a week.
    LogEntry.objects.bulk_create(
        LogEntry(author=person, happened_on=day, what_happened=f"day {n}", **both)
        for n, day in enumerate(past)
        for person in people
        if n % 3 == 0
    )
    talks = Conversation.objects.bulk_create(
        Conversation(
            author=alex,
            topic="the week",
            visibility=SHARED,
            first_speaker=alex,
            topic_set_at=_at(monday, 20),
            ended_at=_at(monday, 21),
            **both,
        )
        for monday in mondays
    )
    RuleAgreement.objects.bulk_create(
        RuleAgreement(conversation=talk, user=person) for talk in talks for person in people
    )
    Turn.objects.bulk_create(
        Turn(
            author=people[seq % 2],
            conversation=talk,
            seq=seq,
            text=f"turn {seq}",
            visibility=SHARED,
            **both,
        )
        for talk in talks
        for seq in range(1, 5)
    )

    # Step 2: the question of the day, answered by both and shared; a few marks.
    dailies = DailyQuestion.objects.bulk_create(
        DailyQuestion(couple=couple, day=day, question_id=QUESTIONS[n % len(QUESTIONS)].id)
        for n, day in enumerate(past)
    )
    Answer.objects.bulk_create(
        Answer(author=person, daily=daily, text="an answer", visibility=SHARED, **both)
        for daily in dailies
        for person in people
    )
    QuestionMark.objects.bulk_create(
        [
            QuestionMark(author=alex, question_id=question.id, favourite=True, **both)
            for question in QUESTIONS[: min(len(QUESTIONS), days // 7)]
        ],
        ignore_conflicts=True,  # one per question: an older stretch keeps the first
    )

    # Daily check-ins for both, one day in three shared.
    CheckIn.objects.bulk_create(
        CheckIn(
            author=person,
            day=day,
            mood=1 + n % 5,
            closeness=1 + (n + 2) % 5,
            note="a note",
            visibility=SHARED if n % 3 == 0 else PRIVATE,
            **both,
        )
        for n, day in enumerate(past)
        for person in people
    )
    # The weekly look back: both lines each week, one shared.
    WeekNote.objects.bulk_create(
        WeekNote(
            author=person,
            week_of=monday,
            kind=kind,
            text="a line",
            visibility=SHARED if kind == WeekNoteKind.WENT_WELL else PRIVATE,
            **both,
        )
        for monday in mondays
        for person in people
        for kind in WeekNoteKind.values
    )

    # Step 3/4: thinking-of-you nudges both ways, twice a day, each with its notification.
    nudges = []
    notes = []
    for n, day in enumerate(past):
        for sender, recipient in ((alex, sam), (sam, alex)):
            for hour in (9, 18):
                nudges.append(
                    Nudge(author=sender, note="thinking of you", visibility=SHARED, **both)
                )
                notes.append(
                    Notification(
                        recipient=recipient,
                        kind="nudge",
                        url_name="nudges:home",
                        created_at=_at(day, hour),
                        read_at=_at(day, hour + 1),
                    )
                )
    Nudge.objects.bulk_create(nudges)
    Notification.objects.bulk_create(notes)

    # Step 4: the connection jar: acts from both, a draw each every week, done and noticed.
    acts = {
        person: JarAct.objects.bulk_create(
            JarAct(author=person, text=f"act {n}", visibility=SHARED, **both) for n in range(20)
        )
        for person in people
    }
    JarDay.objects.update_or_create(couple=couple, defaults={"weekday": 4})
    JarDraw.objects.bulk_create(
        JarDraw(
            author=drawer,
            act=acts[other][n % 20],
            week_of=monday,
            done_at=_at(monday + timedelta(days=5), 12),
            noticed_at=_at(monday + timedelta(days=6), 12),
            visibility=SHARED,
            **both,
        )
        for n, monday in enumerate(mondays)
        for drawer, other in ((alex, sam), (sam, alex))
    )

    # Step 5: a date every week, with a reflection from each; a few cancelled.
    plans = DatePlan.objects.bulk_create(
        DatePlan(
            author=alex,
            idea_id="",
            starts_on=monday + timedelta(days=5),
            start_time=time(19),
            time_zone="Europe/London",
            cancelled_at=_at(monday, 9) if n % 9 == 4 else None,
            visibility=SHARED,
            **both,
        )
        for n, monday in enumerate(mondays)
    )
    Reflection.objects.bulk_create(
        Reflection(
            author=person,
            plan=plan,
            day=plan.starts_on,
            connected=4,
            repeat_text="the walk",
            visibility=SHARED,
            **both,
        )
        for plan in plans
        if plan.cancelled_at is None
        for person in people
    )

    # Step 6: a daily promise each month (its occurrences marked by the partner).
    promises = Promise.objects.bulk_create(
        Promise(
            author=person,
            text="I will call at lunch",
            due_on=past[start],
            due_time=time(12),
            time_zone="Europe/London",
            recurrence=Recurrence.DAILY,
            status=Status.DONE,
            visibility=SHARED,
            **both,
        )
        for start in range(0, len(past), 30)
        for person in people
    )
    PromiseOccurrence.objects.bulk_create(
        PromiseOccurrence(
            promise=promise,
            seq=seq,
            due_at=_at(promise.due_on + timedelta(days=seq), 12),
            mark=Mark.KEPT if seq % 4 else Mark.NOT_YET,
            marked_at=_at(promise.due_on + timedelta(days=seq), 20),
        )
        for promise in promises
        for seq in range(min(30, (today - promise.due_on).days))
    )

    # Step 7: both opted in to affection tools; a finished challenge now and then, notes.
    AffectionProfile.objects.bulk_create(
        [
            AffectionProfile(author=person, open_kinds_json='["hold_hands", "hug"]', **both)
            for person in people
        ],
        ignore_conflicts=True,  # one per person: an older stretch of history keeps the first
    )
    TouchChallenge.objects.bulk_create(
        TouchChallenge(
            author=alex,
            started_on=monday,
            ended_on=monday + timedelta(days=7),
            visibility=SHARED,
            **both,
        )
        for monday in mondays[::5]
    )
    AffectionNote.objects.bulk_create(
        AffectionNote(author=person, text="that hug", visibility=SHARED, **both)
        for monday in mondays
        for person in people
    )

    # Step 8: a weekly pulse each, every past week (private).
    PulseResponse.objects.bulk_create(
        PulseResponse(
            author=person,
            instrument_id="mendwell-pulse",
            instrument_version=1,
            kind="weekly",
            week_of=monday,
            answers={"closeness": 5, "trust": 5, "heard": 5, "warmth": 5, "satisfaction": 5},
            **both,
        )
        for monday in mondays
        for person in people
    )

    # Today's own marks, every past day (the streak reads a bounded window of them).
    TodayMark.objects.bulk_create(
        TodayMark(user=alex, day=day, key=key, state=MarkState.DONE)
        for day in past
        for key in ("checkin", "question", "nudge")
    )


def add_a_day_of_today_to_do(alex: Any) -> None:
    """Something open on Today: a promise due today, a date soon, a touch challenge running."""
    today = timezone.localdate()
    couple = couple_for_user(alex)
    promise = Promise.objects.create(
        author=alex,
        couple=couple,
        visibility=SHARED,
        text="I will cook tonight",
        due_on=today,
        due_time=time(19),
        time_zone="Europe/London",
    )
    PromiseOccurrence.objects.create(promise=promise, seq=0, due_at=_at(today, 19))
    DatePlan.objects.create(
        author=alex,
        couple=couple,
        visibility=SHARED,
        starts_on=today + timedelta(days=2),
        start_time=time(19),
        time_zone="Europe/London",
    )
    TouchChallenge.objects.create(
        author=alex,
        couple=couple,
        visibility=SHARED,
        started_on=today - timedelta(days=2),
    )
