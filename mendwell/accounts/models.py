"""People who use Mendwell. Login is by email; the profile lives on the user."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mendwell.core.fields import EncryptedTextField

DISPLAY_NAME_MAX_LENGTH = 80


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    # The public id is what URLs and the API use; the integer pk stays internal.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("email address"), unique=True)
    # What the partner sees. Encrypted like all text a person writes.
    display_name = EncryptedTextField(_("name"), blank=True, default="")
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    locale = models.CharField(_("language"), max_length=16, default="en")
    # ISO country code (or "INTL") for the support lines; blank until chosen.
    country = models.CharField(_("country"), max_length=4, blank=True, default="")
    # A neutral app name, icon and email sender for people who need discretion.
    discreet_mode = models.BooleanField(_("discreet mode"), default=False)
    # Private wording hints on drafts (the coach). Off until the person asks for it.
    coach_enabled = models.BooleanField(_("wording hints"), default=False)
    # "Not now" to the offer shown while drafting: stop offering (the profile still can).
    coach_offer_dismissed = models.BooleanField(_("wording hints offer dismissed"), default=False)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # Moved by every profile save: the version the API's profile edits check (If-Match).
    updated_at = models.DateTimeField(auto_now=True)
    # Names this person's data key in the keyring (mendwell/core/keyring.py).
    # Random, not the pk: a reused pk must never find a deleted person's key.
    data_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    objects = UserManager()
    encryption_owner = "self"  # the name is encrypted under this person's own key

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []  # noqa: RUF012  (Django reads it as a class attribute)

    class Meta:
        verbose_name = _("user")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return f"user {self.public_id}"

    @property
    def name(self) -> str:
        """The name to show; never the email, which may be private."""
        return self.display_name or str(_("Your partner"))


def user_display(user: User) -> str:
    """How allauth names a person in its messages."""
    return user.display_name or str(_("you"))
