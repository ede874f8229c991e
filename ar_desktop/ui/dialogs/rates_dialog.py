"""Settings ▸ Reference rates: the effective-dated rate tables that statutory interest is computed from."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget)

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.reference_rates import (BOE_BANK_RATE, CN_LPR_1Y, DE_BASISZINS, ECB_MRO, KNOWN_TABLES, RateRow,
                                               note_text)
from ar_desktop.services import late_charges
from ar_desktop.services.context import Books
from ar_desktop.ui import amounts
from ar_desktop.ui.dialogs.form import FormDialog, date_edit, line
from ar_desktop.ui.i18n import render, trouble_text
from ar_desktop.ui.messages import confirm, run_action, show_error
from ar_desktop.ui.screen import keep_on_screen

TABLE_LABELS = {
    ECB_MRO: QT_TRANSLATE_NOOP("RatesDialog", "ECB main refinancing rate"),
    DE_BASISZINS: QT_TRANSLATE_NOOP("RatesDialog", "German base rate (Basiszinssatz)"),
    BOE_BANK_RATE: QT_TRANSLATE_NOOP("RatesDialog", "Bank of England Bank Rate"),
    CN_LPR_1Y: QT_TRANSLATE_NOOP("RatesDialog", "China one-year Loan Prime Rate (LPR)"),
}
TABLE_USES = {
    ECB_MRO: QT_TRANSLATE_NOOP("RatesDialog", "Used by the EU statutory rule (rate + 8 points). Published by the "
                                              "European Central Bank."),
    DE_BASISZINS: QT_TRANSLATE_NOOP("RatesDialog", "Used by the German §288 BGB rule (rate + 9 points). Published "
                                                   "by the Deutsche Bundesbank on 1 January and 1 July."),
    BOE_BANK_RATE: QT_TRANSLATE_NOOP("RatesDialog", "Used by the UK Late Payment Act rule (rate + 8 points). "
                                                    "Published by the Bank of England."),
    CN_LPR_1Y: QT_TRANSLATE_NOOP("RatesDialog", "For reference in Chinese contracts. Published monthly by the "
                                                "National Interbank Funding Center."),
}
HEADERS = (QT_TRANSLATE_NOOP("RatesModel", "In force from"), QT_TRANSLATE_NOOP("RatesModel", "Rate (%)"),
           QT_TRANSLATE_NOOP("RatesModel", "Note"))


def percent_text(rate: Decimal) -> str:
    """A rate in the company's number style with at least two decimals: 4.5 -> '4.50' (a German company
    '4,50'), -0.5 -> '-0.50', 3.625 -> '3.625'."""
    places = 2 if rate == rate.quantize(Decimal("0.01")) else -rate.normalize().as_tuple().exponent
    return amounts.number(rate, places)


def _typed_rate(text: str) -> str:
    """A rate typed as the company writes numbers ("4,50" in Germany; "4.50" too) in the form the services
    read; what is no number goes on as typed, for the service to say what a rate looks like."""
    try:
        return amounts.plain(text)
    except UserError:
        return text


class RatesModel(QAbstractTableModel):
    """The rows of one table, newest first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[RateRow] = []

    def set_rows(self, rows: list[RateRow]) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=lambda r: r.effective_from, reverse=True)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.tr(HEADERS[section])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.effective_from.isoformat(), percent_text(row.rate_percent), render(note_text(row.note)))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RateRowDialog(FormDialog):
    """Add a rate change, or (with ``row``) correct the rate and note of an existing one."""

    def __init__(self, parent: QWidget | None, books: Books, table: str, row: RateRow | None = None):
        title = self.tr("Add rate – {0}") if row is None else self.tr("Correct rate – {0}")
        super().__init__(parent, title.format(QCoreApplication.translate("RatesDialog", TABLE_LABELS[table])))
        day = row.effective_from if row is not None else books.today()
        self.date = self.add("effective_from", self.tr("In force from"), date_edit(day),
                             self.tr("The date is fixed; to move a rate, remove it and add it again.")
                             if row is not None else self.tr("The first day the new rate applies."))
        self.date.setEnabled(row is None)
        self.rate = self.add("rate_percent", self.tr("Rate (%)"),
                             line("" if row is None else percent_text(row.rate_percent), 12,
                                  self.tr("e.g. {0}").format(percent_text(Decimal("4.50")))),
                             self.tr("In percent a year, as published; may be negative."))
        self.note = self.add("note", self.tr("Note"), line("" if row is None else row.note,
                                                          late_charges.MAX_NOTE,
                                                          self.tr("e.g. source or press release")))
        fn = late_charges.add_rate if row is None else late_charges.correct_rate
        self.on_save(lambda raw: fn(books, table, raw["effective_from"], _typed_rate(raw["rate_percent"]),
                                    raw["note"]))
        self.resize(460, self.sizeHint().height())


class RatesDialog(QDialog):
    def __init__(self, parent: QWidget | None, books: Books):
        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.books = books
        self.setWindowTitle(self.tr("Reference rates"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.table_box = QComboBox()
        for key in KNOWN_TABLES:
            self.table_box.addItem(self.tr(TABLE_LABELS.get(key, key)), key)
        top.addWidget(QLabel(self.tr("Rate table")))
        top.addWidget(self.table_box, 1)
        layout.addLayout(top)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setEnabled(False)
        layout.addWidget(self.explanation)
        self.stale = QLabel()        # a table that does not reach today's reference day
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet("color: #b26a00;")
        layout.addWidget(self.stale)
        self.model = RatesModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self.correct_selected())
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add rate…"))
        self.correct_button = QPushButton(self.tr("Correct selected…"))
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.add_button.clicked.connect(self.add_row)
        self.correct_button.clicked.connect(self.correct_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.import_csv)
        for b in (self.add_button, self.correct_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.import_button)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()
        self.resize(620, 480)

    @property
    def table(self) -> str:
        return self.table_box.currentData()

    def select_table(self, key: str) -> None:
        self.table_box.setCurrentIndex(self.table_box.findData(key))

    def reload(self, select: object = None) -> None:
        from ar_desktop.ui.i18n import render, trouble_text

        self.explanation.setText(self.tr(TABLE_USES.get(self.table, "")))
        ok, stale = run_action(self, late_charges.stale_rate_tables, self.books)
        mine = [t for t in (stale if ok else []) if t.table == self.table]
        self.stale.setText(self.tr("Out of date: {0}").format(render(mine[0].message())) if mine else "")
        self.stale.setVisible(bool(mine))
        ok, rows = run_action(self, late_charges.list_rates, self.books, self.table)
        self.model.set_rows(rows if ok else [])
        if select is not None:
            self.select_date(select)
        self._update_buttons()

    def select_date(self, day) -> bool:
        for i, r in enumerate(self.model.rows):
            if r.effective_from == day:
                self.view.selectRow(i)
                return True
        return False

    def selected(self) -> RateRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.correct_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def add_row(self) -> None:
        dialog = RateRowDialog(self, self.books, self.table)
        if dialog.exec():
            self.reload(dialog.result_value.effective_from)

    def correct_selected(self) -> None:
        row = self.selected()
        if row is None:
            show_error(self, UserError(self.tr("Select the rate to correct first.")))
            return
        dialog = RateRowDialog(self, self.books, self.table, row)
        if dialog.exec():
            self.reload(row.effective_from)

    def remove_selected(self) -> None:
        row = self.selected()
        if row is None:
            show_error(self, UserError(self.tr("Select the rate to remove first.")))
            return
        if not confirm(self, self.tr("Remove rate"),
                       self.tr("Remove the rate {0} % in force from {1} from the table '{2}'?\n\nInterest already "
                               "shown in issued letters does not change; new computations use the remaining "
                               "rates.").format(percent_text(row.rate_percent), row.effective_from.isoformat(),
                                                self.table_box.currentText())):
            return
        ok, _ = run_action(self, late_charges.remove_rate, self.books, self.table, row.effective_from)
        if ok:
            self.reload()

    def import_csv(self, path: str | None = None) -> int | None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import reference rates"), str(Path.home()),
                                                  self.tr("CSV (*.csv);;All files (*)"))
            if not path:
                return None
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            show_error(self, UserError(self.tr("{0} is not a UTF-8 text file. Save it as CSV (UTF-8) and try "
                                               "again.").format(Path(path).name)))
            return None
        except OSError as e:
            show_error(self, UserError(self.tr("{0} cannot be read. {1}").format(Path(path).name, trouble_text(e))))
            return None
        ok, count = run_action(self, late_charges.import_rates_csv, self.books, text)
        if not ok:
            return None
        self.reload()
        QMessageBox.information(self, self.tr("Import finished"),
                                self.tr("{0} new rates added from {1}; rates already kept were left as they "
                                        "are.").format(count, Path(path).name))
        return count
