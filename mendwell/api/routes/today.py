"""Today, over ``mendwell.today``: my plan for the day (one small thing from each
step that has something for today), my own "done" / "not today" marks, and my
gentle streak.

All of it is mine alone: the partner never sees my plan, my marks or my streak,
and nothing here says what they did beyond what the steps already show me.
"""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from mendwell.api.errors import ApiError, responses
from mendwell.api.schemas import Deleted, In
from mendwell.core.page_reads import page_reads
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.safety.selectors import ProgramState, check_prompt_due, program_state_for
from mendwell.today import selectors, services
from mendwell.today.plan import plan_for

router = Router(tags=["today"])

MarkName = Literal["done", "not_today"]


class TodayPlanItemOut(Schema):
    # Stable for the day: checkin, question, jar, date, promise, touch, pulse, nudge, week.
    key: str
    title: str
    text: str
    # The web page that does it.
    url: str
    action: str
    # Some items (the touch invitation) take no marks.
    markable: bool
    # My mark for today, if I set one.
    mark: MarkName | None


class TodayOut(Schema):
    items: list[TodayPlanItemOut]
    # Days running with something done; one quiet day never breaks it. Only ever mine.
    # Named for whose it is: the caller's own days, never shown to anyone else
    # (and no field called "streak" may exist anywhere in the API: TS44).
    my_streak: int
    # The private check is waiting for me (never done, or due again).
    check_prompt: bool
    program_paused: bool
    # Whether I have a couple space and whether my partner has joined it.
    couple: Literal["none", "waiting", "linked"]


class TodayMarkIn(In):
    state: MarkName


def _today(request: HttpRequest) -> TodayOut:
    user: Any = request.user
    today = timezone.localdate()
    # Every step asks who the partner is and whether the program runs: answer once.
    with page_reads():
        marks, streak = selectors.marks_and_streak(user, today=today)
        items = plan_for(user, today=today)
        couple = couple_for_user(user)
        partner = partner_of(user)
        return TodayOut(
            items=[
                TodayPlanItemOut(
                    key=item.key,
                    title=str(item.title),
                    text=str(item.text),
                    url=item.url,
                    action=str(item.action),
                    markable=item.markable,
                    mark=marks.get(item.key),  # type: ignore[arg-type]
                )
                for item in items
            ],
            my_streak=streak,
            check_prompt=check_prompt_due(user),
            program_paused=program_state_for(user) is ProgramState.PAUSED,
            couple="none" if couple is None else ("linked" if partner else "waiting"),
        )


def _apply(request: HttpRequest, key: str, state: str) -> None:
    try:
        services.mark_apply(user=request.user, day=timezone.localdate(), key=key, state=state)
    except services.Refused as refusal:
        raise ApiError(409, refusal.message, [("key", refusal.message)]) from None


@router.get("", response=responses({200: TodayOut}), summary="My plan for today, and my streak")
def today_plan(request: HttpRequest) -> TodayOut:
    return _today(request)


@router.put(
    "/marks/{key}",
    response=responses({200: TodayOut}, write=True),
    summary='Mark an item of today\'s plan "done" or "not today"',
)
def today_mark_set(request: HttpRequest, key: str, payload: TodayMarkIn) -> TodayOut:
    _apply(request, key, payload.state)
    return _today(request)


@router.delete(
    "/marks/{key}",
    response=responses({200: Deleted}, write=True),
    summary="Put an item back on today's plan",
)
def today_mark_clear(request: HttpRequest, key: str) -> Deleted:
    _apply(request, key, "undo")
    return Deleted()
