"""Writes for exports: ask for one, build it, hand it over once, clean up after.

Logs name jobs by id only: never a file's content, a token or anything written.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from mendwell.core.keyring import open_bytes, seal_bytes
from mendwell.exports import bundle, storage
from mendwell.exports.models import DOWNLOAD_LIFETIME, IN_FLIGHT, ExportJob, Status
from mendwell.notify.services import notify
from mendwell.security.alerts import security_alert

logger = logging.getLogger(__name__)

# An export takes seconds; one still in flight after this never finishes.
STUCK_AFTER = timedelta(hours=1)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _in_flight(user: Any) -> ExportJob | None:
    return ExportJob.objects.filter(owner=user, status__in=IN_FLIGHT).first()


@transaction.atomic
def export_request(*, user: Any, include_shared: bool) -> tuple[ExportJob, str | None]:
    """Start an export, or return the one already under way (then with no new token).

    The returned raw token is for the asker's session only; the job keeps its hash.
    A new export replaces an earlier finished one that was never downloaded.
    """
    existing = _in_flight(user)
    if existing is not None:
        return existing, None
    token = secrets.token_urlsafe(32)
    try:
        # The partial unique constraint is the real guard: two requests at
        # once both get here, and only one insert succeeds.
        with transaction.atomic():
            job = ExportJob.objects.create(
                owner=user, include_shared=include_shared, token_hash=token_hash(token)
            )
    except IntegrityError:
        existing = _in_flight(user)
        if existing is None:
            raise
        return existing, None
    for old in ExportJob.objects.filter(owner=user, status=Status.READY, used_at__isnull=True):
        _retire(old)

    from mendwell.exports.tasks import build_export

    # In this transaction (the queue lives in the same database), not on commit:
    # a failure queueing it must not leave a job that nothing will ever build.
    build_export.enqueue(str(job.pk))
    return job, token


def export_link_renew(*, user: Any, job_id: Any) -> str | None:
    """A fresh one-time token for a finished export (say, from another device)."""
    token = secrets.token_urlsafe(32)
    updated = ExportJob.objects.filter(
        pk=job_id,
        owner=user,
        status=Status.READY,
        used_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).update(token_hash=token_hash(token))
    return token if updated == 1 else None


def export_build(*, job_id: Any) -> str:
    """The task's work: make, seal and store the zip, then tell its owner.

    If the job disappears meanwhile (its account was deleted), everything
    written is removed again: the final step is a conditional UPDATE, and a
    job that is no longer running gets no file.
    """
    claimed = ExportJob.objects.filter(pk=job_id, status=Status.PENDING).update(
        status=Status.RUNNING
    )
    if claimed != 1:
        return "not pending"
    job = ExportJob.objects.select_related("owner").filter(pk=job_id).first()
    if job is None:
        return "gone"
    user = job.owner
    name = ""
    try:
        data = bundle.build_zip(user=user, export_id=job.pk, include_shared=job.include_shared)
        name = storage.write_sealed(seal_bytes(user, data))
    except Exception as error:  # noqa: BLE001 - a failed export is shown, never a crash loop
        storage.remove(name)
        # The error's type only: its message could quote what someone wrote.
        logger.error("Export job %s failed: %s", job_id, type(error).__name__)
        ExportJob.objects.filter(pk=job_id, status=Status.RUNNING).update(
            status=Status.FAILED, finished_at=timezone.now()
        )
        return "failed"
    now = timezone.now()
    with transaction.atomic():
        finished = ExportJob.objects.filter(pk=job_id, status=Status.RUNNING).update(
            status=Status.READY,
            file_name=name,
            finished_at=now,
            expires_at=now + DOWNLOAD_LIFETIME,
        )
        if finished == 1:
            # The owner alone is told; the partner never is (TS53).
            notify(user=user, kind="export.ready", url_name="exports:home")
            security_alert(user, "export_created")
    if finished != 1:
        # The job was deleted (its account with it) or cancelled meanwhile:
        # nobody may ever download this file.
        storage.remove(name)
        return "cancelled"
    logger.info("Export job %s ready", job_id)
    return "ready"


def export_claim(*, user: Any, token: str) -> ExportJob | None:
    """Mark the download used, if the token is this person's, unused and unexpired.

    One conditional UPDATE decides it, so two requests racing for one link
    cannot both win. Call inside a transaction with the file read.
    """
    rows = ExportJob.objects.filter(
        owner=user,
        token_hash=token_hash(token),
        status=Status.READY,
        used_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).exclude(file_name="")
    if rows.update(used_at=timezone.now()) != 1:
        return None
    return ExportJob.objects.get(owner=user, token_hash=token_hash(token))


class _Gone(Exception):
    """Raised inside the download's transaction so a claim without a file is undone."""


def export_take(*, user: Any, token: str) -> bytes | None:
    """The one download: claim the link and open its file, in one transaction.

    ``None`` when the token is not this person's, used, expired or made up, or
    the file is gone; then nothing is marked used.
    """
    try:
        with transaction.atomic():
            job = export_claim(user=user, token=token)
            if job is None:
                return None
            data = export_open(job=job)
            if data is None:
                raise _Gone
            return data
    except _Gone:
        return None


def export_open(*, job: ExportJob) -> bytes | None:
    """The decrypted zip of a claimed job; the file is deleted once read."""
    blob = storage.read_sealed(job.file_name)
    if blob is None:
        return None
    data = open_bytes(job.owner, blob)
    name = job.file_name
    ExportJob.objects.filter(pk=job.pk).update(file_name="")
    transaction.on_commit(lambda: storage.remove(name))
    return data


def _retire(job: ExportJob) -> None:
    name = job.file_name
    ExportJob.objects.filter(pk=job.pk).update(status=Status.CANCELLED, file_name="")
    transaction.on_commit(lambda: storage.remove(name))


def export_purge(*, now: datetime | None = None) -> int:
    """Delete the files of used and expired exports, and files no job points at.

    Also gives up on jobs stuck in flight (a worker killed mid-task): left
    alone they would block the person's next export for ever.
    """
    now = now or timezone.now()
    ExportJob.objects.filter(status__in=IN_FLIGHT, created_at__lt=now - STUCK_AFTER).update(
        status=Status.FAILED, finished_at=now
    )
    done = ExportJob.objects.exclude(file_name="").filter(
        used_at__isnull=False
    ) | ExportJob.objects.exclude(file_name="").filter(expires_at__lte=now)
    removed = 0
    for job in done:
        storage.remove(job.file_name)
        ExportJob.objects.filter(pk=job.pk).update(file_name="")
        removed += 1
    known = set(ExportJob.objects.exclude(file_name="").values_list("file_name", flat=True))
    for name in storage.stored_names():
        path = storage.path_of(name)
        # A file still being written has no job pointing at it yet: leave young ones alone.
        if name not in known and path is not None:
            age = now.timestamp() - path.stat().st_mtime
            if age > DOWNLOAD_LIFETIME.total_seconds():
                storage.remove(name)
                removed += 1
    return removed


def export_file_forget(*, job: ExportJob) -> None:
    """The ``post_delete`` handler's work: a deleted job leaves no file behind."""
    if job.file_name:
        storage.remove(job.file_name)
