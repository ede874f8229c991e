"""Small read-only lists of the Credit tab (customers with insurance, open invoices with a clock,
credit actions): rows computed by a service, sorted in the model (they are few next to the
invoice table)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ar_desktop.ui import palette
from ar_desktop.ui.table_models import RawRole, StatusRole


@dataclass(frozen=True)
class ListColumn:
    header: str                                # English; translated in the model's context
    raw: Callable[[Any], Any]
    text: Callable[[Any], str] | None = None
    numeric: bool = False


class RowsModel(QAbstractTableModel):
    def __init__(self, context: str, columns: Sequence[ListColumn], tone: Callable[[Any], str | None] | None = None,
                 tip: Callable[[Any], str] | None = None, parent=None):
        super().__init__(parent)
        self.context, self.columns, self.tone, self.tip = context, list(columns), tone, tip
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.context, self.columns[section].header)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col.text is not None:
                return col.text(r)
            value = col.raw(r)
            return "" if value is None else str(value)
        if role == RawRole:
            return col.raw(r)
        if role == StatusRole:
            return self.tone(r) if self.tone else None
        if role == Qt.ItemDataRole.ForegroundRole and self.tone is not None:
            return palette.color_for(self.tone(r))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignRight if col.numeric else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and self.tip is not None:
            return self.tip(r) or None
        return None

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        raw = self.columns[column].raw
        self.layoutAboutToBeChanged.emit()
        present = [r for r in self.rows if raw(r) not in (None, "")]
        missing = [r for r in self.rows if raw(r) in (None, "")]
        present.sort(key=raw, reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = present + missing
        self.layoutChanged.emit()
