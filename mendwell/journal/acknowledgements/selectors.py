"""Reads of acknowledgements, always for the acting person and through the gate."""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from mendwell.couples.access import get_authored_or_404, get_visible_or_404
from mendwell.journal.models import Acknowledgement, AcknowledgementResponse, AcknowledgementSent


def acknowledgements_written_by(user: Any) -> list[Acknowledgement]:
    threads = Acknowledgement.objects.authored_by(user).prefetch_related("sent_copies")
    return list(cast("QuerySet[Acknowledgement]", threads).order_by("-created_at"))


def acknowledgements_received_by(user: Any) -> list[Acknowledgement]:
    """Threads the partner sent this person (sent ones only, in the active couple)."""
    threads = Acknowledgement.objects.shared_with(user).prefetch_related("sent_copies")
    return list(cast("QuerySet[Acknowledgement]", threads).order_by("-sent_at"))


def acknowledgement_visible_to(user: Any, thread_id: Any) -> Acknowledgement:
    return get_visible_or_404(Acknowledgement, user=user, pk=thread_id)


def acknowledgement_for_author(user: Any, thread_id: Any) -> Acknowledgement:
    return get_authored_or_404(Acknowledgement, user=user, pk=thread_id)


def acknowledgement_shared_with(user: Any, thread_id: Any) -> Acknowledgement:
    """A thread the partner sent this person, or 404 (one's own threads included)."""
    try:
        return cast("Acknowledgement", Acknowledgement.objects.shared_with(user).get(pk=thread_id))
    except (Acknowledgement.DoesNotExist, ValidationError, ValueError, TypeError):
        raise Http404 from None


def sent_copies_of(user: Any, thread: Acknowledgement) -> list[AcknowledgementSent]:
    # ``thread`` came through the gate for ``user``; the copies are its history.
    if not Acknowledgement.objects.visible_to(user).filter(pk=thread.pk).exists():
        return []
    return list(thread.sent_copies.order_by("number"))


def responses_to(user: Any, thread: Acknowledgement) -> list[AcknowledgementResponse]:
    answers = AcknowledgementResponse.objects.visible_to(user).filter(thread=thread)
    return list(cast("QuerySet[AcknowledgementResponse]", answers).order_by("created_at"))
