"""The reminder e-mail when no mail program answers: read it, copy it, paste it into webmail."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ar_desktop.ui.screen import keep_on_screen, resize_to_fit


class MailTextDialog(QDialog):
    def __init__(self, parent: QWidget | None, to: str, subject: str, body: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("E-mail reminder"))
        self.copied = False
        explain = QLabel(self.tr("No mail program answered. Copy the text, paste it into a new message of your "
                                 "webmail and send it; the reminder is logged in the collection file when you "
                                 "copy it."))
        explain.setWordWrap(True)
        fields = QFormLayout()
        self.to, self.subject = QLineEdit(to), QLineEdit(subject)
        for w in (self.to, self.subject):
            w.setReadOnly(True)
        fields.addRow(self.tr("To"), self.to)
        fields.addRow(self.tr("Subject"), self.subject)
        self.body = QPlainTextEdit(body)
        self.body.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(self.tr("Copy the text"))
        self.copy_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(fields)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)
        keep_on_screen(self)
        resize_to_fit(self, 720, 560)

    def copy(self) -> None:
        """The message itself (the address and subject go in their own fields of the webmail)."""
        QGuiApplication.clipboard().setText(self.body.toPlainText())
        self.copied = True
        self.copy_button.setText(self.tr("Copied"))
        self.accept()
