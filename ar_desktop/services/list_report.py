"""Printing a list of the window: the rows as shown, under the company's name."""

from __future__ import annotations

from collections.abc import Sequence

from ar_desktop.domain.list_document import ListDocument
from ar_desktop.services.company_file import company_profile
from ar_desktop.services.context import Books

MAX_PRINTED_ROWS = 5000  # a printed list longer than this is a filter the user forgot


def list_pdf(books: Books, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], *,
             numeric: Sequence[int] = (), subtitle: str = "", totals: str = "", note: str = "",
             language: str = "en") -> bytes:
    """The PDF of a list (landscape A4, "Page x of y"); texts come translated from the window."""
    from ar_desktop.pdf.list_report import render_list

    doc = ListDocument(title, company_profile(books).legal_name, books.today(), tuple(headers),
                       tuple(tuple(r) for r in rows), frozenset(numeric), subtitle, totals, note, language)
    return render_list(doc)
