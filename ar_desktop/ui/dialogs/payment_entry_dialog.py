"""One money entry: what it is, how it is split over the customer's invoices, and the two ways to
correct it, both new entries dated the day of the correction (reports of earlier days unchanged):
change the split, or reverse it and enter it again."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from ar_desktop.domain.allocation import OpenInvoice
from ar_desktop.domain.money import ZERO
from ar_desktop.domain.payment_kinds import KINDS, PAYMENT, REVERSAL
from ar_desktop.services.context import Books
from ar_desktop.services.payments import PaymentDetail, change_split, payment_detail, reverse_payment
from ar_desktop.ui.columns import payment_kind_text
from ar_desktop.ui.dialogs.form import FormDialog, date_edit, line, qdate
from ar_desktop.ui.dialogs.payment_dialog import METHOD_TEXT, AllocationModel, PaymentDialog
from ar_desktop.ui.messages import confirm, run_action
from ar_desktop.ui.screen import keep_on_screen, resize_to_fit
from ar_desktop.ui.table_models import money_text


class SplitModel(AllocationModel):
    EDITABLE_HEADERS = (QT_TRANSLATE_NOOP("SplitModel", "Invoice"), QT_TRANSLATE_NOOP("SplitModel", "Due date"),
                        QT_TRANSLATE_NOOP("SplitModel", "Open before this entry"),
                        QT_TRANSLATE_NOOP("SplitModel", "Applied"))
    FIXED_HEADERS = (QT_TRANSLATE_NOOP("SplitModel", "Invoice"), QT_TRANSLATE_NOOP("SplitModel", "Due date"),
                     QT_TRANSLATE_NOOP("SplitModel", "Open now"), QT_TRANSLATE_NOOP("SplitModel", "Applied"))
    HEADERS = EDITABLE_HEADERS

    def set_split(self, detail: PaymentDetail, editable: bool) -> None:
        # editable: what this entry may apply to an invoice (what is open on it, plus its own part)
        self.HEADERS = self.EDITABLE_HEADERS if editable else self.FIXED_HEADERS
        self.set_invoices([OpenInvoice(ln.invoice_id, ln.number, ln.issue_date, ln.due_date,
                                       ln.open_amount + (ln.applied if editable else 0)) for ln in detail.lines],
                          detail.row.currency)
        by_id = {ln.invoice_id: ln.applied for ln in detail.lines}
        self.amounts = [by_id.get(i.invoice_id, ZERO) for i in self.invoices]

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
        # no discount column: a change of split moves money between invoices, it earns no discount
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def applied_by_invoice(self) -> dict[int, Decimal]:
        return {i.invoice_id: a for i, a in zip(self.invoices, self.amounts, strict=True) if a}


class PaymentEntryDialog(QDialog):
    def __init__(self, parent: QWidget | None, books: Books, payment_id: int):
        super().__init__(parent)
        self.books, self.payment_id = books, payment_id
        self.changed_books = False  # something was written: the caller refreshes its lists
        self.info = QFormLayout()
        self.model = SplitModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(120)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.effective = date_edit(books.today())
        self.effective.setToolTip(self.tr("The new split applies from this day; reports of earlier days keep the "
                                          "split they had."))
        self.oldest_first = QPushButton(self.tr("Oldest due first"))
        self.oldest_first.clicked.connect(self._oldest_first)
        when = QHBoxLayout()
        when.addWidget(QLabel(self.tr("New split from")))
        when.addWidget(self.effective)
        when.addWidget(self.oldest_first)
        when.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.save_button = QPushButton(self.tr("Save the new split"))
        self.save_button.clicked.connect(self.save_split)
        self.reverse_button = QPushButton(self.tr("Reverse…"))
        self.reverse_button.clicked.connect(self.reverse)
        for b in (self.save_button, self.reverse_button):
            self.buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        self.split_title = QLabel()
        self.split_title.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addLayout(self.info)
        layout.addWidget(self.split_title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(when)
        layout.addWidget(self.buttons)
        self.model.dataChanged.connect(lambda *_: self._update())
        self.load()
        keep_on_screen(self)
        resize_to_fit(self, 760, 620)

    def load(self) -> None:
        self.detail = detail = payment_detail(self.books, self.payment_id)
        row = detail.row
        kind = KINDS[row.kind]
        self.setWindowTitle(self.tr("{0} no. {1} — {2}").format(payment_kind_text(row.kind), row.id,
                                                                 row.customer_name))
        while self.info.rowCount():
            self.info.removeRow(0)
        cur = row.currency
        rows = [(self.tr("Date"), row.date.isoformat()),
                (self.tr("Customer"), f"{row.customer_code} – {row.customer_name}"),
                (self.tr("Kind"), payment_kind_text(row.kind)),
                (self.tr("Amount"), f"{money_text(row.amount)} {cur}")]
        if kind in (PAYMENT, REVERSAL):
            rows.append((self.tr("Method"), QCoreApplication.translate("PaymentDialog", row.method)
                         if row.method in METHOD_TEXT else row.method))
        if row.reference:
            rows.append((self.tr("Reference"), row.reference))
        if detail.reverses is not None:
            rows.append((self.tr("Reverses"), self.tr("no. {0} of {1} ({2} {3}); reason: {4}").format(
                detail.reverses.id, detail.reverses.date.isoformat(), money_text(detail.reverses.amount), cur,
                row.note)))
        if detail.reversal is not None:
            rows.append((self.tr("Reversed"), self.tr("by no. {0} on {1}; reason: {2}").format(
                detail.reversal.id, detail.reversal.date.isoformat(), detail.reversal.note)))
        for label, value in rows:
            text = QLabel(value)
            text.setWordWrap(True)
            self.info.addRow(label, text)
        editable = kind.resplittable and detail.reversal is None
        self.editable = editable
        self.model.set_split(detail, editable)
        self.effective.setEnabled(editable)
        self.oldest_first.setEnabled(editable)
        self.reverse_button.setEnabled(kind.reversible and detail.reversal is None)
        self.reverse_button.setToolTip(self.tr("A new entry of the opposite amount, dated the day you choose") if
                                       self.reverse_button.isEnabled() else
                                       self.tr("Already reversed, or an entry that cannot be reversed"))
        self.split_title.setText(self.tr("Applied to the customer's invoices (edit the amounts to change the split)")
                                 if editable else self.tr("Applied to the customer's invoices"))
        self.table.setEditTriggers(QTableView.EditTrigger.AllEditTriggers if editable
                                   else QTableView.EditTrigger.NoEditTriggers)
        self._update()

    def _oldest_first(self) -> None:
        self.model.suggest(self.detail.row.amount)
        self._update()

    def _changed(self) -> bool:
        before = {ln.invoice_id: ln.applied for ln in self.detail.lines if ln.applied}
        return self.model.applied_by_invoice() != before

    def _update(self) -> None:
        row = self.detail.row
        applied = sum(self.model.applied_by_invoice().values(), ZERO)
        rest = row.amount - applied
        cur = row.currency
        if not self.editable:
            text = self.tr("Applied {0} {2}; not applied {1} {2}.").format(money_text(applied), money_text(rest), cur)
        elif rest < 0:
            text = self.tr("The split applies {0} {1} more than the entry; lower an amount.").format(
                money_text(-rest), cur)
        elif rest > 0:
            text = self.tr("Applied {0} {2}; {1} {2} stays with the customer as credit.").format(
                money_text(applied), money_text(rest), cur)
        else:
            text = self.tr("Fully applied: {0} {1}.").format(money_text(applied), cur)
        self.summary.setText(text)
        self.save_button.setEnabled(self.editable and self._changed() and rest >= 0)

    def save_split(self) -> bool:
        from ar_desktop.domain.allocation import Allocation

        wanted = [Allocation(i, a) for i, a in self.model.applied_by_invoice().items()]
        ok, _n = run_action(self, change_split, self.books, self.payment_id, wanted,
                            self.effective.date().toPython())
        if ok:
            self.changed_books = True
            self.load()
        return ok

    def reverse(self) -> bool:
        if reverse_entry(self, self.books, self.payment_id):
            self.changed_books = True
            self.load()
            return True
        return False


class ReverseDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, detail: PaymentDetail):
        row = detail.row
        super().__init__(parent, self.tr("Reverse {0} no. {1}").format(payment_kind_text(row.kind), row.id))
        explain = QLabel(self.tr(
            "A reversal is a new entry of {0} {1}, dated the day you choose: from that day on it takes back what "
            "no. {2} applied to each invoice. No. {2} stays on record, and reports of earlier days do not change.")
            .format(money_text(-row.amount), row.currency, row.id))
        explain.setWordWrap(True)
        self.form.insertRow(0, explain)
        self.add("date", self.tr("Reversal date"), date_edit(books.today()))
        self.add("reason", self.tr("Reason (kept on record)"), line("", 500, self.tr("e.g. cheque bounced")))
        self.on_save(lambda raw: reverse_payment(books, row.id, raw["date"], raw["reason"]))
        resize_to_fit(self, 560, self.sizeHint().height())


def reverse_entry(parent: QWidget, books: Books, payment_id: int) -> int | None:
    """Ask for the date and reason, reverse, then offer to enter a payment again. Returns the id of
    the reversing entry (None when the user cancelled or it was refused)."""
    ok, detail = run_action(parent, payment_detail, books, payment_id)
    if not ok:
        return None
    dialog = ReverseDialog(parent, books, detail)
    if not dialog.exec():
        return None
    row = detail.row
    if row.kind == PAYMENT.key and confirm(
            parent, QCoreApplication.translate("ReverseDialog", "Enter it again?"),
            QCoreApplication.translate("ReverseDialog", "Payment no. {0} is reversed by no. {1}. Enter the payment "
                                       "again, corrected, now?").format(row.id, dialog.result_value)):
        again = PaymentDialog(parent, books, row.customer_id, prefill={
            "date": row.date, "amount": row.amount, "method": row.method, "reference": row.reference})
        again.exec()
    return dialog.result_value
