"""The summary of sales per day (storage.sales_summary) equals a recomputation from the invoices after random
histories written through the program's own write paths (invoices entered one by one and imported in bulk,
with voids in the file; amount changes, voids, payments, write-offs, reversals: those of test_open_set), and the
sales it gives for any period equal the invoices' own sum. A process killed while it imports leaves the
summary and the invoices in step."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ar_desktop.clock import FixedClock
from ar_desktop.domain.kpi import Period, sales_in
from ar_desktop.services import invoicing
from ar_desktop.services.backups import check
from ar_desktop.services.company_file import open_company
from ar_desktop.services.importing import import_file
from ar_desktop.storage import kpi_sql, sales_summary
from ar_desktop.storage.days import date_of
from derived_checks import (import_killed_then_done, out_of_step_reported, rows_of, small_file,
                            trigger_dropped_and_restored)
from test_open_set import SETTINGS, TODAY, _ledger, day, invoice_st, op_st, template  # noqa: F401  (a fixture)

_ = template

# an imported invoice: customer, issue day, terms, amount in tenths, void day after issue (None: not voided)
imported_st = st.tuples(st.sampled_from("AB"), st.integers(0, 400), st.integers(0, 60), st.integers(1, 900),
                        st.one_of(st.none(), st.integers(0, 200)))


def _plain_sales(con: sqlite3.Connection, start: dt.date, end: dt.date, currency: str) -> int:
    """The invoices themselves, one by one in Python: issued in (start, end], not voided by end."""
    total = 0
    for issued, voided, voided_on, amount in con.execute(
            "SELECT issue_date, voided, voided_on, amount FROM invoice WHERE currency = ?", (currency,)):
        if start < date_of(issued) <= end and (not voided or (voided_on is not None and date_of(voided_on) > end)):
            total += amount
    return total


def _import(books, tmp_path: Path, rows, first: int) -> None:
    lines = ["number,customer_code,issue_date,due_date,amount,voided,void_date,void_reason"]
    for n, (code, issued, terms, units, void) in enumerate(rows, start=first):
        voided = "" if void is None else "yes"
        on = "" if void is None else (day(issued) + dt.timedelta(days=void)).isoformat()
        lines.append(f"M{n},{code},{day(issued).isoformat()},{(day(issued) + dt.timedelta(days=terms)).isoformat()},"
                     f"{Decimal(units) / 10},{voided},{on},{'twice' if voided else ''}")
    path = tmp_path / f"invoices{first}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_file(books, "invoices", path)


@SETTINGS
@given(invoices=st.lists(invoice_st, min_size=1, max_size=6), ops=st.lists(op_st, max_size=20),
       imported=st.lists(st.lists(imported_st, min_size=1, max_size=5), max_size=2),
       dates=st.lists(st.tuples(st.integers(-10, 900), st.sampled_from([1, 7, 30, 90, 365])), min_size=1, max_size=3),
       data=st.data())
def test_summary_equals_a_recomputation_and_gives_any_periods_sales(template, tmp_path_factory, invoices, ops,
                                                                    imported, dates, data):
    with _ledger(template, tmp_path_factory, invoices, ops) as (books, path):
        for k, rows in enumerate(imported):   # bulk imports, after the history (the writer holds the triggers)
            _import(books, path.parent, rows, 100 * k)
        if imported:   # and a history after them: imported rows voided one by one
            with books.db.reader() as r:
                last = r.execute("SELECT id, max(issue_date, coalesce(last_paid_on, issue_date)) FROM invoice "
                                 "WHERE NOT voided ORDER BY id DESC LIMIT 3").fetchall()
            for iid, since in last[:data.draw(st.integers(0, len(last)))]:   # on or after its last payment
                invoicing.void_invoice(books, iid, "twice", date_of(since) + dt.timedelta(days=3))
        con = sqlite3.connect(path)
        try:
            assert sales_summary.problems(con) == []   # the triggers and the bulk writer kept it equal
            events = sorted({date_of(d) for (d,) in con.execute(
                "SELECT issue_date FROM invoice UNION SELECT voided_on FROM invoice WHERE voided_on IS NOT NULL")})
            periods = [(day(offset), length) for offset, length in dates]
            for _ in range(3):   # periods ending or starting on the days around an issue or a void
                d = data.draw(st.sampled_from(events)) + dt.timedelta(days=data.draw(st.integers(-1, 1)))
                length = data.draw(st.sampled_from([1, 30, 90]))
                periods += [(d, length), (d + dt.timedelta(days=length), length)]
            for end, length in periods:
                period = Period(end, length)
                for currency in ("EUR", "USD"):
                    plain = _plain_sales(con, period.start, end, currency)
                    assert kpi_sql.sales_units(con, period, currency) == plain, (end, length, currency)
                    daily, voided = kpi_sql.issued(con, period.first_day - dt.timedelta(days=length), end, currency)
                    assert sales_in(period, daily, voided) == plain
        finally:
            con.close()


@pytest.fixture
def sold_books(template, tmp_path):  # noqa: F811
    path = tmp_path / "books.ardb"
    path.write_bytes(template.read_bytes())
    books = open_company(path, clock=FixedClock(TODAY))
    iid = invoicing.add_invoice(books, {"number": "X1", "customer_code": "A", "issue_date": "2026-01-01",
                                        "amount": "10.00"})
    yield books, path, iid
    books.db.auto_backup = False
    books.close()


def _rows(path: Path) -> list[tuple]:
    return [(c, date_of(d).isoformat(), date_of(u).isoformat(), a)
            for c, d, u, a in rows_of(path, f"SELECT * FROM {sales_summary.TABLE} ORDER BY 1, 2, 3")]


def test_an_invoice_counts_on_its_day_until_its_void_and_an_amount_change_moves_it(sold_books):
    books, path, iid = sold_books
    assert _rows(path) == [("EUR", "2026-01-01", "9999-12-31", 1000)]
    invoicing.add_invoice(books, {"number": "X2", "customer_code": "A", "issue_date": "2026-01-01", "amount": "5.00"})
    assert _rows(path) == [("EUR", "2026-01-01", "9999-12-31", 1500)]
    invoicing.void_invoice(books, iid, "issued twice", dt.date(2026, 1, 20))
    assert _rows(path) == [("EUR", "2026-01-01", "2026-01-20", 1000), ("EUR", "2026-01-01", "9999-12-31", 500)]
    con = sqlite3.connect(path)
    try:   # counted in a period ending before the void, not in one ending on it
        assert kpi_sql.sales_units(con, Period(dt.date(2026, 1, 19), 30), "EUR") == 1500
        assert kpi_sql.sales_units(con, Period(dt.date(2026, 1, 20), 30), "EUR") == 500
        assert kpi_sql.sales_units(con, Period(dt.date(2026, 1, 20), 19), "EUR") == 0   # (01-01, 01-20]
    finally:
        con.close()


def test_check_reports_a_summary_out_of_step_or_held_and_an_upgrade_rebuilds_it(sold_books):
    books, path, _iid = sold_books
    out_of_step_reported(books, f"UPDATE {sales_summary.TABLE} SET amount = 5", "summary of sales", "2026-01-01")
    con = sqlite3.connect(path)
    try:
        sales_summary.rebuild(con)
        con.execute(f"INSERT INTO {sales_summary.HOLD} (above) VALUES (0)")   # an import's hold, committed
        assert any("held" in str(p) for p in sales_summary.problems(con))
        con.execute(f"DELETE FROM {sales_summary.HOLD}")
        trigger_dropped_and_restored(con, sales_summary, f"{sales_summary.TABLE}_insert")
        con.commit()
    finally:
        con.close()
    assert check(books).ok


ROWS = 3_000   # two batches of the importer


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(("what", "n"), [("INSERT INTO invoice", 3), ("INSERT INTO sales_day", 1)])
def test_an_import_killed_leaves_summary_and_invoices_in_step(tmp_path, what, n):
    """Invoices imported while the writer holds the summary's triggers: killed in the middle of its inserts
    or at its one INSERT of their sums before it commits, the file is as before; run to the end, the summary
    equals its recomputation."""
    path = tmp_path / "kill.ardb"
    small_file(path).close()
    before = _rows(path)
    assert before == [("EUR", "2026-01-02", "9999-12-31", 500)]
    csv = tmp_path / "invoices.csv"
    rows = [f"N{k:06d},C1,2026-01-{k % 28 + 1:02d},{k % 900 + 1}.50,{'yes' if k % 7 == 0 else ''},"
            f"{'2026-02-%02d' % (k % 27 + 1) if k % 7 == 0 else ''},{'twice' if k % 7 == 0 else ''}"
            for k in range(ROWS)]
    csv.write_text("number,customer_code,issue_date,amount,voided,void_date,void_reason\n" + "\n".join(rows) + "\n",
                   encoding="utf-8")
    import_killed_then_done(path, csv, what, n, _rows, sales_summary.HOLD)
    assert sum(r[3] for r in _rows(path)) == 500 + sum((k % 900 + 1) * 100 + 50 for k in range(ROWS))
