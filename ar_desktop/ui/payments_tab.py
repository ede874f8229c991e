"""Payments: every payment, credit, write-off, credit note and reversal, filtered and sorted in SQL.

Open an entry to see and change its split; reverse it (a new entry dated the day of the
reversal, so earlier reports stay as they were) and enter it again, corrected.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton

from ar_desktop.domain.payment_kinds import KINDS
from ar_desktop.ui.columns import payment_columns, payment_kind_text, payment_tone
from ar_desktop.ui.customer_picker import CustomerChoices
from ar_desktop.ui.dialogs.form import date_edit, qdate
from ar_desktop.ui.list_tab import ListTab
from ar_desktop.ui.table_models import PagedTableModel, money_text
from ar_desktop.ui.tasks import BackgroundTask
from ar_desktop.ui import amounts

if TYPE_CHECKING:  # for annotations only
    from ar_desktop.storage.payments_repo import PaymentFilter

# Entries up to which the totals under the list come with it; a longer list (a whole big file: two passes
# over ~650,000 entries and their allocations, a second or more) gets them a moment later, off the GUI thread
TOTALS_AT_ONCE = 20_000


def _service():
    """services.payments, imported when the file is open (off the window's start-up)."""
    from ar_desktop.services import payments

    return payments


class PaymentsTab(ListTab):
    def __init__(self, parent=None, choices: CustomerChoices | None = None):
        """``choices``: the customer filter's model, shared with other tabs (else the tab reads its own)."""
        super().__init__(parent)
        self._totals_task: BackgroundTask | None = None
        self._totals_generation = 0
        self._totals_pending = False  # a long list's totals wait until the tab is shown
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All entries"), "all")
        for key in KINDS:
            self.kind.addItem(payment_kind_text(key), key)
        self.customer = QComboBox()
        self._own_choices = choices is None
        self.customer_choices = choices if choices is not None else CustomerChoices(self.customer)
        self.customer_choices.attach(self.customer)
        self.customer.setMinimumWidth(220)
        self.use_dates = QCheckBox(self.tr("Dated from"))
        today = dt.date.today()
        self.date_from = date_edit(today.replace(month=1, day=1))
        self.date_to = date_edit(today)
        self.to_label = QLabel(self.tr("to"))
        self.only_unapplied = QCheckBox(self.tr("Unapplied only"))
        self.only_unapplied.setToolTip(self.tr("Entries with money not yet applied to an invoice (customer credit)"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Reference, customer, method or entry no.…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        filters = QHBoxLayout()
        for w in (self.kind, self.customer, self.use_dates, self.date_from, self.to_label, self.date_to,
                  self.only_unapplied, self.search):
            filters.addWidget(w)
        filters.addStretch(1)
        self.layout().insertLayout(0, filters)
        self.toolbar.addStretch(1)
        self.new_button = QPushButton(self.tr("Record payment…"))
        self.open_button = QPushButton(self.tr("Open…"))
        self.open_button.setToolTip(self.tr("See the entry's split and change it (Enter)"))
        self.reverse_button = QPushButton(self.tr("Reverse…"))
        self.reverse_button.setToolTip(self.tr("Reverse the entry with a new entry dated today or later; "
                                               "reports of earlier days stay as they were"))
        for w, slot in ((self.new_button, self.record_payment), (self.open_button, self.edit_selected),
                        (self.reverse_button, self.reverse_selected)):
            w.clicked.connect(slot)
            self.toolbar.addWidget(w)
        self.more_actions = self.add_more_menu((("changes", self.tr("Changes…"), self.show_changes),))
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.totals.setStyleSheet("font-weight: bold; padding: 4px;")
        self.layout().addWidget(self.totals)
        self._sync_dates()
        self.kind.currentIndexChanged.connect(self.reload)
        self.customer.currentIndexChanged.connect(self.reload)
        self.use_dates.toggled.connect(self._sync_dates)
        self.use_dates.toggled.connect(self.reload)
        self.only_unapplied.toggled.connect(self.reload)
        self.date_from.dateChanged.connect(self.reload_soon)
        self.date_to.dateChanged.connect(self.reload_soon)
        self.search.textChanged.connect(self.reload_soon)

    def _sync_dates(self) -> None:
        """Unticked, the period is not applied: the date fields say so by being disabled."""
        on = self.use_dates.isChecked()
        for w in (self.date_from, self.to_label, self.date_to):
            w.setEnabled(on)

    def set_books(self, books) -> None:
        self.books = books
        today = books.today()
        for w, day in ((self.date_from, today.replace(month=1, day=1)), (self.date_to, today)):
            w.blockSignals(True)  # the list is read once, below
            w.setDate(qdate(day))
            w.blockSignals(False)
        if self._own_choices:
            self.load_customers()
        service = _service()
        model = PagedTableModel(payment_columns(), lambda sort, desc: service.payment_list(
            books, self.filter(), sort=sort, descending=desc),
            lambda ids: service.payment_rows_of(books, ids), payment_tone, "date", self, descending=True)
        self.attach_model(model, {"id": 60, "date": 90, "customer": 230, "kind": 100, "amount": 100, "applied": 100,
                                  "unapplied": 100, "currency": 45, "method": 110, "reference": 160,
                                  "reversal": 120}, sort_column=1, descending=True)  # newest first
        self.reload()

    def load_customers(self) -> None:
        self.customer_choices.load(self.books)

    def filter(self) -> PaymentFilter:
        from ar_desktop.storage.payments_repo import PaymentFilter

        dates = self.use_dates.isChecked()
        return PaymentFilter(customer_id=self.customer.currentData(),
                             date_from=self.date_from.date().toPython() if dates else None,
                             date_to=self.date_to.date().toPython() if dates else None,
                             kind=self.kind.currentData(), only_unapplied=self.only_unapplied.isChecked(),
                             search=self.search.text())

    def reload(self) -> None:
        super().reload()
        if self.books is None or self.model is None:
            return
        self._totals_generation += 1
        self._totals_pending = False
        if self._totals_task is not None:
            self._totals_task.cancel()  # its figures are for a list no longer shown
            self._totals_task = None
        books, f, entries = self.books, self.filter(), self.model.rowCount()
        if entries <= TOTALS_AT_ONCE:
            self._show_totals(self.model.read(lambda: _service().payment_totals(books, f)))
            return
        self.totals.setText(self.tr("{0} entries").format(amounts.number(entries, 0)) + " · …")
        if not self.isVisible():
            self._totals_pending = True  # summed when the tab is shown: not at every open of the file
            return
        self._sum_in_background(books, f)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._totals_pending and self.books is not None and self.model is not None:
            self._sum_in_background(self.books, self.filter())

    def _sum_in_background(self, books, f: PaymentFilter) -> None:
        self._totals_pending = False
        generation = self._totals_generation

        def arrived(totals) -> None:
            if generation == self._totals_generation and self.books is books:
                self._totals_task = None
                self._show_totals(totals)

        self._totals_task = BackgroundTask(self, "", lambda _progress: _service().payment_totals(books, f),
                                           arrived, quiet=True).start()

    def _show_totals(self, totals) -> None:
        if totals is None:
            self.totals.setText("")
            return
        count = sum(t.count for t in totals)
        parts = [self.tr("{0} entries").format(amounts.number(count, 0))]
        for t in totals:
            parts.append(self.tr("{0}: net {1} · unapplied {2}").format(t.currency, money_text(t.amount),
                                                                        money_text(t.unapplied)))
        self.totals.setText(" · ".join(parts))

    def list_title(self) -> str:
        return self.tr("Payments")

    def filter_text(self) -> str:
        everyone = self.customer.currentData() is None  # (the shared filter's first entry says the same)
        parts = [self.kind.currentText(), self.tr("All customers") if everyone else self.customer.currentText()]
        if self.use_dates.isChecked():
            parts.append(self.tr("dated {0} to {1}").format(self.date_from.date().toString("yyyy-MM-dd"),
                                                           self.date_to.date().toString("yyyy-MM-dd")))
        if self.only_unapplied.isChecked():
            parts.append(self.tr("Unapplied only"))
        if self.search.text().strip():
            parts.append(self.tr("search: {0}").format(self.search.text().strip()))
        return " · ".join(parts)

    def show_customer(self, customer_id: int | None) -> None:
        self.customer.setCurrentIndex(max(self.customer.findData(customer_id), 0))

    def _after_write(self) -> None:
        self.reload()
        self.changed.emit()

    def record_payment(self) -> None:
        from ar_desktop.ui.dialogs.payment_dialog import PaymentDialog

        if PaymentDialog(self, self.books, self.customer.currentData()).exec():
            self._after_write()

    def edit_selected(self) -> None:
        from ar_desktop.ui.dialogs.payment_entry_dialog import PaymentEntryDialog

        pid = self.current_id()
        if pid is None:
            return
        dialog = PaymentEntryDialog(self, self.books, pid)
        dialog.exec()
        if dialog.changed_books:
            self._after_write()
            self.select_ids([pid])

    def reverse_selected(self) -> None:
        from ar_desktop.ui.dialogs.payment_entry_dialog import reverse_entry

        pid = self.current_id()
        if pid is not None and reverse_entry(self, self.books, pid):
            self._after_write()

    def show_changes(self) -> None:
        from ar_desktop.ui.dialogs.audit_dialog import AuditDialog

        pid = self.current_id()
        if pid is not None:
            AuditDialog(self, self.books, "payment", pid, self.tr("entry {0}").format(pid)).exec()
