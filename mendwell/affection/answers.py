"""Today's answer to the challenge, kept in the person's session and nowhere else.

A "not now" or a "we did this" must leave no record (EVIDENCE.md A4): it is
never written to a table, never counted, and never reaches the partner, whose
page is the same as if nothing had been answered. It is kept in the session
only so the person's own page can acknowledge it for the rest of the day; the
next day it no longer applies.
"""

from __future__ import annotations

from datetime import date
from typing import Any

SESSION_KEY = "affection_today"
ANSWERS = ("not_now", "done")


def remember(session: Any, *, challenge_id: Any, today: date, answer: str) -> None:
    # One entry, replaced each time: nothing accumulates, not even in the session.
    session[SESSION_KEY] = {
        "challenge": str(challenge_id),
        "day": today.isoformat(),
        "answer": answer,
    }


def answer_today(session: Any, *, challenge_id: Any, today: date) -> str | None:
    kept = session.get(SESSION_KEY)
    if not isinstance(kept, dict):
        return None
    if kept.get("challenge") != str(challenge_id) or kept.get("day") != today.isoformat():
        return None
    answer = kept.get("answer")
    return answer if answer in ANSWERS else None
