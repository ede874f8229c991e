from datetime import date, timedelta
from decimal import Decimal

import pytest

from ar_desktop.domain.allocation import Allocation
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.invoice_status import InvoiceStatus, invoice_status
from ar_desktop.services.customers import add_customer
from ar_desktop.services.invoicing import add_invoice, invoice_ids, invoice_rows
from ar_desktop.services.payments import (apply_credit, customer_credit, open_invoices, payment_rows,
                                          record_payment, suggest)
from ar_desktop.storage.invoices_repo import InvoiceFilter

TODAY = date(2026, 3, 31)


def d(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).isoformat()


@pytest.fixture
def acme(books):
    cid = add_customer(books, {"code": "ACME", "name": "Acme Ltd", "terms_days": "30"})
    add_customer(books, {"code": "OTHER", "name": "Other"})
    add_invoice(books, {"number": "NEW", "customer_code": "ACME", "issue_date": d(10), "amount": "200.00"})
    add_invoice(books, {"number": "OLD", "customer_code": "ACME", "issue_date": d(50), "amount": "100.00"})
    return books, cid


def by_number(books):
    return {r.number: r for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}


def test_partial_payment_then_partly_paid(acme):
    books, cid = acme
    record_payment(books, {"date": d(0), "customer_code": "ACME", "amount": "30.00", "invoice_number": "NEW"})
    r = by_number(books)["NEW"]
    assert (r.paid, r.open_amount) == (Decimal("30.00"), Decimal("170.00"))
    assert invoice_status(r.amount, r.paid, r.due_date, r.voided, TODAY) is InvoiceStatus.PARTLY_PAID
    assert customer_credit(books, cid) == Decimal("0.00")


def test_oldest_due_first_by_default(acme):
    books, cid = acme
    assert suggest(books, cid, Decimal("150.00")).allocations == (
        Allocation(by_number(books)["OLD"].id, Decimal("100.00")), Allocation(by_number(books)["NEW"].id,
                                                                               Decimal("50.00")))
    record_payment(books, {"date": d(0), "customer_code": "ACME", "amount": "150.00"})
    rows = by_number(books)
    assert (rows["OLD"].paid, rows["NEW"].paid) == (Decimal("100.00"), Decimal("50.00"))
    assert [i.number for i in open_invoices(books, cid)] == ["NEW"]


def test_overpayment_becomes_credit_and_is_applied_later(acme):
    books, cid = acme
    record_payment(books, {"date": d(5), "customer_code": "ACME", "amount": "350.00", "reference": "wire 1"})
    assert customer_credit(books, cid) == Decimal("50.00")
    rows = by_number(books)
    assert (rows["OLD"].open_amount, rows["NEW"].open_amount) == (Decimal("0.00"), Decimal("0.00"))
    (p,) = payment_rows(books, cid)
    assert (p.amount, p.applied, p.reference, p.customer_code) == (Decimal("350.00"), Decimal("300.00"), "wire 1",
                                                                  "ACME")
    with pytest.raises(UserError, match="There is no credit to apply, or no open invoice"):
        apply_credit(books, cid)
    add_invoice(books, {"number": "LATER", "customer_code": "ACME", "issue_date": d(1), "amount": "80.00"})
    assert apply_credit(books, cid) == Decimal("50.00")
    assert customer_credit(books, cid) == Decimal("0.00")
    later = by_number(books)["LATER"]
    assert (later.paid, later.open_amount) == (Decimal("50.00"), Decimal("30.00"))
    assert payment_rows(books, cid)[0].applied == Decimal("350.00")


def test_payment_in_the_future_refused(acme):
    books, _ = acme
    with pytest.raises(UserError, match="The payment date 2026-04-01 is in the future"):
        record_payment(books, {"date": "2026-04-01", "customer_code": "ACME", "amount": "1"})
    assert payment_rows(books) == []


def test_payment_refusals(acme):
    books, _ = acme
    with pytest.raises(UserError, match="There is no customer with code 'NOPE'"):
        record_payment(books, {"date": d(0), "customer_code": "NOPE", "amount": "1"})
    with pytest.raises(UserError, match="Invoice NEW is not an open invoice of Acme Ltd on"):
        record_payment(books, {"date": d(20), "customer_code": "ACME", "amount": "1", "invoice_number": "NEW"})
    with pytest.raises(UserError, match="The amount is zero"):
        record_payment(books, {"date": d(0), "customer_code": "ACME", "amount": "0"})
    with pytest.raises(UserError, match="more than 2 decimals"):
        record_payment(books, {"date": d(0), "customer_code": "ACME", "amount": "1.001"})
    assert payment_rows(books) == []


def test_payment_not_applied_to_invoices_issued_after_it(acme):
    books, cid = acme
    record_payment(books, {"date": d(20), "customer_code": "ACME", "amount": "150.00"})
    rows = by_number(books)
    assert (rows["OLD"].paid, rows["NEW"].paid) == (Decimal("100.00"), Decimal("0.00"))
    assert customer_credit(books, cid) == Decimal("50.00")


def test_user_edited_allocation(acme):
    books, cid = acme
    rows = by_number(books)
    record_payment(books, {"date": d(0), "customer_code": "ACME", "amount": "120.00"},
                   [Allocation(rows["NEW"].id, Decimal("100.00"))])
    rows = by_number(books)
    assert (rows["OLD"].paid, rows["NEW"].paid) == (Decimal("0.00"), Decimal("100.00"))
    assert customer_credit(books, cid) == Decimal("20.00")
    with pytest.raises(UserError, match="Invoice OLD has only 100.00 open; you allocated 100.01"):
        record_payment(books, {"date": d(0), "customer_code": "ACME", "amount": "200.00"},
                       [Allocation(rows["OLD"].id, Decimal("100.01"))])
    add_invoice(books, {"number": "O-1", "customer_code": "OTHER", "issue_date": d(5), "amount": "10"})
    with pytest.raises(UserError, match="same customer"):
        record_payment(books, {"date": d(0), "customer_code": "ACME", "amount": "5.00"},
                       [Allocation(by_number(books)["O-1"].id, Decimal("5.00"))])
    assert len(payment_rows(books)) == 1
