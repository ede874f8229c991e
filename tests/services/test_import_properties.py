"""Hostile input, generated: the importers import or refuse plainly, never half; money, allocation and
aging keep every cent."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from ar_desktop.clock import FixedClock
from aging_oracle import oracle_aging
from ar_desktop.domain.allocation import OpenInvoice, suggest_allocation
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import MAX_UNITS, from_minor, parse_amount, to_minor
from ar_desktop.services.aging import aging_report
from ar_desktop.services.company_file import create_company
from ar_desktop.services.customers import add_customer
from ar_desktop.services.import_mapping import suggest_options
from ar_desktop.services.importing import import_file as import_by_name
from ar_desktop.services.importing import run_import
from ar_desktop.services.source_files import open_source
from ar_desktop.storage import customers_repo, invoices_repo, payments_repo

TODAY = dt.date(2026, 3, 31)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])


@pytest.fixture(scope="module")
def shared_books(tmp_path_factory):
    books = create_company(tmp_path_factory.mktemp("prop") / "p.ardb", "Props", "EUR", clock=FixedClock(TODAY))
    add_customer(books, {"code": "ACME", "name": "Acme"})
    yield books
    books.db.auto_backup = False
    books.close()


def import_file(books, path, kind, **overrides):
    table = open_source(path)
    return run_import(books, table, replace(suggest_options(books, table, kind), **overrides))


def counts(books):
    with books.db.session() as s:
        return customers_repo.count(s), invoices_repo.count(s), payments_repo.count(s)


nasty_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["=1+1", "+SUM(A1)", "-2", "@x", "\t", "\r\n", '"', '""', ",", ";", "a\nb", "\ufeff",
                     "2026-01-05", "5/1/2026", "31.12.2025", "1.234,56", "1,234.56", "12.345", "-5.00", "0",
                     "ACME", "yes", "no", "9" * 40, "\x00", "上海", "Müller", "€"]))
headers = st.lists(st.sampled_from(["number", "customer_code", "issue_date", "amount", "due_date", "disputed",
                                    "InvoiceDate", "customerID", "invoiceNumber", "SettledDate", "x", "",
                                    "amount", "code", "name", "date"]), min_size=0, max_size=7)


@st.composite
def hostile_csv(draw) -> bytes:
    header = draw(headers)
    sep = draw(st.sampled_from([",", ";", "\t", "|"]))
    rows = draw(st.lists(st.lists(nasty_text, max_size=8), max_size=8))

    def cell(x: str) -> str:
        return '"' + x.replace('"', '""') + '"' if draw(st.booleans()) else x
    text = "\n".join(sep.join(cell(c) for c in r) for r in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "gb18030", "utf-16", "latin-1"]))
    data = text.encode(encoding, errors="replace")
    return draw(st.sampled_from([data, data[: len(data) // 2], data + b"\xff\xfe\x00", b"%PDF-" + data,
                                 b"PK\x03\x04" + data, data]))


@SETTINGS
@given(data=hostile_csv(), kind=st.sampled_from(["customers", "invoices", "payments"]),
       mode=st.sampled_from(["refuse", "skip", "update"]))
def test_mapped_import_imports_or_refuses_never_half(shared_books, data, kind, mode):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "hostile.csv"
        path.write_bytes(data)
        before = counts(shared_books)
        try:
            result = import_file(shared_books, path, kind, mode=mode, create_customers=True)
        except UserError:
            assert counts(shared_books) == before  # nothing stored
            return
        after = counts(shared_books)
        grew = tuple(a - b for a, b in zip(after, before, strict=True))
        if kind == "customers":
            assert grew == (result.new, 0, 0)
        elif kind == "invoices":
            assert grew == (result.customers_created, result.new, result.payments)
        else:
            assert grew == (0, 0, result.new)


@SETTINGS
@given(data=hostile_csv(), kind=st.sampled_from(["customers", "invoices", "payments"]))
@example(data=b"code,name\nPROP1,Prop One\nPROP2,Prop Two\n", kind="customers")  # the success path, surely
@example(data=b"number,customer_code,issue_date,amount\nPROP-I1,ACME,2026-01-05,12.50\n", kind="invoices")
@example(data=b"date,customer_code,amount\n2026-02-01,ACME,5.00\n", kind="payments")
@example(data=b"code,name\n", kind="customers")
def test_plain_csv_import_imports_or_refuses_never_half(shared_books, data, kind):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "hostile.csv"
        path.write_bytes(data)
        before = counts(shared_books)
        try:
            result = import_by_name(shared_books, kind, path)
        except UserError:
            assert counts(shared_books) == before
            return
        grew = tuple(a - b for a, b in zip(counts(shared_books), before, strict=True))
        assert grew == {"customers": (result.new, 0, 0), "invoices": (0, result.new, 0),
                        "payments": (0, 0, result.new)}[kind]


@given(units=st.integers(min_value=-10**14, max_value=10**14), currency=st.sampled_from(["EUR", "JPY", "KWD"]))
def test_money_round_trips(units, currency):
    value = from_minor(units, currency)
    assert to_minor(value, currency) == units
    if abs(units) <= MAX_UNITS:
        assert parse_amount(str(value), currency, allow_negative=True) == value
    else:
        with pytest.raises(UserError, match="too large"):
            parse_amount(str(value), currency, allow_negative=True)


@given(amount=st.integers(min_value=1, max_value=10**9),
       opens=st.lists(st.integers(min_value=0, max_value=10**8), max_size=30))
def test_allocation_never_creates_or_loses_a_cent(amount, opens):
    invoices = [OpenInvoice(i, f"N{i}", dt.date(2026, 1, 1), dt.date(2026, 1, 1) + dt.timedelta(days=i % 7),
                            Decimal(o)) for i, o in enumerate(opens)]
    plan = suggest_allocation(Decimal(amount), invoices)
    assert plan.applied + plan.unapplied == amount
    assert plan.unapplied >= 0
    by_id = {i.invoice_id: i.open_amount for i in invoices}
    assert all(0 < a.amount <= by_id[a.invoice_id] for a in plan.allocations)
    assert plan.unapplied == 0 or plan.applied == sum(by_id.values())


ledger = st.lists(st.tuples(st.integers(min_value=0, max_value=400),  # issue day offset
                            st.integers(min_value=0, max_value=90),  # terms
                            st.integers(min_value=1, max_value=500_00),  # amount units
                            st.one_of(st.none(), st.integers(min_value=0, max_value=300)),  # paid after days
                            st.sampled_from([1, 2, 3])),  # part paid: all, half, a third
                  min_size=1, max_size=25)


@settings(max_examples=25, deadline=None)
@given(items=ledger, as_of_offset=st.integers(min_value=0, max_value=700))
@example(items=[(100 - late, 0, 100 + late, None, 1) for late in (-1, 0, 1, 30, 31, 60, 61, 90, 91)],
         as_of_offset=100)  # every bucket boundary, each with its own amount
def test_sql_aging_equals_pure_recomputation(items, as_of_offset):
    start = dt.date(2024, 1, 1)
    as_of = start + dt.timedelta(days=as_of_offset)
    assume(as_of <= TODAY)
    with tempfile.TemporaryDirectory() as d:
        books = create_company(Path(d) / "a.ardb", "Aging", "EUR", clock=FixedClock(TODAY))
        books.db.auto_backup = False
        try:
            from ar_desktop.services.invoicing import add_invoice
            from ar_desktop.services.payments import record_payment

            add_customer(books, {"code": "C", "name": "C"})
            expected: list[tuple[dt.date, Decimal]] = []
            for n, (issue_off, terms, units, paid_after, part) in enumerate(items):
                issue = start + dt.timedelta(days=issue_off)
                due = issue + dt.timedelta(days=terms)
                add_invoice(books, {"number": f"I{n}", "customer_code": "C", "issue_date": issue.isoformat(),
                                    "due_date": due.isoformat(), "amount": str(from_minor(units))})
                paid_units = 0
                if paid_after is not None and issue + dt.timedelta(days=paid_after) <= TODAY:
                    paid_on = issue + dt.timedelta(days=paid_after)
                    paid_units = max(1, units // part)
                    record_payment(books, {"date": paid_on.isoformat(), "customer_code": "C",
                                           "amount": str(from_minor(paid_units)), "invoice_number": f"I{n}"})
                    if paid_on > as_of:
                        paid_units = 0
                if issue <= as_of:
                    expected.append((due, from_minor(units - paid_units)))
            want = oracle_aging(expected, as_of)
            blocks = aging_report(books, as_of)
            got = blocks[0].total.buckets if blocks else {k: Decimal(0) for k in want}
            assert got == want
            assert sum(got.values()) == sum(a for _, a in expected)
        finally:
            books.close()
