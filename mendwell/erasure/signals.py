"""When any item is deleted, the counsellor records that point at it go too.

Grants and the counsellor's view audit name items by id (``item_id``), not by
a foreign key, because one grant table covers every kind. So a deleted item
would leave a grant and "viewed" lines pointing at nothing: we remove them the
moment the row goes, by whatever path it goes (a delete page, the API, or the
CASCADE of an account deletion).
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete

from mendwell.accounts.signals import account_deletion_requested
from mendwell.counsel.models import GrantView
from mendwell.couples.access import content_models
from mendwell.couples.grants import Grant


def forget_counsellor_records(sender: Any, instance: Any, **kwargs: Any) -> None:
    if not getattr(sender, "grant_category", ""):
        return  # nothing can ever have been granted or viewed
    Grant.objects.filter(category=sender.grant_category, item_id=instance.pk).delete()
    GrantView.objects.filter(category=sender.grant_category, item_id=instance.pk).delete()


def delete_for_staff(sender: Any, user: Any, **kwargs: Any) -> bool:
    """Staff deleting an account in the admin get the same deletion as the person's own."""
    from mendwell.erasure.services import account_delete

    account_delete(user=user)
    return True


def connect() -> None:
    account_deletion_requested.connect(delete_for_staff, dispatch_uid="erasure-staff-delete")
    for model in content_models():
        if getattr(model, "grant_category", ""):
            post_delete.connect(
                forget_counsellor_records, sender=model, dispatch_uid=f"erasure-{model._meta.label}"
            )
