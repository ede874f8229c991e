"""The Payments list sorted, filtered and paged in SQL (storage.payment_list) agrees with a plain sort in Python
of every entry, for every sort key both ways, page by page; each entry's position is found again; the window's
default order reads one page from an index, never every id."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
from ar_desktop.services.adjustments import write_off
from ar_desktop.services.customers import add_customer
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.services.payments import (payment_ids, payment_list, payment_rows_of, payment_totals,
                                          record_payment, reverse_payment)
from ar_desktop.storage import paging
from ar_desktop.storage.payment_list import SORT_KEYS, PaymentList
from ar_desktop.storage.paging import PagedIds
from ar_desktop.storage.payments_repo import PaymentFilter

TODAY = dt.date(2026, 3, 31)  # as the books fixture's clock
NAMES = ["Müller GmbH", "MÜLLER & Söhne", "alpha", "Alpha", "Zhang Trading 张三"]


def _ascii_lower(text: str) -> str:
    return "".join(c.lower() if c.isascii() else c for c in text)  # SQLite's lower()


@pytest.fixture(scope="module")
def entries(tmp_path_factory, empty_company_template, copy_company_file):
    """Five customers with names alike but for case, 30 invoices, ~40 entries: payments with and without
    money left over, on the same days, a write-off, reversals."""
    from ar_desktop.clock import FixedClock
    from ar_desktop.services.company_file import open_company

    path = copy_company_file(empty_company_template, tmp_path_factory.mktemp("payments") / "entries.ardb")
    books = open_company(path, clock=FixedClock(TODAY))
    rng = random.Random(5)
    for n, name in enumerate(NAMES):
        add_customer(books, {"code": f"P{n}", "name": name, "terms_days": "30"})
    for k in range(30):
        add_invoice(books, {"number": f"I-{k:02d}", "customer_code": f"P{k % 5}", "issue_date": "2026-01-05",
                            "amount": str(Decimal(rng.choice([10000, 25000, 40000])) / 100)})
    pids = []
    for k in range(36):
        day = dt.date(2026, 2, 1) + dt.timedelta(days=rng.randrange(8))  # many on the same day
        pids.append(record_payment(books, {"customer_code": f"P{rng.randrange(5)}", "date": day.isoformat(),
                                           "amount": str(Decimal(rng.choice([5000, 12000, 30000, 99000])) / 100),
                                           "method": rng.choice(["cheque", "wire", "Cash"]),
                                           "reference": rng.choice(["CHQ 1", "wire_7", "", "Ärger 50%"])}))
    add_invoice(books, {"number": "W-1", "customer_code": "P3", "issue_date": "2026-02-20", "amount": "12.00"})
    write_off(books, "W-1", None, "Small balance", "2026-03-01")
    for pid in pids[:4]:
        reverse_payment(books, pid, "2026-03-10", "Bounced")
    yield books
    books.db.auto_backup = False
    books.close()


def _key(sort: str, r) -> tuple:
    return {"id": (), "date": (r.date,), "customer": (_ascii_lower(r.customer_name), r.customer_id, r.date),
            "amount": (r.amount,), "applied": (r.applied,), "unapplied": (r.unapplied,), "kind": (r.kind,),
            "method": (_ascii_lower(r.method),), "reference": (_ascii_lower(r.reference),)}[sort] + (r.id,)


FILTERS = [PaymentFilter(), PaymentFilter(date_from=dt.date(2026, 2, 3), date_to=dt.date(2026, 2, 5)),
           PaymentFilter(customer_id=2), PaymentFilter(kind="reversal"), PaymentFilter(kind="payment"),
           PaymentFilter(only_unapplied=True), PaymentFilter(search="müller"), PaymentFilter(search="ALPHA"),
           PaymentFilter(search="_7"), PaymentFilter(search="50%"), PaymentFilter(search="nothing like it")]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: repr(f)[14:70])
def test_every_sort_and_filter_pages_like_a_plain_sort(entries, f, monkeypatch):
    books = entries
    monkeypatch.setattr(paging, "PAGE", 4)  # pages of 4: the list spans many pages
    everything = payment_rows_of(books, payment_ids(books, PaymentFilter()))
    assert len(everything) > 35
    kept = set(payment_ids(books, f))
    for sort in SORT_KEYS:
        expected = [r.id for r in sorted((r for r in everything if r.id in kept), key=lambda r: _key(sort, r))]
        for descending in (False, True):
            want = expected[::-1] if descending else expected
            ids = payment_list(books, f, sort=sort, descending=descending)
            assert isinstance(ids, PagedIds) == PaymentList.of(f, sort, descending).paged
            assert list(ids) == want, (sort, descending)
            assert list(ids[3:11]) == want[3:11]
            assert payment_ids(books, f, sort=sort, descending=descending) == want
            fresh = payment_list(books, f, sort=sort, descending=descending)  # nothing cached
            for k in range(0, len(want), 3):
                assert fresh.index(want[k]) == k


def test_the_filters_keep_what_they_say(entries):
    books = entries
    rows = payment_rows_of(books, payment_ids(books, PaymentFilter()))
    by = {r.id: r for r in rows}
    assert {by[i].kind for i in payment_ids(books, PaymentFilter(kind="reversal"))} == {"reversal"}
    assert len(payment_ids(books, PaymentFilter(kind="reversal"))) == 4
    assert {by[i].customer_id for i in payment_ids(books, PaymentFilter(customer_id=2))} == {2}
    unapplied = payment_ids(books, PaymentFilter(only_unapplied=True))
    assert unapplied and all(by[i].unapplied > 0 and by[i].reversed_by is None for i in unapplied)
    found = payment_ids(books, PaymentFilter(search="müller"))
    assert {by[i].customer_name for i in found} == {"Müller GmbH"}  # SQLite folds the case of ASCII letters only
    assert set(payment_ids(books, PaymentFilter(search="50%"))) == {r.id for r in rows if "50%" in r.reference}


def test_the_default_order_reads_one_page_from_an_index(entries, monkeypatch):
    """Newest first over every entry: a count and the one page shown, each an index walk (no sort, no id list)."""
    books = entries
    monkeypatch.setattr(paging, "PAGE", 10)
    pages = []
    read_page = PaymentList.ids
    monkeypatch.setattr(PaymentList, "ids", lambda self, s, offset, limit: pages.append((offset, limit))
                        or read_page(self, s, offset, limit))
    monkeypatch.setattr(PaymentList, "all_ids", lambda *_a: pytest.fail("every id was read"))
    ids = payment_list(books, PaymentFilter())
    ids[25]
    ids[27]
    assert pages == [(20, 10)]
    with books.db.session() as s:
        for sort in ("date", "id", "customer"):
            for descending in (False, True):
                plan = " ".join(PaymentList(sort=sort, descending=descending).plan(s))
                assert "TEMP B-TREE" not in plan, (sort, descending, plan)


def test_totals_agree_with_the_rows(entries):
    books = entries
    for f in FILTERS:
        rows = payment_rows_of(books, payment_ids(books, f))
        totals = payment_totals(books, f)
        assert sum(t.count for t in totals) == len(rows)
        for t in totals:
            mine = [r for r in rows if r.currency == t.currency]
            assert t.amount == sum((r.amount for r in mine), Decimal(0))
            assert t.unapplied == sum((r.unapplied for r in mine), Decimal(0))
