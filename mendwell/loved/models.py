"""Step 5: how each partner feels loved.

* ``RatingSnapshot``: one dated set of ten independent ratings (five ways,
  receiving and giving, 0–4). A save adds a snapshot, so the owner keeps their
  history; the newest is the current one. Only the newest can ever be shared:
  the partner reads today's answer, never the history.
* ``LovedItem``: one line of a person's "things that make me feel loved",
  ordered by ``position``; one may be flagged "this week I'd love…".
* ``LovedSharing``: what the person chose to share, and in which couple. It is
  the owner's own setting and the partner never reads it: the partner only
  ever reads content rows through the access gate, whose ``visibility`` the
  sharing services keep in step with this choice. Keeping the choice in its own
  row means "share my list" holds for items added later, and an empty list can
  be shared before its first line.

There is deliberately no "primary" way, no ranking and no match score.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mendwell.core.fields import EncryptedTextField
from mendwell.couples.access import SharedContent
from mendwell.loved.ways import HIGHEST, LOWEST, WAY_KEYS

ITEM_LIMIT = 50  # lines in one person's list
ITEM_TEXT_LIMIT = 300  # characters in one line


def _rating() -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField()


def _in_range(field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gte": LOWEST, f"{field}__lte": HIGHEST}),
        name=f"loved_{field}_in_range",
    )


RATING_FIELDS = tuple(
    f"{direction}_{key}" for direction in ("receiving", "giving") for key in WAY_KEYS
)


class RatingSnapshot(SharedContent):
    receiving_words_of_affirmation = _rating()
    receiving_acts_of_service = _rating()
    receiving_gifts = _rating()
    receiving_quality_time = _rating()
    receiving_physical_touch = _rating()
    giving_words_of_affirmation = _rating()
    giving_acts_of_service = _rating()
    giving_gifts = _rating()
    giving_quality_time = _rating()
    giving_physical_touch = _rating()

    export_fields = RATING_FIELDS
    export_label = _("Ways of feeling loved (ratings)")

    class Meta:
        constraints = [_in_range(field) for field in RATING_FIELDS]
        indexes = [
            # Every read is "this person's newest" or "this person's history".
            models.Index(fields=["author", "-created_at"], name="loved_rating_author_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"ratings {self.id}"

    def rating(self, direction: str, key: str) -> int:
        value: int = getattr(self, f"{direction}_{key}")
        return value


class LovedItem(SharedContent):
    text = EncryptedTextField()
    position = models.PositiveIntegerField(default=0)
    this_week = models.BooleanField(default=False)

    export_fields = ("text", "this_week")
    export_label = _("Something that makes me feel loved")
    grant_category = "loved.loveditem"  # a client may grant it to their counsellor

    class Meta:
        indexes = [
            models.Index(fields=["author", "position"], name="loved_item_author_order_idx"),
        ]

    def __str__(self) -> str:
        return f"loved item {self.id}"


class LovedSharing(models.Model):
    """The owner's choice. A couple id, not a yes/no: sharing made in one couple
    space never carries over into a later one (a new couple starts unshared)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    ratings_shared_in = models.ForeignKey(
        "couples.Couple", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    list_shared_in = models.ForeignKey(
        "couples.Couple", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"sharing choices {self.pk}"
