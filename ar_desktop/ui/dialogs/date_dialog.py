"""Asking for one date with a calendar (e.g. the as-of date of an exported report)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ar_desktop.ui.dialogs.form import date_edit
from ar_desktop.ui.screen import keep_on_screen


class DateDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, label: str, value: dt.date, hint: str = ""):
        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.setWindowTitle(title)
        self.date = date_edit(value)
        form = QFormLayout()
        form.addRow(label, self.date)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setEnabled(False)
            layout.addWidget(note)
        layout.addWidget(self.buttons)

    def value(self) -> dt.date:
        return self.date.date().toPython()


def ask_date(parent: QWidget | None, title: str, label: str, value: dt.date, hint: str = "") -> dt.date | None:
    """The date picked, or None when the user cancelled."""
    dialog = DateDialog(parent, title, label, value, hint)
    return dialog.value() if dialog.exec() else None
