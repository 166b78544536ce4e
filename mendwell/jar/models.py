"""The connection jar.

Each person fills the jar with small acts they would love to receive. Once a
week, on the couple's chosen day, each partner draws one of the *other's*
acts to do for them. A draw is the drawer's; the receiver may answer "I
noticed" once it is done. On one's own, the jar is a personal list.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from mendwell.core.fields import EncryptedTextField
from mendwell.core.weekdays import WEEKDAYS
from mendwell.couples.access import SharedContent

ACT_LIMIT = 200
ACTS_PER_PERSON = 60


class JarAct(SharedContent):
    """An act its author would love to receive; shared in the couple so the
    partner can draw it (the partner never browses the list, only draws)."""

    text = EncryptedTextField()

    export_fields = ("text",)
    export_label = _("Act in the connection jar")

    def __str__(self) -> str:
        return f"jar act {self.id}"


class JarDay(models.Model):
    """The couple's draw day (one row per couple; Sunday until they choose)."""

    couple = models.OneToOneField("couples.Couple", on_delete=models.CASCADE, related_name="+")
    weekday = models.PositiveSmallIntegerField(default=6, choices=WEEKDAYS)

    def __str__(self) -> str:
        return f"jar day {self.pk}"


class JarDraw(SharedContent):
    """One partner's draw for one week (``week_of``: the Monday of that week,
    in the drawer's own calendar)."""

    act = models.ForeignKey(JarAct, on_delete=models.CASCADE, related_name="+")
    week_of = models.DateField()
    done_at = models.DateTimeField(null=True, blank=True)
    noticed_at = models.DateTimeField(null=True, blank=True)

    export_fields = ("week_of",)
    export_label = _("Jar draw")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["author", "week_of"], name="jar_one_draw_a_week"),
        ]

    def __str__(self) -> str:
        return f"jar draw {self.id}"
