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


def render_pages(data: bytes, dpi: float) -> list[QImage]:
    """Every page of the PDF as an image at ``dpi``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        images = []
        for i in range(len(pdf)):
            bitmap = pdf[i].render(scale=dpi / 72, rev_byteorder=True)
            img = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
            images.append(img.copy())  # detach from PDFium's buffer before it is freed
        return images
    finally:
        pdf.close()


def choose_printer(parent: QWidget, title: str) -> QPrinter | None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def print_pdf(data: bytes, printer: QPrinter, title: str) -> str:
    """Send the document to ``printer``; returns how it went there (for the status bar)."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        Path(printer.outputFileName()).write_bytes(data)  # "print to file": the exact PDF
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
