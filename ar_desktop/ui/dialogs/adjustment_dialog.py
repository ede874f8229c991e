"""Write off what a customer will not pay, or credit part of an invoice: a new entry, never an edit."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ar_desktop.services import adjustments
from ar_desktop.services.context import Books
from ar_desktop.storage.invoices_repo import InvoiceRow
from ar_desktop.ui.dialogs.form import FormDialog, amount_line, date_edit, line
from ar_desktop.ui import amounts


class AdjustmentDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, invoice: InvoiceRow, credit_note: bool = False):
        super().__init__(parent, (self.tr("Credit note on {0}") if credit_note else self.tr("Write off {0}"))
                         .format(invoice.number))
        self.add("amount", self.tr("Amount"), amount_line(invoice.open_amount, "", invoice.currency),
                 self.tr("Open now: {0} {1}").format(amounts.money(invoice.open_amount), invoice.currency))
        self.add("reason", self.tr("Reason (kept on record)"), line("", 100))
        self.add("date", self.tr("Date"), date_edit(books.today()))
        action = adjustments.credit_note if credit_note else adjustments.write_off
        self.on_save(lambda raw: action(books, invoice.number, raw["amount"], raw["reason"], raw["date"]))
