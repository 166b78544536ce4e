"""The person's own profile and settings (``mendwell.accounts``) and deleting the
whole account (``mendwell.erasure``), as on /profile/ and /delete/account/.

Email and password changes stay with allauth (its headless API); nothing here
shows or changes them.
"""

from __future__ import annotations

from typing import Any, Literal

from django.conf import settings
from django.contrib.auth import get_user_model, logout
from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema
from pydantic import JsonValue

from mendwell.accounts.forms import CoachChoiceForm, ProfileForm
from mendwell.accounts.services import coach_choice_save, profile_update
from mendwell.accounts.timezones import time_zone_choices
from mendwell.api.errors import raise_for_form, responses
from mendwell.api.schemas import Deleted, In
from mendwell.api.sudo import require_sudo
from mendwell.api.versions import DOCUMENTED as VERSIONED
from mendwell.api.versions import edit_locked, version_of, with_etag
from mendwell.erasure import selectors as erasure_selectors
from mendwell.erasure import services as erasure_services
from mendwell.erasure.forms import AccountDeleteForm

router = Router(tags=["account"])

_LANGUAGE_CODES: list[JsonValue] = [code for code, _name in settings.LANGUAGES]


# --- Schemas ---------------------------------------------------------------------


class ProfileOut(Schema):
    display_name: str
    time_zone: str
    locale: str
    discreet_mode: bool
    # Wording hints on drafts (the coach), and whether the offer to turn them on was declined.
    coach_enabled: bool
    coach_offer_dismissed: bool
    version: str

    @staticmethod
    def resolve_version(user: Any) -> str:
        return version_of(user)


class ProfileIn(In):
    """Only the fields sent change; the rest keep their saved values."""

    display_name: str | None = None
    time_zone: str | None = Field(
        None, description="An IANA time zone, e.g. Europe/London (see /account/choices)."
    )
    locale: str | None = Field(None, json_schema_extra={"enum": _LANGUAGE_CODES})
    discreet_mode: bool | None = None
    coach_enabled: bool | None = None


class WordingHintsIn(In):
    # "not_now" declines the offer shown while drafting, so it stops being offered.
    choice: Literal["on", "off", "not_now"]


class LanguageOut(Schema):
    code: str
    name: str


class ChoicesOut(Schema):
    time_zones: list[str]
    languages: list[LanguageOut]


class KindCountOut(Schema):
    label: str
    count: int


class DeletionSummaryOut(Schema):
    """What deleting the account removes: the person's own rows only, as counts."""

    items: list[KindCountOut]
    reminders: int
    devices: int
    sessions: int
    counsellors: int
    clients: int
    grants: int
    has_partner: bool


class AccountDeleteIn(In):
    understood: bool = False
    password: str | None = None


# --- Profile ---------------------------------------------------------------------


def _me(request: HttpRequest) -> Any:
    # The model instance itself: a browser session's request.user is a lazy wrapper,
    # which edit_locked cannot lock by type.
    user: Any = request.user
    return get_user_model().objects.get(pk=user.pk)


@router.get(
    "", response=responses({200: ProfileOut}), summary="My profile and settings (with its ETag)"
)
def profile(request: HttpRequest, response: HttpResponse) -> Any:
    user = _me(request)
    with_etag(response, user)
    return user


@router.patch(
    "",
    response=responses({200: ProfileOut}, edit=True),
    summary="Change my profile and settings (send If-Match with its ETag)",
    openapi_extra=VERSIONED,
)
def profile_edit(request: HttpRequest, payload: ProfileIn, response: HttpResponse) -> Any:
    sent = payload.model_dump(exclude_unset=True)

    def apply(user: Any) -> Any:
        form = ProfileForm({**ProfileForm.for_user(user).initial, **sent})
        raise_for_form(form)
        return profile_update(user=user, **form.cleaned_data)

    user = edit_locked(
        request,
        find=lambda: _me(request),
        apply=apply,
        current=lambda row: ProfileOut.from_orm(row).model_dump(mode="json"),
    )
    with_etag(response, user)
    return user


@router.put(
    "/wording-hints",
    response=responses({200: ProfileOut}, write=True),
    summary="Turn wording hints on or off, or decline the offer for now",
)
def wording_hints(request: HttpRequest, payload: WordingHintsIn, response: HttpResponse) -> Any:
    form = CoachChoiceForm(payload.model_dump())
    raise_for_form(form)
    user = coach_choice_save(user=_me(request), choice=form.cleaned_data["choice"])
    with_etag(response, user)
    return user


@router.get(
    "/choices",
    response=responses({200: ChoicesOut}),
    summary="The time zones and languages a profile may use",
)
def choices(request: HttpRequest) -> ChoicesOut:
    return ChoicesOut(
        time_zones=list(time_zone_choices()),
        languages=[LanguageOut(code=code, name=str(name)) for code, name in settings.LANGUAGES],
    )


# --- Deleting the account ----------------------------------------------------------


@router.get(
    "/deletion",
    response=responses({200: DeletionSummaryOut}),
    summary="What deleting my account would remove",
)
def deletion_summary(request: HttpRequest) -> DeletionSummaryOut:
    summary = erasure_selectors.account_summary(request.user)
    return DeletionSummaryOut(
        items=[KindCountOut(label=kind.label, count=kind.count) for kind in summary.items],
        reminders=summary.reminders,
        devices=summary.devices,
        sessions=summary.sessions,
        counsellors=summary.counsellors,
        clients=summary.clients,
        grants=summary.grants,
        has_partner=summary.has_partner,
    )


@router.delete(
    "",
    response=responses({200: Deleted}, write=True),
    summary=(
        "Delete my account and everything I wrote, for good (needs my password and "
        "understood: true). Every session and app token ends with it."
    ),
)
def account_delete(request: HttpRequest, payload: AccountDeleteIn) -> Deleted:
    require_sudo(request, payload.password)
    form = AccountDeleteForm({"understood": payload.understood})
    raise_for_form(form)
    erasure_services.account_delete(user=request.user)
    # As on the web: the caller's session (if any) is gone already; start a clean one.
    logout(request)
    return Deleted()
