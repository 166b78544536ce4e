"""Reads for step 8, each given the acting person.

One's own answers come through ``authored_by``; the partner's only through
``shared_with`` and only their ``shared_answers`` (what the owner consented to
show). A partner who never answered and one who answered but shared nothing
look exactly the same from here: no rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from django.db.models import QuerySet
from django.http import Http404

from mendwell.core.zones import local_today
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.progress import registry, support
from mendwell.progress.models import BaselineSkip, Kind, PulseResponse, PulseSharing
from mendwell.progress.registry import Instrument
from mendwell.progress.services import week_of
from mendwell.safety.selectors import ProgramState, joint_exercises_allowed, program_state_for


def _own(user: Any) -> QuerySet[PulseResponse]:
    return cast("QuerySet[PulseResponse]", PulseResponse.objects.authored_by(user))


def _own_pulse(user: Any) -> QuerySet[PulseResponse]:
    """Answers to our pulse only: another questionnaire never counts as this week's pulse."""
    return _own(user).filter(instrument_id=registry.PULSE_ID)


def baseline_due(user: Any) -> bool:
    """True until the person has taken the baseline or chosen to skip it (one query)."""
    if not getattr(user, "is_authenticated", False):
        return False
    taken = _own_pulse(user).filter(kind=Kind.BASELINE)
    skipped = BaselineSkip.objects.filter(user=user)
    return not (taken.exists() or skipped.exists())


def own_baseline(user: Any) -> PulseResponse | None:
    return cast("PulseResponse | None", _own_pulse(user).filter(kind=Kind.BASELINE).first())


def baseline_skipped(user: Any) -> bool:
    return BaselineSkip.objects.filter(user=user).exists()


def answers_this_week_rows(user: Any, *, today: date) -> QuerySet[PulseResponse]:
    """The person's own answers in ``today``'s week, as rows: Today asks ``Exists`` of this
    together with other steps' facts in one query."""
    return _own_pulse(user).filter(week_of=week_of(today))


def pulse_due(user: Any, *, today: date | None = None) -> bool:
    """Nothing answered yet in this local week (a baseline taken this week counts)."""
    return not answers_this_week_rows(user, today=today or local_today(user)).exists()


def this_weeks_pulse(user: Any, *, today: date | None = None) -> PulseResponse | None:
    return this_weeks_answers(user, registry.pulse(), today=today)


@dataclass(frozen=True)
class Point:
    week_of: date
    kind: str
    answers: dict[str, int]
    total: float | None  # None when some items are not in the answers (a partner's partial share)


@dataclass(frozen=True)
class Series:
    instrument: Instrument
    points: list[Point] = field(default_factory=list)

    def values_of(self, item_id: str) -> list[float]:
        return [p.answers[item_id] for p in self.points if item_id in p.answers]

    @property
    def totals(self) -> list[float]:
        return [p.total for p in self.points if p.total is not None]

    @property
    def weekly_count(self) -> int:
        return sum(1 for p in self.points if p.kind == Kind.WEEKLY)


def _series(rows: list[PulseResponse], instrument: Instrument, answers_of: Any) -> Series:
    """One point per week: the weekly pulse, or the baseline in a week without one."""
    by_week: dict[date, PulseResponse] = {}
    for row in sorted(rows, key=lambda r: (r.week_of, r.kind == Kind.WEEKLY)):
        by_week[row.week_of] = row
    points = []
    for monday, row in sorted(by_week.items()):
        answers = {k: v for k, v in answers_of(row).items() if k in instrument.item_ids}
        complete = not instrument.problems_with(answers)
        points.append(
            Point(monday, row.kind, answers, instrument.score(answers) if complete else None)
        )
    return Series(instrument, points)


def instrument_or_404(ident: str) -> Instrument:
    """The newest version of a questionnaire in the registry; an unknown id is a plain 404."""
    instrument = registry.registry().newest(ident)
    if instrument is None:
        raise Http404
    return instrument


def this_weeks_answers(
    user: Any, instrument: Instrument, *, today: date | None = None
) -> PulseResponse | None:
    monday = week_of(today or local_today(user))
    rows = _own(user).filter(instrument_id=instrument.id, kind=Kind.WEEKLY, week_of=monday)
    return cast("PulseResponse | None", rows.first())


def answered_this_week(user: Any, *, today: date | None = None) -> frozenset[str]:
    """The ids of every questionnaire the person answered in their local week (one query)."""
    monday = week_of(today or local_today(user))
    rows = _own(user).filter(kind=Kind.WEEKLY, week_of=monday)
    return frozenset(rows.values_list("instrument_id", flat=True))


def own_series(user: Any, instrument: Instrument | None = None) -> Series:
    instrument = instrument or registry.pulse()
    rows = list(_own(user).filter(instrument_id=instrument.id))
    return _series(rows, instrument, lambda row: row.answers)


@dataclass(frozen=True)
class ReliableChange:
    """Jacobson–Truax from the first to the latest scored answers, for a validated file only."""

    first: Point
    latest: Point
    index: float
    reliable: bool  # |index| ≥ 1.96: more than measurement noise alone would explain


@dataclass(frozen=True)
class Figures:
    cutoff: float
    latest: Point | None
    change: ReliableChange | None  # None until two different weeks have a score

    @property
    def latest_below_cutoff(self) -> bool | None:
        if self.latest is None or self.latest.total is None:
            return None
        return self.latest.total < self.cutoff


def clinical_figures(series: Series) -> Figures | None:
    """The cut-off and reliable change, or None for anything not validated, licensed and normed."""
    instrument = series.instrument
    if not instrument.shows_clinical_figures or instrument.norms is None:
        return None
    scored = [(point, point.total) for point in series.points if point.total is not None]
    latest = scored[-1][0] if scored else None
    change = None
    if len(scored) >= 2:
        (first, before), (last, after) = scored[0], scored[-1]
        index = instrument.reliable_change(before, after)
        reliable = instrument.is_reliable_change(before, after)
        if index is not None and reliable is not None:
            change = ReliableChange(first, last, index, reliable)
    return Figures(cutoff=instrument.norms.cutoff, latest=latest, change=change)


def shared_item_ids(user: Any) -> frozenset[str]:
    """What this person shares now, in the couple they are in now (their own setting)."""
    couple = couple_for_user(user)
    if couple is None:
        return frozenset()
    choice = PulseSharing.objects.filter(user=user, couple=couple).first()
    return frozenset(choice.item_ids) if choice else frozenset()


def sharing_open(user: Any) -> bool:
    """Whether this person may tick measures for their partner now (the sharing page's form)."""
    return partner_of(user) is not None and joint_exercises_allowed(user)


@dataclass(frozen=True)
class PartnerView:
    partner: Any | None
    paused: bool = False
    series: Series | None = None

    @property
    def item_ids(self) -> list[str]:
        if self.series is None:
            return []
        seen = {key for point in self.series.points for key in point.answers}
        return [item_id for item_id in self.series.instrument.item_ids if item_id in seen]


def partner_view_for(user: Any) -> PartnerView:
    partner = partner_of(user)
    if partner is None:
        return PartnerView(partner=None)
    if program_state_for(user) == ProgramState.PAUSED:
        # Set aside for both alike while the program is paused; nothing is deleted.
        return PartnerView(partner=partner, paused=True)
    instrument = registry.pulse()
    rows = list(
        cast(
            "QuerySet[PulseResponse]",
            PulseResponse.objects.shared_with(user).filter(
                author=partner, instrument_id=instrument.id
            ),
        )
    )
    series = _series(rows, instrument, lambda row: row.shared_answers)
    return PartnerView(partner=partner, series=series if series.points else None)


def support_suggested(series: Series) -> support.Reason | None:
    """Whether to suggest professional support, from the person's own weekly pulses."""
    instrument = series.instrument
    # The scored total (reverse-scored items turned round) as a per-item mean.
    per_item = len(instrument.items) if instrument.rule == "sum" else 1
    means = [
        point.total / per_item
        for point in series.points
        if point.kind == Kind.WEEKLY and point.total is not None
    ]
    return support.support_reason(
        means, scale_min=instrument.scale_min, scale_max=instrument.scale_max
    )
