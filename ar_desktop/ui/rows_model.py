"""A read-only table over a short list of rows held in memory (the Overview's lists, the numbers of
a chart, the list behind a figure): columns declared once, sorting on the raw values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont

from ar_desktop.ui import palette
from ar_desktop.ui.table_models import RawRole, StatusRole, money_text
from ar_desktop.ui import amounts

PayloadRole = Qt.ItemDataRole.UserRole + 10
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _bold() -> QFont:
    f = QFont()
    f.setBold(True)
    return f


@dataclass(frozen=True)
class RowColumn:
    header: str                               # English; translated in ``context``
    value: Callable[[Any], Any]
    kind: str = "text"                        # text | money | number | int | date
    context: str = "Overview"
    text: Callable[[Any], str] | None = None  # what the cell shows, when not the value itself (a label)


def cell_text(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "money":
        return money_text(value)
    if kind == "number" and isinstance(value, Decimal):
        return amounts.number(value)
    if kind == "int":
        return amounts.number(value, 0)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[RowColumn], parent=None, *, tone: Callable[[Any], str | None] | None = None,
                 tip: Callable[[Any], str] | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.total: Any = None            # an optional last row in bold (not sorted)
        self._tone, self._tip = tone, tip

    def set_rows(self, rows: Sequence[Any], total: Any = None) -> None:
        self.beginResetModel()
        self.rows, self.total = list(rows), total
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.rows) + (self.total is not None)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            c = self.columns[section]
            return QCoreApplication.translate(c.context, c.header)
        return None

    # Qt asks for a dozen roles per cell, thousands of times when it sizes a column to its content: each
    # is answered without copying the rows and without computing what that role does not show
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = index.row()
        is_total = self.total is not None and r == len(self.rows)
        row = self.total if is_total else self.rows[r]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and self._tip is not None and not is_total:
            return self._tip(row) or None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return col.text(row) if col.text is not None else cell_text(col.value(row), col.kind)
        if role == RawRole:
            return col.value(row)
        if role == PayloadRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col.kind in ("money", "number", "int") else None
        if role == Qt.ItemDataRole.FontRole:
            return _bold() if is_total else None
        if role not in (StatusRole, Qt.ItemDataRole.ForegroundRole) or self._tone is None or is_total:
            return None
        tone = self._tone(row)
        if role == StatusRole:
            return tone
        return palette.color_for(tone) if tone else None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:   # no column chosen (a view that keeps the rows' own order): nothing to do
            return
        key = self.columns[column].value
        self.layoutAboutToBeChanged.emit()
        present = [r for r in self.rows if key(r) not in (None, "")]
        missing = [r for r in self.rows if key(r) in (None, "")]
        present.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = present + missing
        self.layoutChanged.emit()

    def row_at(self, index: int) -> Any:
        return self.rows[index] if 0 <= index < len(self.rows) else None
