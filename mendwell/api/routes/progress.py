"""Step 8's baseline and weekly pulse, over ``mendwell.progress``: the questions, one's
own answers and how they moved, per-measure sharing and what the partner shares.

Any other questionnaire in the registry (one an operator added) is answered and read
under ``/instruments/{instrument_id}``: once a week, private to the person, and, for a
validated, licensed one only, with its cut-off and the reliable change (Jacobson–Truax).
Per-measure sharing and the partner's view stay with our pulse.

The answers are numbers, never text, so there is no If-Match here: a second pulse
in the same week replaces the first, exactly as on the web page.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal, cast
from uuid import UUID

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from mendwell.api.errors import ApiError, form_errors, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.schemas import Deleted, In
from mendwell.couples.access import get_authored_or_404
from mendwell.couples.selectors import partner_of
from mendwell.progress import registry, selectors, services
from mendwell.progress.chart import Chart, charts_for
from mendwell.progress.forms import PulseForm, SharingForm, item_text, scale_hint
from mendwell.progress.models import Kind, PulseResponse
from mendwell.progress.support import Reason
from mendwell.safety.selectors import ProgramState, program_state_for

router = Router(tags=["progress"])


# --- Schemas -------------------------------------------------------------------------


class AnchorOut(Schema):
    value: int
    label: str


class ProgressItemOut(Schema):
    id: str
    text: str


class ClinicalOut(Schema):
    """Only for a validated, licensed questionnaire with norms; never for our own pulse."""

    cutoff: float
    cutoff_below_means: str


class InstrumentOut(Schema):
    id: str
    version: int
    name: str
    # "informal check-in" for ours: a way to notice change, not a test.
    label: str
    citation: str
    validated: bool
    scale_min: int
    scale_max: int
    scale_hint: str
    anchors: list[AnchorOut]
    items: list[ProgressItemOut]
    clinical: ClinicalOut | None


PulseKind = Literal["baseline", "weekly"]


class PulseOut(Schema):
    id: UUID
    kind: PulseKind
    week_of: date
    answers: dict[str, int]
    updated_at: datetime


class SavedPulseOut(Schema):
    pulse: PulseOut
    # True when these answers replaced earlier ones (this week's pulse, or the baseline).
    replaced: bool


class AnswersIn(In):
    """One whole number per item id of the instrument (see GET /progress/instruments)."""

    answers: dict[str, int]


class SupportSuggestionOut(Schema):
    reason: Literal["low", "falling"]
    message: str


class ProgressOut(Schema):
    instrument: str
    baseline_due: bool
    baseline_skipped: bool
    pulse_due: bool
    this_weeks_pulse: PulseOut | None
    # Present, for the person's eyes only, when their pulse stayed low or kept falling.
    support: SupportSuggestionOut | None
    linked: bool
    shared_measures: list[str]


class RowOut(Schema):
    week_of: date
    value: float


class ChangeOut(Schema):
    direction: Literal["not_enough", "within", "up", "down"]
    first_mean: float | None
    last_mean: float | None
    usual_spread: float | None
    difference: float | None


class ChartOut(Schema):
    key: str
    title: str
    low: float
    high: float
    rows: list[RowOut]
    change: ChangeOut
    # The honest note, e.g. "... within your usual ups and downs."
    note: str


class PointOut(Schema):
    week_of: date
    kind: PulseKind
    answers: dict[str, int]
    total: float | None


class ResultsOut(Schema):
    instrument: InstrumentOut
    points: list[PointOut]
    charts: list[ChartOut]
    support: SupportSuggestionOut | None


class ProgressSharingOut(Schema):
    items: list[str]
    linked: bool
    can_share: bool
    paused: bool


class SharingIn(In):
    items: list[str]


class ReliableChangeOut(Schema):
    """Jacobson–Truax from the first to the latest scored week: how much, never why."""

    first_week_of: date
    first_total: float
    latest_week_of: date
    latest_total: float
    index: float
    # True when |index| ≥ 1.96: more than the questionnaire's measurement noise.
    reliable: bool
    note: str


class FiguresOut(Schema):
    """Only for a validated, licensed questionnaire with norms."""

    cutoff: float
    cutoff_below_means: str
    latest_total: float | None
    latest_below_cutoff: bool | None
    # None until two different weeks have a score.
    reliable_change: ReliableChangeOut | None


class InstrumentResultsOut(Schema):
    instrument: InstrumentOut
    this_weeks_answers: PulseOut | None
    points: list[PointOut]
    charts: list[ChartOut]
    figures: FiguresOut | None


class PartnerResultsOut(Schema):
    linked: bool
    # While the program is paused, shared answers are set aside for both alike.
    paused: bool
    charts: list[ChartOut]


# --- Helpers -------------------------------------------------------------------------


def _instrument_out(instrument: registry.Instrument) -> InstrumentOut:
    norms = instrument.norms
    return InstrumentOut(
        id=instrument.id,
        version=instrument.version,
        name=item_text(instrument, instrument.name),
        label=item_text(instrument, instrument.label),
        citation=instrument.citation,
        validated=instrument.validated,
        scale_min=instrument.scale_min,
        scale_max=instrument.scale_max,
        scale_hint=scale_hint(instrument),
        anchors=[
            AnchorOut(value=value, label=item_text(instrument, label))
            for value, label in instrument.anchors
        ],
        items=[
            ProgressItemOut(id=item.id, text=item_text(instrument, item.text))
            for item in instrument.items
        ],
        clinical=(
            ClinicalOut(cutoff=norms.cutoff, cutoff_below_means=norms.cutoff_below_means)
            if instrument.shows_clinical_figures and norms is not None
            else None
        ),
    )


def _chart_out(chart: Chart) -> ChartOut:
    change = chart.change
    return ChartOut(
        key=chart.key,
        title=chart.title,
        low=chart.low,
        high=chart.high,
        rows=[RowOut(week_of=day, value=value) for day, value in chart.rows],
        change=ChangeOut(
            direction=change.direction.value,
            first_mean=change.first_mean,
            last_mean=change.last_mean,
            usual_spread=change.usual_spread,
            difference=change.difference,
        ),
        note=chart.note,
    )


def _support_out(series: selectors.Series) -> SupportSuggestionOut | None:
    reason = selectors.support_suggested(series)
    if reason is None:
        return None
    # The same words as the card on the web page.
    first = (
        _("Your answers have stayed low for a few weeks now.")
        if reason == Reason.LOW
        else _("Your answers have gone down for a few weeks in a row.")
    )
    rest = _(
        "That happens, and it is not a failure. A counsellor or therapist can help with "
        "what is hard to shift on your own. Only you see this note."
    )
    return SupportSuggestionOut(reason=reason.value, message=f"{first} {rest}")


def _save(
    request: HttpRequest,
    payload: AnswersIn,
    kind: str,
    instrument: registry.Instrument | None = None,
) -> Status:
    instrument = instrument or registry.pulse()
    unknown = sorted(set(payload.answers) - set(instrument.item_ids))
    form = PulseForm(payload.answers, instrument=instrument)
    errors = [(f"answers.{field}", message) for field, message in form_errors(form)]
    errors += [(f"answers.{key}", _("This is not one of the questions.")) for key in unknown]
    if errors or not form.is_valid():
        raise ApiError(422, _("Some fields need another look."), errors)
    saved = services.pulse_save(
        user=request.user, kind=kind, answers=form.answers(), instrument=instrument
    )
    body = SavedPulseOut(pulse=PulseOut.from_orm(saved.response), replaced=saved.replaced)
    return Status(200 if saved.replaced else 201, body)


def _points_out(series: selectors.Series) -> list[PointOut]:
    return [
        PointOut(week_of=p.week_of, kind=cast(PulseKind, p.kind), answers=p.answers, total=p.total)
        for p in series.points
    ]


def _reliable_change_note(change: selectors.ReliableChange) -> str:
    # The same words as the web page (progress/_instrument_figures.html).
    first = (
        _("This changed more than measurement noise.")
        if change.reliable
        else _("This is within measurement noise.")
    )
    rest = _("It shows how much your score moved, not why it moved.")
    return f"{first} {rest}"


def _figures_out(series: selectors.Series) -> FiguresOut | None:
    figures = selectors.clinical_figures(series)
    norms = series.instrument.norms
    if figures is None or norms is None:
        return None
    change = figures.change
    return FiguresOut(
        cutoff=figures.cutoff,
        cutoff_below_means=norms.cutoff_below_means,
        latest_total=figures.latest.total if figures.latest else None,
        latest_below_cutoff=figures.latest_below_cutoff,
        reliable_change=(
            ReliableChangeOut(
                first_week_of=change.first.week_of,
                first_total=cast(float, change.first.total),
                latest_week_of=change.latest.week_of,
                latest_total=cast(float, change.latest.total),
                index=change.index,
                reliable=change.reliable,
                note=_reliable_change_note(change),
            )
            if change
            else None
        ),
    )


# --- Routes --------------------------------------------------------------------------


@router.get(
    "/instruments",
    response=responses({200: list[InstrumentOut]}),
    summary="Every questionnaire with its questions and scale: our weekly pulse first, "
    "then any the operator added",
)
def instruments(request: HttpRequest) -> list[InstrumentOut]:
    return [_instrument_out(i) for i in (registry.pulse(), *registry.extras())]


@router.get(
    "/instruments/{instrument_id}/results",
    response=responses({200: InstrumentResultsOut}),
    summary="My answers to one questionnaire week by week, how they moved, and (validated "
    "ones only) its cut-off and the reliable change",
)
def instrument_results(request: HttpRequest, instrument_id: str) -> InstrumentResultsOut:
    instrument = selectors.instrument_or_404(instrument_id)
    series = selectors.own_series(request.user, instrument)
    current = selectors.this_weeks_answers(request.user, instrument)
    return InstrumentResultsOut(
        instrument=_instrument_out(instrument),
        this_weeks_answers=PulseOut.from_orm(current) if current else None,
        points=_points_out(series),
        charts=[_chart_out(chart) for chart in charts_for(series)],
        figures=_figures_out(series),
    )


@router.post(
    "/instruments/{instrument_id}/answers",
    response=responses({200: SavedPulseOut, 201: SavedPulseOut}, write=True),
    summary="Answer one questionnaire for this week (answering again this week replaces "
    "the answers)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def instrument_answer(request: HttpRequest, instrument_id: str, payload: AnswersIn) -> Status:
    instrument = selectors.instrument_or_404(instrument_id)
    return _save(request, payload, Kind.WEEKLY, instrument)


@router.get(
    "",
    response=responses({200: ProgressOut}),
    summary="Where I am: baseline, this week's pulse, and any suggestion of support",
)
def home(request: HttpRequest) -> ProgressOut:
    user: Any = request.user
    instrument = registry.pulse()
    current = selectors.this_weeks_pulse(user)
    return ProgressOut(
        instrument=instrument.key,
        baseline_due=selectors.baseline_due(user),
        baseline_skipped=selectors.baseline_skipped(user),
        pulse_due=selectors.pulse_due(user),
        this_weeks_pulse=PulseOut.from_orm(current) if current else None,
        support=_support_out(selectors.own_series(user, instrument)),
        linked=partner_of(user) is not None,
        shared_measures=sorted(selectors.shared_item_ids(user)),
    )


@router.get(
    "/baseline",
    response=responses({200: PulseOut | None}),
    summary="My baseline answers, if taken",
)
def baseline(request: HttpRequest) -> PulseResponse | None:
    return selectors.own_baseline(request.user)


@router.post(
    "/baseline",
    response=responses({200: SavedPulseOut, 201: SavedPulseOut}, write=True),
    summary="Take the baseline (taking it again replaces the earlier one)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def baseline_take(request: HttpRequest, payload: AnswersIn) -> Status:
    return _save(request, payload, Kind.BASELINE)


@router.post(
    "/baseline/skip",
    response=responses({200: ProgressOut}, write=True),
    summary="Skip the baseline for now (it can be taken later)",
)
def baseline_skip(request: HttpRequest) -> ProgressOut:
    services.baseline_skip(user=request.user)
    return home(request)


@router.get(
    "/pulse",
    response=responses({200: PulseOut | None}),
    summary="This week's pulse, if answered",
)
def pulse(request: HttpRequest) -> PulseResponse | None:
    return selectors.this_weeks_pulse(request.user)


@router.post(
    "/pulse",
    response=responses({200: SavedPulseOut, 201: SavedPulseOut}, write=True),
    summary="Answer this week's pulse (answering again this week replaces the answers)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def pulse_answer(request: HttpRequest, payload: AnswersIn) -> Status:
    return _save(request, payload, Kind.WEEKLY)


@router.delete(
    "/pulse/{pulse_id}",
    response=responses({200: Deleted}, write=True),
    summary="Delete answers for good (from my charts, my partner's view and any report)",
)
def pulse_delete(request: HttpRequest, pulse_id: UUID) -> Deleted:
    row = get_authored_or_404(PulseResponse, user=request.user, pk=pulse_id)
    services.pulse_delete(pulse=row)
    return Deleted()


@router.get(
    "/results",
    response=responses({200: ResultsOut}),
    summary="My answers week by week, and how each measure moved",
)
def results(request: HttpRequest) -> ResultsOut:
    instrument = registry.pulse()
    series = selectors.own_series(request.user, instrument)
    return ResultsOut(
        instrument=_instrument_out(instrument),
        points=_points_out(series),
        charts=[_chart_out(chart) for chart in charts_for(series)],
        support=_support_out(series),
    )


def _sharing_out(user: Any) -> ProgressSharingOut:
    return ProgressSharingOut(
        items=sorted(selectors.shared_item_ids(user)),
        linked=partner_of(user) is not None,
        can_share=selectors.sharing_open(user),
        paused=program_state_for(user) == ProgramState.PAUSED,
    )


@router.get(
    "/sharing",
    response=responses({200: ProgressSharingOut}),
    summary="Which measures my partner may see",
)
def sharing(request: HttpRequest) -> ProgressSharingOut:
    return _sharing_out(request.user)


@router.put(
    "/sharing",
    response=responses({200: ProgressSharingOut}, write=True),
    summary="Choose which measures my partner may see (an empty list shares none)",
)
def sharing_set(request: HttpRequest, payload: SharingIn) -> ProgressSharingOut:
    form = SharingForm(payload.model_dump(), instrument=registry.pulse())
    if not form.is_valid():
        raise ApiError(422, _("Some fields need another look."), form_errors(form))
    try:
        services.sharing_set(user=request.user, item_ids=form.cleaned_data["items"])
    except services.ShareRefused:
        message = _("Sharing is not open right now. Nothing was changed.")
        raise ApiError(409, message, [("items", message)]) from None
    return _sharing_out(request.user)


@router.get(
    "/partner",
    response=responses({200: PartnerResultsOut}),
    summary="The measures my partner chose to share with me",
)
def partner(request: HttpRequest) -> PartnerResultsOut:
    view = selectors.partner_view_for(request.user)
    charts = (
        charts_for(view.series, item_ids=view.item_ids, total=False, own=False)
        if view.series
        else []
    )
    return PartnerResultsOut(
        linked=view.partner is not None,
        paused=view.paused,
        charts=[_chart_out(chart) for chart in charts],
    )
