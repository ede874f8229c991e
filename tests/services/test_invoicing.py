from datetime import date, timedelta
from decimal import Decimal

import pytest

from ar_desktop.domain.errors import UserError, ValidationError
from ar_desktop.domain.invoice_status import InvoiceStatus, invoice_status
from ar_desktop.services.customers import add_customer, find_customer
from ar_desktop.services.invoicing import (add_invoice, default_due_date, delete_invoice, invoice_ids, invoice_rows,
                                           invoice_totals, parse_filter_dates, update_invoice, void_invoice)
from ar_desktop.services.payments import record_payment
from ar_desktop.storage.invoices_repo import SORT_KEYS, InvoiceFilter

TODAY = date(2026, 3, 31)


def d(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).isoformat()


@pytest.fixture
def cust(books):
    add_customer(books, {"code": "ACME", "name": "Acme Ltd", "terms_days": "45"})
    add_customer(books, {"code": "ZED", "name": "Zed plc", "terms_days": "0"})
    return books


def row(books, iid):
    return invoice_rows(books, [iid])[0]


def test_due_date_from_customer_terms(cust):
    iid = add_invoice(cust, {"number": "1", "customer_code": "ACME", "issue_date": "2026-01-31", "amount": "10"})
    r = row(cust, iid)
    assert (r.issue_date, r.due_date, r.amount, r.currency, r.paid) == (
        date(2026, 1, 31), date(2026, 3, 17), Decimal("10.00"), "EUR", Decimal("0.00"))
    zed = add_invoice(cust, {"number": "2", "customer_code": "ZED", "issue_date": "2026-01-31", "amount": "10"})
    assert row(cust, zed).due_date == date(2026, 1, 31)  # terms 0: due on the issue date, never before
    assert default_due_date(cust, r.customer_id, date(2026, 2, 1)) == date(2026, 3, 18)
    explicit = add_invoice(cust, {"number": "3", "customer_code": "ACME", "issue_date": "2026-01-31",
                                  "due_date": "2026-02-05", "amount": "10"})
    assert row(cust, explicit).due_date == date(2026, 2, 5)


def test_due_date_never_before_issue(cust):
    with pytest.raises(ValidationError, match="is before the issue date"):
        add_invoice(cust, {"number": "1", "customer_code": "ACME", "issue_date": "2026-01-31",
                           "due_date": "2026-01-30", "amount": "10"})
    iid = add_invoice(cust, {"number": "1", "customer_code": "ACME", "issue_date": "2026-01-31", "amount": "10"})
    with pytest.raises(ValidationError, match="is before the issue date"):
        update_invoice(cust, iid, {"number": "1", "customer_code": "ACME", "issue_date": "2026-02-10",
                                   "due_date": "2026-02-01", "amount": "10"})


def test_duplicate_number_and_unknown_customer(cust):
    add_invoice(cust, {"number": "INV-1", "customer_code": "ACME", "issue_date": d(1), "amount": "10"})
    with pytest.raises(UserError, match="Invoice number INV-1 is already used"):
        add_invoice(cust, {"number": "INV-1", "customer_code": "ZED", "issue_date": d(1), "amount": "5"})
    with pytest.raises(UserError, match="There is no customer with code 'NOPE'"):
        add_invoice(cust, {"number": "INV-2", "customer_code": "NOPE", "issue_date": d(1), "amount": "5"})
    other = add_invoice(cust, {"number": "INV-2", "customer_code": "ACME", "issue_date": d(1), "amount": "5"})
    with pytest.raises(UserError, match="Invoice number INV-1 is already used"):
        update_invoice(cust, other, {"number": "INV-1", "customer_code": "ACME", "issue_date": d(1), "amount": "5"})


def test_update_invoice(cust):
    iid = add_invoice(cust, {"number": "1", "customer_code": "ACME", "issue_date": d(10), "amount": "100"})
    record_payment(cust, {"date": d(1), "customer_code": "ACME", "amount": "40"})
    update_invoice(cust, iid, {"number": "1b", "customer_code": "ACME", "issue_date": d(10), "amount": "90",
                               "reference": "PO 7"})
    r = row(cust, iid)
    assert (r.number, r.amount, r.paid, r.reference) == ("1b", Decimal("90.00"), Decimal("40.00"), "PO 7")
    with pytest.raises(UserError, match="has 40.00 paid already; the amount cannot be lower than that"):
        update_invoice(cust, iid, {"number": "1b", "customer_code": "ACME", "issue_date": d(10), "amount": "39.99"})
    with pytest.raises(UserError, match="has payments; its customer and currency cannot change"):
        update_invoice(cust, iid, {"number": "1b", "customer_code": "ZED", "issue_date": d(10), "amount": "90"})


def test_void(cust):
    iid = add_invoice(cust, {"number": "1", "customer_code": "ACME", "issue_date": d(10), "amount": "100"})
    with pytest.raises(UserError, match="Say why the invoice is voided"):
        void_invoice(cust, iid, "  ")
    void_invoice(cust, iid, "entered twice")
    r = row(cust, iid)
    assert r.voided and r.open_amount == Decimal("0")
    with pytest.raises(UserError, match="Invoice 1 is already void"):
        void_invoice(cust, iid, "again")
    with pytest.raises(UserError, match="Invoice 1 is void and can no longer be changed"):
        update_invoice(cust, iid, {"number": "1", "customer_code": "ACME", "issue_date": d(10), "amount": "1"})
    with pytest.raises(UserError, match="has payments or is void"):
        delete_invoice(cust, iid)


def test_invoice_with_payments_is_voided_not_deleted_and_the_payment_becomes_credit(cust):
    from ar_desktop.services.aging import aging_report
    from ar_desktop.services.payments import customer_credit

    iid = add_invoice(cust, {"number": "1", "customer_code": "ACME", "issue_date": d(10), "amount": "100"})
    record_payment(cust, {"date": d(5), "customer_code": "ACME", "amount": "40"})
    with pytest.raises(UserError, match="Invoice 1 has payments or is void, so it stays on record"):
        delete_invoice(cust, iid)
    with pytest.raises(UserError, match="received a payment after"):
        void_invoice(cust, iid, "mistake", TODAY - timedelta(days=6))
    assert void_invoice(cust, iid, "mistake") == Decimal("40.00")
    assert row(cust, iid).voided
    cid = find_customer(cust, "ACME")[0]
    assert customer_credit(cust, cid) == Decimal("40.00")
    # the books before the void still show the invoice partly paid; today nothing is open
    [before] = aging_report(cust, TODAY - timedelta(days=1))
    assert before.total.total == Decimal("60.00")
    assert aging_report(cust, TODAY) == []


def test_delete(cust):
    iid = add_invoice(cust, {"number": "1", "customer_code": "ACME", "issue_date": d(10), "amount": "100"})
    delete_invoice(cust, iid)
    assert invoice_rows(cust, [iid]) == []
    add_invoice(cust, {"number": "1", "customer_code": "ACME", "issue_date": d(10), "amount": "100"})  # number free


@pytest.fixture
def listed(cust):
    """Six invoices as of 2026-03-31 (ACME terms 45, ZED terms 0)."""
    specs = [  # number, customer, issue (days ago), amount, paid, reference
        ("A-100", "ACME", 100, "500.00", "0", "PO alpha"),       # due 55 days ago: overdue
        ("A-101", "ACME", 30, "120.00", "20.00", ""),            # due in 15 days: open, partly paid
        ("A-102", "ACME", 60, "80.00", "80.00", ""),             # paid
        ("Z-1", "ZED", 5, "300.00", "0", "Ref_50%"),             # due 5 days ago: overdue
        ("Z-2", "ZED", 0, "45.50", "0", ""),                     # due today: open
        ("Z-3", "ZED", 20, "999.00", "0", ""),                   # voided
    ]
    ids = {}
    for number, code, ago, amount, _paid, ref in specs:
        ids[number] = add_invoice(cust, {"number": number, "customer_code": code, "issue_date": d(ago),
                                         "amount": amount, "reference": ref})
    record_payment(cust, {"date": d(1), "customer_code": "ACME", "amount": "80.00", "invoice_number": "A-102"})
    record_payment(cust, {"date": d(1), "customer_code": "ACME", "amount": "20.00", "invoice_number": "A-101"})
    void_invoice(cust, ids["Z-3"], "wrong customer")
    return cust, ids


def numbers(books, f=InvoiceFilter(), **kw):
    return [r.number for r in invoice_rows(books, invoice_ids(books, f, **kw))]


def test_statuses_as_listed(listed):
    books, _ = listed
    got = {r.number: invoice_status(r.amount, r.paid, r.due_date, r.voided, TODAY).value
           for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}
    assert got == {"A-100": "overdue", "A-101": "partly_paid", "A-102": "paid", "Z-1": "overdue", "Z-2": "open",
                   "Z-3": "void"}
    assert invoice_status(Decimal(1), Decimal(0), TODAY, False, TODAY) is InvoiceStatus.OPEN


def test_filters(listed):
    books, ids = listed
    acme = row(books, ids["A-100"]).customer_id
    assert numbers(books) == ["A-100", "Z-3", "A-102", "Z-1", "Z-2", "A-101"]  # due date, then id
    assert numbers(books, InvoiceFilter(status="open")) == ["A-100", "Z-1", "Z-2", "A-101"]
    assert numbers(books, InvoiceFilter(status="overdue")) == ["A-100", "Z-1"]
    assert numbers(books, InvoiceFilter(customer_id=acme)) == ["A-100", "A-102", "A-101"]
    assert numbers(books, InvoiceFilter(status="open", customer_id=acme)) == ["A-100", "A-101"]
    assert numbers(books, InvoiceFilter(date_from=TODAY - timedelta(days=30), date_to=TODAY - timedelta(days=5))) \
        == ["Z-3", "Z-1", "A-101"]  # issue dates 30 and 5 days ago are both inside
    assert numbers(books, InvoiceFilter(search="zed")) == ["Z-3", "Z-1", "Z-2"]
    assert numbers(books, InvoiceFilter(search="alpha")) == ["A-100"]
    assert numbers(books, InvoiceFilter(search="_50%")) == ["Z-1"]
    assert numbers(books, InvoiceFilter(search="a-10")) == ["A-100", "A-102", "A-101"]


def test_totals(listed):
    books, _ = listed
    t = invoice_totals(books, InvoiceFilter())
    assert (t.count, t.amount, t.open_amount, t.overdue_amount) == (
        6, Decimal("1045.50"), Decimal("945.50"), Decimal("800.00"))
    t = invoice_totals(books, InvoiceFilter(status="open"))
    assert (t.count, t.amount, t.open_amount, t.overdue_amount) == (
        4, Decimal("965.50"), Decimal("945.50"), Decimal("800.00"))
    t = invoice_totals(books, InvoiceFilter(status="overdue"))
    assert (t.count, t.amount, t.open_amount, t.overdue_amount) == (
        2, Decimal("800.00"), Decimal("800.00"), Decimal("800.00"))
    t = invoice_totals(books, InvoiceFilter(search="nothing"))
    assert (t.count, t.amount, t.open_amount, t.overdue_amount) == (0, Decimal("0.00"), Decimal("0.00"),
                                                                    Decimal("0.00"))


EXPECTED_ASC = {
    "number": ["A-100", "A-101", "A-102", "Z-1", "Z-2", "Z-3"],
    "customer": ["A-100", "A-102", "A-101", "Z-3", "Z-1", "Z-2"],  # each customer's by issue date
    "issue_date": ["A-100", "A-102", "A-101", "Z-3", "Z-1", "Z-2"],
    "due_date": ["A-100", "Z-3", "A-102", "Z-1", "Z-2", "A-101"],
    "amount": ["Z-2", "A-102", "A-101", "Z-1", "A-100", "Z-3"],
    "paid": ["A-100", "Z-1", "Z-2", "Z-3", "A-101", "A-102"],
    "open_amount": ["A-102", "Z-3", "Z-2", "A-101", "Z-1", "A-100"],  # a void invoice has nothing open
    # overdue first, then open / partly paid (each by due date), then paid, then void
    "status": ["A-100", "Z-1", "Z-2", "A-101", "A-102", "Z-3"],
    "currency": ["A-100", "A-102", "A-101", "Z-3", "Z-1", "Z-2"],  # one currency: then as by customer
}


@pytest.mark.parametrize("key", SORT_KEYS)
def test_sorting_by_every_key(listed, key):
    books, _ = listed
    asc = EXPECTED_ASC[key]
    assert numbers(books, sort=key) == asc
    desc = numbers(books, sort=key, descending=True)
    assert sorted(desc) == sorted(asc)
    if key not in ("customer", "paid", "currency", "status", "open_amount"):  # keys without ties reverse exactly
        assert desc == asc[::-1]


def test_sort_ties_reverse_by_insertion(listed):
    books, _ = listed
    # one currency: by customer, the latest issued first
    assert numbers(books, sort="currency", descending=True) == ["Z-2", "Z-1", "Z-3", "A-101", "A-102", "A-100"]
    # within a status by due date: the latest due first
    assert numbers(books, sort="status", descending=True) == ["Z-3", "A-102", "A-101", "Z-2", "Z-1", "A-100"]


def test_filter_dates():
    assert parse_filter_dates("2026-01-01", "") == (date(2026, 1, 1), None)
    with pytest.raises(UserError, match="The end date is before the start date"):
        parse_filter_dates("2026-02-01", "2026-01-01")
    with pytest.raises(UserError, match="not a valid start date"):
        parse_filter_dates("01.02.2026", "")


def test_an_invoice_is_in_its_customers_currency(cust):
    with pytest.raises(UserError, match="kept in EUR; an invoice in USD cannot be added"):
        add_invoice(cust, {"number": "USD-1", "customer_code": "ACME", "issue_date": d(10), "amount": "10",
                           "currency": "USD"})
    iid = add_invoice(cust, {"number": "EUR-1", "customer_code": "ACME", "issue_date": d(10), "amount": "10",
                             "currency": "EUR"})
    assert row(cust, iid).currency == "EUR"


def test_an_amount_without_a_currency_is_read_in_the_customers(cust):
    """A BHD customer's 1.234 is three decimals of BHD, not too many for EUR; a JPY customer's 10.5 is refused
    naming JPY; an edit without a currency reads the amount in the invoice's."""
    add_customer(cust, {"code": "BH", "name": "Manama Trading", "currency": "BHD", "terms_days": "30"})
    add_customer(cust, {"code": "JP", "name": "Osaka Boeki", "currency": "JPY", "terms_days": "30"})
    iid = add_invoice(cust, {"number": "BH-1", "customer_code": "BH", "issue_date": d(10), "amount": "1.234"})
    assert (row(cust, iid).amount, row(cust, iid).currency) == (Decimal("1.234"), "BHD")
    update_invoice(cust, iid, {"number": "BH-1", "customer_code": "BH", "issue_date": d(10), "amount": "2.345"})
    assert row(cust, iid).amount == Decimal("2.345")
    with pytest.raises(ValidationError) as refused:
        add_invoice(cust, {"number": "JP-1", "customer_code": "JP", "issue_date": d(10), "amount": "10.5"})
    assert "JPY" in str(refused.value.problems["amount"])
