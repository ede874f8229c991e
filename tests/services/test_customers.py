from datetime import timedelta
from decimal import Decimal

import pytest

from ar_desktop.domain.errors import UserError, ValidationError
from ar_desktop.services.customers import (add_customer, customer_choices, customer_ids, customer_rows,
                                           get_customer, update_customer)
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.services.payments import record_payment
from ar_desktop.storage.customers_repo import SORT_KEYS


def test_add_and_get(books):
    cid = add_customer(books, {"code": "ACME", "name": "Acme Ltd", "city": "Leeds", "credit_limit": "5000",
                               "terms_days": "14"})
    c = get_customer(books, cid)
    assert (c.code, c.name, c.city, c.credit_limit, c.terms_days, c.currency) == (
        "ACME", "Acme Ltd", "Leeds", Decimal("5000.00"), 14, "EUR")


def test_currency_defaults_to_company_currency(tmp_path):
    from ar_desktop.services.company_file import create_company

    b = create_company(tmp_path / "gb.ardb", "UK Ltd", "GBP")
    try:
        assert get_customer(b, add_customer(b, {"code": "A", "name": "A"})).currency == "GBP"
    finally:
        b.close()


def test_duplicate_code_refused(books):
    add_customer(books, {"code": "ACME", "name": "Acme"})
    with pytest.raises(UserError, match="A customer with code 'ACME' already exists. Choose another code."):
        add_customer(books, {"code": "ACME", "name": "Other"})


def test_validation_error_names_fields(books):
    with pytest.raises(ValidationError) as e:
        add_customer(books, {"code": "", "name": ""})
    assert set(e.value.problems) == {"code", "name"}


def test_edit(books):
    a = add_customer(books, {"code": "A", "name": "Alpha"})
    add_customer(books, {"code": "B", "name": "Beta"})
    update_customer(books, a, {"code": "A2", "name": "Alpha Two", "email": "x@y.example"})
    c = get_customer(books, a)
    assert (c.code, c.name, c.email) == ("A2", "Alpha Two", "x@y.example")
    with pytest.raises(UserError, match="A customer with code 'B' already exists"):
        update_customer(books, a, {"code": "B", "name": "Alpha"})
    update_customer(books, a, {"code": "A2", "name": "Same code is fine"})
    with pytest.raises(UserError, match="That customer no longer exists"):
        update_customer(books, 999, {"code": "Z", "name": "Z"})


def test_currency_cannot_change_once_invoiced(books, today):
    a = add_customer(books, {"code": "A", "name": "Alpha"})
    add_invoice(books, {"number": "1", "customer_code": "A", "issue_date": today.isoformat(), "amount": "1"})
    with pytest.raises(UserError, match="Alpha already has invoices in EUR; its currency cannot be changed."):
        update_customer(books, a, {"code": "A", "name": "Alpha", "currency": "USD"})


@pytest.fixture
def ledger(books, today):
    """A: 100 open not due, 250 overdue 40 days (50 paid). B: 70 overdue 5 days. C: nothing. D: paid in full."""
    def d(n):
        return (today - timedelta(days=n)).isoformat()

    for code, name, city in [("A", "alpha GmbH", "Berlin"), ("B", "Beta AG", "Aachen"), ("C", "Gamma_50% Ltd", "Cork"),
                             ("D", "Delta", "Dover")]:
        add_customer(books, {"code": code, "name": name, "city": city, "credit_class": "A" if code == "B" else "B",
                             "credit_limit": {"A": "1000", "B": "50"}.get(code, "")})
    add_invoice(books, {"number": "A-1", "customer_code": "A", "issue_date": d(5), "amount": "100.00"})
    add_invoice(books, {"number": "A-2", "customer_code": "A", "issue_date": d(70), "due_date": d(40),
                        "amount": "250.00"})
    record_payment(books, {"date": d(10), "customer_code": "A", "amount": "50.00", "invoice_number": "A-2"})
    add_invoice(books, {"number": "B-1", "customer_code": "B", "issue_date": d(35), "amount": "70.00"})
    add_invoice(books, {"number": "D-1", "customer_code": "D", "issue_date": d(60), "amount": "20.00"})
    record_payment(books, {"date": d(1), "customer_code": "D", "amount": "20.00"})
    return books


def rows_by_code(books, **kw):
    return [r.code for r in customer_rows(books, customer_ids(books, **kw))]


def test_customer_balances(ledger):
    rows = {r.code: r for r in customer_rows(ledger, customer_ids(ledger))}
    assert (rows["A"].open_balance, rows["A"].overdue_amount, rows["A"].oldest_days_overdue) == (
        Decimal("300.00"), Decimal("200.00"), 40)
    assert (rows["B"].open_balance, rows["B"].overdue_amount, rows["B"].oldest_days_overdue) == (
        Decimal("70.00"), Decimal("70.00"), 5)
    for code in "CD":
        assert (rows[code].open_balance, rows[code].overdue_amount, rows[code].oldest_days_overdue) == (
            Decimal("0.00"), Decimal("0.00"), None)
    assert rows["A"].credit_limit == Decimal("1000.00") and rows["C"].credit_limit is None


def test_customer_search_and_overdue_filter(ledger):
    assert rows_by_code(ledger, search="ALPHA") == ["A"]
    assert rows_by_code(ledger, search="aachen") == ["B"]
    assert rows_by_code(ledger, search="_50%") == ["C"]  # LIKE wildcards are taken literally
    assert rows_by_code(ledger, search="%") == ["C"]
    assert rows_by_code(ledger, search="zzz") == []
    assert rows_by_code(ledger, only_overdue=True) == ["A", "B"]
    assert [c[1] for c in customer_choices(ledger)] == ["A", "B", "C", "D"]


@pytest.mark.parametrize("sort, ascending", [
    ("code", ["A", "B", "C", "D"]),
    ("name", ["A", "B", "D", "C"]),  # case-insensitive: alpha, Beta, Delta, Gamma
    ("credit_class", ["B", "A", "C", "D"]),
    ("city", ["B", "A", "C", "D"]),
    ("open_balance", ["C", "D", "B", "A"]),
    ("overdue_amount", ["C", "D", "B", "A"]),
    ("credit_limit", ["C", "D", "B", "A"]),  # SQLite sorts NULL first
    ("currency", ["A", "B", "C", "D"]),
])
def test_customer_sorting(ledger, sort, ascending):
    assert rows_by_code(ledger, sort=sort) == ascending
    if sort != "currency":
        assert rows_by_code(ledger, sort=sort, descending=True) == _desc(ascending, ledger, sort)


def _desc(ascending, books, sort):
    # ties keep code order in both directions
    rows = {r.code: r for r in customer_rows(books, customer_ids(books))}
    key = {"open_balance": lambda r: r.open_balance, "overdue_amount": lambda r: r.overdue_amount,
           "credit_limit": lambda r: (r.credit_limit is not None, r.credit_limit or 0),
           "name": lambda r: r.name.lower(), "credit_class": lambda r: r.credit_class, "city": lambda r: r.city,
           "code": lambda r: r.code}[sort]
    return [r.code for r in sorted(sorted(rows.values(), key=lambda r: r.code), key=key, reverse=True)]


def test_sort_by_oldest_days_overdue(ledger):
    # most days overdue first when descending; customers with nothing overdue come last either way
    assert rows_by_code(ledger, sort="oldest_days_overdue", descending=True) == ["A", "B", "C", "D"]
    assert rows_by_code(ledger, sort="oldest_days_overdue") == ["B", "A", "C", "D"]


def test_every_sort_key_works(ledger):
    for key in SORT_KEYS:
        for desc in (False, True):
            assert sorted(rows_by_code(ledger, sort=key, descending=desc)) == ["A", "B", "C", "D"]


def test_delete_a_customer_entered_by_mistake_but_never_one_with_records(books):
    from ar_desktop.domain.errors import UserError
    from ar_desktop.services.customers import add_customer, delete_customer, find_customer
    from ar_desktop.services.invoicing import add_invoice

    typo = add_customer(books, {"code": "ACMR", "name": "Acme (typo)"})
    kept = add_customer(books, {"code": "ACME", "name": "Acme"})
    add_invoice(books, {"number": "I-1", "customer_code": "ACME", "issue_date": "2026-03-01", "amount": "10"})
    delete_customer(books, typo)
    with pytest.raises(UserError, match="There is no customer with code 'ACMR'"):
        find_customer(books, "ACMR")
    with pytest.raises(UserError, match="Customer ACME cannot be deleted: the books hold 1 invoice\\(s\\) for it"):
        delete_customer(books, kept)
    assert find_customer(books, "ACME")[0] == kept
