"""A customer's collection file on its own: the timeline, printable to PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from ar_desktop.services import collections
from ar_desktop.services.collection_file import collection_file_pdf
from ar_desktop.services.context import Books
from ar_desktop.ui.history_model import HistoryModel
from ar_desktop.ui.messages import run_action


class HistoryDialog(QDialog):
    def __init__(self, parent: QWidget | None, books: Books, code: str, name: str):
        super().__init__(parent)
        self.books, self.code = books, code
        self.setWindowTitle(self.tr("Collection file — {0}").format(name))
        self.model = HistoryModel(self)
        self.model.set_entries(collections.history(books, code))
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        print_button = QPushButton(self.tr("Save as PDF…"))
        print_button.clicked.connect(self.save_pdf)
        buttons.addButton(print_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every step, call, letter, promise, dispute and payment, newest first.")))
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def save_pdf(self) -> None:
        default = Path.home() / f"Collection file {self.code} {self.books.today().isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save collection file as PDF"), str(default), "PDF (*.pdf)")
        if path:
            ok, data = run_action(self, collection_file_pdf, self.books, self.code, self.books.today())
            if ok:
                Path(path).write_bytes(data)
