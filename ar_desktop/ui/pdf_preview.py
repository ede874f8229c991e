"""The real PDF, page by page, before anything is printed or stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from ar_desktop.ui.printing import render_pages

PREVIEW_DPI = 96


class PdfPreview(QDialog):
    """Shows ``data`` one page at a time; extra buttons (Print, Issue…) are added by the caller."""

    def __init__(self, parent: QWidget | None, data: bytes, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pages = render_pages(data, PREVIEW_DPI)
        self.index = 0
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.prev = QPushButton(self.tr("◀ Previous page"))
        self.next = QPushButton(self.tr("Next page ▶"))
        self.page_label = QLabel()
        self.prev.clicked.connect(lambda: self.show_page(self.index - 1))
        self.next.clicked.connect(lambda: self.show_page(self.index + 1))
        nav = QHBoxLayout()
        nav.addWidget(self.prev)
        nav.addWidget(self.page_label)
        nav.addWidget(self.next)
        nav.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.show_page(0)
        self.resize(900, 1000)

    def show_page(self, index: int) -> None:
        if not self.pages:
            self.page_label.setText(self.tr("The document has no pages."))
            return
        self.index = max(0, min(index, len(self.pages) - 1))
        self.image.setPixmap(QPixmap.fromImage(self.pages[self.index]))
        self.page_label.setText(self.tr("Page {0} of {1}").format(self.index + 1, len(self.pages)))
        self.prev.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.pages) - 1)

    def add_button(self, text: str, slot) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(slot)
        self.buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        return b
