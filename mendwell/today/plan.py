"""Today's plan: one small thing from each step that has something for today.

Each provider looks at one step's own selectors and returns at most one item
(or none). The plan is the person's own: nothing here is shown to the
partner, and items about the partner's words never appear before the
partner chose to share them (the step selectors already make sure of that).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from mendwell.affection import selectors as affection
from mendwell.conversations import selectors as questions
from mendwell.core.zones import local_today, zone_of
from mendwell.couples.selectors import partner_of
from mendwell.dates import selectors as dates
from mendwell.jar import selectors as jar
from mendwell.loved.suggestions import rank_for_partner
from mendwell.nudges import services as nudges
from mendwell.promises import selectors as promises
from mendwell.safety.selectors import joint_exercises_allowed
from mendwell.today.selectors import DayFacts, day_facts

MAX_ITEMS = 5


@dataclass(frozen=True)
class PlanItem:
    key: str
    title: str
    text: str
    url: str
    action: str
    # Affection answers are never stored: those items take no done / not-today marks.
    markable: bool = True


@dataclass
class Context:
    """What several providers need, worked out once per request."""

    user: Any
    today: date
    partner: Any
    together: bool  # a partner, and joint exercises open for this person
    now: datetime = field(default_factory=timezone.now)
    extra: dict[str, Any] = field(default_factory=dict)


def _facts(ctx: Context) -> DayFacts:
    """What the check-in, week, nudge and jar providers need: one query for all four."""
    if "facts" not in ctx.extra:
        ctx.extra["facts"] = day_facts(ctx.user, today=ctx.today)
    facts: DayFacts = ctx.extra["facts"]
    return facts


def _checkin(ctx: Context) -> PlanItem | None:
    if _facts(ctx).checked_in:
        return None
    return PlanItem(
        "checkin",
        _("How are you today?"),
        _("Two taps: how you feel, and how close you feel."),
        reverse("checkins:today"),
        _("Check in"),
    )


def _question(ctx: Context) -> PlanItem | None:
    if not ctx.together:
        return None
    question, answered = questions.question_for_plan(ctx.user, day=ctx.today)
    if answered:
        return None
    return PlanItem(
        "question",
        _("Today's question"),
        str(question.text),
        reverse("conversations:today"),
        _("Answer"),
    )


def _jar(ctx: Context) -> PlanItem | None:
    if not ctx.together:
        return None
    draw = jar.this_weeks_draw(ctx.user, ctx.today)
    if draw is None and jar.draw_open(ctx.user, ctx.today, weekday=_facts(ctx).jar_weekday):
        return PlanItem(
            "jar",
            _("Draw from the jar"),
            _("This week's small act for your partner is waiting."),
            reverse("jar:home"),
            _("Draw"),
        )
    if draw is not None and draw.done_at is None:
        return PlanItem(
            "jar", _("This week's act"), draw.act.text, reverse("jar:home"), _("Open the jar")
        )
    return None


def _date(ctx: Context) -> PlanItem | None:
    # Days and times are the reader's own, whatever zone the date was planned in;
    # a date stays on the plan while it is under way, and leaves once it is over.
    zone = zone_of(ctx.user)
    upcoming = dates.upcoming_at(ctx.user, now=ctx.now)
    last_day = ctx.today + timedelta(days=7)
    soon = [item for item in upcoming if item.next_start.astimezone(zone).date() <= last_day]
    if soon:
        when = soon[0].next_start.astimezone(zone)
        return PlanItem(
            "date",
            _("Time together coming up"),
            formats.date_format(when, "l j F, H:i"),
            reverse("dates:together", kwargs={"plan_id": soon[0].plan.id}),
            _("Open"),
        )
    if ctx.together and not upcoming:
        # Step 5's rule: an idea that speaks to what the partner chose to share, with its reason.
        best = next((r for r in rank_for_partner(ctx.user, dates.ideas()) if r.reason), None)
        if best is not None:
            return PlanItem(
                "date",
                _("An idea for time together"),
                f"{best.candidate.text} ({best.reason})",
                f"{reverse('dates:new')}?idea={best.candidate.id}",
                _("Plan it"),
            )
        return PlanItem(
            "date",
            _("Plan some time together"),
            _("Nothing is planned yet. Pick an idea and give it a day and a time."),
            reverse("dates:ideas"),
            _("See ideas"),
        )
    return None


def _promise(ctx: Context) -> PlanItem | None:
    start = datetime.combine(ctx.today, time.min, tzinfo=timezone.get_current_timezone())
    due = promises.due_between_for_author(ctx.user, start=start, end=start + timedelta(days=1))
    if not due:
        return None
    occurrence = due[0]
    return PlanItem(
        "promise",
        _("A promise due today"),
        occurrence.promise.text,
        reverse("promises:detail", kwargs={"promise_id": occurrence.promise_id}),
        _("Open"),
    )


def _touch(ctx: Context) -> PlanItem | None:
    if not affection.tools_open(ctx.user):
        return None
    view = affection.challenge_view_for(ctx.user, today=ctx.today)
    if view is None or view.paused or view.finished or view.invitation is None:
        return None
    return PlanItem(
        "touch",
        _("Today's gentle invitation"),
        str(view.invitation.invitation),
        reverse("affection:home"),
        _("Open"),
        markable=False,
    )


def _pulse(ctx: Context) -> PlanItem | None:
    # Step 8: once a week, nothing answered yet this local week (read with the day's facts).
    if _facts(ctx).pulse_answered:
        return None
    return PlanItem(
        "pulse",
        _("Your weekly pulse"),
        _("A few quick questions on how things feel between you. Only you see the answers."),
        reverse("progress:home"),
        _("Answer"),
    )


def _nudge(ctx: Context) -> PlanItem | None:
    if ctx.partner is None:
        return None
    if nudges.refusal_for(ctx.user, sent=_facts(ctx).nudges_sent) is not None:
        return None
    return PlanItem(
        "nudge",
        _("Thinking of you"),
        _("One tap lets your partner know they're on your mind."),
        reverse("nudges:home"),
        _("Send one"),
    )


def _week(ctx: Context) -> PlanItem | None:
    if ctx.today.weekday() < 4:  # from Friday on
        return None
    if _facts(ctx).week_noted:
        return None
    return PlanItem(
        "week",
        _("Look back on the week"),
        _("What went well, and one thing to try next week."),
        reverse("checkins:week"),
        _("Look back"),
    )


PROVIDERS: tuple[Callable[[Context], PlanItem | None], ...] = (
    _promise,
    _question,
    _touch,
    _jar,
    _date,
    _checkin,
    _pulse,
    _nudge,
    _week,
)


def plan_for(user: Any, *, today: date | None = None) -> list[PlanItem]:
    partner = partner_of(user)
    ctx = Context(
        user=user,
        today=today or local_today(user),
        partner=partner,
        together=partner is not None and joint_exercises_allowed(user),
    )
    items = []
    for provider in PROVIDERS:
        item = provider(ctx)
        if item is not None:
            items.append(item)
    return items[:MAX_ITEMS]
