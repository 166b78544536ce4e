"""A couple space, who belongs to it, and the invites that link a partner."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mendwell.core.models import PublicIdModel


class Couple(PublicIdModel):
    """A shared space. It ends for good when either partner leaves; linking
    again creates a new couple, so nothing shared before follows anyone.
    """

    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("couple")

    def __str__(self) -> str:
        return f"couple {self.id}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class Role(models.TextChoices):
    PARTNER = "partner", _("Partner")


class Membership(PublicIdModel):
    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.PARTNER)
    joined_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # One active couple per person: the database, not just the form,
            # refuses a second link (two simultaneous accepts included).
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(ended_at__isnull=True, role="partner"),
                name="couples_one_active_couple_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"membership {self.id}"


class Invite(PublicIdModel):
    """A single-use code that lets one person join the inviter's couple.

    Only a SHA-256 of the code is stored: the code itself is shown once, to
    the inviter, and a database copy cannot be used to join.
    """

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="invites")
    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invites_sent"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            # The purge job looks for old invites by expiry.
            models.Index(fields=["expires_at"], name="couples_invite_expiry_idx"),
        ]

    def __str__(self) -> str:
        return f"invite {self.id}"

    def is_pending(self, now: object = None) -> bool:
        now = now or timezone.now()
        return self.used_at is None and self.revoked_at is None and self.expires_at > now  # type: ignore[operator]


# Counsellor access rows live in their own module; importing them here registers
# them with the app (the gate in access.py reads them).
from mendwell.couples.grants import (  # noqa: E402, F401
    CounsellorLink,
    CounsellorProfile,
    Grant,
)
