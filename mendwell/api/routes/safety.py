"""The person's own safety check and the couple program's pause (``mendwell.safety``),
and the support lines, as on /safety/ and /help-now/.

Everything here is about the caller alone. The partner is never told anything,
and nothing here says whether the partner took the check or what they answered:
the only shared value is the program's single neutral state (solo, active,
paused), which never says who paused it or why, exactly as the web page shows.
The answers themselves are never read back, not even to the person who gave them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from mendwell.api.auth import partner_auth
from mendwell.api.errors import ApiError, raise_for_form, responses
from mendwell.api.pagination import Newest
from mendwell.api.schemas import In
from mendwell.api.support import LineOut, SupportOut, support_for
from mendwell.safety import selectors, services
from mendwell.safety.forms import ANSWER_CHOICES, CountryForm, SafetyCheckForm
from mendwell.safety.questions import ITEMS, Outcome
from mendwell.safety.resources import Country
from mendwell.safety.support import professional_help_context, support_context
from mendwell.staff.selectors import audit_records_for

router = Router(tags=["safety"])

AnswerValue = Literal["yes", "no", "unsure"]


def _anyone(request: HttpRequest) -> bool:
    """Help is open to anyone, signed in or not, as on the web (Get help now)."""
    return True


# Signed-in callers get their own country's lines; anyone else gets them too.
OPEN_TO_ANYONE = [*partner_auth(), _anyone]


# --- Schemas ---------------------------------------------------------------------


class SafetyOut(Schema):
    """My own safety state. Only I ever see it."""

    check_done: bool
    last_check_on: date | None
    # The private check is waiting for me: never taken, or due again (every four weeks).
    check_due: bool
    # My latest check pointed to the safety pathway: couples exercises are paused for me.
    on_pathway: bool
    # The one value both partners see; the same whoever paused and why.
    program: Literal["solo", "active", "paused"]
    # The buttons the web page offers me.
    can_pause: bool
    can_resume: bool
    # The country I chose for support lines ("" until I choose one).
    country: str


class QuestionOut(Schema):
    key: str
    text: str


class AnswerChoiceOut(Schema):
    value: str  # one of AnswerValue
    label: str


class CheckFormOut(Schema):
    """The private check's questions. Every one may be left unanswered."""

    questions: list[QuestionOut]
    answers: list[AnswerChoiceOut]


class SafetyCheckIn(In):
    """One field per question (see GET /safety/check); leave out any to skip it."""

    physical_harm: AnswerValue | None = None
    injury: AnswerValue | None = None
    fear: AnswerValue | None = None
    sexual_coercion: AnswerValue | None = None
    monitoring: AnswerValue | None = None
    restricting: AnswerValue | None = None
    threats: AnswerValue | None = None


class CheckResultOut(Schema):
    # True: exercises together are not advised right now (see GET /safety/pathway).
    pathway: bool
    message: str
    state: SafetyOut


class CountryIn(In):
    country: str


class CountryOut(Schema):
    code: str
    name: str


class HelpLineOut(LineOut):
    id: str
    text_message: str | None


class HelpOut(Schema):
    """Get help now: the emergency number and support lines for one country."""

    country: CountryOut
    emergency_number: str | None
    emergency_advice: str
    crisis_lines: list[HelpLineOut]
    abuse_lines: list[HelpLineOut]
    other_lines: list[HelpLineOut]


class PathwayOut(Schema):
    on_pathway: bool
    country: CountryOut
    emergency_number: str | None
    emergency_advice: str
    # People who specialise in helping someone afraid of, or controlled by, a partner.
    abuse_lines: list[HelpLineOut]


class DirectoryOut(Schema):
    name: str
    for_whom: str
    url: str | None


class ProfessionalHelpOut(Schema):
    country: CountryOut
    abuse_lines: list[HelpLineOut]
    crisis_lines: list[HelpLineOut]
    # Where to find a counsellor or couples therapist in this country.
    directories: list[DirectoryOut]


class SignpostIn(In):
    text: str


class SignpostOut(Schema):
    # Present when the draft reads like a crisis: for the writer only, never stored.
    support: SupportOut | None


class StaffActionOut(Schema):
    id: UUID
    created_at: datetime
    action: str
    label: str
    # Names of the settings that changed, never their values.
    detail: str
    # The staff member, as the web page names them.
    by: str

    @staticmethod
    def resolve_label(row: Any) -> str:
        return str(row.get_action_display())

    @staticmethod
    def resolve_by(row: Any) -> str:
        return str(row.actor_label)


# --- Helpers ---------------------------------------------------------------------


def _state(user: Any) -> SafetyOut:
    state = selectors.safety_state_for(user)
    program = selectors.program_state_for(user)
    completed = state.check_completed_at
    return SafetyOut(
        check_done=completed is not None,
        last_check_on=timezone.localdate(completed) if completed else None,
        check_due=selectors.check_prompt_due(user),
        on_pathway=state.on_pathway,
        program=program.value,
        can_pause=not state.pauses_program and program is not selectors.ProgramState.SOLO,
        can_resume=state.pauses_program,
        country=user.country,
    )


def _lines(lines: Any) -> list[HelpLineOut]:
    return [HelpLineOut.model_validate(line, from_attributes=True) for line in lines]


def _country(country: Country) -> CountryOut:
    return CountryOut(code=country.code, name=country.name)


# --- My state and the check ------------------------------------------------------


@router.get("", response=responses({200: SafetyOut}), summary="My own safety state")
def safety_state(request: HttpRequest) -> SafetyOut:
    return _state(request.user)


@router.get(
    "/check",
    response=responses({200: CheckFormOut}),
    summary="The private check's questions and the answers each may take",
)
def check_questions(request: HttpRequest) -> CheckFormOut:
    return CheckFormOut(
        questions=[QuestionOut(key=item.key, text=str(item.text)) for item in ITEMS],
        answers=[AnswerChoiceOut(value=value, label=str(label)) for value, label in ANSWER_CHOICES],
    )


@router.post(
    "/check",
    response=responses({201: CheckResultOut}, write=True),
    summary="Take the private check (my answers are never shown to anyone, me included)",
)
def check_take(request: HttpRequest, payload: SafetyCheckIn) -> Status:
    # Not @idempotent: its record keeps a plain hash of the request body, and with so
    # few possible answers that hash would say what they were. The service itself
    # treats the same answers sent twice within seconds as one check.
    form = SafetyCheckForm(payload.model_dump(exclude_none=True))
    raise_for_form(form)
    _check, outcome = services.safety_check_submit(user=request.user, answers=form.answers())
    pathway = outcome is Outcome.PATHWAY
    if pathway:
        message = _(
            "Thank you for answering honestly. From what you shared, exercises for couples "
            "are not advised right now."
        )
    else:
        message = _("Thank you. Your answers are private to you.")
    return Status(201, CheckResultOut(pathway=pathway, message=message, state=_state(request.user)))


@router.post(
    "/check/skip",
    response=responses({200: SafetyOut}, write=True),
    summary="Skip the check for now (exercises together stay closed until I take it)",
)
def check_skip(request: HttpRequest) -> SafetyOut:
    services.safety_check_skip(user=request.user)
    return _state(request.user)


@router.post(
    "/pause",
    response=responses({200: SafetyOut}, write=True),
    summary=(
        "Pause the couple program, without giving a reason. My partner only sees that "
        "it is paused, never who paused it or why, and is not notified."
    ),
)
def pause(request: HttpRequest) -> SafetyOut:
    services.program_pause(user=request.user)
    return _state(request.user)


@router.post(
    "/resume",
    response=responses({200: SafetyOut}, write=True),
    summary="Turn the couple program back on (after a pathway check, take the check again first)",
)
def resume(request: HttpRequest) -> SafetyOut:
    try:
        services.program_resume(user=request.user)
    except services.SafetyError:
        raise ApiError(
            409,
            _(
                "Your latest check suggests exercises together are not safe right now. "
                "If things have changed, take the check again first."
            ),
        ) from None
    return _state(request.user)


@router.put(
    "/country",
    response=responses({200: SafetyOut}, write=True),
    summary="Choose the country whose support lines I see (codes from /safety/countries)",
)
def country_set(request: HttpRequest, payload: CountryIn) -> SafetyOut:
    form = CountryForm(payload.model_dump())
    raise_for_form(form)
    services.country_set(user=request.user, country=form.cleaned_data["country"])
    return _state(request.user)


@router.get(
    "/pathway",
    response=responses({200: PathwayOut}),
    summary="Why couples exercises are paused for me, and who can help",
)
def pathway(request: HttpRequest) -> PathwayOut:
    context = support_context(request)
    country: Country = context["country"]  # type: ignore[assignment]
    return PathwayOut(
        on_pathway=selectors.safety_state_for(request.user).on_pathway,
        country=_country(country),
        emergency_number=country.emergency_number,
        emergency_advice=country.emergency_advice,
        abuse_lines=_lines(context["abuse_lines"]),
    )


@router.get(
    "/staff-actions",
    response=responses({200: list[StaffActionOut]}),
    summary="What the server's staff did to my account (only I see this list)",
)
@paginate(Newest)
def staff_actions(request: HttpRequest) -> Any:
    return audit_records_for(request.user)


@router.post(
    "/signpost",
    response=responses({200: SignpostOut}),
    summary="Support lines for a draft that reads like a crisis (nothing is kept)",
)
def signpost(request: HttpRequest, payload: SignpostIn) -> SignpostOut:
    return SignpostOut(support=support_for(request, payload.text))


# --- Help for anyone -------------------------------------------------------------


@router.get(
    "/countries",
    response=responses({200: list[CountryOut]}),
    summary="The countries we list support lines for",
    auth=OPEN_TO_ANYONE,
)
def countries(request: HttpRequest) -> list[CountryOut]:
    field = CountryForm().fields["country"]
    return [CountryOut(code=code, name=str(name)) for code, name in field.choices]  # type: ignore[attr-defined]


@router.get(
    "/help",
    response=responses({200: HelpOut}),
    summary="Get help now: emergency number and support lines (mine, or ?country=GB)",
    auth=OPEN_TO_ANYONE,
)
def help_now(request: HttpRequest, country: str | None = None) -> HelpOut:
    # support_context reads ?country= itself, as the web page does.
    context = support_context(request)
    found: Country = context["country"]  # type: ignore[assignment]
    return HelpOut(
        country=_country(found),
        emergency_number=found.emergency_number,
        emergency_advice=found.emergency_advice,
        crisis_lines=_lines(context["crisis_lines"]),
        abuse_lines=_lines(context["abuse_lines"]),
        other_lines=_lines(context["other_lines"]),
    )


@router.get(
    "/professional-help",
    response=responses({200: ProfessionalHelpOut}),
    summary="Finding a counsellor or couples therapist (mine, or ?country=GB)",
    auth=OPEN_TO_ANYONE,
)
def professional_help(request: HttpRequest, country: str | None = None) -> ProfessionalHelpOut:
    context = professional_help_context(request)
    found: Country = context["country"]  # type: ignore[assignment]
    return ProfessionalHelpOut(
        country=_country(found),
        abuse_lines=_lines(context["abuse_lines"]),
        crisis_lines=_lines(context["crisis_lines"]),
        directories=[
            DirectoryOut(name=entry.name, for_whom=entry.for_whom, url=entry.url)
            for entry in context["directories"]  # type: ignore[attr-defined]
        ],
    )
