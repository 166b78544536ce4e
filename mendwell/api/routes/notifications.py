"""In-app notifications, over ``mendwell.notify``: my own list, what is new, and
marking them read.

A notification holds only a kind and where to go; its words come from
``core.notification_texts`` and never name anyone or quote anything. Whether
I read them is my own state: nobody else is ever told. Reading the list does
not mark anything (a GET changes nothing); ``POST /read`` does, as opening the
web page does. How and when they reach me (email, devices, quiet hours) is
under ``/reminders/channels``, beside the reminder times, as on the web.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from ninja import Router, Schema
from ninja.pagination import paginate

from mendwell.api.errors import responses
from mendwell.api.pagination import Newest
from mendwell.core.notification_texts import MESSAGES
from mendwell.notify import selectors, services
from mendwell.notify.models import Notification

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    kind: str
    title: str
    body: str
    created_at: datetime
    # Not yet read (until I mark them read).
    new: bool
    # The page in the web app it points to, if any.
    link: str | None

    @staticmethod
    def resolve_title(row: Notification) -> str:
        return str(MESSAGES[row.kind].title)

    @staticmethod
    def resolve_body(row: Notification) -> str:
        return str(MESSAGES[row.kind].body)

    @staticmethod
    def resolve_new(row: Notification) -> bool:
        return row.read_at is None

    @staticmethod
    def resolve_link(row: Notification) -> str | None:
        if not row.url_name:
            return None
        try:
            return reverse(row.url_name)
        except NoReverseMatch:
            return None


class NotificationsUnreadOut(Schema):
    unread: int


class NotificationsMarkedOut(Schema):
    marked: int


@router.get(
    "",
    response=responses({200: list[NotificationOut]}),
    summary="My notifications, newest first (reading them marks nothing)",
)
@paginate(Newest)
def notification_list(request: HttpRequest) -> Any:
    return selectors.notifications_for(request.user)


@router.get(
    "/unread",
    response=responses({200: NotificationsUnreadOut}),
    summary="How many of my notifications are new (the badge in the menu)",
)
def notifications_unread(request: HttpRequest) -> NotificationsUnreadOut:
    return NotificationsUnreadOut(unread=selectors.unread_count(request.user))


@router.post(
    "/read",
    response=responses({200: NotificationsMarkedOut}, write=True),
    summary="Mark all my notifications read (as opening the web list does)",
)
def notifications_mark_read(request: HttpRequest) -> NotificationsMarkedOut:
    return NotificationsMarkedOut(marked=services.mark_all_read(user=request.user))
