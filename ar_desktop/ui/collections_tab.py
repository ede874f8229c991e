"""Collections: what needs doing today, and the aging behind it."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ar_desktop.ui.aging_view import AgingView


class CollectionsTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.aging = AgingView(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.aging)

    def set_books(self, books) -> None:
        self.aging.set_books(books)

    def reload(self) -> None:
        self.aging.reload()
