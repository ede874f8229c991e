"""Put a customer on hold: the ladder pauses until the date given."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from ar_desktop.services import collection_holds, worklist
from ar_desktop.services.context import Books
from ar_desktop.ui.dialogs.form import FormDialog, date_edit, line


class HoldDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, row: worklist.WorklistRow):
        super().__init__(parent, self.tr("Put on hold — {0}").format(row.customer_name))
        self.add("until", self.tr("Until"), date_edit(books.today() + dt.timedelta(days=14)))
        self.add("reason", self.tr("Reason"), line("", 500))
        self.on_save(lambda raw: collection_holds.put_on_hold(books, row.customer_code, raw["until"], raw["reason"]))
