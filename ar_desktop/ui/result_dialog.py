"""What an action did, shown until the user closes it: what was done, what was skipped and why.

One dialog for every action whose outcome the bookkeeper must be able to read back: a print, a
batch of letters, an import. The caller builds it from lines::

    ResultDialog(parent, self.tr("Letters issued"), self.tr("3 letters issued, 1 skipped."),
                 [ResultLine.done("L-2026-0001 · Harbour Line", "sent to the printer PDF"),
                  ResultLine.skipped("BLT01 · Baltic Foods", "nothing overdue any more")]).open()

``open()`` shows it window-modal without blocking; ``exec()`` waits for Close. "Copy" puts the
whole report on the clipboard as plain text (to paste into an e-mail or a note).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from ar_desktop.ui import palette
from ar_desktop.ui.screen import keep_on_screen, resize_to_fit

DONE, SKIPPED, FAILED = "done", "skipped", "failed"
OUTCOME_TEXT = {DONE: QT_TRANSLATE_NOOP("ResultDialog", "✓ Done"),
                SKIPPED: QT_TRANSLATE_NOOP("ResultDialog", "– Skipped"),
                FAILED: QT_TRANSLATE_NOOP("ResultDialog", "✗ Failed")}
_TONE = {DONE: palette.PAID, SKIPPED: palette.DUE_SOON, FAILED: palette.OVERDUE}


@dataclass(frozen=True)
class ResultLine:
    outcome: str  # DONE, SKIPPED or FAILED
    item: str     # what it is about: a letter, a customer, a row of a file
    detail: str = ""  # how it went, or why it was skipped

    @classmethod
    def done(cls, item: str, detail: str = "") -> ResultLine:
        return cls(DONE, item, detail)

    @classmethod
    def skipped(cls, item: str, why: str) -> ResultLine:
        return cls(SKIPPED, item, why)

    @classmethod
    def failed(cls, item: str, why: str) -> ResultLine:
        return cls(FAILED, item, why)


class ResultModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("ResultDialog", "Result"), QT_TRANSLATE_NOOP("ResultDialog", "Item"),
               QT_TRANSLATE_NOOP("ResultDialog", "Details"))

    def __init__(self, lines: Sequence[ResultLine], parent=None):
        super().__init__(parent)
        self.lines = list(lines)

    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ResultDialog", self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        line = self.lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (QCoreApplication.translate("ResultDialog", OUTCOME_TEXT[line.outcome]), line.item,
                    line.detail)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return palette.color_for(_TONE[line.outcome])
        return None


class ResultDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, headline: str, lines: Sequence[ResultLine] = (), *,
                 note: str = "", open_path: str | None = None):
        """``note``: a paragraph under the list (what to do next); ``open_path``: a file or folder
        the result produced, offered with a "Show the folder" button."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.lines = list(lines)
        self.headline = QLabel(headline)
        self.headline.setObjectName("result_headline")
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        self.table: QTableView | None = None
        if self.lines:
            self.model = ResultModel(self.lines, self)
            self.table = QTableView()
            self.table.setModel(self.model)
            self.table.verticalHeader().hide()
            self.table.setWordWrap(False)
            self.table.setAlternatingRowColors(True)
            self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(1, 260)
            header.setStretchLastSection(True)
            layout.addWidget(self.table, 1)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        copy = QPushButton(self.tr("Copy"))
        copy.setToolTip(self.tr("Copy this report to the clipboard as plain text"))
        copy.clicked.connect(self.copy)
        self.buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        if open_path:
            folder = QPushButton(self.tr("Show the folder"))
            folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(_folder_of(open_path))))
            self.buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(self.buttons)
        keep_on_screen(self)
        resize_to_fit(self, 760, 420 if self.lines else 160)

    def counts(self) -> dict[str, int]:
        out = {DONE: 0, SKIPPED: 0, FAILED: 0}
        for line in self.lines:
            out[line.outcome] += 1
        return out

    def text(self) -> str:
        """The report as plain text."""
        rows = [self.windowTitle(), self.headline.text(), ""]
        rows += ["\t".join(x for x in (self.tr(OUTCOME_TEXT[ln.outcome]), ln.item, ln.detail) if x)
                 for ln in self.lines]
        if self.note.text():
            rows += ["", self.note.text()]
        return "\n".join(rows).rstrip() + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


def _folder_of(path: str) -> str:
    from pathlib import Path

    p = Path(path)
    return str(p if p.is_dir() else p.parent)
