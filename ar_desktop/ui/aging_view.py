"""The aging report as of any date the user picks."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ar_desktop.domain.aging import BUCKET_KEYS, BUCKETS, AgingRow
from ar_desktop.ui import palette
from ar_desktop.ui.dialogs.form import date_edit
from ar_desktop.ui.table_models import RawRole, StatusRole, money_text

# The bucket labels of domain.aging.BUCKETS, declared here for translation.
BUCKET_TEXT = (QT_TRANSLATE_NOOP("Columns", "Not yet due"), QT_TRANSLATE_NOOP("Columns", "1–30"),
               QT_TRANSLATE_NOOP("Columns", "31–60"), QT_TRANSLATE_NOOP("Columns", "61–90"),
               QT_TRANSLATE_NOOP("Columns", "Over 90"))


class AgingModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, AgingRow, bool]] = []  # (currency, row, is_total)

    def set_blocks(self, blocks) -> None:
        self.beginResetModel()
        self.rows = [(b.currency, r, False) for b in blocks for r in b.rows] + \
                    [(b.currency, b.total, True) for b in blocks]
        self.endResetModel()

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("Columns", "Code"), QCoreApplication.translate("Columns", "Customer"),
                QCoreApplication.translate("Columns", "Cur."),
                *(QCoreApplication.translate("Columns", b.label) for b in BUCKETS),
                QCoreApplication.translate("Columns", "Total")]

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(BUCKETS) + 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def _value(self, row: AgingRow, currency: str, col: int):
        if col == 0:
            return row.customer_code
        if col == 1:
            return row.customer_name
        if col == 2:
            return currency
        if col == len(BUCKETS) + 3:
            return row.total
        return row.buckets[BUCKET_KEYS[col - 3]]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        currency, row, is_total = self.rows[index.row()]
        col = index.column()
        value = self._value(row, currency, col)
        if role == Qt.ItemDataRole.DisplayRole:
            if is_total and col == 1:
                return QCoreApplication.translate("Columns", "Total")
            if col >= 3:
                return money_text(value) if value or is_total else ""  # blanks keep the eye on what is owed
            return value
        if role == RawRole:
            return value
        overdue = 4 <= col < len(BUCKETS) + 3 and value > 0
        if role == StatusRole:
            return palette.OVERDUE if overdue else None
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return palette.color_for(palette.OVERDUE)
        if role == Qt.ItemDataRole.FontRole and is_total:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AgingView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.books = None
        self.as_of = date_edit()
        self.as_of.dateChanged.connect(self.reload)
        top = QHBoxLayout()
        title = QLabel(self.tr("Aging as of"))
        title.setStyleSheet("font-weight: bold;")
        top.addWidget(title)
        top.addWidget(self.as_of)
        top.addStretch(1)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("The aging as shown, previewed to print or save as PDF"))
        self.print_button.clicked.connect(self.print_list)
        top.addWidget(self.print_button)
        self.model = AgingModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)

    def attach(self, books) -> None:
        """Use ``books`` as of today; the report is computed on the next reload."""
        self.books = books
        today = books.today()
        self.as_of.blockSignals(True)
        self.as_of.setDate(self.as_of.date().fromString(today.isoformat(), "yyyy-MM-dd"))
        self.as_of.blockSignals(False)

    _stale = True

    def reload(self) -> None:
        """Compute now if the report is on screen; otherwise when it is next shown."""
        self._stale = True
        if self.books is not None and self.isVisible():
            self._stale = False
            self._compute()

    def _compute(self) -> None:
        from ar_desktop.services.aging import aging_report  # on first use: the window starts without it

        self.model.set_blocks(aging_report(self.books, self.as_of.date().toPython()))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def print_list(self):
        if self.books is None:
            return None
        from ar_desktop.ui.list_printing import print_model

        if self._stale:
            self._compute()
            self._stale = False
        return print_model(self, self.books, self.model, self.tr("Aging report"),
                           subtitle=self.tr("As of {0}").format(self.as_of.date().toString("yyyy-MM-dd")))
