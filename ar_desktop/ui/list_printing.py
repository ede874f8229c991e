"""Printing what a list shows (Ctrl+P on a list tab): its rows, as displayed, in a PDF preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from ar_desktop.ui.messages import run_action
from ar_desktop.ui import amounts

if TYPE_CHECKING:  # for annotations only: imported where used
    from ar_desktop.ui.pdf_preview import PdfPreview


def printed_language() -> str:
    """The language of printed lists: the interface's ("zh" in the Chinese translation)."""
    return QCoreApplication.translate("ListPrinting", "en", "language code of printed lists: en or zh")


def print_model(parent: QWidget, books, model: QAbstractItemModel, title: str, *, subtitle: str = "",
                totals: str = "") -> PdfPreview | None:
    """Render the rows of ``model`` (at most MAX_PRINTED_ROWS) as shown, and preview them."""
    from ar_desktop.services.list_report import MAX_PRINTED_ROWS, list_pdf
    from ar_desktop.ui.pdf_preview import PdfPreview
    count, columns = model.rowCount(), model.columnCount()
    shown = min(count, MAX_PRINTED_ROWS)
    horizontal = Qt.Orientation.Horizontal
    headers = [str(model.headerData(c, horizontal) or "") for c in range(columns)]
    right = int(Qt.AlignmentFlag.AlignRight)

    def aligned_right(c: int) -> bool:
        header = model.headerData(c, horizontal, Qt.ItemDataRole.TextAlignmentRole)
        cell = model.index(0, c).data(Qt.ItemDataRole.TextAlignmentRole) if count else None
        return bool(int(header or cell or 0) & right)

    numeric = [c for c in range(columns) if aligned_right(c)]
    rows = [[_text(model.index(r, c).data()) for c in range(columns)] for r in range(shown)]
    note = ""
    if count > shown:
        note = QCoreApplication.translate(
            "ListPrinting", "The first {0} of {1} rows are printed; narrow the list with its filters to print the "
            "rest.").format(amounts.number(shown, 0), amounts.number(count, 0))
    ok, data = run_action(parent, list_pdf, books, title, headers, rows, numeric=numeric, subtitle=subtitle,
                          totals=totals, note=note, language=printed_language())
    if not ok:
        return None
    preview = PdfPreview(parent, data, title, file_name=f"{title} {books.today().isoformat()}.pdf")
    preview.open()
    return preview


def _text(value) -> str:
    return "" if value is None else str(value)
