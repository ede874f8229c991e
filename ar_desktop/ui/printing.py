"""Printing PDF bytes: through the system print dialog to a real printer, or to a PDF file.

Where a CUPS queue takes the job (Linux, macOS) the PDF itself is sent, so the printout keeps
vector text; elsewhere each page is rendered at the printer's resolution and painted.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from ar_desktop.domain.errors import UserError


class PdfPages:
    """An open PDF whose pages are rendered on demand, at any resolution (PDFium, loaded lazily)."""

    def __init__(self, data: bytes):
        import pypdfium2 as pdfium

        self._pdf = pdfium.PdfDocument(data)
        self._sizes = [tuple(self._pdf.get_page_size(i)) for i in range(len(self._pdf))]
        self.closed = False

    def __len__(self) -> int:
        return len(self._sizes)

    def size_pt(self, index: int) -> tuple[float, float]:
        """Width and height of a page in points (1/72 inch)."""
        return self._sizes[index]

    def image(self, index: int, dpi: float) -> QImage:
        if self.closed:
            raise ValueError("the document is closed")
        bitmap = self._pdf[index].render(scale=dpi / 72, rev_byteorder=True)
        img = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
        return img.copy()  # detach from PDFium's buffer before it is freed

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self._pdf.close()


def render_pages(data: bytes, dpi: float) -> list[QImage]:
    """Every page of the PDF as an image at ``dpi``."""
    pdf = PdfPages(data)
    try:
        return [pdf.image(i, dpi) for i in range(len(pdf))]
    finally:
        pdf.close()


def choose_printer(parent: QWidget, title: str) -> QPrinter | None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def company_of(widget: QWidget | None) -> Path | None:
    """The company file open in the window ``widget`` belongs to: a file saved from there notes its
    temporary file beside it, so that the next open tidies it away after a crash."""
    while widget is not None:
        books = getattr(widget, "books", None)
        if books is not None and getattr(books, "db", None) is not None:
            return books.db.path
        widget = widget.parent()
    return None


def save_from(widget: QWidget | None, path: str | Path, data: bytes) -> Path:
    """Save a file the user asked for whole or not at all (services.reports.save_file)."""
    from ar_desktop.services.reports import save_file

    return save_file(path, data, company_of(widget))


def print_pdf(data: bytes, printer: QPrinter, title: str, parent: QWidget | None = None) -> str:
    """Send the document to ``printer``; returns how it went there (for the status bar)."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        save_from(parent, printer.outputFileName(), data)  # "print to file": the exact PDF, whole or not at all
        return printer.outputFileName()
    name = printer.printerName()
    if name and shutil.which("lp"):
        copies = max(printer.copyCount(), 1)
        result = subprocess.run(["lp", "-d", name, "-n", str(copies), "-t", title, "-"], input=data,
                                capture_output=True, timeout=60)
        if result.returncode != 0:
            raise UserError(QCoreApplication.translate(
                "Printing", "The printer {0} refused the job: {1}. Check that it is switched on and accepting jobs.")
                .format(name, result.stderr.decode(errors="replace").strip()))
        return result.stdout.decode(errors="replace").strip() or name
    paint_pdf(data, printer)
    return name or "printer"


def paint_pdf(data: bytes, printer: QPrinter) -> None:
    """Render each page at the printer's resolution and paint it, one sheet per page."""
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(QCoreApplication.translate(
            "Printing", "The printer could not be opened. Check that it is installed and switched on."))
    try:
        pages = render_pages(data, printer.resolution())
        for i, img in enumerate(pages):
            if i:
                printer.newPage()
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            scaled = img.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, scaled.width(), scaled.height()), img)
    finally:
        painter.end()
