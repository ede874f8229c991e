"""Record a payment and spread it over open invoices (oldest due first, editable before saving)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QWidget

import datetime as dt

from ar_desktop.domain.allocation import Allocation, OpenInvoice, earned_discounts, oldest_due_first, suggest_allocation
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import ZERO
from ar_desktop.domain.records import PAYMENT_METHODS
from ar_desktop.services.context import Books
from ar_desktop.services.customers import customer_choices, get_customer
from ar_desktop.services.payments import open_invoices, record_payment
from ar_desktop.ui.dialogs.form import FormDialog, amount_line, combo, date_edit, line, qdate
from ar_desktop.ui.i18n import error_text
from ar_desktop.ui import amounts
from ar_desktop.ui.table_models import money_text

# The methods stored (domain.records.PAYMENT_METHODS), declared here for translation.
METHOD_TEXT = {m: m for m in (
    QT_TRANSLATE_NOOP("PaymentDialog", "bank transfer"), QT_TRANSLATE_NOOP("PaymentDialog", "cheque"),
    QT_TRANSLATE_NOOP("PaymentDialog", "cash"), QT_TRANSLATE_NOOP("PaymentDialog", "card"),
    QT_TRANSLATE_NOOP("PaymentDialog", "direct debit"), QT_TRANSLATE_NOOP("PaymentDialog", "other"))}


class AllocationModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("AllocationModel", "Invoice"), QT_TRANSLATE_NOOP("AllocationModel", "Due date"),
               QT_TRANSLATE_NOOP("AllocationModel", "Open"), QT_TRANSLATE_NOOP("AllocationModel", "Apply"),
               QT_TRANSLATE_NOOP("AllocationModel", "Discount"))
    refused = Signal(str)  # why a typed amount was not taken

    def __init__(self, parent=None):
        super().__init__(parent)
        self.invoices: list[OpenInvoice] = []
        self.amounts: list[Decimal] = []
        self.currency = "EUR"
        self.on: dt.date | None = None  # the payment's date: early-payment discounts depend on it

    def set_invoices(self, invoices: list[OpenInvoice], currency: str) -> None:
        self.beginResetModel()
        self.invoices = oldest_due_first(invoices)
        self.amounts = [ZERO] * len(self.invoices)
        self.currency = currency
        self.endResetModel()

    def suggest(self, amount: Decimal) -> None:
        plan = suggest_allocation(amount, self.invoices, self.on) if amount > 0 and self.invoices else None
        by_id = {a.invoice_id: a.amount for a in plan.allocations} if plan else {}
        self.amounts = [by_id.get(i.invoice_id, ZERO) for i in self.invoices]
        if self.invoices:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self.invoices) - 1, self.columnCount() - 1))

    def allocations(self) -> list[Allocation]:
        return [Allocation(i.invoice_id, a) for i, a in zip(self.invoices, self.amounts, strict=True) if a > 0]

    def discounts(self) -> dict[int, Decimal]:
        """invoice id -> the early-payment discount the allocations as they stand earn (saved with the payment)."""
        return {d.invoice_id: d.amount for d in earned_discounts(tuple(self.allocations()), self.invoices, self.on)}

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.invoices)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 3 else base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        inv = self.invoices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 4:
                discount = self.discounts().get(inv.invoice_id)
                return money_text(discount) if discount else ""
            return [inv.number, inv.due_date.isoformat(), money_text(inv.open_amount),
                    money_text(self.amounts[index.row()])][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and inv.discount_until is not None and inv.discount > 0:
            return self.tr("Early-payment discount {0} if paid by {1}").format(money_text(inv.discount),
                                                                             inv.discount_until.isoformat())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if index.column() != 3 or role != Qt.ItemDataRole.EditRole:
            return False
        try:  # the domain's parser, as everywhere: "1,5" is refused, never read as 15
            amount = amounts.parse(str(value), self.currency)
        except UserError as e:
            self.refused.emit(error_text(e))
            return False
        inv = self.invoices[index.row()]
        if amount > inv.open_amount:
            self.refused.emit(self.tr("Invoice {0} has only {1} open; {2} cannot be applied to it.").format(
                inv.number, money_text(inv.open_amount), money_text(amount)))
            return False
        self.amounts[index.row()] = amount
        self.dataChanged.emit(index, self.index(index.row(), 4))
        return True


class PaymentDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, customer_id: int | None = None,
                 prefill: dict | None = None):
        """``prefill``: date, amount, method and reference to start from (entering a reversed
        payment again)."""
        super().__init__(parent, self.tr("Record payment"))
        self.books = books
        choices = customer_choices(books)
        self._ids = {code: cid for cid, code, _name in choices}
        self.customer = self.add("customer_code", self.tr("Customer"),
                                 combo([(f"{code} – {name}", code) for _cid, code, name in choices]))
        if customer_id is not None:
            codes = [code for cid, code, _n in choices if cid == customer_id]
            if codes:
                self.customer.setCurrentIndex(self.customer.findData(codes[0]))
        self.date = self.add("date", self.tr("Date received"), date_edit(books.today()))
        self.amount = self.add("amount", self.tr("Amount"), amount_line(None, amounts.edit_text(ZERO)))
        self.add("method", self.tr("Method"), combo([(self.tr(METHOD_TEXT.get(m, m)), m) for m in PAYMENT_METHODS]))
        self.add("reference", self.tr("Reference"), line("", 100, self.tr("e.g. bank statement line")))
        self.model = AllocationModel(self)
        self.model.on = books.today()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(160)
        reset = QPushButton(self.tr("Oldest due first"))
        reset.clicked.connect(self._suggest)
        self.credit_label = QLabel()
        self.form.addRow(self.tr("Apply to"), self.table)
        self.form.addRow("", reset)
        self.form.addRow("", self.credit_label)
        self.customer.currentIndexChanged.connect(self._load_invoices)
        self.amount.textChanged.connect(self._suggest)
        self.date.dateChanged.connect(self._date_changed)
        self.model.dataChanged.connect(self._update_credit)
        self.model.refused.connect(self.credit_label.setText)
        self._load_invoices()
        if prefill:
            self._prefill(prefill)
        self.on_save(lambda raw: record_payment(books, raw, self.model.allocations()))
        self.resize(620, 560)

    def _prefill(self, values: dict) -> None:
        if values.get("date"):
            self.fields["date"].setDate(qdate(values["date"]))
        if values.get("method"):
            method = self.fields["method"]
            if method.findData(values["method"]) < 0:
                method.addItem(values["method"], values["method"])
            method.setCurrentIndex(method.findData(values["method"]))
        self.fields["reference"].setText(values.get("reference") or "")
        if values.get("amount") is not None:
            self.amount.setText(str(values["amount"]))

    def _load_invoices(self) -> None:
        code = self.customer.currentData()
        if code not in self._ids:
            self.model.set_invoices([], "EUR")
            return
        cid = self._ids[code]
        self.model.set_invoices(open_invoices(self.books, cid), get_customer(self.books, cid).currency)
        self._suggest()

    def _date_changed(self) -> None:
        self.model.on = self.date.date().toPython()
        self._suggest()

    def _amount(self) -> Decimal | None:
        try:
            return amounts.parse(self.amount.text(), self.model.currency, allow_zero=False)
        except UserError:
            return None

    def _suggest(self) -> None:
        amount = self._amount()
        self.model.suggest(amount or ZERO)
        self._update_credit()

    def _update_credit(self) -> None:
        amount = self._amount()
        if amount is None:
            self.credit_label.setText("")
            return
        applied = sum((a.amount for a in self.model.allocations()), ZERO)
        rest = amount - applied
        discount = sum(self.model.discounts().values(), ZERO)
        if discount and rest >= 0:
            self.credit_label.setText(self.tr("Early-payment discount {0} {1} settles the rest (booked as a "
                                              "discount, not as payment)").format(money_text(discount),
                                                                                 self.model.currency)
                                      + ("" if rest == 0 else " · " + self.tr("Not applied: {0} {1} — kept as "
                                                                              "customer credit").format(
                                          money_text(rest), self.model.currency)))
        elif rest > 0:
            self.credit_label.setText(self.tr("Not applied: {0} {1} — kept as customer credit").format(
                money_text(rest), self.model.currency))
        elif rest < 0:
            self.credit_label.setText(self.tr("Applied {0} more than the payment; lower an amount").format(
                money_text(-rest)))
        else:
            self.credit_label.setText(self.tr("Fully applied"))
