"""Counsellor access: who is a counsellor, whose counsellor, and what was granted.

These rows live beside the access gate because the gate reads them: a
counsellor sees a row only while an active grant from that row's author covers
it (see :meth:`mendwell.couples.access.ContentQuerySet.visible_to`). The pages
that make and use them live in ``mendwell.counsel``.

Only the client's own words can be granted, never a partner's: a grant is
matched against the row's *author*. Private rows are never covered (a grant
narrows what the client already shares, it never widens it), and models
without a ``grant_category`` (the safety check among them) can never be
granted at all.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from mendwell.core.models import PublicIdModel

# The longest a grant may run; the client can always end it sooner.
GRANT_MAX_DAYS = 90


class CounsellorProfile(models.Model):
    """The ``counsellor`` role: this account sees clients, never a couple space.

    A separate row rather than a field on the user, so that ordinary accounts
    carry nothing about counsellors and the role cannot be set by a form.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="counsellor_profile"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"counsellor {self.user_id}"


def is_counsellor(user: Any) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return CounsellorProfile.objects.filter(user_id=user.pk).exists()


class CounsellorLinkQuerySet(models.QuerySet):
    def active(self) -> CounsellorLinkQuerySet:
        return self.filter(ended_at__isnull=True)

    def for_client(self, user: Any) -> CounsellorLinkQuerySet:
        return self.active().filter(client_id=user.pk)

    def for_counsellor(self, user: Any) -> CounsellorLinkQuerySet:
        return self.active().filter(counsellor_id=user.pk)


class CounsellorLink(PublicIdModel):
    """One client working with one counsellor. Either side may end it; ended is for good."""

    client = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = CounsellorLinkQuerySet.as_manager()

    class Meta:
        constraints = [
            # Accepting the same client twice (a double submit) makes one link.
            models.UniqueConstraint(
                fields=["client", "counsellor"],
                condition=Q(ended_at__isnull=True),
                name="couples_one_active_link_per_pair",
            ),
        ]

    def __str__(self) -> str:
        return f"counsellor link {self.id}"


class GrantQuerySet(models.QuerySet):
    def active(self, now: Any = None) -> GrantQuerySet:
        now = now or timezone.now()
        return self.filter(
            revoked_at__isnull=True,
            expires_at__gt=now,
            link__ended_at__isnull=True,
        )


class Grant(PublicIdModel):
    """The client lets their counsellor read one item, or every item of one kind.

    ``category`` is the model's ``grant_category`` (its label, such as
    ``checkins.checkin``); ``item_id`` is set for a single item and empty for
    the whole category. Revoked and expired grants are kept: they are the
    client's audit list.
    """

    link = models.ForeignKey(CounsellorLink, on_delete=models.CASCADE, related_name="grants")
    category = models.CharField(max_length=64)
    item_id = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = GrantQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["link", "category"], name="couples_grant_link_cat_idx")]

    def __str__(self) -> str:
        return f"grant {self.id}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
