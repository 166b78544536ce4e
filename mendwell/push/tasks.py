from __future__ import annotations

from django.contrib.auth import get_user_model
from django_tasks import task

from mendwell.push.services import send_to_user


@task()
def send_push(user_id: int, kind: str, url: str) -> int:
    """At most once: an account deleted or deactivated in the meantime gets nothing."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    return send_to_user(user, kind, url)
