"""The audit log of what staff did to a person's account (SECURITY.md T12, IPV-7).

A record names the account, who acted and what they did, in words chosen from
a fixed list: never anything the person wrote, so it needs no encryption and
the operator cannot slip content into it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEWED = "viewed", _("Opened your account record in the operator's admin")
    CHANGED = "changed", _("Changed your account settings")
    DEACTIVATED = "deactivated", _("Turned off your account (you could not sign in)")
    REACTIVATED = "reactivated", _("Turned your account back on")
    PASSWORD_RESET_SENT = "password_reset_sent", _("Sent a password reset link to your email")
    DELETED = "deleted", _("Deleted the account")


class AuditRecord(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The account acted on. Cascades with it, so the person's deletion takes
    # their log along; a deletion *by staff* is recorded after the fact with
    # only the account's public id left (see services.record_deletions).
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.CASCADE,
        related_name="staff_audit_records",
    )
    subject_public_id = models.UUIDField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Who acted, as shown to the person: the staff member's sign-in address at
    # the time, kept even if that staff account goes away.
    actor_label = models.CharField(max_length=254)
    action = models.CharField(max_length=32, choices=AuditAction.choices)
    # Names of settings that changed (from a fixed list of field labels), never values.
    detail = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"audit {self.id}"
