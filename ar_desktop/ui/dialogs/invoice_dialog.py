"""Add or edit an invoice; the due date follows the customer's terms until the user sets it."""

from __future__ import annotations



from PySide6.QtWidgets import QCheckBox, QWidget

from ar_desktop.domain.money import KNOWN_CURRENCIES, ZERO
from ar_desktop.domain.records import LIMITS, parse_invoice
from ar_desktop.services.company_file import company_profile
from ar_desktop.services.context import Books
from ar_desktop.services.customers import customer_choices, get_customer
from ar_desktop.services.invoicing import add_invoice, default_due_date, next_invoice_number, update_invoice
from ar_desktop.storage.invoices_repo import InvoiceRow
from ar_desktop.services.credit_limits import credit_check_for_new_invoice, record_credit_override
from ar_desktop.services.credit_checks import new_customer_cap_warning
from ar_desktop.services.insurance import new_invoice_warnings
from ar_desktop.ui.i18n import render
from ar_desktop.ui import amounts
from ar_desktop.ui.dialogs.form import FormDialog, KeepOpen, amount_line, combo, date_edit, line, qdate
from ar_desktop.ui.messages import confirm


class InvoiceDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, invoice: InvoiceRow | None = None,
                 customer_id: int | None = None):
        super().__init__(parent, self.tr("Edit invoice {0}").format(invoice.number) if invoice
                         else self.tr("New invoice"))
        self.books = books
        today = books.today()
        choices = customer_choices(books)
        self.customer = self.add("customer_code", self.tr("Customer"),
                                 combo([(f"{code} – {name}", code) for _id, code, name in choices],
                                       invoice.customer_code if invoice else None))
        self._ids = {code: cid for cid, code, _name in choices}
        if invoice is None:
            # a new invoice names its customer on purpose: none is chosen unless the list was filtered to one
            self.customer.setCurrentIndex(-1)
            self.customer.setPlaceholderText(self.tr("Choose the customer…"))
            if customer_id in self._ids.values():
                self.customer.setCurrentIndex([cid for cid, _c, _n in choices].index(customer_id))
        number = self.add("number", self.tr("Invoice number"),
                          line(invoice.number if invoice else next_invoice_number(books), LIMITS["number"]),
                          "" if invoice else self.tr("The next free number is suggested; type over it if needed"))
        if invoice is None:
            number.selectAll()
        self.issue = self.add("issue_date", self.tr("Issue date"), date_edit(invoice.issue_date if invoice else today))
        self.due = self.add("due_date", self.tr("Due date"), date_edit(invoice.due_date if invoice else today),
                            self.tr("Filled from the customer's payment terms; you may change it"))
        self.add("amount", self.tr("Gross amount"), amount_line(invoice.amount if invoice else None, amounts.edit_text(ZERO),
                                                               invoice.currency if invoice else "EUR"))
        self.currency = self.add("currency", self.tr("Currency"),
                                 combo([(c, c) for c in sorted(KNOWN_CURRENCIES)], invoice.currency if invoice else None))
        self.add("reference", self.tr("Order / contract reference"),
                 line(invoice.reference if invoice else "", LIMITS["reference"]))
        self.add("description", self.tr("Description"), line(invoice.description if invoice else "",
                                                              LIMITS["description"]))
        disputed = QCheckBox(self.tr("The customer disputes this invoice"))
        disputed.setChecked(bool(invoice and invoice.disputed))
        self.add("disputed", "", disputed)
        self.reason = self.add("dispute_reason", self.tr("Dispute reason"),
                               line(invoice.dispute_reason if invoice else "", LIMITS["dispute_reason"]))
        self.reason.setEnabled(disputed.isChecked())
        disputed.toggled.connect(self.reason.setEnabled)
        self.retention = QCheckBox(self.tr("Goods delivered under retention of title"))
        self.retention.setToolTip(self.tr("The goods remain your property until the invoice is paid in full"))
        self.retention.setChecked(bool(invoice and invoice.retention_of_title))
        self.add("retention_of_title", "", self.retention)
        self._due_touched = invoice is not None
        self.due.dateChanged.connect(self._mark_due_touched)
        self.issue.dateChanged.connect(self._follow_terms)
        self.customer.currentIndexChanged.connect(self._customer_changed)
        if invoice is None:
            # the company's currency until a customer is chosen (then the customer's)
            self.currency.setCurrentIndex(max(self.currency.findData(company_profile(books).currency), 0))
            self._customer_changed()
        if invoice is None:
            self.on_save(self._add)
        else:
            self.on_save(lambda raw: update_invoice(books, invoice.id, raw))
        self.resize(500, self.sizeHint().height())

    def _add(self, raw):
        """A new invoice that takes the customer over its limit (or is for a customer on hold)
        is saved only when the user confirms; the override is recorded against the customer."""
        data = parse_invoice(raw)  # field problems first, shown beside their fields
        warnings = [render(w) for w in (credit_check_for_new_invoice(self.books, raw["customer_code"], raw["amount"]),)
                    if w]
        cap = new_customer_cap_warning(self.books, raw["customer_code"], raw["amount"])
        cover = new_invoice_warnings(self.books, raw["customer_code"], raw["amount"], data.issue_date, data.due_date)
        warnings += [render(w) for w in ([cap] if cap else []) + cover]
        warning = "\n\n".join(warnings)
        if warning and not confirm(self, self.tr("Credit limit"), warning + "\n\n" + self.tr("Save the invoice anyway?")):
            raise KeepOpen()
        invoice_id = add_invoice(self.books, raw)
        if warning:
            record_credit_override(self.books, raw["customer_code"], raw["number"].strip(), warning)
        return invoice_id

    def _mark_due_touched(self) -> None:
        if not self._setting_due:
            self._due_touched = True

    _setting_due = False

    def _follow_terms(self) -> None:
        code = self.customer.currentData()
        if self._due_touched or code not in self._ids:
            return
        issue = self.issue.date().toPython()
        due = default_due_date(self.books, self._ids[code], issue)
        self._setting_due = True
        self.due.setDate(qdate(due))
        self._setting_due = False

    def _customer_changed(self) -> None:
        code = self.customer.currentData()
        if code in self._ids:
            customer = get_customer(self.books, self._ids[code])
            idx = self.currency.findData(customer.currency)
            if idx >= 0:
                self.currency.setCurrentIndex(idx)
            self.retention.setChecked(customer.retention_of_title)  # a new invoice: the customer's default
        self._follow_terms()


