"""A customer's collection file on its own: the timeline, printable to PDF."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from ar_desktop.services import collection_history
from ar_desktop.services.collection_file import collection_file_pdf
from ar_desktop.services.context import Books
from ar_desktop.ui.history_model import HistoryModel
from ar_desktop.ui.messages import run_action
from ar_desktop.ui.pdf_preview import PdfPreview
from ar_desktop.ui.screen import keep_on_screen, resize_to_fit


class HistoryDialog(QDialog):
    def __init__(self, parent: QWidget | None, books: Books, code: str, name: str):
        super().__init__(parent)
        self.books, self.code = books, code
        self.setWindowTitle(self.tr("Collection file — {0}").format(name))
        self.model = HistoryModel(self)
        self.model.set_entries(collection_history.history(books, code))
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        print_button = QPushButton(self.tr("Preview and print…"))
        print_button.clicked.connect(self.preview)
        buttons.addButton(print_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every step, call, letter, promise, dispute and payment, newest first.")))
        layout.addWidget(table)
        layout.addWidget(buttons)
        keep_on_screen(self)
        resize_to_fit(self, 900, 560)

    def preview(self) -> PdfPreview | None:
        """The collection file as of today, to print or save as PDF."""
        today = self.books.today()
        ok, data = run_action(self, collection_file_pdf, self.books, self.code, today, QCoreApplication.translate)
        if not ok:
            return None
        preview = PdfPreview(self, data, self.tr("Collection file — {0}").format(self.code),
                             file_name=f"Collection file {self.code} {today.isoformat()}.pdf")
        preview.open()
        return preview
