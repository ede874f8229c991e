"""Invoices: filters, totals under the list, overdue in red, due soon marked."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QMessageBox,
                               QPushButton)

from ar_desktop.ui.columns import InvoiceColumns
from ar_desktop.ui.customer_picker import CustomerChoices
from ar_desktop.ui.dialogs.form import date_edit, qdate
from ar_desktop.ui.list_tab import ListTab
from ar_desktop.ui.messages import confirm, run_action
from ar_desktop.ui.table_models import PagedTableModel, money_text
from ar_desktop.ui import amounts

if TYPE_CHECKING:  # for annotations only
    from ar_desktop.storage.invoices_repo import InvoiceFilter


def _service():
    """services.invoicing, imported when the file is open (off the window's start-up)."""
    from ar_desktop.services import invoicing

    return invoicing


class InvoicesTab(ListTab):
    def __init__(self, parent=None, choices: CustomerChoices | None = None):
        """``choices``: the customer filter's model, shared with other tabs (else the tab reads its own)."""
        super().__init__(parent)
        self.status = QComboBox()
        for label, key in ((self.tr("Open"), "open"), (self.tr("Overdue"), "overdue"), (self.tr("All"), "all")):
            self.status.addItem(label, key)
        self.customer = QComboBox()
        self._own_choices = choices is None
        self.customer_choices = choices if choices is not None else CustomerChoices(self.customer)
        self.customer_choices.attach(self.customer)
        self.customer.setMinimumWidth(220)
        self.use_dates = QCheckBox(self.tr("Issued from"))
        self.date_from = date_edit(dt.date.today().replace(month=1, day=1))
        self.date_to = date_edit(dt.date.today())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Number, reference or customer…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.to_label = QLabel(self.tr("to"))
        filters = QHBoxLayout()
        for w in (self.status, self.customer, self.use_dates, self.date_from, self.to_label, self.date_to,
                  self.search):
            filters.addWidget(w)
        filters.addStretch(1)
        self.layout().insertLayout(0, filters)
        self.toolbar.addStretch(1)
        self.new_button = QPushButton(self.tr("New invoice…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.pay_button = QPushButton(self.tr("Record payment…"))
        for w, slot in ((self.new_button, self.new_invoice), (self.edit_button, self.edit_selected),
                        (self.pay_button, self.record_payment)):
            w.clicked.connect(slot)
            self.toolbar.addWidget(w)
        self.more_actions = self.add_more_menu((
            ("dispute", self.tr("Dispute / resolve…"), self.toggle_dispute),
            ("write_off", self.tr("Write off…"), lambda: self.adjust(credit_note=False)),
            ("credit_note", self.tr("Credit note…"), lambda: self.adjust(credit_note=True)),
            ("void", self.tr("Void…"), self.void_selected),
            ("changes", self.tr("Changes…"), self.show_changes)))
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.totals.setStyleSheet("font-weight: bold; padding: 4px;")
        self.layout().addWidget(self.totals)
        self.status.currentIndexChanged.connect(self.reload)
        self.customer.currentIndexChanged.connect(self.reload)
        self._sync_dates()
        self.use_dates.toggled.connect(self._sync_dates)
        self.use_dates.toggled.connect(self.reload)
        self.date_from.dateChanged.connect(self.reload_soon)
        self.date_to.dateChanged.connect(self.reload_soon)
        self.search.textChanged.connect(self.reload_soon)

    def _sync_dates(self) -> None:
        """Unticked, the issue-date range is not applied: its fields say so by being disabled."""
        for w in (self.date_from, self.to_label, self.date_to):
            w.setEnabled(self.use_dates.isChecked())

    def set_books(self, books) -> None:
        self.books = books
        if self._own_choices:
            self.load_customers()
        cols, service = InvoiceColumns(books.today), _service()
        model = PagedTableModel(cols.columns(), lambda sort, desc: service.invoice_ids(books, self.filter(),
                                                                                      sort=sort, descending=desc),
                                lambda ids: service.invoice_rows(books, ids), cols.tone, "due_date", self,
                                row_severity=cols.severity)
        self.attach_model(model, {"number": 100, "customer": 200, "issue": 90, "due": 90, "days": 80, "amount": 90,
                                  "paid": 90, "open": 90, "discount": 100, "currency": 45, "status": 110,
                                  "disputed": 60}, sort_column=3)
        self.reload()

    def load_customers(self) -> None:
        self.customer_choices.load(self.books)  # what each owes, as in the Customers list

    def filter(self) -> InvoiceFilter:
        from ar_desktop.storage.invoices_repo import InvoiceFilter

        dates = self.use_dates.isChecked()
        return InvoiceFilter(status=self.status.currentData(), customer_id=self.customer.currentData(),
                             date_from=self.date_from.date().toPython() if dates else None,
                             date_to=self.date_to.date().toPython() if dates else None, search=self.search.text())

    def reload(self) -> None:
        super().reload()
        if self.books is None:
            return
        t = self.model.read(lambda: _service().invoice_totals(self.books, self.filter()))
        if t is None:
            self.totals.setText("")
            return
        self.totals.setText(self.tr("{0} invoices · amount {1} · open {2} · overdue {3}").format(
            amounts.number(t.count, 0), money_text(t.amount), money_text(t.open_amount), money_text(t.overdue_amount)))

    def show_filter(self, status: str, customer_id: int | None = None, issued_from: dt.date | None = None,
                    issued_to: dt.date | None = None) -> None:
        """Set the filters at once (one reload): status, customer, issue dates; search cleared."""
        widgets = (self.status, self.customer, self.use_dates, self.date_from, self.date_to, self.search)
        for w in widgets:
            w.blockSignals(True)
        self.status.setCurrentIndex(max(self.status.findData(status), 0))
        self.customer.setCurrentIndex(max(self.customer.findData(customer_id), 0))
        self.use_dates.setChecked(issued_from is not None)
        if issued_from is not None:
            self.date_from.setDate(qdate(issued_from))
            self.date_to.setDate(qdate(issued_to or issued_from))
        self.search.clear()
        for w in widgets:
            w.blockSignals(False)
        self._sync_dates()
        self.reload()

    def list_title(self) -> str:
        return self.tr("Invoices")

    def filter_text(self) -> str:
        parts = [self.status.currentText(), self.customer.currentText()]
        if self.use_dates.isChecked():
            parts.append(self.tr("issued {0} to {1}").format(self.date_from.date().toString("yyyy-MM-dd"),
                                                            self.date_to.date().toString("yyyy-MM-dd")))
        if self.search.text().strip():
            parts.append(self.tr("search: {0}").format(self.search.text().strip()))
        return " · ".join(parts)

    def show_customer(self, customer_id: int | None) -> None:
        self.customer.setCurrentIndex(max(self.customer.findData(customer_id), 0))

    def _selected_row(self):
        ident = self.current_id()
        return _service().invoice_rows(self.books, [ident])[0] if ident is not None else None

    def new_invoice(self) -> None:
        from ar_desktop.ui.dialogs.invoice_dialog import InvoiceDialog

        dialog = InvoiceDialog(self, self.books, customer_id=self.customer.currentData())
        if dialog.exec():
            self.reload()
            self.select_ids([dialog.result_value])
            self.changed.emit()

    def edit_selected(self) -> None:
        from ar_desktop.ui.dialogs.invoice_dialog import InvoiceDialog

        row = self._selected_row()
        if row is not None and InvoiceDialog(self, self.books, row).exec():
            self.reload()
            self.changed.emit()

    def record_payment(self) -> None:
        from ar_desktop.ui.dialogs.payment_dialog import PaymentDialog

        row = self._selected_row()
        customer_id = row.customer_id if row else self.customer.currentData()
        if PaymentDialog(self, self.books, customer_id).exec():
            self.reload()
            self.changed.emit()

    def toggle_dispute(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        if row.disputed:
            if confirm(self, self.tr("Resolve dispute"),
                       self.tr("Mark the dispute on invoice {0} as resolved?").format(row.number)):
                ok, _ = run_action(self, _service().set_dispute, self.books, row.id, False)
            else:
                return
        else:
            reason, accepted = QInputDialog.getText(self, self.tr("Dispute"),
                                                    self.tr("What does the customer contest on {0}?").format(
                                                        row.number))
            if not accepted:
                return
            ok, _ = run_action(self, _service().set_dispute, self.books, row.id, True, reason)
        if ok:
            self.reload()
            self.changed.emit()

    def void_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        reason, accepted = QInputDialog.getText(self, self.tr("Void invoice"),
                                                self.tr("Why is invoice {0} voided? (kept on record)").format(
                                                    row.number))
        if accepted:
            ok, credit = run_action(self, _service().void_invoice, self.books, row.id, reason)
            if ok:
                self.reload()
                self.changed.emit()
                if credit:
                    QMessageBox.information(self, self.tr("Invoice voided"), self.tr(
                        "The {0} {1} already paid on {2} is now customer credit. Apply it to other invoices with "
                        "Apply credit on the Customers tab, or keep it for a refund.").format(money_text(credit), row.currency,
                                                                                 row.number))

    def adjust(self, credit_note: bool) -> None:
        from ar_desktop.ui.dialogs.adjustment_dialog import AdjustmentDialog

        row = self._selected_row()
        if row is not None and AdjustmentDialog(self, self.books, row, credit_note).exec():
            self.reload()
            self.changed.emit()

    def show_changes(self) -> None:
        from ar_desktop.ui.dialogs.audit_dialog import AuditDialog

        row = self._selected_row()
        if row is not None:
            AuditDialog(self, self.books, "invoice", row.id, row.number).exec()
