"""Reminder settings, over ``mendwell.reminders`` (and the channels in
``mendwell.notify``): when each reminder comes, how it reaches me, and the
quiet hours in which nothing buzzes or lands in an inbox.

Times are wall-clock times in my own time zone (changed on my profile, which
moves every reminder with it); ``next_at`` is the next moment each one comes,
given in that zone. What a reminder says never names anyone or anything
written: only that a moment is waiting.

Both settings take PATCH: send only what changes, the rest stays as saved.
The whole result is then checked by the web page's own form, with its messages.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema

from mendwell.api.errors import raise_for_form, responses
from mendwell.api.schemas import In
from mendwell.notify.forms import ChannelForm
from mendwell.notify.services import channels_set
from mendwell.push.selectors import push_available
from mendwell.reminders import selectors, services
from mendwell.reminders.forms import ReminderTimesForm
from mendwell.reminders.models import Kind

router = Router(tags=["reminders"])

KindName = Literal["daily_plan", "check_in", "date", "weekly"]
Weekday = Literal[0, 1, 2, 3, 4, 5, 6]


class ReminderOut(Schema):
    kind: KindName
    label: str
    enabled: bool
    # Local wall time, HH:MM.
    at: str
    # 0 = Monday … 6 = Sunday; the weekly look back only.
    weekday: int | None
    # When it next comes, in my own time zone (null while it is off).
    next_at: datetime | None


class RemindersOut(Schema):
    time_zone: str
    reminders: list[ReminderOut]


class RemindersIn(In):
    """Each kind's on/off and time (HH:MM), and the weekly look back's day."""

    daily_plan_on: bool | None = None
    daily_plan_at: str | None = Field(default=None, examples=["08:30"])
    check_in_on: bool | None = None
    check_in_at: str | None = Field(default=None, examples=["08:30"])
    date_on: bool | None = None
    date_at: str | None = Field(default=None, examples=["08:30"])
    weekly_on: bool | None = None
    weekly_at: str | None = Field(default=None, examples=["08:30"])
    weekly_day: Weekday | None = None


class ReminderChannelsOut(Schema):
    # Reminders show in the app's list (anything from my partner always does).
    reminders_in_app: bool
    email: bool
    push: bool
    # Quiet hours, local HH:MM; both null when there are none.
    quiet_from: str | None
    quiet_until: str | None
    # Whether this server can send to devices at all (VAPID keys set up).
    push_available: bool


class ReminderChannelsIn(In):
    reminders_in_app: bool | None = None
    email: bool | None = None
    push: bool | None = None
    # Send both as null to have no quiet hours.
    quiet_from: str | None = Field(default=None, examples=["08:30"])
    quiet_until: str | None = Field(default=None, examples=["08:30"])


def _hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _merged(saved: dict[str, Any], payload: In) -> dict[str, Any]:
    """What was saved, overlaid with what the caller sent (an explicit null clears)."""
    sent = payload.model_dump(exclude_unset=True)
    return {name: "" if value is None else value for name, value in {**saved, **sent}.items()}


def _reminders(request: HttpRequest) -> RemindersOut:
    user: Any = request.user
    due = dict(selectors.coming_up(user))
    return RemindersOut(
        time_zone=user.time_zone,
        reminders=[
            ReminderOut(
                kind=kind.value,  # type: ignore[arg-type]
                label=str(kind.label),
                enabled=choice.enabled,
                at=_hhmm(choice.at) or "",
                weekday=choice.weekday if kind == Kind.WEEKLY else None,
                next_at=timezone.localtime(due[kind]) if kind in due else None,
            )
            for kind, choice in selectors.choices_for(user).items()
        ],
    )


def _channels(request: HttpRequest) -> ReminderChannelsOut:
    values = selectors.channel_values(request.user)
    return ReminderChannelsOut(
        reminders_in_app=values["reminders_in_app"],
        email=values["email"],
        push=values["push"],
        quiet_from=_hhmm(values["quiet_from"]),
        quiet_until=_hhmm(values["quiet_until"]),
        push_available=push_available(),
    )


@router.get(
    "",
    response=responses({200: RemindersOut}),
    summary="My reminder times, and when each next comes",
)
def reminder_settings(request: HttpRequest) -> RemindersOut:
    return _reminders(request)


@router.patch(
    "",
    response=responses({200: RemindersOut}, write=True),
    summary="Change reminder times (send only what changes)",
)
def reminder_settings_save(request: HttpRequest, payload: RemindersIn) -> RemindersOut:
    user: Any = request.user
    saved = ReminderTimesForm.initial_from(selectors.choices_for(user))
    form = ReminderTimesForm(_merged(saved, payload))
    raise_for_form(form)
    services.reminder_times_save(user=user, data=form.cleaned_data)
    return _reminders(request)


@router.get(
    "/channels",
    response=responses({200: ReminderChannelsOut}),
    summary="How reminders and notices reach me, and my quiet hours",
)
def channel_settings(request: HttpRequest) -> ReminderChannelsOut:
    return _channels(request)


@router.patch(
    "/channels",
    response=responses({200: ReminderChannelsOut}, write=True),
    summary="Change channels or quiet hours (send only what changes)",
)
def channel_settings_save(request: HttpRequest, payload: ReminderChannelsIn) -> ReminderChannelsOut:
    form = ChannelForm(_merged(selectors.channel_values(request.user), payload))
    raise_for_form(form)
    channels_set(user=request.user, quiet_hours=True, **form.cleaned_data)
    return _channels(request)
