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
# The roles as plain ints (Qt passes an int; naming an enum member costs a lookup each time) and the roles
# answered: Qt asks a dozen per cell, half of them (decoration, background, check state, size…) never answered
_DISPLAY, _TIP, _ALIGN, _FONT, _FOREGROUND = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole))
_RAW, _STATUS, _PAYLOAD = int(RawRole), int(StatusRole), int(PayloadRole)
_ANSWERED = frozenset((_DISPLAY, _TIP, _ALIGN, _FONT, _FOREGROUND, _RAW, _STATUS, _PAYLOAD))
_NUMERIC = frozenset(("money", "number", "int"))


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

    # Qt asks for a dozen roles per cell, thousands of times when it sizes a column to its content and paints
    # (6,000 calls on the GUI thread as the Overview's lists arrive): each is answered without copying the rows
    # and without computing what that role does not show, a role never answered at once
    def data(self, index, role=_DISPLAY):
        if role not in _ANSWERED:
            return None
        r = index.row()
        is_total = self.total is not None and r == len(self.rows)
        row = self.total if is_total else self.rows[r]
        col = self.columns[index.column()]
        if role == _TIP and self._tip is not None and not is_total:
            return self._tip(row) or None
        if role == _DISPLAY or role == _TIP:
            return col.text(row) if col.text is not None else cell_text(col.value(row), col.kind)
        if role == _RAW:
            return col.value(row)
        if role == _PAYLOAD:
            return row
        if role == _ALIGN:
            return _RIGHT if col.kind in _NUMERIC else None
        if role == _FONT:
            return _bold() if is_total else None
        if self._tone is None or is_total:   # the status or the foreground: the row's tone
            return None
        tone = self._tone(row)
        if role == _STATUS:
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
