"""A table model over a SQL query: the ordered ids are a lazy sequence (storage.paging.PagedIds: a count,
then one indexed query per page), and the rows of the pages on screen are read and kept in a small cache.

Sorting and filtering re-run the query (in SQL), never a proxy sorting in Python, and no step holds every
id in Python, so a company file with a million invoices opens, scrolls and sorts without a stall.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from ar_desktop.ui import amounts, palette

Row = TypeVar("Row")
PAGE = 200
CACHED_PAGES = 32  # pages of rows kept: what is on screen and around it

# Custom roles: the raw value (Decimal, date, ...) and the semantic status of the row.
RawRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2
IdRole = Qt.ItemDataRole.UserRole + 3
SeverityRole = Qt.ItemDataRole.UserRole + 4  # how overdue (domain.aging.overdue_severity), or None


@dataclass(frozen=True)
class Column(Generic[Row]):
    key: str
    header: str  # English source text; translated in the "Columns" context
    value: Callable[[Any], Any]
    sort_key: str | None = None  # the SQL sort key, or None when the column cannot be sorted
    text: Callable[[Any], str] | None = None
    numeric: bool = False
    tooltip: Callable[[Any], str] | None = None


def money_text(value: Decimal | None, currency: str | None = None) -> str:
    """An amount in the window's one style (ui.amounts): '12.000,50' in a German company."""
    return amounts.money(value, currency)


class PagedTableModel(QAbstractTableModel):
    # A read failed (a disk error, a page found damaged): the list shows what it could read and the tab says
    # why, once until it reads again. Reads run inside Qt's own calls (data(), sort()), where an exception would only be
    # printed to a console nobody sees, and then met again on every repaint.
    failed = Signal(object)

    def __init__(self, columns: Sequence[Column], load_ids: Callable[[str, bool], Sequence[int]],
                 load_rows: Callable[[list[int]], list[Any]], row_tone: Callable[[Any], str | None],
                 default_sort: str, parent=None, *, descending: bool = False,
                 row_severity: Callable[[Any], str | None] | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self._load_ids = load_ids
        self._load_rows = load_rows
        self._row_tone = row_tone
        self._row_severity = row_severity or (lambda _row: None)
        self._sort = default_sort
        self._descending = descending
        self._ids: Sequence[int] = ()
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self._reported = False  # a failed read was reported since the last reload that worked

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        try:
            ids = self.read(lambda: _counted(self._load_ids(self._sort, self._descending)), None)
            if ids is not None:
                self._reported = False  # it reads again: a later failure is news
            self._ids = ids if ids is not None else ()
        finally:
            self._pages.clear()
            self.endResetModel()

    def refresh_rows(self) -> None:
        """Same ids, fresh figures (after an edit that does not change the order)."""
        self._pages.clear()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))

    def row_at(self, row: int) -> Any:
        page, offset = divmod(row, PAGE)
        if page in self._pages:
            self._pages.move_to_end(page)
        else:
            self._pages[page] = self.read(lambda: self._load_rows(list(self._ids[page * PAGE:(page + 1) * PAGE])),
                                           [])  # (empty until the next reload)
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        rows = self._pages[page]
        return rows[offset] if offset < len(rows) else None

    def read(self, load: Callable[[], Any], instead: Any = None) -> Any:
        """``load()``, or ``instead`` when it fails: the failure is reported once (failed), as the list's own."""
        try:
            return load()
        except Exception as e:  # noqa: BLE001 - shown by the tab (failed), never lost in Qt's call
            if not self._reported:
                self._reported = True
                self.failed.emit(e)
            return instead

    def id_at(self, row: int) -> int | None:
        def find() -> int | None:
            try:
                return self._ids[row]
            except IndexError:  # the rows changed since the count: the next reload shows them
                return None
        return self.read(find, None)

    def row_of_id(self, ident: int) -> int:
        def find() -> int:
            try:
                return self._ids.index(ident)
            except ValueError:  # not in the list (filtered out, or gone)
                return -1
        return self.read(find, -1)

    @property
    def sort_key(self) -> str:
        return self._sort

    # -- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.read(lambda: len(self._ids), 0)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self.columns)):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Columns", col.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignRight if col.numeric else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col.text is not None:
                return col.text(row)
            value = col.value(row)
            if isinstance(value, Decimal):
                return money_text(value)
            return "" if value is None else str(value)
        if role == RawRole:
            return col.value(row)
        if role == IdRole:
            return self.id_at(index.row())
        if role == StatusRole:
            return self._row_tone(row)
        if role == SeverityRole:
            return self._row_severity(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            tone = self._row_tone(row)
            if tone == palette.OVERDUE and self._row_severity(row):
                return palette.severity_color(self._row_severity(row))
            return palette.color_for(tone)
        if role == Qt.ItemDataRole.FontRole:
            return palette.severity_font(self._row_severity(row)) if self._row_tone(row) == palette.OVERDUE else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignRight if col.numeric else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(row)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key
        if key is None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()


def _counted(ids: Sequence[int]) -> Sequence[int]:
    len(ids)  # a lazy sequence counts its rows here, where a failure is reported
    return ids
