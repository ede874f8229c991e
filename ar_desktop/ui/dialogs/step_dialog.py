"""Mark a ladder step done (or skipped, with a reason) for a customer."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from ar_desktop.services import collection_ladders, collection_log, worklist
from ar_desktop.services.context import Books
from ar_desktop.ui.dialogs.form import FormDialog, combo, date_edit, line
from ar_desktop.ui.worklist_model import step_text


class StepDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, row: worklist.WorklistRow, skip: bool = False):
        super().__init__(parent, (self.tr("Skip step — {0}") if skip else self.tr("Step done — {0}")).format(
            row.customer_name))
        ladder = collection_ladders.effective_ladder(books, row.customer_code)
        self.add("step", self.tr("Step"), combo([(step_text(s.key, s.name), s.key) for s in ladder.steps],
                                               row.next_step))
        self.add("date", self.tr("Date"), date_edit(books.today()))
        self.add("note", self.tr("Reason") if skip else self.tr("Note"), line("", 500))
        self.skipped = QCheckBox(self.tr("Skipped (not done)"))
        self.skipped.setChecked(skip)
        self.add("skipped", "", self.skipped)
        self.on_save(lambda raw: collection_log.log_step(books, row.customer_code, raw["step"], raw["date"],
                                                         raw["note"], skipped=raw["skipped"],
                                                         reason=raw["note"] if raw["skipped"] else ""))
