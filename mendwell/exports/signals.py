"""A deleted export job takes its file with it (an account deleted mid-export included)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from mendwell.exports.models import ExportJob


@receiver(post_delete, sender=ExportJob, dispatch_uid="exports_forget_file")
def forget_file(sender: type[ExportJob], instance: ExportJob, **kwargs: Any) -> None:
    from mendwell.exports.services import export_file_forget

    # After commit: a rolled-back deletion must not lose the file.
    transaction.on_commit(lambda: export_file_forget(job=instance))
