"""The import wizard: pick a file → map its columns → preview → validate → import (progress, Cancel)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget, QWizard, QWizardPage)

from ar_desktop.domain.dates import DATE_FORMATS
from ar_desktop.domain.errors import UserError
from ar_desktop.services.import_mapping import fields_for, remember_options, suggest_options
from ar_desktop.services.importing import (ImportOptions, ImportReport, RowError, check, refusal_report, run_import,
                                           save_errors_csv)
from ar_desktop.services.record_columns import KINDS
from ar_desktop.services.report_formats import cell_text
from ar_desktop.services.source_files import SourceTable, open_source
from ar_desktop.ui.dialogs.import_result_dialog import ImportResultDialog, problem_model, reporting
from ar_desktop.ui.i18n import render
from ar_desktop.ui.messages import show_error
from ar_desktop.ui.tasks import BackgroundTask
from ar_desktop.ui.screen import keep_on_screen

PREVIEW_ROWS = 50
NUMBER_LABELS = (("point-comma", QT_TRANSLATE_NOOP("MappingPage", "1,234.56 or 1234.56")),
                 ("point", QT_TRANSLATE_NOOP("MappingPage", "1234.56 (no grouping)")),
                 ("comma-point", QT_TRANSLATE_NOOP("MappingPage", "1.234,56 or 1234,56")),
                 ("comma", QT_TRANSLATE_NOOP("MappingPage", "1234,56 (no grouping)")),
                 ("comma-space", QT_TRANSLATE_NOOP("MappingPage", "1 234,56")),
                 ("point-space", QT_TRANSLATE_NOOP("MappingPage", "1 234.56")),
                 ("point-apostrophe", QT_TRANSLATE_NOOP("MappingPage", "1'234.56")))
MODES = (("refuse", "Refuse the file if a number or code already exists"),
         ("skip", "Skip rows whose number or code already exists"),
         ("update", "Update what already exists"))


KIND_LABELS = {"customers": QT_TRANSLATE_NOOP("FilePage", "Customers"),
               "invoices": QT_TRANSLATE_NOOP("FilePage", "Invoices"),
               "payments": QT_TRANSLATE_NOOP("FilePage", "Payments")}


class PreviewModel(QAbstractTableModel):
    """The first rows as they will be stored (dates as ISO, amounts exact, due dates filled in)."""

    def __init__(self, rows: list[dict[str, str]] | None = None):
        super().__init__()
        self.rows: list[dict[str, str]] = []
        self.columns: list[str] = []
        self.set_rows(rows or [])

    def set_rows(self, rows: list[dict[str, str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.columns = list(rows[0]) if rows else []
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()].get(key, "")
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("amount", "credit_limit", "applied"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].replace("_", " ")
        return str(section + 1)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("A CSV file (comma, semicolon or tab separated) or an Excel workbook (.xlsx)."))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("import_path")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("import_kind")
        for k in KINDS:
            self.kind_combo.addItem(self.tr(KIND_LABELS[k]), k)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("import_sheet")
        self.sheet_combo.setEnabled(False)
        self.path_edit.editingFinished.connect(self._load_sheets)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("What it holds:"), self.kind_combo)
        form.addRow(self.tr("Sheet (workbooks):"), self.sheet_combo)
        self.registerField("path*", self.path_edit)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import from"), str(Path.home()),
                                              self.tr("CSV or Excel (*.csv *.txt *.xlsx);;All files (*)"))
        if path:
            self.path_edit.setText(path)
            self._load_sheets()

    def _load_sheets(self) -> None:
        self.sheet_combo.clear()
        path = self.path_edit.text().strip()
        if not path.lower().endswith(".xlsx") or not Path(path).is_file():
            self.sheet_combo.setEnabled(False)
            return
        try:
            sheets = open_source(path).sheets
        except UserError:
            return
        self.sheet_combo.addItems(list(sheets))
        self.sheet_combo.setEnabled(len(sheets) > 1)

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        sheet = self.sheet_combo.currentText() or None
        try:
            table = open_source(self.path_edit.text().strip(), sheet=sheet)
            kind = self.kind_combo.currentData()
            self.w.table = table
            self.w.options = suggest_options(self.w.books, table, kind)
        except Exception as e:  # noqa: BLE001 - every failure is shown; the page stays
            show_error(self, e)
            return False
        return True


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Each column of the file goes to a field, or is not imported. Matches are "
                                 "guessed from the column names and remembered for files with the same columns."))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("mapping_table")
        self.table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Field"),
                                              self.tr("First values")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.date_format = QComboBox()
        self.date_format.setObjectName("date_format")
        self.date_format.addItems(list(DATE_FORMATS))
        self.numbers = QComboBox()
        self.numbers.setObjectName("number_format")
        for key, label in NUMBER_LABELS:
            self.numbers.addItem(self.tr(label), key)
        self.mode = QComboBox()
        self.mode.setObjectName("import_mode")
        for key, label in MODES:
            self.mode.addItem(self.tr(label), key)
        self.create_customers = QCheckBox(self.tr("Create customers that the file names but the books do not have "
                                                  "(the list is shown before anything is imported)"))
        self.create_customers.setObjectName("create_customers")
        form = QFormLayout()
        form.addRow(self.tr("Dates are written as:"), self.date_format)
        form.addRow(self.tr("Amounts are written as:"), self.numbers)
        form.addRow(self.tr("Numbers or codes already in the books:"), self.mode)
        form.addRow("", self.create_customers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        table, opts = self.w.table, self.w.options
        self.notice.setText(render(table.notice) if table.notice else self.tr("{0}: {1} columns.").format(
            table.name, len(table.header)))
        fields = fields_for(opts.kind)
        self.table.setRowCount(len(table.header))
        self.combos: dict[str, QComboBox] = {}
        for r, h in enumerate(table.header):
            self.table.setItem(r, 0, QTableWidgetItem(h))
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), None)
            for f in fields:
                combo.addItem(QCoreApplication.translate("Columns", f.label) + (" *" if f.required else ""), f.key)
            idx = combo.findData(opts.mapping.get(h))
            combo.setCurrentIndex(max(idx, 0))
            self.table.setCellWidget(r, 1, combo)
            self.combos[h] = combo
            samples = ", ".join(cell_text(v) for v in table.column(h, 3) if v not in ("", None))
            self.table.setItem(r, 2, QTableWidgetItem(samples[:120]))
        self.table.resizeColumnsToContents()
        self.date_format.setCurrentText(opts.date_format)
        self.numbers.setCurrentIndex(max(self.numbers.findData(opts.number_format), 0))
        self.mode.setCurrentIndex(max(self.mode.findData(opts.mode), 0))
        self.create_customers.setChecked(opts.create_customers)
        self.create_customers.setVisible(opts.kind == "invoices")

    def set_field(self, header: str, field_key: str | None) -> None:
        combo = self.combos[header]
        combo.setCurrentIndex(max(combo.findData(field_key), 0))

    def options(self) -> ImportOptions:
        return replace(self.w.options, mapping={h: c.currentData() for h, c in self.combos.items()},
                       date_format=self.date_format.currentText(), number_format=self.numbers.currentData(),
                       mode=self.mode.currentData(), create_customers=self.create_customers.isChecked())

    def validatePage(self) -> bool:  # noqa: N802
        self.w.options = self.options()
        try:
            # Remembered at once, so a mapping made by hand survives a refused attempt
            remember_options(self.w.books, self.w.table, self.w.options)
            report = check(self.w.books, self.w.table, self.w.options, preview_rows=PREVIEW_ROWS,
                           first_rows=PREVIEW_ROWS)
        except Exception as e:  # noqa: BLE001 - e.g. a required field not mapped
            show_error(self, e)
            return False
        self.w.preview_rows, self.w.check = report.preview, report
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("The first rows as they will be stored; the next page checks the whole file."))
        self.model = PreviewModel()
        self.view = QTableView()
        self.view.setObjectName("preview_view")
        self.view.setModel(self.model)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

    def initializePage(self) -> None:  # noqa: N802
        self.model.set_rows(self.w.preview_rows)
        self.view.resizeColumnsToContents()
        self.summary.setText(describe_check(self, self.w.check))


def describe_check(widget: QWidget, c: ImportReport) -> str:
    rows = QCoreApplication.translate("ImportWizard", "The first {0} rows").format(c.rows) if c.stopped_early else \
        QCoreApplication.translate("ImportWizard", "{0} rows").format(c.rows)
    parts = [QCoreApplication.translate("ImportWizard", "{0}: {1} new, {2} to update, {3} already there (skipped).").format(
        rows, c.new, c.updated, c.skipped_count)]
    if c.new_customers and c.customers_created:
        parts.append(QCoreApplication.translate("ImportWizard", "These {0} customers will be created: {1}.").format(
            len(c.new_customers), _names(c.new_customers)))
    elif c.new_customers:
        parts.append(QCoreApplication.translate("ImportWizard", "{0} customers are not in the books: {1}. Add them, or go back and tick "
                                        "'Create customers…' to create them.").format(len(c.new_customers),
                                                                                     _names(c.new_customers)))
    if c.payments:
        parts.append(QCoreApplication.translate("ImportWizard", "{0} payments will be recorded from settlement dates.").format(c.payments))
    if c.error_count:
        parts.append(QCoreApplication.translate("ImportWizard", "{0} problems must be fixed first.").format(c.error_count))
    return " ".join(parts)


def _names(codes: list[str]) -> str:
    codes = sorted(codes)
    shown = ", ".join(codes[:30])
    return shown + (f" … (+{len(codes) - 30})" if len(codes) > 30 else "")


class ValidatePage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Check"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.errors = QTableView()
        self.errors.setObjectName("errors_table")
        self.errors.verticalHeader().hide()
        self.save_button = QPushButton(self.tr("Save errors as CSV…"))
        self.save_button.setObjectName("save_errors")
        self.save_button.clicked.connect(lambda: self.save_errors())
        self.show_errors([])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors, 1)
        layout.addWidget(self.save_button)

    def initializePage(self) -> None:  # noqa: N802
        try:
            self.w.check = check(self.w.books, self.w.table, self.w.options)
        except UserError as e:  # refused before any row: shown as a problem of the whole file
            self.w.check = refusal_report(self.w.options.kind, self.w.table.name, e)
        self.show_errors(self.w.check.errors)
        self.summary.setText(describe_check(self, self.w.check) + (
            "" if self.w.check.ok else " " + self.tr("Fix them in the file (or change the mapping) and try again.")))
        self.completeChanged.emit()

    def show_errors(self, errors: list[RowError]) -> None:
        self.error_model = problem_model(errors)  # kept: the view does not own its model
        self.errors.setModel(self.error_model)
        self.errors.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.save_button.setEnabled(bool(errors))

    def save_errors(self, path: str | None = None) -> Path | None:
        if path is None:
            suggested = str(Path(self.w.table.name).with_suffix("")) + "-errors.csv"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save errors as CSV"), suggested, "CSV (*.csv)")
        if not path:
            return None
        try:
            return save_errors_csv(self.w.check.errors, path)
        except UserError as e:
            show_error(self, e)
            return None

    def isComplete(self) -> bool:  # noqa: N802
        return self.w.check is not None and self.w.check.ok


class ImportWizard(QWizard):
    """``books``: the open company; ``on_done(result)`` is called after a successful import."""

    def __init__(self, parent: QWidget, books, on_done=None):
        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.setWindowTitle(self.tr("Import wizard"))
        self.setObjectName("import_wizard")
        self.books = books
        self.on_done = on_done
        self.table: SourceTable | None = None
        self.options: ImportOptions | None = None
        self.check: ImportReport | None = None
        self.preview_rows: list[dict[str, str]] = []
        self.task: BackgroundTask | None = None
        self.result_value: ImportReport | None = None
        self.result_dialog: ImportResultDialog | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.validate_page = ValidatePage(self)
        for p in (self.file_page, self.mapping_page, self.preview_page, self.validate_page):
            self.addPage(p)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.resize(900, 600)

    def accept(self) -> None:
        """Import in the background with progress and Cancel; the wizard closes when it succeeded."""
        books, table, options = self.books, self.table, self.options
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)

        def done(result: ImportReport) -> None:
            self.result_value = result
            if not result.ok:  # the file changed since the check: the wizard stays, with the new list
                self.check = result
                self.validate_page.show_errors(result.errors)
                self.validate_page.completeChanged.emit()
                self.result_dialog = ImportResultDialog(self, result)
                self.result_dialog.open()
                return
            if self.on_done is not None:
                self.on_done(result)
            QWizard.accept(self)
            self.result_dialog = ImportResultDialog(self.parentWidget(), result)
            self.result_dialog.open()

        self.task = BackgroundTask(self, self.tr("Importing…"), reporting(
            options.kind, table.name, lambda progress: run_import(books, table, options, progress)), done)
        self.task.signals.failed.connect(self._failed)
        self.task.start()

    def _failed(self, error: BaseException) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
