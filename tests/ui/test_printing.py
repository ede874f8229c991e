"""Printing through a real CUPS queue (a cups-pdf printer started by test.sh) and to a PDF file."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from ar_desktop.domain.collection_file import CollectionFileDocument, FileEntry
from ar_desktop.pdf.collection_file import render_collection_file
from ar_desktop.ui.pdf_preview import PdfPreview
from ar_desktop.ui.printing import paint_pdf, print_pdf, render_pages

import datetime as dt


def _document(pages_of_entries: int = 1) -> bytes:
    entries = tuple(FileEntry(dt.date(2026, 1, 1) + dt.timedelta(days=i), "note", f"Entry number {i}")
                    for i in range(40 * pages_of_entries))
    doc = CollectionFileDocument("Harbour Line Trading GmbH", "Hamburg", "PRT01", "Printer Test Ltd", "1 Main St",
                                 "", "EUR", dt.date(2026, 3, 31), (), (), entries)
    return render_collection_file(doc)


def _pdf_printer_out() -> Path:
    return Path(os.path.expanduser("~")) / "PDF"


@pytest.mark.printing
def test_print_through_a_real_cups_queue(qtbot):
    if "PDF" not in [p.printerName() for p in QPrinterInfo.availablePrinters()]:
        pytest.skip("no CUPS queue named PDF: run the suite through test.sh (it starts one as root)")
    title = f"ar-desktop-test-{time.time_ns()}"
    printer = QPrinter(QPrinterInfo.printerInfo("PDF"), QPrinter.PrinterMode.HighResolution)
    job = print_pdf(_document(), printer, title)
    assert job  # CUPS answered with a request id
    # cups-pdf creates the file first and Ghostscript fills it afterwards: wait for a whole PDF.
    deadline = time.monotonic() + 60
    out, text = None, ""
    while time.monotonic() < deadline and "Page 1 of" not in text:
        time.sleep(0.2)
        out = next(iter(_pdf_printer_out().glob(f"{title}*.pdf")), None)
        if out is not None:
            text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    assert out is not None, "the PDF printer produced no file"
    assert "Collection file: Printer Test Ltd" in text and "Page 1 of" in text


def test_print_to_file_writes_the_exact_pdf(tmp_path, qtbot):
    data = _document()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    print_pdf(data, printer, "file")
    assert (tmp_path / "out.pdf").read_bytes() == data


def test_raster_printing_paints_one_sheet_per_page(tmp_path, qtbot):
    data = _document(pages_of_entries=2)
    pages = render_pages(data, 50)
    assert len(pages) >= 2
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # a page at 1200 dpi is 140 megapixels
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "raster.pdf"))
    paint_pdf(data, printer)
    info = subprocess.run(["pdfinfo", str(tmp_path / "raster.pdf")], capture_output=True, text=True).stdout
    assert f"Pages:           {len(pages)}" in info


def test_preview_pages_through_the_document(qtbot):
    preview = PdfPreview(None, _document(pages_of_entries=2), "Preview")
    qtbot.addWidget(preview)
    assert preview.page_label.text() == f"Page 1 of {len(preview.pages)}"
    assert not preview.prev.isEnabled()
    preview.next.click()
    assert preview.page_label.text().startswith("Page 2 of")
    assert preview.image.pixmap().width() > 500  # an A4 page at 96 dpi is ~794 px wide
