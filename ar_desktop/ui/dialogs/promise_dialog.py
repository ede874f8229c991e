"""Record a promise to pay: the customer is paused until the promised date plus the grace days."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ar_desktop.services import collection_log, worklist
from ar_desktop.services.context import Books
from ar_desktop.ui.dialogs.form import FormDialog, amount_line, date_edit, line
from ar_desktop.ui import amounts


class PromiseDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, row: worklist.WorklistRow):
        super().__init__(parent, self.tr("Promise to pay — {0}").format(row.customer_name))
        today = books.today()
        self.add("made_on", self.tr("Promise made on"), date_edit(today))
        self.add("date", self.tr("Will pay by"), date_edit(today))
        self.add("amount", self.tr("Amount"), amount_line(row.overdue_amount, "", row.currency),
                 self.tr("Overdue now: {0} {1}").format(amounts.money(row.overdue_amount), row.currency))
        self.on_save(lambda raw: collection_log.record_promise(books, row.customer_code, raw["date"], raw["amount"],
                                                               raw["made_on"]))
