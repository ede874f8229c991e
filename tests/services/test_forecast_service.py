"""The cash forecast on a real company file: promises, plans, disputes, a legal step, days late."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ar_desktop.domain.forecast import DISPUTED, DUE, LEGAL, PLAN, PROMISE
from ar_desktop.services.collections import create_payment_plan, log_step, mark_dispute, record_promise
from ar_desktop.services.customers import add_customer
from ar_desktop.services.forecast import cash_forecast
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.services.kpis import kpis
from ar_desktop.services.payments import record_payment

TODAY = dt.date(2026, 3, 31)
D = TODAY


def day(n: int) -> str:
    return (D + dt.timedelta(days=n)).isoformat()


def inv(books, number, code, issued, due, amount):
    add_invoice(books, {"number": number, "customer_code": code, "issue_date": day(issued), "due_date": day(due),
                        "amount": amount})


@pytest.fixture
def ledger(books):
    for code in ("LATE", "PROM", "PLAN", "DISP", "LAW", "USD"):
        add_customer(books, {"code": code, "name": f"Customer {code}", "currency": "USD" if code == "USD" else "EUR"})
    # LATE pays 10 days late on average: two invoices paid 7 and 13 days late in the last 365 days
    inv(books, "L-OLD1", "LATE", -100, -70, "100.00")
    inv(books, "L-OLD2", "LATE", -90, -60, "100.00")
    record_payment(books, {"date": day(-63), "customer_code": "LATE", "amount": "100.00", "invoice_number": "L-OLD1"})
    record_payment(books, {"date": day(-47), "customer_code": "LATE", "amount": "100.00", "invoice_number": "L-OLD2"})
    inv(books, "L-1", "LATE", -5, 20, "300.00")          # due + 10 days late
    inv(books, "L-2", "LATE", -40, -10, "50.00")          # overdue: never before tomorrow
    # PROM promised 250.00 by D + 9: taken from its oldest invoices
    inv(books, "P-1", "PROM", -50, -20, "200.00")
    inv(books, "P-2", "PROM", -20, 10, "200.00")
    record_promise(books, "PROM", day(9), "250.00", made_on=day(-2))
    # PLAN: 2 instalments of 300.00 on its two invoices
    inv(books, "PL-1", "PLAN", -80, -50, "400.00")
    inv(books, "PL-2", "PLAN", -70, -40, "200.00")
    create_payment_plan(books, "PLAN", ["PL-1", "PL-2"], 2, day(14), 30, starts_on=day(-1))
    # DISP: 60.00 of 160.00 contested
    inv(books, "D-1", "DISP", -10, 20, "160.00")
    mark_dispute(books, "D-1", "damaged", "60.00", on=day(-3))
    # LAW: a legal step taken after its first invoice was due; the later invoice is not concerned
    inv(books, "LW-1", "LAW", -200, -170, "700.00")
    log_step(books, "LAW", "demand_letter", day(-120))
    log_step(books, "LAW", "legal_action", day(-90))
    inv(books, "LW-2", "LAW", -30, 0, "80.00")
    inv(books, "U-1", "USD", -10, 20, "999.00")          # another currency: not in the EUR forecast
    return books


def where(f, number):
    return sorted(((r.expected_on, r.amount, r.basis) for r in f.receipts if r.invoice_number == number),
                  key=lambda x: (x[0] or dt.date.max, x[1]))


def test_each_rule_places_its_amounts(ledger):
    f = cash_forecast(ledger, D)
    d = lambda n: D + dt.timedelta(days=n)  # noqa: E731
    assert where(f, "L-1") == [(d(30), Decimal("300.00"), DUE)]
    assert where(f, "L-2") == [(d(1), Decimal("50.00"), DUE)]
    assert where(f, "P-1") == [(d(9), Decimal("200.00"), PROMISE)]
    assert where(f, "P-2") == [(d(9), Decimal("50.00"), PROMISE), (d(10), Decimal("150.00"), DUE)]
    assert where(f, "PL-1") == [(d(14), Decimal("300.00"), PLAN), (d(44), Decimal("100.00"), PLAN)]
    assert where(f, "PL-2") == [(d(44), Decimal("200.00"), PLAN)]
    assert where(f, "D-1") == [(d(20), Decimal("100.00"), DUE), (None, Decimal("60.00"), DISPUTED)]
    assert where(f, "LW-1") == [(None, Decimal("700.00"), LEGAL)]
    assert where(f, "LW-2") == [(d(1), Decimal("80.00"), DUE)]
    assert not where(f, "U-1")
    assert f.uncertain == Decimal("760.00")


def test_rows_add_up_to_total_owed_to_the_cent(ledger):
    for as_of in (D, D - dt.timedelta(days=1), D - dt.timedelta(days=45), D - dt.timedelta(days=95)):
        f = cash_forecast(ledger, as_of)
        assert f.total == kpis(ledger, as_of).total_ar
        assert cash_forecast(ledger, as_of, currency="USD").total == kpis(ledger, as_of, currency="USD").total_ar


def test_a_broken_promise_no_longer_counts(ledger):
    later = D + dt.timedelta(days=20)            # promised date + 3 grace days have passed, nothing paid
    f = cash_forecast(ledger, later)
    assert all(r.basis != PROMISE for r in f.receipts)
