"""Writes for the daily check-in."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from mendwell.checkins.models import CheckIn, WeekNote
from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user


def _checkins() -> QuerySet[CheckIn]:
    # The gate's manager is declared on the abstract base; name the concrete type.
    return cast("QuerySet[CheckIn]", CheckIn.objects.all())


def _sharing(user: Any, share: bool) -> dict[str, Any]:
    couple = couple_for_user(user) if share else None
    if couple is None:
        return {"visibility": Visibility.PRIVATE, "couple": None}
    return {"visibility": Visibility.SHARED, "couple": couple}


@transaction.atomic
def checkin_save(
    *, user: Any, day: date, mood: int, closeness: int, note: str, share: bool
) -> CheckIn:
    """One check-in per person and day: saving again that day updates it."""
    fields = {"mood": mood, "closeness": closeness, "note": note, **_sharing(user, share)}
    existing = _checkins().select_for_update(no_key=True).filter(author=user, day=day).first()
    if existing is None:
        try:
            with transaction.atomic():
                return _checkins().create(author=user, day=day, **fields)
        except IntegrityError:
            # A second device saved the same day a moment earlier: update that one.
            existing = _checkins().get(author=user, day=day)
    for name, value in fields.items():
        setattr(existing, name, value)
    existing.save()
    return existing


def checkin_share(*, checkin: CheckIn, share: bool) -> None:
    sharing = _sharing(checkin.author, share)
    checkin.visibility = sharing["visibility"]
    checkin.couple = sharing["couple"]
    checkin.save(update_fields=["visibility", "couple", "updated_at"])


@transaction.atomic
def week_notes_save(
    *, user: Any, week_of: date, texts: dict[str, str], shares: dict[str, bool]
) -> None:
    """Save this week's lines; an emptied line is deleted, so nothing lingers."""
    rows = cast("QuerySet[WeekNote]", WeekNote.objects.all())
    for kind, text in texts.items():
        if not text:
            rows.filter(author=user, week_of=week_of, kind=kind).delete()
            continue
        rows.update_or_create(
            author=user,
            week_of=week_of,
            kind=kind,
            defaults={"text": text, **_sharing(user, shares.get(kind, False))},
        )


@transaction.atomic
def checkin_delete(*, checkin: CheckIn) -> None:
    """Gone for good: from the calendar, the chart, the partner's view and any grant."""
    checkin.delete()


@transaction.atomic
def week_note_delete(*, note: WeekNote) -> None:
    note.delete()
