"""What an import did, in a dialog that stays until the user closes it: imported, updated,
skipped (and why), customers created, or every problem of a refused file. Every import the window
starts ends here, refused or not (``reporting``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from ar_desktop.domain.errors import UserError
from ar_desktop.services.importing import ImportReport, RowError, refusal_report, save_errors_csv
from ar_desktop.services.progress import Progress
from ar_desktop.ui.i18n import render
from ar_desktop.ui.messages import show_error
from ar_desktop.ui.screen import keep_on_screen


def reporting(kind: str, name: str, run: Callable[[Progress], ImportReport]) -> Callable[[Progress], ImportReport]:
    """``run`` for a background task that returns the report of a refused import instead of raising,
    so that the window shows it in this dialog, not in an error box."""
    def task(progress: Progress) -> ImportReport:
        try:
            return run(progress)
        except UserError as e:
            return refusal_report(kind, name, e)
    return task


class _Rows(QAbstractTableModel):
    def __init__(self, headers: list[str], rows: list[list[str]]):
        super().__init__()
        self.headers, self.rows = headers, rows

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


def problem_model(errors: list[RowError]) -> _Rows:
    """The problems of an import by row and column (row 0: the whole file)."""
    whole = QCoreApplication.translate("ImportResultDialog", "file")
    headers = [QCoreApplication.translate("ImportResultDialog", "Row"),
               QCoreApplication.translate("ImportResultDialog", "Column"),
               QCoreApplication.translate("ImportResultDialog", "Value"),
               QCoreApplication.translate("ImportResultDialog", "Problem")]
    return _Rows(headers, [[str(e.row) if e.row else whole, _column_label(e.column), e.value, render(e.message)]
                           for e in errors])


def _column_label(key: str) -> str:
    """A field by its name in the reader's language ("Customer code"), never its key ("customer_code");
    a column of the file that is not a field, as the file names it."""
    from ar_desktop.services.record_columns import COLUMNS

    for columns in COLUMNS.values():
        for c in columns:
            if c.key == key:
                return QCoreApplication.translate("Columns", c.label)
    return key


def describe(report: ImportReport) -> str:
    """The result in the reader's language, one sentence per fact."""
    if not report.ok:
        return QCoreApplication.translate("ImportResultDialog", "{0}: nothing was imported. {1} problem(s) must be fixed first; they are "
                                        "listed below by row and column.").format(report.name, report.error_count)
    parts = [render(t) for t in report.summary_parts()]
    text = QCoreApplication.translate("ImportResultDialog", "{0}: {1}.").format(report.name, "; ".join(parts))
    if report.customers_created:
        text += " " + QCoreApplication.translate("ImportResultDialog", "Customers created: {0}.").format(", ".join(report.new_customers[:50]))
    if report.skipped_count:
        text += " " + QCoreApplication.translate("ImportResultDialog", "Skipped rows are listed below: their number, code or payment was "
                                               "already in the books.")
    return text


class ImportResultDialog(QDialog):
    def __init__(self, parent: QWidget | None, report: ImportReport):
        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.report = report
        self.setObjectName("import_result")
        self.setWindowTitle(self.tr("Import finished") if report.ok else self.tr("Import refused"))
        self.summary = QLabel(describe(report))
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if report.ok:
            why = self.tr("already in the books")
            self.model = _Rows([self.tr("Row"), self.tr("Number or code"), self.tr("Why skipped")],
                               [[str(n), what, why] for n, what in report.skipped])
        else:
            self.model = problem_model(report.errors)
        rows = self.model.rows
        self.table = QTableView()
        self.table.setObjectName("import_result_rows")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(len(self.model.headers) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setVisible(bool(rows))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        if not report.ok:
            save = QPushButton(self.tr("Save problems as CSV…"))
            save.clicked.connect(lambda: self.save_errors())
            buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        self.resize(760, 460 if rows else 180)

    def save_errors(self, path: str | None = None) -> Path | None:
        if path is None:
            suggested = str(Path(self.report.name).with_suffix("")) + "-errors.csv"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save problems as CSV"), suggested, "CSV (*.csv)")
        if not path:
            return None
        try:
            return save_errors_csv(self.report.errors, path)
        except UserError as e:
            show_error(self, e)
            return None
