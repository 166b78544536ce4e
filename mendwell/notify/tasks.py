from __future__ import annotations

from django_tasks import task

from mendwell.notify.models import Notification
from mendwell.notify.services import email_kind_send, email_send


@task()
def send_notification_email(notification_id: int) -> bool:
    """At most once: a notification deleted in the meantime (its account gone) sends nothing.

    ``notify()`` now enqueues ``send_email`` (a reminder may have no in-app row);
    this stays so that task rows queued before an upgrade still run.
    """
    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None or not notification.recipient.is_active:
        return False
    return email_send(notification)


@task()
def send_email(user_id: int, kind: str) -> bool:
    """At most once, and only to an account that still exists and is active."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    return email_kind_send(user=user, kind=kind)
