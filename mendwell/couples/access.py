"""The access gate: the one place that decides who may see a piece of content.

Every content model in every feature app inherits :class:`SharedContent`, and
every read of content goes through :meth:`ContentQuerySet.visible_to` or
:func:`get_visible_or_404` (writes through :func:`get_authored_or_404`).

The rules:

* ``private`` (the default) is visible to its author and nobody else: not the
  partner, not a counsellor, not staff or a superuser.
* ``shared`` is visible to the author and to the partners of the couple it was
  shared in, for as long as that couple is active. A couple ends when either
  partner leaves, so a share stops resolving on the very next request.
* A counsellor (``couples.grants``) sees a row only while an active grant
  from that row's *author* covers it, by item or by the model's
  ``grant_category``, and only while the row is shared in an active couple:
  a grant narrows what the client already shares, so never a private row,
  never the partner's words, and never a model without ``grant_category``
  (the safety check has none). Revoking, expiry, ending the counsellor link
  or the couple all stop it on the next request.
* Anything not visible answers exactly like an id that does not exist (404).

Authorization is computed from the database on every query and never cached
in the session, so unlinking takes effect at once. It lives in ``couples``
because visibility is defined by the couple link; feature apps sit above it.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from mendwell.core.models import PublicIdModel, TimeStampedModel

M = TypeVar("M", bound="SharedContent")


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Only me")
    SHARED = "shared", _("Shared with my partner")


def _active_partner_of(user: Any) -> Exists:
    from mendwell.couples.models import Membership, Role

    return Exists(
        Membership.objects.filter(
            couple_id=OuterRef("couple_id"),
            user=user,
            role=Role.PARTNER,
            ended_at__isnull=True,
            couple__ended_at__isnull=True,
        )
    )


def _author_still_shares() -> Exists:
    """The row's author is still a partner in the active couple it was shared in."""
    from mendwell.couples.models import Membership, Role

    return Exists(
        Membership.objects.filter(
            couple_id=OuterRef("couple_id"),
            user_id=OuterRef("author_id"),
            role=Role.PARTNER,
            ended_at__isnull=True,
            couple__ended_at__isnull=True,
        )
    )


def _granted_to(model: type[models.Model], user: Any) -> Q:
    """Rows an active grant from their author lets this counsellor read."""
    category = getattr(model, "grant_category", "")
    if not category:
        return Q(pk__in=[])
    from mendwell.couples.grants import Grant

    grants = Grant.objects.active().filter(
        link__counsellor=user,
        link__client_id=OuterRef("author_id"),
        category=category,
    )
    covering = grants.filter(Q(item_id__isnull=True) | Q(item_id=OuterRef("pk")))
    return Q(visibility=Visibility.SHARED) & _author_still_shares() & Exists(covering)


class ContentQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> ContentQuerySet:
        """Rows this user may read. Anonymous users see nothing."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(
            Q(author=user)
            | (Q(visibility=Visibility.SHARED) & _active_partner_of(user))
            | _granted_to(self.model, user)
        )

    def authored_by(self, user: Any) -> ContentQuerySet:
        """Rows this user may change: only their own."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(author=user)

    def shared_with(self, user: Any) -> ContentQuerySet:
        """What the partner shared with this user (not the user's own rows).

        Partner shares only: a counsellor's grants never reach code written
        for a partner (answering, marking, "shared with me" downloads).
        """
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(Q(visibility=Visibility.SHARED) & _active_partner_of(user)).exclude(
            author=user
        )


class SharedContent(PublicIdModel, TimeStampedModel):
    """Abstract base for anything a person writes in Mendwell."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    couple = models.ForeignKey(
        "couples.Couple", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    visibility = models.CharField(
        max_length=16, choices=Visibility.choices, default=Visibility.PRIVATE
    )

    objects = ContentQuerySet.as_manager()

    # Fields a personal export or a "what was shared with me" download holds.
    export_fields: ClassVar[tuple[str, ...]] = ()
    # A short, neutral, translatable name for the kind of item.
    export_label: ClassVar[Any] = _("Item")
    # Set (to the model's label, e.g. "checkins.checkin") on kinds a client may
    # grant a counsellor; empty means no grant can ever cover this model.
    grant_category: ClassVar[str] = ""

    class Meta:
        abstract = True

    def export_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "kind": self._meta.label_lower,
            "created": self.created_at.date().isoformat(),
        }
        for field in self.export_fields:
            value = getattr(self, field)
            data[field] = value.isoformat() if hasattr(value, "isoformat") else value
        return data


def content_models() -> list[type[SharedContent]]:
    """Every concrete content model: what exports and downloads iterate over."""
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, SharedContent)]


def grantable_models() -> dict[str, type[SharedContent]]:
    """Kinds a client may grant a counsellor, by their grant category."""
    return {model.grant_category: model for model in content_models() if model.grant_category}


def get_visible_or_404(model: type[M], *, user: Any, pk: Any) -> M:
    """Fetch one row the user may read, or raise the same 404 as a missing id."""
    try:
        return model.objects.visible_to(user).get(pk=pk)
    except (model.DoesNotExist, ValidationError, ValueError, TypeError):
        raise Http404 from None


def get_authored_or_404(model: type[M], *, user: Any, pk: Any) -> M:
    """Fetch one row the user may change (their own), or 404."""
    try:
        return model.objects.authored_by(user).get(pk=pk)
    except (model.DoesNotExist, ValidationError, ValueError, TypeError):
        raise Http404 from None
