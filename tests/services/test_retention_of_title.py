"""Retention of title: a customer's flag is the default of its new invoices; an invoice may say
otherwise; files carry both."""

from __future__ import annotations

from ar_desktop.services.customers import add_customer, get_customer
from ar_desktop.services.exports import export
from ar_desktop.services.importing import import_file
from ar_desktop.services.invoicing import add_invoice, invoice_ids, invoice_rows, update_invoice
from ar_desktop.storage.invoices_repo import InvoiceFilter


def flags(books) -> dict[str, bool]:
    return {r.number: r.retention_of_title for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}


def test_the_customers_flag_is_the_default_and_an_invoice_may_say_otherwise(books, tmp_path, csv_file):
    cid = add_customer(books, {"code": "ROT", "name": "Reserved Goods GmbH", "retention_of_title": "yes"})
    add_customer(books, {"code": "FREE", "name": "Free Goods Ltd"})
    assert get_customer(books, cid).retention_of_title is True
    add_invoice(books, {"number": "R-1", "customer_code": "ROT", "issue_date": "2026-03-01", "amount": "100.00"})
    add_invoice(books, {"number": "R-2", "customer_code": "ROT", "issue_date": "2026-03-01", "amount": "100.00",
                        "retention_of_title": "no"})
    add_invoice(books, {"number": "F-1", "customer_code": "FREE", "issue_date": "2026-03-01", "amount": "100.00",
                        "retention_of_title": True})
    assert flags(books) == {"R-1": True, "R-2": False, "F-1": True}
    r2 = [r for r in invoice_rows(books, invoice_ids(books, InvoiceFilter())) if r.number == "R-2"][0]
    update_invoice(books, r2.id, {"number": "R-2", "customer_code": "ROT", "issue_date": "2026-03-01",
                                  "amount": "100.00", "retention_of_title": True})
    assert flags(books)["R-2"] is True
    export(books, "invoices", tmp_path / "invoices.csv")
    head, *rows = (tmp_path / "invoices.csv").read_text(encoding="utf-8-sig").splitlines()
    assert "retention_of_title" in head.split(",")
    # a file without the column: the customer's flag
    import_file(books, "invoices", csv_file(["number,customer_code,issue_date,amount",
                                             "R-3,ROT,2026-03-02,50.00", "F-2,FREE,2026-03-02,50.00"]))
    assert (flags(books)["R-3"], flags(books)["F-2"]) == (True, False)
    import_file(books, "invoices", csv_file(["number,customer_code,issue_date,amount,retention_of_title",
                                             "R-4,ROT,2026-03-02,50.00,no"]))
    assert flags(books)["R-4"] is False
