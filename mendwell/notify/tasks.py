from __future__ import annotations

from django_tasks import task

from mendwell.notify.models import Notification
from mendwell.notify.services import email_send


@task()
def send_notification_email(notification_id: int) -> bool:
    """At most once: a notification deleted in the meantime (its account gone) sends nothing."""
    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None or not notification.recipient.is_active:
        return False
    return email_send(notification)
