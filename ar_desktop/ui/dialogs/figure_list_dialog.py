"""The list behind a figure or a bar of the Overview: the exact rows it adds up, with their total."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView,
                               QVBoxLayout, QWidget)

from ar_desktop.ui.rows_model import RowColumn, RowsModel
from ar_desktop.ui.screen import keep_on_screen


class FigureListDialog(QDialog):
    """``rows`` under ``columns``; ``total`` (a row-like object) in bold at the end; extra buttons
    (text, slot) e.g. "Show in the Invoices tab"."""

    def __init__(self, parent: QWidget | None, title: str, subtitle: str, columns: Sequence[RowColumn],
                 rows: Sequence[Any], total: Any = None, buttons: Sequence[tuple[str, Callable[[], None]]] = (),
                 tone=None):
        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.setWindowTitle(title)
        self.model = RowsModel(columns, self, tone=tone)
        self.model.set_rows(rows, total)
        self.table = QTableView()
        self.table.setModel(self.model)
        # the rows as the list gives them (invoices by due date, receipts by day) until a header is clicked: Qt
        # would sort them by the first column, descending, as sorting is turned on
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.subtitle = QLabel(subtitle)
        self.subtitle.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        for text, slot in buttons:
            b = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            b.clicked.connect(lambda _=False, f=slot: (self.accept(), f()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        width = min(980, screen.width() - 60) if screen else 980
        height = min(620, screen.height() - 80) if screen else 620
        self.resize(width, height)
