"""The credit actions of a day (insurer deadlines, limitation about to run out, credit reviews due,
small balances to write off), each with its date and a button that opens what it asks for.

Shown in the Collections tab under the worklist and in the Credit tab. Computed off the GUI
thread, read only."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

from ar_desktop.ui import palette
from ar_desktop.ui.column_fit import keep_columns_fitted
from ar_desktop.ui.read_only_table import read_only_table
from ar_desktop.ui.rows_model import RowColumn, RowsModel
from ar_desktop.ui.i18n import name_of, render
from ar_desktop.ui.messages import confirm, run_action
from ar_desktop.ui.tasks import BackgroundTask


def _services():
    """The credit services, imported when first computed (off the window's start-up)."""
    from ar_desktop.services import credit_actions, small_balances

    return SimpleNamespace(credit_actions=credit_actions, small_balances=small_balances)


def list_table(model, *groups: dict[int, int]) -> QTableView:
    """A read-only list whose columns fit their content (``column_fit``): ``groups`` name the columns that
    give up room on a narrow screen, first group first (the last column takes what is left)."""
    t = read_only_table(model)
    t.setWordWrap(False)
    header = t.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.sectionClicked.connect(lambda col: (header.setSortIndicatorShown(True),
                                               model.sort(col, header.sortIndicatorOrder())))
    return keep_columns_fitted(t, *groups)


class CreditActionsView(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.books = None
        self._generation = 0
        self.model = RowsModel([
            RowColumn(QT_TRANSLATE_NOOP("CreditActionsView", "Date"), lambda r: r.date, "date", "CreditActionsView"),
            RowColumn(QT_TRANSLATE_NOOP("CreditActionsView", "What"), lambda r: r.kind, context="CreditActionsView",
                      text=lambda r: name_of(_services().credit_actions.KIND_NAMES[r.kind])),
            RowColumn(QT_TRANSLATE_NOOP("CreditActionsView", "Code"), lambda r: r.customer_code, context="CreditActionsView"),
            RowColumn(QT_TRANSLATE_NOOP("CreditActionsView", "Customer"), lambda r: r.customer_name, context="CreditActionsView"),
            RowColumn(QT_TRANSLATE_NOOP("CreditActionsView", "Amount"), lambda r: r.amount, "money", "CreditActionsView"),
            RowColumn(QT_TRANSLATE_NOOP("CreditActionsView", "Details"), lambda r: render(r.text), context="CreditActionsView"),
        ], tone=lambda r: palette.OVERDUE if r.late else palette.DUE_SOON, tip=lambda r: render(r.text),
            parent=self)
        self.table = list_table(self.model, {5: 240}, {3: 140})  # the details give up room first, then the name
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.table.doubleClicked.connect(lambda _i: self.do_action())
        self.do_button = QPushButton(self.tr("Do it…"))
        self.do_button.setObjectName("credit_do")
        self.do_button.clicked.connect(self.do_action)
        row = QHBoxLayout()
        row.addWidget(self.do_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self._update()

    def attach(self, books) -> None:
        self.books = books
        self._generation += 1

    def refresh(self, as_of: dt.date) -> BackgroundTask | None:
        """Compute the actions of ``as_of`` in the background."""
        if self.books is None:
            return None
        self._generation += 1
        generation, books = self._generation, self.books
        self.as_of = as_of
        return BackgroundTask(self, self.tr("Computing…"),
                              lambda _p: _services().credit_actions.credit_actions(books, as_of),
                              lambda rows: self._arrived(generation, rows), quiet=True).start()

    def show_now(self, as_of: dt.date) -> None:
        """Compute the actions of ``as_of`` at once."""
        if self.books is not None:
            self._generation += 1
            self.set_rows(_services().credit_actions.credit_actions(self.books, as_of))

    def _arrived(self, generation: int, rows) -> None:
        if generation == self._generation and self.books is not None:
            self.set_rows(rows)

    def set_rows(self, rows) -> None:
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        self._update()

    def current(self):
        idx = self.table.currentIndex()
        return self.model.rows[idx.row()] if idx.isValid() and idx.row() < len(self.model.rows) else None

    def _update(self) -> None:
        self.do_button.setEnabled(self.current() is not None)

    def _after(self, dialog) -> None:
        if dialog.exec():
            self.changed.emit()

    def do_action(self) -> None:
        """Open what the selected action asks for: the insurer event, the credit check, the
        acknowledgement, or the write-off (one click after a confirmation)."""
        from ar_desktop.ui.dialogs.credit_dialogs import AcknowledgementDialog, CreditCheckDialog, InsurerEventDialog

        a = self.current()
        if a is None or self.books is None:
            return
        kinds = _services().credit_actions
        if a.kind == kinds.INSURER_NOTIFY:
            self._after(InsurerEventDialog(self, self.books, a.customer_code, a.customer_name, "notified"))
        elif a.kind == kinds.INSURER_TRANSFER:
            self._after(InsurerEventDialog(self, self.books, a.customer_code, a.customer_name, "transferred"))
        elif a.kind == kinds.REVIEW:
            self._after(CreditCheckDialog(self, self.books, a.customer_code, a.customer_name))
        elif a.kind == kinds.LIMITATION:
            self._after(AcknowledgementDialog(self, self.books, a.invoice_number, a.jurisdiction))
        elif a.kind == kinds.WRITE_OFF:
            self.write_off(a)

    def write_off(self, a) -> bool:
        if not confirm(self, self.tr("Write off small balance"),
                       self.tr("{0}\n\nWrite off every overdue invoice of {1} now?").format(render(a.text),
                                                                                         a.customer_name)):
            return False
        ok, _numbers = run_action(self, _services().small_balances.write_off_small_balance, self.books, a.customer_code)
        if ok:
            self.changed.emit()
        return ok
