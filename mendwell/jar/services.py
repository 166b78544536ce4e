"""Writes for the connection jar."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, cast

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.jar import selectors
from mendwell.jar.models import ACTS_PER_PERSON, JarAct, JarDay, JarDraw
from mendwell.safety.selectors import joint_exercises_allowed

Chooser = Callable[[Sequence[JarAct]], JarAct]
_RANDOM = random.SystemRandom()


class Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _acts() -> QuerySet[JarAct]:
    return cast("QuerySet[JarAct]", JarAct.objects.all())


def _draws() -> QuerySet[JarDraw]:
    return cast("QuerySet[JarDraw]", JarDraw.objects.all())


def act_add(*, user: Any, text: str) -> JarAct:
    if len(selectors.my_acts(user)) >= ACTS_PER_PERSON:
        raise Refused(
            _("Your jar holds up to %(limit)d acts. Remove one to add another.")
            % {"limit": ACTS_PER_PERSON}
        )
    couple = couple_for_user(user) if partner_of(user) else None
    return _acts().create(
        author=user,
        couple=couple,
        visibility=Visibility.SHARED if couple else Visibility.PRIVATE,
        text=text,
    )


def act_edit(*, act: JarAct, text: str) -> JarAct:
    """Reword one of one's own acts. A partner who drew it this week sees the new words."""
    act.text = text
    act.save(update_fields=["text", "updated_at"])
    return act


def act_delete(*, act: JarAct) -> None:
    act.delete()


def draw_day_set(*, user: Any, weekday: int) -> bool:
    """Save the couple's draw day; False (nothing saved) for someone without a couple."""
    couple = couple_for_user(user)
    if couple is None:
        return False
    JarDay.objects.update_or_create(couple=couple, defaults={"weekday": weekday})
    return True


def draw(*, user: Any, day: date, choose: Chooser = _RANDOM.choice) -> JarDraw:
    """This week's draw: one of the partner's acts, chosen at random."""
    if partner_of(user) is None or not joint_exercises_allowed(user):
        raise Refused(
            _("Drawing from the jar opens once you are linked and have taken your private check.")
        )
    if selectors.this_weeks_draw(user, day) is not None:
        raise Refused(_("You've drawn this week's act already. The next draw is next week."))
    if not selectors.draw_open(user, day):
        raise Refused(_("This week's draw opens on your chosen day."))
    acts = selectors.drawable_acts(user)
    if not acts:
        raise Refused(
            _(
                "There's nothing to draw yet: your partner's jar needs a few acts first. "
                "It works best with five or more, so ask them to add some."
            )
        )
    try:
        with transaction.atomic():
            return _draws().create(
                author=user,
                couple=couple_for_user(user),
                visibility=Visibility.SHARED,
                act=choose(acts),
                week_of=selectors.week_of(day),
            )
    except IntegrityError:
        raise Refused(
            _("You've drawn this week's act already. The next draw is next week.")
        ) from None


def draw_done(*, draw: JarDraw) -> None:
    _draws().filter(pk=draw.pk, done_at__isnull=True).update(done_at=timezone.now())


def draw_noticed(*, user: Any, draw: JarDraw) -> bool:
    """The receiver (the act's author) says "I noticed", once it is done."""
    if draw.act.author_id != user.pk or draw.done_at is None:
        return False
    return bool(
        _draws().filter(pk=draw.pk, noticed_at__isnull=True).update(noticed_at=timezone.now())
    )
