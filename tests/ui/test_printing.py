"""Printing through a real CUPS queue (a cups-pdf printer started by test.sh) and to a PDF file."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialogButtonBox

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
    assert preview.page_label.text() == f"Page 1 of {preview.page_count}"
    assert not preview.prev.isEnabled()
    preview.next.click()
    assert preview.page_label.text().startswith("Page 2 of")
    assert preview.image.pixmap().width() > 500  # fitted to the width of a dialog sized for an A4 page


# --- the one preview of every document --------------------------------------------------------------

def _mailing_book() -> bytes:
    from decimal import Decimal

    from ar_desktop.domain.letters import Company, MailingBook, MailingBookEntry
    from ar_desktop.pdf.mailing_book import render_mailing_book

    sender = Company(legal_name="Printer Test Ltd", address_lines=("1 Main St",), postcode="20457", city="Hamburg")
    entries = tuple(MailingBookEntry(f"RR{i:08d}0DE", f"Customer {i} Ltd", (f"{i} High Street", "Manchester"),
                                     "Registered", Decimal("2.65"), Decimal("2.50"), f"DL-{i}") for i in range(3))
    return render_mailing_book(MailingBook(sender, dt.date(2026, 3, 31), entries, "EUR"))


def _file_printer(path: Path):
    def choose(_parent, _title):
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer
    return choose


def _on_screen(widget) -> bool:
    screen = widget.screen().availableGeometry()
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return widget.isVisible() and screen.contains(top_left) and screen.contains(
        widget.mapToGlobal(widget.rect().bottomRight()))


def test_a_landscape_page_is_fitted_to_the_width_of_the_preview(qtbot):
    """The mailing book (A4 landscape) was cut off on the right: now it fits, buttons on screen."""
    preview = PdfPreview(None, _mailing_book(), "Mailing book")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    preview._render()
    viewport = preview.scroll.viewport().width()
    page_width = preview.image.pixmap().deviceIndependentSize().width()
    assert viewport * 0.9 <= page_width <= viewport
    assert preview.frameGeometry().height() <= preview.screen().availableGeometry().height()
    for button in (preview.print_button, preview.save_button,
                   preview.buttons.button(QDialogButtonBox.StandardButton.Close)):
        assert _on_screen(button), button.text()


def test_whole_page_zoom_shows_the_page_without_scrolling(qtbot):
    preview = PdfPreview(None, _document(), "Collection file")
    qtbot.addWidget(preview)
    preview.show()
    preview.zoom.setCurrentIndex(preview.zoom.findData("page"))
    size = preview.image.pixmap().deviceIndependentSize()
    assert size.height() <= preview.scroll.height() and size.width() <= preview.scroll.width()


def test_print_from_the_preview_reports_where_the_document_went(qtbot, tmp_path, monkeypatch):
    from ar_desktop.ui import pdf_preview

    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(pdf_preview, "choose_printer", _file_printer(out))
    data = _document()
    preview = PdfPreview(None, data, "Collection file PRT01")
    qtbot.addWidget(preview)
    preview.print_button.click()
    assert out.read_bytes() == data
    result = preview.last_result
    assert result is not None and result.isVisible()
    assert result.headline.text() == f"Collection file PRT01 ({preview.page_count} page(s)) was saved to {out}."


@pytest.mark.printing
def test_print_from_the_preview_through_cups_lists_the_job(qtbot, monkeypatch):
    from ar_desktop.ui import pdf_preview

    if "PDF" not in [p.printerName() for p in QPrinterInfo.availablePrinters()]:
        pytest.skip("no CUPS queue named PDF: run the suite through test.sh (it starts one as root)")
    monkeypatch.setattr(pdf_preview, "choose_printer", lambda _p, _t: QPrinter(QPrinterInfo.printerInfo("PDF"),
                                                                                QPrinter.PrinterMode.HighResolution))
    preview = PdfPreview(None, _document(), f"ar-desktop-preview-{time.time_ns()}")
    qtbot.addWidget(preview)
    result = preview.print_document()
    assert result is not None and "was sent to PDF" in result.headline.text()
    assert result.counts()["done"] == 1 and "PDF-" in result.lines[0].detail  # the queue's request id


def test_save_from_the_preview_writes_the_whole_file(qtbot, tmp_path):
    data = _mailing_book()
    preview = PdfPreview(None, data, "Mailing book", file_name="Mailing book.pdf")
    qtbot.addWidget(preview)
    result = preview.save_document(str(tmp_path / "book"))
    assert (tmp_path / "book.pdf").read_bytes() == data
    assert result is not None and str(tmp_path / "book.pdf") in result.headline.text()
    assert [p.name for p in tmp_path.iterdir()] == ["book.pdf"]  # no temporary file left beside it


def test_save_into_a_folder_that_cannot_be_written_says_so(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    preview = PdfPreview(None, _document(), "Collection file")
    qtbot.addWidget(preview)
    assert preview.save_document(str(tmp_path / "missing" / "x.pdf")) is None
    assert shown and "does not exist" in shown[0] and "Choose an existing folder" in shown[0]


def test_a_draft_preview_offers_no_print_or_save(qtbot):
    preview = PdfPreview(None, _document(), "Draft", printable=False, note="A draft is not printed.")
    qtbot.addWidget(preview)
    assert preview.print_button is None and preview.save_button is None
    assert preview.note.text() == "A draft is not printed."


def test_result_dialog_lists_what_was_done_and_skipped_and_copies_it(qtbot):
    from PySide6.QtGui import QGuiApplication

    from ar_desktop.ui.result_dialog import ResultDialog, ResultLine

    dialog = ResultDialog(None, "Letters issued", "2 letters issued, 1 skipped.",
                          [ResultLine.done("L-1 · Harbour Line", "printed"),
                           ResultLine.done("L-2 · Baltic Foods", "printed"),
                           ResultLine.skipped("KAS11 · Kastanie", "nothing overdue any more")],
                          note="Post the registered letters today.")
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.counts() == {"done": 2, "skipped": 1, "failed": 0}
    model = dialog.table.model()
    assert [model.index(2, c).data() for c in range(3)] == ["– Skipped", "KAS11 · Kastanie",
                                                             "nothing overdue any more"]
    dialog.copy()
    copied = QGuiApplication.clipboard().text()
    assert copied.splitlines()[:2] == ["Letters issued", "2 letters issued, 1 skipped."]
    assert "– Skipped\tKAS11 · Kastanie\tnothing overdue any more" in copied
    assert copied.rstrip().endswith("Post the registered letters today.")


def test_print_collection_file_prints_it(window, qtbot, tmp_path, monkeypatch):
    """"Print collection file…" used to save a PDF only: it now goes to the printer, and says so."""
    from ar_desktop.ui import pdf_preview

    out = tmp_path / "file.pdf"
    monkeypatch.setattr(pdf_preview, "choose_printer", _file_printer(out))
    tab = window.collections
    tab.reload()
    tab.table.selectRow(0)
    code = tab.current_row().customer_code
    tab.buttons["print"].click()
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    assert "Collection file:" in text and code in text
    result = tab.findChild(pdf_preview.ResultDialog)
    assert result is not None and f"Collection file {code}" in result.headline.text()


def test_statement_and_archived_documents_preview_with_print_and_save(window, qtbot):
    preview = window.customers
    window.customers.table.selectRow(0)
    preview = window.customers.show_statement()
    assert preview.print_button.isVisible() and preview.save_button.isVisible()
    assert preview.file_name.startswith("Statement ") and preview.file_name.endswith(".pdf")
    preview.close()
