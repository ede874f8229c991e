"""Issue letters: pick the customers whose ladder says "letter", preview, issue (archived, step
done) in the background, then print the batch or save it as one PDF, and log the postings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPlainTextEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from ar_desktop.domain.errors import UserError
from ar_desktop.services import letters
from ar_desktop.services.context import Books
from ar_desktop.ui.i18n import render
from ar_desktop.ui.messages import run_action, show_error
from ar_desktop.ui.pdf_preview import PdfPreview
from ar_desktop.ui.printing import choose_printer, print_pdf, save_from
from ar_desktop.ui.table_models import money_text
from ar_desktop.ui.tasks import BackgroundTask
from ar_desktop.ui.worklist_model import step_text
from ar_desktop.ui.screen import keep_on_screen

LAYOUTS = (("din-a", QT_TRANSLATE_NOOP("LettersDialog", "DIN 5008 form A (window envelope)")),
           ("din-b", QT_TRANSLATE_NOOP("LettersDialog", "DIN 5008 form B (window envelope)")),
           ("us-10", QT_TRANSLATE_NOOP("LettersDialog", "US #10 window envelope (Letter paper)")),
           ("plain", QT_TRANSLATE_NOOP("LettersDialog", "Plain (envelope addressed by hand)")))


class CandidatesModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("CandidatesModel", "Issue"), QT_TRANSLATE_NOOP("CandidatesModel", "Code"),
               QT_TRANSLATE_NOOP("CandidatesModel", "Customer"), QT_TRANSLATE_NOOP("CandidatesModel", "Letter"),
               QT_TRANSLATE_NOOP("CandidatesModel", "Overdue"), QT_TRANSLATE_NOOP("CandidatesModel", "Registered mail"))

    def __init__(self, candidates: list[letters.LetterCandidate], parent=None):
        super().__init__(parent)
        self.candidates = candidates
        # a registered demand (or notice) is sent by a deliberate tick, never by default
        self.checked = [not c.registered_mail for c in candidates]

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.candidates)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        c = self.candidates[index.row()]
        col = index.column()
        if col == 0 and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if c.pre_due:   # a friendly note about invoices falling due: nothing is overdue
                letter, overdue = self.tr("Friendly note (nothing overdue)"), self.tr("not yet due")
            else:
                letter, overdue = step_text(c.step_key, c.step_name), f"{money_text(c.overdue_amount)} {c.currency}"
            return ["", c.customer_code, c.customer_name, letter, overdue, "✓" if c.registered_mail else ""][col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            self.checked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(index, index)
            return True
        return False

    def selected_codes(self) -> list[str]:
        return [c.customer_code for c, on in zip(self.candidates, self.checked, strict=True) if on]


class LettersDialog(QDialog):
    def __init__(self, parent: QWidget | None, books: Books, as_of: dt.date, codes: list[str] | None = None):
        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.books, self.as_of = books, as_of
        self.issued: list[letters.IssuedLetter] = []
        self.task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Letters to issue — {0}").format(as_of.isoformat()))
        candidates = letters.letter_candidates(books, as_of)
        if codes:
            candidates = [c for c in candidates if c.customer_code in codes] or candidates
        self.model = CandidatesModel(candidates, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col in (0, 1, 3, 4, 5):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.layout_box = QComboBox()
        for key, label in LAYOUTS:
            self.layout_box.addItem(self.tr(label), key)
        self.layout_box.setCurrentIndex(max(self.layout_box.findData(letters.letter_settings(books).layout), 0))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layout")))
        top.addWidget(self.layout_box)
        top.addStretch(1)
        self.info = QLabel(self.tr("{0} customer(s) whose next step is a letter. Registered letters are not ticked: "
                                   "tick each one you mean to send. Issuing archives each letter with its "
                                   "fingerprint and marks the ladder step done; a customer that cannot be written "
                                   "to is skipped and listed with the reason.").format(len(candidates)))
        self.info.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.preview_button = self._button(self.tr("Preview…"), self.preview)
        self.print_button = self._button(self.tr("Issue and print…"), lambda: self.issue("print"))
        self.save_button = self._button(self.tr("Issue and save as PDF…"), lambda: self.issue("save"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        if candidates:
            self.table.selectRow(0)
        for b in (self.preview_button, self.print_button, self.save_button):
            b.setEnabled(bool(candidates))
        self.resize(980, 480)

    def _button(self, text: str, slot) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(slot)
        self.buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        return b

    def layout_key(self) -> str:
        return self.layout_box.currentData()

    def preview(self) -> PdfPreview | None:
        row = self.table.currentIndex().row()
        if row < 0:
            return None
        code = self.model.candidates[row].customer_code
        ok, data = run_action(self, letters.preview_letter, self.books, code, self.as_of, layout=self.layout_key())
        if not ok:
            return None
        preview = PdfPreview(self, data, self.tr("Preview — {0} (draft, not issued)").format(code), printable=False,
                             note=self.tr("A draft is not printed or saved: issue the letter, so that what is sent "
                                          "is archived with its fingerprint."))
        preview.open()
        return preview

    def issue(self, then: str, destination: str | None = None) -> BackgroundTask | None:
        codes = self.model.selected_codes()
        if not codes:
            show_error(self, UserError("Tick at least one customer to issue a letter to."))
            return None
        books, as_of, layout = self.books, self.as_of, self.layout_key()
        self.task = BackgroundTask(self, self.tr("Issuing {0} letter(s)…").format(len(codes)),
                                   lambda progress: letters.issue_batch(books, as_of, codes, layout=layout,
                                                                        progress=progress),
                                   lambda batch: self._issued(batch, then, destination))
        return self.task.start()

    def _issued(self, result: letters.LetterBatch, then: str, destination: str | None) -> None:
        self.issued = result.issued
        self.result = BatchResultDialog(self.parent(), result)
        self.result.show()
        if not result.issued:
            self.accept()
            return
        ok, batch = run_action(self, letters.render_batch_pdf, self.books, [x.letter_id for x in result.issued])
        if ok:
            if then == "print":
                printer = choose_printer(self, self.tr("Print letters"))
                if printer is not None:
                    run_action(self, print_pdf, batch, printer, f"AR Desktop letters {self.as_of.isoformat()}", self)
            else:
                path = destination or QFileDialog.getSaveFileName(
                    self, self.tr("Save letters as PDF"),
                    str(Path.home() / f"Letters {self.as_of.isoformat()}.pdf"), "PDF (*.pdf)")[0]
                if path:
                    run_action(self, save_from, self, path, batch)
        self.accept()


class BatchResultDialog(QDialog):
    """What a batch did: the letters issued and the customers skipped, with why. It stays open
    until closed (the status bar forgets)."""

    def __init__(self, parent: QWidget | None, batch: letters.LetterBatch):
        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.setWindowTitle(self.tr("Letters issued"))
        lines = [self.tr("{0} letter(s) issued, {1} customer(s) skipped.").format(len(batch.issued),
                                                                                 len(batch.skipped)), ""]
        for x in batch.issued:
            lines.append(self.tr("{0}  {1} — {2}: {3} {4}, archived as {5}").format(
                x.reference, x.customer_code, x.customer_name, money_text(x.total_claimed), x.currency,
                x.archive_path))
        if batch.skipped:
            lines += ["", self.tr("Skipped:")]
            for s in batch.skipped:
                lines.append(self.tr("{0} — {1}: {2}").format(s.customer_code, s.customer_name, render(s.reason)))
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(760, 360)
