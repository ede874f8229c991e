"""The Invoices and Customers lists sorted, filtered, searched and paged in SQL agree with a plain sort in
Python of every row, for every sort key both ways, page by page, and each row's position is found again."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
from sqlalchemy import event

from ar_desktop.services import customers as customer_service
from ar_desktop.services import invoicing
from ar_desktop.services.customers import add_customer
from ar_desktop.services.payments import record_payment
from ar_desktop.storage import paging
from ar_desktop.storage.customer_list import SORT_KEYS as CUSTOMER_KEYS
from ar_desktop.storage.invoice_list import SORT_KEYS
from ar_desktop.storage.invoices_repo import InvoiceFilter
TODAY = dt.date(2026, 3, 31)  # as the books fixture's clock

NAMES = ["Müller GmbH", "MÜLLER & Söhne", "müllerei Nord", "Zhang Trading 张三", "Alpha", "alpha", "Beta_50%",
         "Öko Bau", "Zeta"]


def _ascii_lower(text: str) -> str:
    return "".join(c.lower() if c.isascii() else c for c in text)  # SQLite's lower()


@pytest.fixture(scope="module")
def many(tmp_path_factory, empty_company_template, copy_company_file):
    """A company file of 9 customers (names alike but for case and accents) and 70 invoices: paid, part paid,
    void, overdue, due later, in two currencies, references and descriptions with accents and LIKE wildcards."""
    from ar_desktop.clock import FixedClock
    from ar_desktop.services.company_file import open_company

    path = copy_company_file(empty_company_template, tmp_path_factory.mktemp("lists") / "many.ardb")
    books = open_company(path, clock=FixedClock(TODAY))
    rng = random.Random(10)
    for n, name in enumerate(NAMES):
        add_customer(books, {"code": f"K{n:02d}", "name": name, "currency": "USD" if n == 7 else "EUR",
                             "city": "Köln" if n % 2 else "Lyon", "terms_days": str(rng.choice([0, 14, 30]))})
    for k in range(70):
        n = rng.randrange(len(NAMES))
        iid = invoicing.add_invoice(books, {
            "number": f"{rng.choice(['INV', 'inv', 'R'])}-{rng.randrange(1000):03d}-{k:02d}",
            "customer_code": f"K{n:02d}", "issue_date": (TODAY - dt.timedelta(days=rng.randrange(120))).isoformat(),
            "amount": str(Decimal(rng.choice([1000, 2500, 9999, 120000, 2500])) / 100),
            "reference": rng.choice(["PO-1234", "po-99_1", "Auftrag Ärger", "", "x%y"]),
            "description": rng.choice(["Spare parts", "Ersatzteile für Öfen", "服务费", ""])})
        roll = rng.random()
        if roll < 0.4:  # paid in part or in full, on a random day
            row = invoicing.invoice_rows(books, [iid])[0]
            share = row.amount if roll < 0.25 else (row.amount / 2).quantize(Decimal("0.01"))
            record_payment(books, {"customer_code": f"K{n:02d}", "amount": str(share),
                                   "date": max(row.issue_date, TODAY - dt.timedelta(days=3)).isoformat(),
                                   "invoice_number": row.number})
        elif roll < 0.5:
            invoicing.void_invoice(books, iid, "issued twice")
    yield books
    books.db.auto_backup = False
    books.close()


def _key(sort: str, r, names: dict[int, str]):
    return {"number": (r.number,), "issue_date": (r.issue_date,), "due_date": (r.due_date,),
            "amount": (r.amount,), "paid": (r.paid,), "open_amount": (r.open_amount,),
            "status": (r.voided, r.paid >= r.amount, r.due_date),
            "customer": (_ascii_lower(names[r.customer_id]), r.customer_id, r.issue_date, r.due_date, r.amount),
            # the invoice's currency (its customer's), then as by customer
            "currency": (r.currency, _ascii_lower(names[r.customer_id]), r.customer_id, r.issue_date, r.due_date,
                         r.amount),
            }[sort] + (r.id,)


def _kept(f: InvoiceFilter, r, customers) -> bool:
    open_ = not r.voided and r.paid < r.amount
    if f.status == "open" and not open_ or f.status == "overdue" and not (open_ and r.due_date < TODAY):
        return False
    if f.customer_id is not None and r.customer_id != f.customer_id:
        return False
    if f.date_from and r.issue_date < f.date_from or f.date_to and r.issue_date > f.date_to:
        return False
    term = f.search.strip()
    if not term:
        return True
    code, name = customers[r.customer_id]
    if len(term) >= 3:
        return any(term.lower() in t.lower() for t in (r.number, r.reference, r.description, code, name))
    return any(t.lower().startswith(term.lower()) for t in (r.number, code, name))


FILTERS = [InvoiceFilter(), InvoiceFilter(status="open"), InvoiceFilter(status="overdue"),
           InvoiceFilter(customer_id=1), InvoiceFilter(status="open", customer_id=2),
           InvoiceFilter(date_from=TODAY - dt.timedelta(days=40), date_to=TODAY - dt.timedelta(days=10)),
           InvoiceFilter(search="müller"), InvoiceFilter(search="MÜLL"), InvoiceFilter(search="ärger"),
           InvoiceFilter(search="po-"), InvoiceFilter(search="_1"), InvoiceFilter(search="x%y"),
           InvoiceFilter(search="in"), InvoiceFilter(search="R"), InvoiceFilter(search="张三"),
           InvoiceFilter(search="für öfen"), InvoiceFilter(status="overdue", search="alpha"),
           InvoiceFilter(search="nothing like it")]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: repr(f)[14:80])
def test_every_sort_and_filter_pages_like_a_plain_sort(many, f, monkeypatch):
    books = many
    monkeypatch.setattr(paging, "PAGE", 7)  # pages of 7: the 70 invoices span many pages
    everything = invoicing.invoice_rows(books, list(invoicing.invoice_ids(books, InvoiceFilter())))
    assert len(everything) == 70
    custs = {r.id: (r.code, r.name) for r in customer_service.customer_rows(books, customer_service.customer_ids(books))}
    names = {cid: name for cid, (_code, name) in custs.items()}
    kept = [r for r in everything if _kept(f, r, custs)]

    for sort in SORT_KEYS:
        expected = [r.id for r in sorted(kept, key=lambda r: _key(sort, r, names))]
        for descending in (False, True):
            want = expected[::-1] if descending else expected
            ids = invoicing.invoice_ids(books, f, sort=sort, descending=descending)
            assert len(ids) == len(want), (sort, descending)
            assert list(ids) == want, (sort, descending)
            assert [ids[k] for k in range(len(ids))] == want
            assert ids[3:17] == want[3:17]
            fresh = invoicing.invoice_ids(books, f, sort=sort, descending=descending)  # nothing cached
            for k in range(0, len(want), 5):
                assert fresh.index(want[k]) == k
    outside = [r.id for r in everything if r.id not in {r.id for r in kept}]
    if outside:
        with pytest.raises(ValueError):
            invoicing.invoice_ids(books, f).index(outside[0])
        assert outside[0] not in invoicing.invoice_ids(books, f)


def test_a_page_is_all_that_is_read(many, monkeypatch):
    """Showing row 40 of the list reads its count and that one page of ids, nothing else."""
    books = many
    monkeypatch.setattr(paging, "PAGE", 10)
    limits = []

    def seen(_conn, _cursor, statement, params, _context, _many):
        if "LIMIT" in statement:
            limits.append(params[-2:] if isinstance(params, tuple) else (params["limit"], params["offset"]))

    event.listen(books.db.engine, "before_cursor_execute", seen)
    try:
        ids = invoicing.invoice_ids(books, InvoiceFilter(), sort="amount")
        assert len(ids) == 70
        ids[40]
        ids[45]
    finally:
        event.remove(books.db.engine, "before_cursor_execute", seen)
    assert limits == [(10, 40)]


def test_totals_agree_with_the_rows(many):
    books = many
    for f in FILTERS:
        rows = invoicing.invoice_rows(books, invoicing.invoice_ids(books, f))
        t = invoicing.invoice_totals(books, f)
        live = [r for r in rows if not r.voided]
        assert t.count == len(rows)
        assert t.amount == sum((r.amount for r in live), Decimal(0))
        assert t.open_amount == sum((r.open_amount for r in live), Decimal(0))
        assert t.overdue_amount == sum((r.open_amount for r in live if r.due_date < TODAY), Decimal(0))


@pytest.mark.parametrize("search", ["", "müll", "MÜLLER", "köln", "50%", "a", "ZZZ"])
def test_customers_page_like_a_plain_sort(many, search, monkeypatch):
    books = many
    monkeypatch.setattr(paging, "PAGE", 2)
    rows = customer_service.customer_rows(books, list(customer_service.customer_ids(books)))
    term = search.lower()
    kept = [r for r in rows if not term or any(term in t.lower() for t in (r.code, r.name, r.city))]
    for sort in CUSTOMER_KEYS:
        for descending in (False, True):
            ids = customer_service.customer_ids(books, search=search, sort=sort, descending=descending)
            assert sorted(ids) == sorted(r.id for r in kept)
            for k, ident in enumerate(ids):
                assert customer_service.customer_ids(books, search=search, sort=sort,
                                                     descending=descending).index(ident) == k


def test_the_picker_shows_each_customers_balances(many):
    books = many
    picker = customer_service.customer_picker(books)
    rows = {r.id: r for r in customer_service.customer_rows(books, customer_service.customer_ids(books))}
    assert [c.code for c in picker] == sorted(r.code for r in rows.values())
    for c in picker:
        assert (c.open_balance, c.overdue_amount) == (rows[c.id].open_balance, rows[c.id].overdue_amount)
    assert any(c.overdue_amount for c in picker) and any(not c.open_balance for c in picker) is not None
    assert customer_service.customer_choices(books) == [(c.id, c.code, c.name) for c in picker]
