"""Cursor pagination for every list: no totals, so a list never counts anything
hidden from the reader (SECURITY.md AC-5)."""

from __future__ import annotations

from ninja.pagination import CursorPagination


class Newest(CursorPagination):
    """Newest first by creation time; 50 a page unless the client asks for fewer."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(ordering=("-created_at", "-pk"), page_size=50, max_page_size=100)
