"""Record a promise to pay: the customer is paused until the promised date plus the grace days."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ar_desktop.services import collections
from ar_desktop.services.context import Books
from ar_desktop.ui.dialogs.form import FormDialog, date_edit, line


class PromiseDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, row: collections.WorklistRow):
        super().__init__(parent, self.tr("Promise to pay — {0}").format(row.customer_name))
        today = books.today()
        self.add("made_on", self.tr("Promise made on"), date_edit(today))
        self.add("date", self.tr("Will pay by"), date_edit(today))
        self.add("amount", self.tr("Amount"), line(f"{row.overdue_amount}", 0),
                 self.tr("Overdue now: {0} {1}").format(f"{row.overdue_amount:,.2f}", row.currency))
        self.on_save(lambda raw: collections.record_promise(books, row.customer_code, raw["date"], raw["amount"],
                                                            raw["made_on"]))
