"""The audit trail of one record: when, what, and the old and new values."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ar_desktop.services.audit import AuditRow, audit_for
from ar_desktop.services.context import Books

HEADERS = (QT_TRANSLATE_NOOP("Audit", "When"), QT_TRANSLATE_NOOP("Audit", "Action"),
           QT_TRANSLATE_NOOP("Audit", "Field"), QT_TRANSLATE_NOOP("Audit", "Old value"),
           QT_TRANSLATE_NOOP("Audit", "New value"), QT_TRANSLATE_NOOP("Audit", "Note"))


class AuditModel(QAbstractTableModel):
    def __init__(self, rows: list[AuditRow], parent=None):
        super().__init__(parent)
        self.rows = list(reversed(rows))  # newest first

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Audit", HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return [r.at.isoformat(sep=" ", timespec="seconds"), r.action, r.field, r.old_value or "",
                    r.new_value or "", r.note][index.column()]
        return None


class AuditDialog(QDialog):
    def __init__(self, parent: QWidget | None, books: Books, entity: str, entity_id: int, title: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changes — {0}").format(title))
        self.model = AuditModel(audit_for(books, entity, entity_id), self)
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every change to this record, newest first. Figures are corrected by new "
                                        "entries, never overwritten.")))
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(900, 420)
