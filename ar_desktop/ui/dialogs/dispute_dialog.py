"""Mark an invoice as disputed: it leaves the ladder; the rest of the account does not."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ar_desktop.services import disputes, worklist
from ar_desktop.services.context import Books
from ar_desktop.services.payments import open_invoices
from ar_desktop.ui.dialogs.form import FormDialog, amount_line, combo, date_edit, line
from ar_desktop.ui import amounts


class DisputeDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, row: worklist.WorklistRow):
        super().__init__(parent, self.tr("Dispute — {0}").format(row.customer_name))
        invoices = open_invoices(books, row.customer_id)
        self.add("invoice_number", self.tr("Invoice"),
                 combo([(self.tr("{0} · due {1} · {2}").format(i.number, i.due_date.isoformat(),
                                                               amounts.money(i.open_amount)), i.number)
                        for i in invoices]))
        self.add("reason", self.tr("What the customer contests"), line("", 500))
        self.add("amount", self.tr("Disputed amount"), amount_line(), self.tr("Empty: the whole open amount"))
        self.add("on", self.tr("Date"), date_edit(books.today()))
        self.on_save(lambda raw: disputes.mark_dispute(books, raw["invoice_number"], raw["reason"],
                                                       raw["amount"] or None, raw["on"]))
