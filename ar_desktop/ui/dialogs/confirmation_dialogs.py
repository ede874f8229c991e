"""Balance confirmations from the window: send a statement with the slip, record the slip returned."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QFileDialog, QPlainTextEdit, QWidget

from ar_desktop.services import confirmations
from ar_desktop.services.context import Books
from ar_desktop.ui.dialogs.form import FormDialog, combo, date_edit
from ar_desktop.ui.messages import run_action
from ar_desktop.ui.pdf_preview import PdfPreview
from ar_desktop.ui.printing import save_from
from ar_desktop.ui import amounts


class ConfirmationRequestDialog(FormDialog):
    """Make the statement with a confirmation slip; the request is recorded with its return date."""

    def __init__(self, parent: QWidget | None, books: Books, code: str, name: str):
        super().__init__(parent, self.tr("Balance confirmation — {0}").format(name))
        self.books, self.code, self.name = books, code, name
        self.add("return_by", self.tr("Return the signed slip by"), date_edit(books.today() + dt.timedelta(days=14)),
                 self.tr("The statement of today's open items goes with the slip"))
        self.pdf: bytes | None = None
        self.on_save(self._make)
        self.resize(480, self.sizeHint().height())

    def _make(self, raw: dict):
        rid, self.pdf = confirmations.request_confirmation(self.books, self.code, raw["return_by"])
        return rid

    def preview(self) -> PdfPreview:
        preview = PdfPreview(self.parent(), self.pdf, self.tr("Balance confirmation — {0}").format(self.name))
        preview.add_button(self.tr("Save as PDF…"), self._save)
        preview.open()
        return preview

    def _save(self) -> None:
        default = Path.home() / f"Balance confirmation {self.code} {self.books.today().isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), str(default), "PDF (*.pdf)")
        if path:
            run_action(self, save_from, self, path, self.pdf)


class SlipReturnedDialog(FormDialog):
    """The customer sent the slip back: signed as sent (an acknowledgement) or with a difference."""

    def __init__(self, parent: QWidget | None, books: Books, code: str, name: str):
        super().__init__(parent, self.tr("Confirmation returned — {0}").format(name))
        waiting = [c for c in confirmations.confirmations(books, code) if c.returned_on is None]
        self.add("confirmation", self.tr("Confirmation"),
                 combo([(self.tr("{0} of {1}: {2} {3}").format(c.reference, c.as_of.isoformat(), amounts.money(c.amount),
                                                               c.currency), c.id) for c in waiting]))
        self.add("returned_on", self.tr("Returned on"), date_edit(books.today()))
        agreed = QCheckBox(self.tr("Signed as sent (the customer confirms the balance)"))
        agreed.setChecked(True)
        self.add("agreed", "", agreed)
        note = QPlainTextEdit()
        note.setFixedHeight(60)
        self.add("note", self.tr("Note (the customer's figure and reason, if it differs)"), note)
        self.on_save(lambda raw: confirmations.record_returned_slip(books, raw["confirmation"], raw["returned_on"],
                                                                    raw["agreed"], raw["note"]))
        self.resize(520, self.sizeHint().height())
