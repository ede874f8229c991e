"""Early-payment discounts in the window: the invoice list shows what settles an invoice and by
when, the payment dialog shows the discount it applies, and saving books it."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ar_desktop.domain.payment_kinds import kind_of
from ar_desktop.services.customers import add_customer
from ar_desktop.services.invoicing import add_invoice, invoice_ids, invoice_rows
from ar_desktop.services.payments import payment_rows
from ar_desktop.storage.invoices_repo import InvoiceFilter


def _column(model, key: str) -> int:
    return [c.key for c in model.columns].index(key)


def test_discount_in_the_invoice_list_and_the_payment_dialog(window, qtbot, when_dialog_opens):
    books = window.books
    cid = add_customer(books, {"code": "SKONTO", "name": "Prompt Payer AG", "terms": "2/10 net 30"})
    add_invoice(books, {"number": "S-1", "customer_code": "SKONTO", "issue_date": "2026-03-25", "amount": "1000.00"})
    add_invoice(books, {"number": "S-0", "customer_code": "SKONTO", "issue_date": "2026-03-01", "amount": "100.00"})
    tab = window.invoices
    tab.search.setText("S-")
    tab.reload()
    model = tab.model
    shown = {model.data(model.index(r, _column(model, "number"))): model.data(model.index(r, _column(model, "discount")))
             for r in range(model.rowCount())}
    assert shown["S-1"] == "980,00 by 2026-04-04"      # UI today is 2026-03-31
    assert shown["S-0"] == ""                            # its last day (2026-03-11) has passed
    tab.table.selectRow(0)
    seen = {}

    def pay(dialog):
        dialog.customer.setCurrentIndex(dialog.customer.findData("SKONTO"))
        dialog.fields["amount"].clear()
        qtbot.keyClicks(dialog.fields["amount"], "1080")
        m = dialog.model
        rows = {i.number: r for r, i in enumerate(m.invoices)}
        seen["applied"] = {n: m.data(m.index(r, 3)) for n, r in rows.items()}
        seen["discount"] = {n: m.data(m.index(r, 4)) for n, r in rows.items()}
        seen["label"] = dialog.credit_label.text()
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    when_dialog_opens(pay)
    qtbot.mouseClick(tab.pay_button, Qt.MouseButton.LeftButton)
    assert seen["applied"] == {"S-0": "100,00", "S-1": "980,00"}  # the demo company is German
    assert seen["discount"] == {"S-0": "", "S-1": "20,00"}
    assert seen["label"].startswith("Early-payment discount 20,00 EUR settles the rest")
    rows = {r.number: r for r in invoice_rows(books, invoice_ids(books, InvoiceFilter(customer_id=cid)))}
    assert rows["S-1"].open_amount == Decimal("0.00") and rows["S-0"].open_amount == Decimal("0.00")
    assert sorted((kind_of(p.method).key, p.amount) for p in payment_rows(books, cid)) == [
        ("discount", Decimal("20.00")), ("payment", Decimal("1080.00"))]
