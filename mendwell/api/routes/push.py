"""Web push, over ``mendwell.push``: the server's VAPID public key, and
subscribing or unsubscribing this device.

The body of ``/subscribe`` is what a browser's ``PushSubscription.toJSON()``
gives. Only https endpoints at a browser push service we know are accepted,
so the server never posts anywhere a caller chose. What arrives on a device
says only that something is waiting, never who or what.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from mendwell.api.errors import ApiError, form_errors, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.schemas import In
from mendwell.push import services
from mendwell.push.forms import EndpointForm, SubscriptionForm
from mendwell.push.selectors import push_available, subscriptions_for

router = Router(tags=["web push"])

# The form's names for the keys, as they sit in the browser's JSON.
_FIELDS = {"p256dh": "keys.p256dh", "auth": "keys.auth"}


class PushKeyOut(Schema):
    available: bool
    # For PushManager.subscribe({applicationServerKey}); null when push is not set up here.
    public_key: str | None


class PushKeysIn(In):
    p256dh: str
    auth: str


class PushSubscriptionIn(In):
    endpoint: str
    # Sent by browsers; not used (a push service that drops it answers 404/410 and
    # the device is forgotten then).
    expiration_time: int | float | None = Field(default=None, alias="expirationTime")
    keys: PushKeysIn


class PushEndpointIn(In):
    endpoint: str


class PushDeviceOut(Schema):
    subscribed: bool
    message: str


def _refuse(form: Any) -> None:
    if not form.is_valid():
        errors = [(_FIELDS.get(field, field), message) for field, message in form_errors(form)]
        raise ApiError(422, _("Some fields need another look."), errors)


@router.get(
    "/key",
    response=responses({200: PushKeyOut}),
    summary="The server's VAPID public key (null when push is not set up here)",
)
def push_key(request: HttpRequest) -> PushKeyOut:
    available = push_available()
    return PushKeyOut(
        available=available, public_key=settings.VAPID_PUBLIC_KEY if available else None
    )


@router.post(
    "/subscribe",
    response=responses({200: PushDeviceOut, 201: PushDeviceOut}, write=True),
    summary="Send reminders to this device (the same device again updates its keys)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def push_subscribe(request: HttpRequest, payload: PushSubscriptionIn) -> Status:
    if not push_available():
        raise ApiError(409, _("Reminders on a device are not set up on this server."))
    form = SubscriptionForm(
        {"endpoint": payload.endpoint, "p256dh": payload.keys.p256dh, "auth": payload.keys.auth}
    )
    _refuse(form)
    known = subscriptions_for(request.user).filter(endpoint=form.cleaned_data["endpoint"]).exists()
    services.subscribe(user=request.user, **form.cleaned_data)
    answer = PushDeviceOut(subscribed=True, message=_("Reminders will come to this device."))
    return Status(200 if known else 201, answer)


@router.post(
    "/unsubscribe",
    response=responses({200: PushDeviceOut}, write=True),
    summary="Stop reminders on this device (the same answer whoever's device it was)",
)
def push_unsubscribe(request: HttpRequest, payload: PushEndpointIn) -> PushDeviceOut:
    form = EndpointForm(payload.model_dump())
    _refuse(form)
    services.unsubscribe(user=request.user, endpoint=form.cleaned_data["endpoint"])
    return PushDeviceOut(
        subscribed=False, message=_("Reminders will no longer come to this device.")
    )
