"""One amount style in the whole window, the company's (CLDR via Babel): a German company types and reads
"12.000,50", an English one "12,000.50"; lists, totals, dialogs, the Overview, tooltips and the audit trail all
write amounts the same way, and an amount written the other way is refused beside its field, saying how to
write one. The Chinese interface on a Chinese company reads "12,000.50" too."""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

from ar_desktop.clock import FixedClock
from ar_desktop.services import customers, invoicing
from ar_desktop.services.company_file import create_company
from ar_desktop.services.invoicing import invoice_ids, invoice_rows
from ar_desktop.storage.invoices_repo import InvoiceFilter
from ar_desktop.ui import amounts
from ar_desktop.ui.dialogs.audit_dialog import AuditDialog
from ar_desktop.ui.dialogs.invoice_dialog import InvoiceDialog
from ar_desktop.ui.dialogs.payment_dialog import PaymentDialog
from ar_desktop.ui.main_window import MainWindow

from conftest import UI_TODAY
from test_no_english_in_chinese import chinese  # noqa: F401 - the fixture

# An amount written the English way (1,234.50) or the German way (1.234,50), with at least one group
ENGLISH_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d{2}(?![\d,])")
GERMAN_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d{2}(?![\d.])")


def _window(qtbot, settings, tmp_path, country: str, currency: str) -> MainWindow:
    path = tmp_path / f"{country}.ardb"
    b = create_company(path, f"Company {country}", currency, country, clock=FixedClock(UI_TODAY))
    customers.add_customer(b, {"code": "C1", "name": "First Customer", "currency": currency, "country": country})
    invoicing.add_invoice(b, {"number": "BIG-1", "customer_code": "C1", "issue_date": "2026-01-05",
                              "due_date": "2026-02-04", "amount": "123456.78"})
    b.close()
    w = MainWindow(settings, FixedClock(UI_TODAY))
    qtbot.addWidget(w)
    assert w.open_file(path)
    w.show()
    return w


def _new_invoice(w: MainWindow, qtbot, number: str, amount: str) -> InvoiceDialog:
    dialog = InvoiceDialog(w, w.books, customer_id=None)
    qtbot.addWidget(dialog)
    dialog.customer.setCurrentIndex(dialog.customer.findData("C1"))
    dialog.fields["number"].setText(number)
    dialog.fields["amount"].setText(amount)
    dialog._on_save()
    return dialog


def _amount_of(w: MainWindow, number: str) -> Decimal | None:
    rows = invoice_rows(w.books, invoice_ids(w.books, InvoiceFilter(search=number)))
    return rows[0].amount if rows else None


def _texts(widget) -> list[str]:
    """Every text the user reads in ``widget``: labels, tooltips, list cells and their tooltips."""
    out = [widget.toolTip()]
    for w in widget.findChildren(QLabel):
        out += [w.text(), w.toolTip()]
    for view in widget.findChildren(QAbstractItemView):
        m = view.model()
        if m is None:
            continue
        try:
            columns = m.columnCount(QModelIndex())
        except TypeError:
            columns = 1
        for r in range(min(m.rowCount(QModelIndex()), 40)):
            for c in range(columns):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    v = m.index(r, c).data(role)
                    if isinstance(v, str):
                        out.append(v)
    return [t for t in out if t]


def test_a_german_company_types_and_reads_12_000_comma_50(qtbot, settings, tmp_path):
    w = _window(qtbot, settings, tmp_path, "DE", "EUR")
    try:
        assert amounts.style().decimal == "," and amounts.style().group == "."
        dialog = _new_invoice(w, qtbot, "DE-1", "12.000,50")
        assert dialog.result(), dialog.findChild(QLabel, "error_amount").text()
        assert _amount_of(w, "DE-1") == Decimal("12000.50")
        w.invoices.reload()
        texts = _texts(w.invoices)
        assert "12.000,50" in texts and "123.456,78" in texts
        assert any("135.457,28" in t for t in texts)          # the totals under the list
        for i in range(w.tabs.count()):                      # every tab: no amount written the English way
            w.tabs.setCurrentIndex(i)
            tab = w.tabs.widget(i)
            if hasattr(tab, "reload_now"):
                tab.reload_now()
            qtbot.wait(50)
            english = [t for t in _texts(tab) if ENGLISH_AMOUNT.search(t)]
            assert not english, (w.tabs.tabText(i), english)
        # written the English way, it is refused beside the field, with the German way as example
        dialog = _new_invoice(w, qtbot, "DE-2", "12,000.50")
        error = dialog.findChild(QLabel, "error_amount")
        assert not dialog.result() and error.isVisibleTo(dialog)
        assert "'12,000.50' is not an amount" in error.text() and "1.250,00" in error.text()
        assert _amount_of(w, "DE-2") is None
        # a payment typed the German way
        pay = PaymentDialog(w, w.books)
        qtbot.addWidget(pay)
        pay.customer.setCurrentIndex(pay.customer.findData("C1"))
        pay.fields["amount"].setText("1.000,25")
        assert pay._amount() == Decimal("1000.25")
        assert pay.model.setData(pay.model.index(0, 3), "1.000,25")
        assert pay.model.index(0, 3).data() == "1.000,25"
    finally:
        w.close_file()


def test_an_english_company_types_and_reads_12_000_point_50(qtbot, settings, tmp_path):
    w = _window(qtbot, settings, tmp_path, "GB", "GBP")
    try:
        dialog = _new_invoice(w, qtbot, "GB-1", "12,000.50")
        assert dialog.result()
        assert _amount_of(w, "GB-1") == Decimal("12000.50")
        w.invoices.reload()
        texts = _texts(w.invoices)
        assert "12,000.50" in texts and not [t for t in texts if GERMAN_AMOUNT.search(t)]
        dialog = _new_invoice(w, qtbot, "GB-2", "12.000,50")
        assert not dialog.result()
        assert "'12.000,50' is not an amount" in dialog.findChild(QLabel, "error_amount").text()
    finally:
        w.close_file()


def test_the_audit_trail_shows_money_not_minor_units(qtbot, settings, tmp_path):
    w = _window(qtbot, settings, tmp_path, "DE", "EUR")
    try:
        [row] = invoice_rows(w.books, invoice_ids(w.books, InvoiceFilter(search="BIG-1")))
        invoicing.update_invoice(w.books, row.id, {"number": "BIG-1", "customer_code": "C1",
                                                   "issue_date": "2026-01-05", "due_date": "2026-02-04",
                                                   "amount": "123457.78"})
        dialog = AuditDialog(w, w.books, "invoice", row.id, "BIG-1")
        qtbot.addWidget(dialog)
        cells = " | ".join(_texts(dialog))
        assert "123.456,78 EUR" in cells and "123.457,78 EUR" in cells, cells
        assert "12345678" not in cells and "12345778" not in cells
    finally:
        w.close_file()


def test_chinese_on_a_chinese_company(chinese, qtbot, settings, tmp_path):
    w = _window(qtbot, settings, tmp_path, "CN", "CNY")
    try:
        dialog = _new_invoice(w, qtbot, "CN-1", "12,000.50")
        assert dialog.result()
        assert _amount_of(w, "CN-1") == Decimal("12000.50")
        dialog = _new_invoice(w, qtbot, "CN-2", "12.000,50")
        error = dialog.findChild(QLabel, "error_amount").text()
        assert not dialog.result() and "不是金额" in error and "1,250.00" in error, error
        w.invoices.reload()
        assert "12,000.50" in _texts(w.invoices)
    finally:
        w.close_file()
