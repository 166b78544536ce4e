"""Our story as a file the person keeps: Markdown, or a PDF made by WeasyPrint.

Both are built from ``timeline.story_for`` and so hold exactly what the person
can see. The PDF is drawn from a print template with local fonts (DejaVu, from
the system) and a URL fetcher that refuses every URL: nothing is fetched from
anywhere while it is made.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import formats
from django.utils.translation import gettext as _

from mendwell.story.timeline import Moment

PRINT_CSS = Path(__file__).with_name("print.css")


def _step_label(moment: Moment) -> str:
    return _("Step %(number)d") % {"number": moment.step} if moment.step else ""


def _markdown_text(text: str) -> str:
    """Keep a person's words as words: nothing they type becomes a heading, a link
    or a list in the file (each line is quoted, Markdown's own marks escaped)."""
    lines = []
    for line in text.splitlines() or [""]:
        line = "".join(f"\\{char}" if char in "\\`*_[]<>#|" else char for char in line)
        if re.match(r"\s*([-+]|\d+\.)\s", line):
            line = "\\" + line.lstrip()  # not the start of a list
        lines.append(f"> {line}" if line else ">")
    return "\n".join(lines)


def as_markdown(moments: list[Moment], *, made_on: date) -> str:
    lines = [f"# {_('Our story')}", "", _("Kept on %(day)s.") % {"day": made_on.isoformat()}, ""]
    if not moments:
        lines += [_("Nothing here yet."), ""]
    for moment in moments:
        heading = f"## {moment.day.isoformat()} · {moment.title}"
        lines += [heading, ""]
        details = [part for part in (_step_label(moment), _by(moment)) if part]
        if details:
            lines += [" · ".join(details), ""]
        lines += [_markdown_text(moment.text), ""]
    return "\n".join(lines)


def _by(moment: Moment) -> str:
    return _("Posted by %(name)s") % {"name": moment.by} if moment.by else ""


def as_pdf(moments: list[Moment], *, made_on: date) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(
        "story/print.html",
        {
            "moments": [
                {"moment": m, "step": _step_label(m), "by": _by(m), "day": _day(m.day)}
                for m in moments
            ],
            "made_on": _day(made_on),
        },
    )
    # No protocol is allowed: the page has no images, links to fetch or remote fonts.
    refuse_all = URLFetcher(allowed_protocols=())
    stylesheet = CSS(string=PRINT_CSS.read_text(encoding="utf-8"), url_fetcher=refuse_all)
    pdf: Any = HTML(string=html, url_fetcher=refuse_all).write_pdf(stylesheets=[stylesheet])
    return bytes(pdf)


def _day(day: date) -> str:
    return str(formats.date_format(day, "j F Y"))
