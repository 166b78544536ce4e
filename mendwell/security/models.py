"""The browsers a person has signed in from, so a sign-in from a new one can be told apart.

Sessions themselves live in ``allauth.usersessions.UserSession`` (created, last
seen, IP, user agent); this app adds only what allauth has no place for.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class KnownDevice(models.Model):
    """A browser that has signed in to this account before.

    The browser holds a random token in a long-lived signed cookie; only its
    SHA-256 is stored, so a database copy cannot be turned into a cookie. A
    shared-device sign-in gets a row too (``remembered=False``, no cookie):
    it still counts as "signed in before", so the first sign-in after signup
    is the only one without an alert, but that browser is never trusted later.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64)
    remembered = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "token_hash"], name="security_device_once"),
        ]

    def __str__(self) -> str:
        return f"device {self.pk}"


class AppToken(models.Model):
    """A personal access token for an app (the API's bearer token), named by its owner.

    Only the SHA-256 of the token is stored: the token itself is shown once,
    when it is made. Listed and revocable on the devices page; revoked with
    every other token when the password changes or is reset (TS27). No
    "last used" is kept beyond the day, and only its owner ever sees it.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=60)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    last_used_on = models.DateField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "revoked_at"], name="security_token_user")]

    def __str__(self) -> str:
        return f"app token {self.pk}"
