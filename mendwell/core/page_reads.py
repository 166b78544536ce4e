"""Reads remembered for the length of one read-only page, and no longer.

A page like Today asks many steps the same questions ("who is this person's
partner?", "is the program paused?"), and each step asks them through the
same selectors. Inside ``page_reads()`` those answers are worked out once and
reused; outside it (every write, every other request) nothing is remembered,
so access is still decided from the database on every request, and a change
made by a write is never hidden behind an old answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

_store: ContextVar[dict[Any, Any] | None] = ContextVar("mendwell_page_reads", default=None)


@contextmanager
def page_reads() -> Iterator[None]:
    """Remember reads until the block ends. Use only around a page that writes nothing
    the remembered reads depend on (couples, safety states, affection choices)."""
    token = _store.set({})
    try:
        yield
    finally:
        _store.reset(token)


def active() -> bool:
    return _store.get() is not None


def remembered(key: Any, compute: Callable[[], T]) -> T:
    """``compute()``, once per key inside ``page_reads()``; every time outside it."""
    store = _store.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


def remember(key: Any, value: Any) -> None:
    """Seed an answer found along the way by a broader query (no-op outside a page)."""
    store = _store.get()
    if store is not None:
        store.setdefault(key, value)
