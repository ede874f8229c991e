"""Keyboard first: every everyday action has a key, the keys are listed in Help, and the user
guide is in the program in English and Chinese."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ar_desktop.ui.dialogs.invoice_dialog import InvoiceDialog
from ar_desktop.ui.dialogs.payment_dialog import PaymentDialog
from ar_desktop.ui.help import ShortcutsDialog, UserGuide, guide_path
from ar_desktop.ui.pdf_preview import PdfPreview
from ar_desktop.ui import amounts

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _active(window, qtbot):
    """Shortcuts go to the active window; after a dialog closes it takes a moment to be active again."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def test_ctrl_digits_switch_tabs_and_ctrl_f_finds_the_search(window, qtbot):
    _active(window, qtbot)
    for i, tab in enumerate((window.customers, window.invoices, window.payments, window.collections), start=2):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{i}"), CTRL)
        assert window.tabs.currentWidget() is tab
        qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
        assert QApplication.focusWidget() is tab.search


def test_ctrl_shift_n_and_p_open_a_new_invoice_and_a_payment(window, qtbot, when_dialog_opens):
    _active(window, qtbot)
    opened = []
    when_dialog_opens(lambda d: (opened.append(type(d)), d.reject()), InvoiceDialog)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)
    assert opened == [InvoiceDialog] and window.tabs.currentWidget() is window.invoices
    window.customers.table.selectRow(0)
    window.tabs.setCurrentWidget(window.customers)
    customer = window.customers.model.row_at(0).code
    _active(window, qtbot)
    when_dialog_opens(lambda d: (opened.append((type(d), d.customer.currentData())), d.reject()), PaymentDialog)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | SHIFT)
    assert opened[-1] == (PaymentDialog, customer)  # for the customer selected in the list


def test_ctrl_p_prints_the_list_in_front(window, qtbot):
    import subprocess

    _active(window, qtbot)
    window.tabs.setCurrentWidget(window.invoices)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    preview = window.findChild(PdfPreview)
    assert preview is not None and preview.isVisible() and preview.title == "Invoices"
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=preview.data, capture_output=True,
                          check=True).stdout.decode()
    first = window.invoices.model.row_at(0).number
    assert "Invoices" in text and "Harbour Line Trading GmbH" in text and first in text
    assert "Page 1 of" in text and window.invoices.totals.text().split(" · ")[0] in text
    preview.close()
    window.tabs.setCurrentWidget(window.collections)
    qtbot.waitUntil(lambda: bool(window.collections.model.rows), timeout=10000)
    worklist = window.collections.print_list()
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=worklist.data, capture_output=True,
                          check=True).stdout.decode()
    assert "Collections worklist" in text and window.collections.model.rows[0].customer_code in text


def test_help_lists_the_shortcuts_of_the_menus(window, qtbot):
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    keys = dict((what, key) for key, what in dialog.rows)
    assert keys["Entries ▸ New invoice"] == "Ctrl+Shift+N"
    assert keys["Entries ▸ Record payment"] == "Ctrl+Shift+P"
    assert keys["File ▸ Print this list"] == "Ctrl+P"
    assert keys["View ▸ Search this list"] == "Ctrl+F"
    assert keys["View ▸ Go to ▸ Overview"] == "Ctrl+1"
    assert keys["View ▸ Go to ▸ Payments"] == "Ctrl+4"
    assert "Enter" in [k for k, _ in dialog.rows]


def test_the_user_guide_is_in_the_program_in_english_and_chinese(window, qtbot):
    english = UserGuide(window, "en")
    qtbot.addWidget(english)
    assert {"Payments", "Reversing a payment", "Keyboard shortcuts", "Printing and PDFs"} <= set(english.headings())
    chinese = UserGuide(window, "zh_CN")
    qtbot.addWidget(chinese)
    assert {"收款", "冲销收款", "键盘快捷键", "打印与 PDF"} <= set(chinese.headings())
    assert len(chinese.headings()) == len(english.headings())  # the same chapters in both
    chinese.contents.setCurrentRow(chinese.headings().index("冲销收款"))
    assert chinese.text.textCursor().block().text() == "冲销收款"
    assert guide_path("en").name == "user-guide.en.md"


def test_the_aging_prints_as_shown(window, qtbot):
    import subprocess

    from ar_desktop.services.aging import aging_report

    aging = window.collections.aging
    preview = aging.print_list()
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=preview.data, capture_output=True,
                          check=True).stdout.decode()
    assert "Aging report" in text and "As of 2026-03-31" in text and "Over 90" in text
    total = sum((b.total.total for b in aging_report(window.books, window.books.today())), start=0)
    assert amounts.money(total) in text  # as the window shows it, in the company's style
