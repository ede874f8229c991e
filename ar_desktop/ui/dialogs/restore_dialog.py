"""Restoring a backup: say what it holds (company, counts, last change) before anything is replaced."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ar_desktop.services.backups import BackupInfo, describe_backup
from ar_desktop.ui.screen import keep_on_screen


class RestoreDialog(QDialog):
    def __init__(self, parent: QWidget | None, target: Path, src: Path):
        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setObjectName("restore_dialog")
        self.info: BackupInfo = describe_backup(src)
        when = self.info.last_change.strftime("%Y-%m-%d %H:%M") if self.info.last_change else self.tr("unknown")
        counts = self.info.counts
        text = self.tr(
            "<b>{0}</b><br>Company: {1}<br>Customers: {2} · Invoices: {3} · Payments: {4}<br>"
            "Last change: {5}<br>Schema: {6} · {7:.1f} MB").format(
            self.info.path.name, self.info.company, counts.get("customer", 0), counts.get("invoice", 0),
            counts.get("payment", 0), when, self.info.schema, self.info.size / 2**20)
        self.description = QLabel(text)
        self.description.setObjectName("backup_description")
        self.description.setWordWrap(True)
        if self.info.ok:
            warning = self.tr("This replaces {0}. The file as it is now is backed up first, into {1}.").format(
                target.name, f"{target.stem}.backups")
        else:
            warning = self.tr("This backup is damaged and cannot be restored: {0}").format(
                "; ".join(self.info.problems[:3]))
        self.warning = QLabel(warning)
        self.warning.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(self.info.ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.description)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
