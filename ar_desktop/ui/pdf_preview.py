"""The one preview of every document: the real PDF, page by page, fitted to the width, with
Print…, Save as PDF… and Close.

Use it for anything the program renders (letters, statements, collection files, the mailing
book, reports)::

    PdfPreview(self, data, self.tr("Aging report"), file_name=f"Aging {as_of}.pdf").open()

Print goes through the system print dialog (``printing.print_pdf``); both Print and Save end in a
``ResultDialog`` saying where the document went. ``printable=False`` makes a view-only preview
(a draft letter, which is printed only when it is issued and archived). ``add_button`` adds an
action of the caller's (e.g. "Issue…").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from ar_desktop.services.reports import save_pdf
from ar_desktop.ui.messages import run_action
from ar_desktop.ui.printing import PdfPages, choose_printer, company_of, print_pdf
from ar_desktop.ui.result_dialog import ResultDialog, ResultLine
from ar_desktop.ui.screen import keep_on_screen, resize_to_fit

FIT_WIDTH, FIT_PAGE, ACTUAL = "width", "page", "actual"
ZOOMS = ((FIT_WIDTH, QT_TRANSLATE_NOOP("PdfPreview", "Fit width")),
         (FIT_PAGE, QT_TRANSLATE_NOOP("PdfPreview", "Whole page")),
         (ACTUAL, QT_TRANSLATE_NOOP("PdfPreview", "100 %")))
SCREEN_DPI = 96
_last_folder: Path | None = None  # where the user saved the last PDF in this session


class PdfPreview(QDialog):
    printed = Signal(str)  # where the document went (printer job or file)
    saved = Signal(str)    # the path of the saved PDF

    def __init__(self, parent: QWidget | None, data: bytes, title: str, *, file_name: str = "",
                 printable: bool = True, note: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.data = data
        self.title = title
        self.file_name = file_name or f"{_safe_name(title)}.pdf"
        self.document = PdfPages(data)
        self.finished.connect(lambda _r: self.document.close())
        self.index = 0
        self.last_result: ResultDialog | None = None

        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.prev = QPushButton(self.tr("◀ Previous page"))
        self.next = QPushButton(self.tr("Next page ▶"))
        self.page_label = QLabel()
        self.prev.clicked.connect(lambda: self.show_page(self.index - 1))
        self.next.clicked.connect(lambda: self.show_page(self.index + 1))
        self.zoom = QComboBox()
        for key, label in ZOOMS:
            self.zoom.addItem(self.tr(label), key)
        self.zoom.currentIndexChanged.connect(lambda _i: self._render())
        nav = QHBoxLayout()
        for w in (self.prev, self.page_label, self.next):
            nav.addWidget(w)
        nav.addStretch(1)
        nav.addWidget(self.zoom)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.print_button = self.save_button = None
        if printable:
            self.print_button = self.add_button(self.tr("Print…"), self.print_document)
            self.save_button = self.add_button(self.tr("Save as PDF…"), self.save_document)
            self.print_button.setDefault(True)
            QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
            QShortcut(QKeySequence.StandardKey.Save, self, self.save_document)
        QShortcut(QKeySequence.StandardKey.MoveToNextPage, self, lambda: self.show_page(self.index + 1))
        QShortcut(QKeySequence.StandardKey.MoveToPreviousPage, self, lambda: self.show_page(self.index - 1))

        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(self.note)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)
        self._rerender = QTimer(self)
        self._rerender.setSingleShot(True)
        self._rerender.setInterval(60)
        self._rerender.timeout.connect(self._render)
        keep_on_screen(self)
        resize_to_fit(self, self._wanted_width(), 10_000)
        self.show_page(0)

    # -- pages --------------------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        return len(self.document)

    @property
    def pages(self) -> PdfPages:
        return self.document

    def _wanted_width(self) -> int:
        """Wide enough for the widest page at screen resolution (a landscape page too)."""
        widest = max((self.document.size_pt(i)[0] for i in range(len(self.document))), default=595)
        return int(widest / 72 * SCREEN_DPI) + 80

    def show_page(self, index: int) -> None:
        if not self.page_count:
            self.page_label.setText(self.tr("The document has no pages."))
            self.prev.setEnabled(False)
            self.next.setEnabled(False)
            return
        self.index = max(0, min(index, self.page_count - 1))
        self.page_label.setText(self.tr("Page {0} of {1}").format(self.index + 1, self.page_count))
        self.prev.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < self.page_count - 1)
        self._render()
        self.scroll.verticalScrollBar().setValue(0)

    def _dpi(self) -> float:
        width_pt, height_pt = self.document.size_pt(self.index)
        mode = self.zoom.currentData()
        if mode == ACTUAL:
            return SCREEN_DPI
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        room_w = max(self.scroll.viewport().width(), self.scroll.width() - bar) - 4
        dpi = room_w / (width_pt / 72)
        if mode == FIT_PAGE:
            dpi = min(dpi, (self.scroll.height() - 4) / (height_pt / 72))
        return max(24.0, min(dpi, 300.0))

    def _render(self) -> None:
        if not self.page_count or self.document.closed:
            return
        ratio = self.devicePixelRatioF()
        image = self.document.image(self.index, self._dpi() * ratio)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.image.setPixmap(pixmap)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._rerender.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._render()

    # -- buttons ------------------------------------------------------------------------------
    def add_button(self, text: str, slot) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(slot)
        self.buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        return b

    def print_document(self) -> ResultDialog | None:
        self.last_result = print_and_report(self, self.data, self.title, self.page_count)
        if self.last_result is not None:
            self.printed.emit(self.last_result.headline.text())
        return self.last_result

    def save_document(self, path: str | None = None) -> ResultDialog | None:
        global _last_folder
        if path is None:
            folder = _last_folder or Path.home()
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), str(folder / self.file_name),
                                                  self.tr("PDF (*.pdf)"))
            if not path:
                return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        ok, _ = run_action(self, save_pdf, path, self.data, company_of(self))
        if not ok:
            return None
        _last_folder = Path(path).parent
        self.saved.emit(path)
        return self._result(self.tr("Saved"), self.tr("{0} ({1} page(s)) was saved to {2}.").format(
            self.title, self.page_count, path), [], open_path=path)

    def _result(self, title: str, headline: str, lines, note: str = "", open_path: str | None = None) -> ResultDialog:
        self.last_result = ResultDialog(self, title, headline, lines, note=note, open_path=open_path)
        self.last_result.open()
        return self.last_result


def print_and_report(parent: QWidget, data: bytes, title: str, page_count: int | None = None) -> ResultDialog | None:
    """Ask for a printer, print, and say where the document went in a result dialog (opened, not
    waited for). None when the user cancelled or the printer refused (the error was shown)."""
    printer = choose_printer(parent, title)
    if printer is None:
        return None
    ok, job = run_action(parent, print_pdf, data, printer, title, parent)
    if not ok:
        return None
    if page_count is None:
        pages = PdfPages(data)
        page_count = len(pages)
        pages.close()
    printed = QCoreApplication.translate("PdfPreview", "Printed")
    if printer.outputFileName():
        dialog = ResultDialog(parent, printed, QCoreApplication.translate(
            "PdfPreview", "{0} ({1} page(s)) was saved to {2}.").format(title, page_count, job), open_path=job)
    else:
        where = printer.printerName() or QCoreApplication.translate("PdfPreview", "the printer")
        dialog = ResultDialog(
            parent, printed,
            QCoreApplication.translate("PdfPreview", "{0} ({1} page(s)) was sent to {2}.").format(
                title, page_count, where),
            [ResultLine.done(title, QCoreApplication.translate("PdfPreview", "print job: {0}").format(job))],
            note=QCoreApplication.translate("PdfPreview", "If nothing comes out, look at the printer's queue in "
                                            "the system settings; the document is unchanged."))
    dialog.open()
    return dialog


def _safe_name(text: str) -> str:
    return "".join(c if c.isalnum() or c in " -_.()" else " " for c in text).strip()[:80] or "document"
