"""Writes for deletion: one item everywhere at once, or a whole account.

Deleting an account is one transaction: the couple link ends (the partner is
left in a solo space, told nothing beyond what leaving already shows), the
containers the person started that hold the partner's words are handed over
to the partner without the person's own words, every session of the person is
ended, and the user row is deleted (its rows go by CASCADE). Only once that has
committed is the person's data key destroyed (``keyring.shred_user_key``), so
a rollback never leaves live rows that can no longer be read.

What survives for the partner, model by model (each decision is a
``on_delete`` in the owning app, or a hand-over here):

* anything the partner authored (``SharedContent.author``) stays theirs;
* guided conversations the person started: handed to the partner when the
  partner spoke in them (the topic is blanked, the person's turns go), else
  deleted;
* the partner's answers to the person's acknowledgements and reflections on
  the person's date plans stay (their container link becomes empty,
  ``SET_NULL``), so they remain in the partner's export;
* jar draws and promise marks are only pointers to the person's act or
  promise and hold nothing the partner wrote beyond a tick: they go with it.
"""

from __future__ import annotations

import logging
from typing import Any, cast

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from mendwell.conversations.models import Conversation, Turn
from mendwell.core import keyring
from mendwell.couples import services as couples_services
from mendwell.couples.models import Couple, Membership
from mendwell.couples.selectors import partner_of
from mendwell.promises.models import PromiseOccurrence

logger = logging.getLogger(__name__)


def session_keys_of(user: Any) -> list[str]:
    """Every live session signed in as this person, on any device.

    Django's sessions carry the user id only inside their encoded data, so we
    read them (and allauth's ``usersessions`` list too, when it is installed).
    """
    keys: set[str] = set()
    if apps.is_installed("allauth.usersessions"):
        from allauth.usersessions.models import UserSession

        keys.update(
            UserSession.objects.filter(user_id=user.pk).values_list("session_key", flat=True)
        )
    wanted = str(user.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        data = session.get_decoded()  # {} for a session that cannot be decoded
        if str(data.get("_auth_user_id", "")) == wanted:
            keys.add(session.session_key)
    return sorted(keys)


def _hand_over_conversations(user: Any) -> None:
    """Keep the guided conversations the other person spoke in, as that person's own.

    The other person is whoever else wrote turns there: the partner now, or an
    ex-partner from a couple that ended (their words are theirs just the same).
    """
    started = cast("QuerySet[Conversation]", Conversation.objects.filter(author=user))
    others = Turn.objects.exclude(author=user).filter(conversation_id__in=started.values("pk"))
    speakers = dict(others.values_list("conversation_id", "author_id").distinct())
    for conversation in started.filter(pk__in=speakers):
        conversation.author_id = speakers[conversation.pk]
        conversation.topic = ""  # the person's words go with them
        conversation.ended_at = conversation.ended_at or timezone.now()
        if conversation.first_speaker_id == user.pk:
            conversation.first_speaker = None
        conversation.save()


def _forget_marks_on_others_promises(user: Any) -> None:
    """The person's "kept" marks and kind words on a partner's promises are theirs: they go.

    They live on the promise's own rows (sealed under the promise author's key,
    so the key's destruction would not reach them): cleared here, the promise
    and its dates stay the author's.
    """
    couples = Membership.objects.filter(user=user).values("couple_id")
    marked = (
        PromiseOccurrence.objects.filter(promise__couple_id__in=couples)
        .exclude(promise__author=user)
        .exclude(mark="", marked_at__isnull=True)
        .select_related("promise__author")
    )
    for occurrence in marked:  # one save each: the empty word is sealed for its own row
        occurrence.mark = ""
        occurrence.marked_at = None
        occurrence.kind_word = ""
        occurrence.save(update_fields=["mark", "marked_at", "kind_word"])


def _forget_empty_couples(user: Any) -> None:
    """Couples only this person was ever in (an invite nobody took) go with them."""
    own = Membership.objects.filter(user=user).values("couple_id")
    others = Membership.objects.exclude(user=user).values("couple_id")
    Couple.objects.filter(pk__in=own).exclude(pk__in=others).delete()


@transaction.atomic
def account_delete(*, user: Any) -> bool:
    """Delete the person's account and everything they authored; False if already gone.

    A second submit (or a second device) racing the first finds no row under
    the lock and changes nothing.
    """
    locked = get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    if locked is None:
        return False
    _hand_over_conversations(locked)
    _forget_marks_on_others_promises(locked)
    if partner_of(locked) is not None:
        couples_services.couple_leave(user=locked)
    _forget_empty_couples(locked)
    keys = session_keys_of(locked)
    Session.objects.filter(session_key__in=keys).delete()
    user_id = locked.pk
    locked.delete()
    # Destroy the data key only after the rows are gone for good.
    transaction.on_commit(lambda: keyring.shred_user_key(user))
    logger.info("account %s deleted (%d sessions ended)", user_id, len(keys))
    return True
