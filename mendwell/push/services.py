"""Writes for push subscriptions, and sending a push message to a person's devices."""

from __future__ import annotations

import json
import logging
from typing import Any

import requests
from django.conf import settings
from django.db import transaction
from django.templatetags.static import static
from django.utils import translation
from py_vapid import Vapid
from pywebpush import WebPushException, webpush

from mendwell.core.notification_texts import MESSAGES, sender_name
from mendwell.push.models import PushSubscription
from mendwell.push.selectors import push_available, subscriptions_for

logger = logging.getLogger(__name__)

# A reminder that arrives the next day is worse than none: the push service
# drops a message it could not deliver within this many seconds.
PUSH_TTL_SECONDS = 6 * 60 * 60
SEND_TIMEOUT_SECONDS = 10
# The push service says the subscription is gone for good.
GONE_STATUSES = frozenset({404, 410})
# A person has a phone, a laptop, perhaps a tablet; more than this is old
# browsers nobody uses, or someone filling the table. The oldest go first.
MAX_DEVICES_PER_PERSON = 10


def subscribe(*, user: Any, endpoint: str, p256dh: str, auth: str) -> PushSubscription:
    """Save this device for the person. The same endpoint again updates its keys;
    an endpoint another account held moves to this person, since a browser
    profile is one person's device now (the other account stops getting pushes
    there)."""
    with transaction.atomic():
        subscription, _created = PushSubscription.objects.update_or_create(
            endpoint=endpoint, defaults={"user": user, "p256dh": p256dh, "auth": auth}
        )
        keep = subscriptions_for(user).order_by("-created_at", "-pk")[:MAX_DEVICES_PER_PERSON]
        PushSubscription.objects.filter(user=user).exclude(
            pk__in=list(keep.values_list("pk", flat=True))
        ).delete()
    return subscription


def unsubscribe(*, user: Any, endpoint: str) -> bool:
    """Forget this device for the person; someone else's endpoint is left alone."""
    deleted, _rows = PushSubscription.objects.filter(user=user, endpoint=endpoint).delete()
    return bool(deleted)


def _payload(user: Any, kind: str, url: str) -> str:
    message = MESSAGES[kind]
    discreet = bool(getattr(user, "discreet_mode", False))
    with translation.override(getattr(user, "locale", None) or settings.LANGUAGE_CODE):
        # A lock screen is public: in discreet mode the title is the ordinary app name.
        title = sender_name(discreet=True) if discreet else str(message.title)
        body = str(message.body)
    icon = static("mendwell/icon-discreet.svg" if discreet else "mendwell/icon.svg")
    return json.dumps({"title": title, "body": body, "url": _same_site_path(url), "icon": icon})


def _same_site_path(url: str) -> str:
    """Only a path on this site: a notification never opens somewhere else."""
    if not url.startswith("/") or url.startswith("//") or "\\" in url:
        return "/"
    return url


def _session() -> requests.Session:
    session = requests.Session()
    # A push service answers; it never sends us on. Following a redirect would
    # let a response steer the server's POST somewhere else.
    session.max_redirects = 0
    return session


def send_to_user(user: Any, kind: str, url: str) -> int:
    """Send one content-neutral message to each of the person's devices.

    Returns how many the push services accepted. Never raises: a device the
    push service says is gone (404/410) is forgotten, any other failure is
    logged (ids and status only, never the endpoint or the text) and kept.
    """
    if kind not in MESSAGES or not push_available():
        return 0
    subscriptions = list(subscriptions_for(user))
    if not subscriptions:
        return 0
    data = _payload(user, kind, url)
    try:
        vapid = Vapid.from_string(settings.VAPID_PRIVATE_KEY)
    except Exception as error:  # noqa: BLE001 - a broken key turns push off, not the caller
        logger.error("VAPID_PRIVATE_KEY cannot be read (%s); push is off", type(error).__name__)
        return 0
    sent = 0
    with _session() as session:
        for subscription in subscriptions:
            if _send_one(subscription, data, vapid, session):
                sent += 1
    return sent


def _send_one(
    subscription: PushSubscription, data: str, vapid: Vapid, session: requests.Session
) -> bool:
    info = {
        "endpoint": subscription.endpoint,
        "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
    }
    try:
        webpush(
            info,
            data=data,
            vapid_private_key=vapid,
            # A fresh dict each time: pywebpush fills in the audience of this
            # endpoint's push service and an expiry.
            vapid_claims={"sub": settings.VAPID_CONTACT},
            ttl=PUSH_TTL_SECONDS,
            timeout=SEND_TIMEOUT_SECONDS,
            requests_session=session,
        )
    except WebPushException as error:
        status = getattr(error.response, "status_code", None)
        if status in GONE_STATUSES:
            PushSubscription.objects.filter(pk=subscription.pk).delete()
            logger.info("push subscription %s is gone (%s); deleted", subscription.pk, status)
        else:
            logger.warning("push to subscription %s failed with status %s", subscription.pk, status)
        return False
    except Exception as error:  # noqa: BLE001 - a bad device must never stop the others
        logger.warning("push to subscription %s failed: %s", subscription.pk, type(error).__name__)
        return False
    return True
