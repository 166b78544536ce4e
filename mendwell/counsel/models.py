"""Step 9's counsellor access: the invite link, the counsellor's notes, the audit of views.

The link between a client and a counsellor, and the grants, live in
``mendwell.couples.grants`` because the access gate reads them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from mendwell.core.fields import EncryptedTextField
from mendwell.core.models import PublicIdModel
from mendwell.couples.grants import CounsellorLink


class CounsellorInvite(PublicIdModel):
    """A single-use link a client gives their counsellor.

    Only a SHA-256 of the token is stored (like the calendar feed's): the link
    is shown once, to the client, and a copy of the database cannot be used.
    """

    client = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"counsellor invite {self.id}"

    @property
    def is_pending(self) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > timezone.now()


class CounsellorNote(PublicIdModel):
    """What a counsellor writes for one client, optionally suggesting a step's exercise.

    Not ``SharedContent``: its audience is the two people of one counsellor
    link (never the client's partner), so every read goes through the link
    (``selectors.notes_for``), which ends when either side ends it. The id is
    chosen by the form, so a double submit makes one note.
    """

    encryption_owner = "link.counsellor"  # the counsellor wrote it

    link = models.ForeignKey(CounsellorLink, on_delete=models.CASCADE, related_name="+")
    text = EncryptedTextField()
    suggested_step = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"counsellor note {self.id}"


class GrantView(models.Model):
    """The client's audit: the counsellor opened this item on this day (one row a day)."""

    link = models.ForeignKey(CounsellorLink, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=64)
    item_id = models.UUIDField()
    day = models.DateField()
    viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["link", "item_id", "day"], name="counsel_one_view_per_item_and_day"
            ),
        ]

    def __str__(self) -> str:
        return f"view {self.pk}"
