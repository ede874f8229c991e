"""A customer's collection file: every step, call, letter, promise, dispute and payment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ar_desktop.domain import collection_file
from ar_desktop.ui.i18n import render
from ar_desktop.ui.table_models import RawRole, money_text

if TYPE_CHECKING:  # for annotations only
    from ar_desktop.services.collection_history import HistoryEntry

HEADERS = (QT_TRANSLATE_NOOP("History", "Date"), QT_TRANSLATE_NOOP("History", "What"),
           QT_TRANSLATE_NOOP("History", "Details"), QT_TRANSLATE_NOOP("History", "Invoice"),
           QT_TRANSLATE_NOOP("History", "Amount"))


def kind_text(kind: str) -> str:
    """An entry's kind by its name in the interface language (domain.collection_file.KIND_NAMES)."""
    return render(collection_file.kind_text(kind))


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = list(reversed(entries))  # newest first: what happened last matters most
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("History", HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        values = (e.date, kind_text(e.kind), render(e.text), e.invoice_number or "", e.amount)
        if role == Qt.ItemDataRole.DisplayRole:
            v = values[index.column()]
            if index.column() == 0:
                return v.isoformat()
            if index.column() == 4:
                return money_text(v)
            return v
        if role == RawRole:
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return values[2]
        return None
