"""The report as a PDF, drawn by WeasyPrint from a print template.

The charts are the same server-side SVG partial the /progress/ page uses.
Fonts come from the system (DejaVu) and the URL fetcher refuses every URL:
nothing is fetched from anywhere while the report is made.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from mendwell.report.selectors import ReportContents

PRINT_CSS = Path(__file__).with_name("print.css")


def report_html(contents: ReportContents, *, made_on: date) -> str:
    return render_to_string("report/print.html", {"report": contents, "made_on": made_on})


def as_pdf(contents: ReportContents, *, made_on: date) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    refuse_all = URLFetcher(allowed_protocols=())
    stylesheet = CSS(string=PRINT_CSS.read_text(encoding="utf-8"), url_fetcher=refuse_all)
    html = report_html(contents, made_on=made_on)
    pdf: Any = HTML(string=html, url_fetcher=refuse_all).write_pdf(stylesheets=[stylesheet])
    return bytes(pdf)
