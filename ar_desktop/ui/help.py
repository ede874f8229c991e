"""Help in the program: the user guide (English or Chinese, following the interface) and the
keyboard shortcuts, read from the window's own actions so the page is always true."""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QSplitter, QTextBrowser,
                               QVBoxLayout, QWidget)

from ar_desktop.paths import RESOURCES
from ar_desktop.ui.screen import keep_on_screen, resize_to_fit

HELP = RESOURCES / "help"

def guide_path(language: str | None = None):
    """The guide in the interface language ("zh_CN" in the Chinese translation)."""
    language = language or QCoreApplication.translate("Help", "en", "language of the user guide file: en or zh_CN")
    path = HELP / f"user-guide.{language}.md"
    return path if path.exists() else HELP / "user-guide.en.md"


class UserGuide(QDialog):
    """The guide beside its table of contents; a window of its own, left open while working."""

    def __init__(self, parent: QWidget | None, language: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("AR Desktop — User guide"))
        self.setWindowFlag(Qt.WindowType.WindowMinMaxButtonsHint, True)
        self.setModal(False)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setMarkdown(guide_path(language).read_text(encoding="utf-8"))
        self.contents = QListWidget()
        self.contents.setMaximumWidth(300)
        self._headings()
        self.contents.currentItemChanged.connect(lambda item, _old: self.go_to(item))
        split = QSplitter()
        split.addWidget(self.contents)
        split.addWidget(self.text)
        split.setStretchFactor(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        keep_on_screen(self)
        resize_to_fit(self, 1100, 760)

    def _headings(self) -> None:
        block = self.text.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if 1 <= level <= 3 and block.text().strip():
                item = QListWidgetItem(("    " * (level - 1)) + block.text())
                item.setData(Qt.ItemDataRole.UserRole, block.position())
                self.contents.addItem(item)
            block = block.next()

    def headings(self) -> list[str]:
        return [self.contents.item(i).text().strip() for i in range(self.contents.count())]

    def go_to(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(int(item.data(Qt.ItemDataRole.UserRole)))
        self.text.setTextCursor(cursor)
        # bring the heading to the top, not just into view
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.text.ensureCursorVisible()


def window_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every action of the window that has a shortcut, in menu order."""
    out: list[tuple[str, str]] = []

    def walk(actions: list[QAction], path: str) -> None:
        for a in actions:
            text = re.sub(r"\(&.\)", "", a.text()).replace("&", "").rstrip("…")  # "文件(&F)", "&File"
            if a.menu() is not None:
                walk(a.menu().actions(), f"{path}{text} ▸ ")
            elif not a.shortcut().isEmpty():
                out.append((a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), path + text))

    walk(window.menuBar().actions(), "")
    return out


def other_shortcuts() -> list[tuple[str, str]]:
    return [
        (QCoreApplication.translate("Help", "Enter"), QCoreApplication.translate("Help", "Open the selected row: a customer, an invoice, a payment's split, an "
                                         "account's collection file")),
        (QCoreApplication.translate("Help", "Double-click"), QCoreApplication.translate("Help", "The same as Enter")),
        (QCoreApplication.translate("Help", "Ctrl+P in a preview"), QCoreApplication.translate("Help", "Print the document shown")),
        (QCoreApplication.translate("Help", "Ctrl+S in a preview"), QCoreApplication.translate("Help", "Save the document shown as PDF")),
        (QCoreApplication.translate("Help", "Page Up / Page Down in a preview"), QCoreApplication.translate("Help", "Previous / next page")),
        (QCoreApplication.translate("Help", "Esc"), QCoreApplication.translate("Help", "Close a dialog without saving")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.rows = window_shortcuts(parent) + other_shortcuts()
        body = "".join(f"<tr><td style='padding:3px 18px 3px 0'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
                       for k, v in self.rows)
        self.text = QTextBrowser()
        self.text.setHtml(f"<table>{body}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        keep_on_screen(self)
        resize_to_fit(self, 640, 620)
