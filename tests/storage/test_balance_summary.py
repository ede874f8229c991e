"""The summary of balances per day (storage.balance_summary) equals a recomputation from the invoices and
allocations after random histories written through the program's own write paths (test_open_set's payments,
credit, write-offs, bulk and bank-file payments, amount changes, voids, reversals, changes of split; plus bulk
imports of invoices with voids in the file and imported invoices voided after), and the open balance and its
not-yet-due part it gives on any day equal the invoices' own, summed in Python, and the open set's (the index
ranges the aging reads). A process killed while it imports leaves the summary and the rows in step."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ar_desktop.domain.allocation import Allocation
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.aging import BUCKET_KEYS
from ar_desktop.services import invoicing, payments
from ar_desktop.services.backups import check
from ar_desktop.storage import balance_summary, days, kpi_sql
from ar_desktop.storage.days import date_of
from derived_checks import (import_killed_then_done, out_of_step_reported, rows_of, small_file,
                            trigger_dropped_and_restored)
from kill_scripts import import_killed_at
from test_open_set import SETTINGS, TODAY, _ledger, day, invoice_st, op_st, template  # noqa: F401  (a fixture)
from test_sales_summary import _import, imported_st, sold_books  # noqa: F401  (a fixture)

_ = template, sold_books


def _plain_totals(con: sqlite3.Connection, d: dt.date, currency: str) -> tuple[int, int]:
    """The invoices themselves, one by one in Python: issued by D, not voided by D, their amount less what
    was allocated to them by D; the not-yet-due part of those due on or after D."""
    paid: dict[int, int] = {}
    for iid, when, units in con.execute("SELECT invoice_id, date, amount FROM allocation"):
        if date_of(when) <= d:
            paid[iid] = paid.get(iid, 0) + units
    total = current = 0
    for iid, issued, due, amount, voided, voided_on in con.execute(
            "SELECT id, issue_date, due_date, amount, voided, voided_on FROM invoice WHERE currency = ?", (currency,)):
        if date_of(issued) > d or (voided and (voided_on is None or date_of(voided_on) <= d)):
            continue
        units = amount - paid.get(iid, 0)
        total += units
        current += units if date_of(due) >= d else 0
    return total, current


@SETTINGS
@given(invoices=st.lists(invoice_st, min_size=1, max_size=6), ops=st.lists(op_st, max_size=20),
       imported=st.lists(st.lists(imported_st, min_size=1, max_size=5), max_size=2),
       dates=st.lists(st.integers(-10, 900), min_size=1, max_size=3), data=st.data())
def test_summary_equals_a_recomputation_and_gives_any_days_open_balance(template, tmp_path_factory, invoices, ops,
                                                                        imported, dates, data):
    with _ledger(template, tmp_path_factory, invoices, ops) as (books, path):
        for k, rows in enumerate(imported):   # bulk imports, after the history (the writer holds the triggers)
            _import(books, path.parent, rows, 100 * k)
        if imported:   # and a history after them: imported rows voided and paid one by one
            with books.db.reader() as r:
                last = r.execute("SELECT id, customer_id, max(issue_date, coalesce(last_paid_on, issue_date)), "
                                 "amount - paid FROM invoice WHERE NOT voided ORDER BY id DESC LIMIT 3").fetchall()
            for iid, cid, since, units in last[:data.draw(st.integers(0, len(last)))]:
                if data.draw(st.booleans()):
                    invoicing.void_invoice(books, iid, "twice", date_of(since) + dt.timedelta(days=3))
                elif units > 0:
                    when = min(date_of(since) + dt.timedelta(days=5), TODAY)
                    with contextlib.suppress(UserError):   # refused (before its issue...): it did not happen
                        payments.record_payment(books, {"customer_code": "A" if cid == 1 else "B", "amount": "0.10",
                                                        "date": when.isoformat()}, [Allocation(iid, Decimal("0.10"))])
        con = sqlite3.connect(path)
        try:
            assert balance_summary.problems(con) == []   # the triggers and the bulk writer kept it equal
            events = sorted({date_of(d) for (d,) in con.execute(
                "SELECT issue_date FROM invoice UNION SELECT due_date FROM invoice UNION SELECT voided_on FROM invoice "
                "WHERE voided_on IS NOT NULL UNION SELECT date FROM allocation")})
            days = [day(offset) for offset in dates]
            for _ in range(4):   # the days around an issue, a due date, a void or a payment
                days.append(data.draw(st.sampled_from(events)) + dt.timedelta(days=data.draw(st.integers(-1, 1))))
            current = BUCKET_KEYS.index("current")
            for currency in ("EUR", "USD"):
                got = kpi_sql.open_totals(con, days, currency)
                for d in days:
                    assert got[d] == _plain_totals(con, d, currency), (d, currency)
                    # and the open set's own sums (the index ranges the aging and the figures' bars read)
                    summary = kpi_sql.open_summary(con, d, currency, 0)
                    assert got[d] == (sum(summary.buckets), summary.buckets[current]), (d, currency)
        finally:
            con.close()


def _rows(path: Path) -> list[tuple]:
    return [(c, k, date_of(d).isoformat(), date_of(u).isoformat(), a)
            for c, k, d, u, a in rows_of(path, f"SELECT * FROM {balance_summary.TABLE} WHERE amount <> 0 "
                                               "ORDER BY 1, 2, 3, 4")]


def test_an_invoice_falls_overdue_the_day_after_its_due_date_and_a_payment_counts_from_its_day(sold_books):
    books, path, iid = sold_books   # X1, 10.00, issued 2026-01-01, due 30 days later (customer A's terms)
    con = sqlite3.connect(path)
    try:
        (due_day,) = con.execute("SELECT due_date FROM invoice WHERE id = ?", (iid,)).fetchone()
    finally:
        con.close()
    due = date_of(due_day)
    after = (due + dt.timedelta(days=1)).isoformat()
    assert _rows(path) == [("EUR", 1, after, "9999-12-31", 1000)]
    # 4.00 paid before it is due: counts from its day (and against the overdue part from the day after due)
    payments.record_payment(books, {"customer_code": "A", "date": "2026-01-10", "amount": "4.00"},
                            [Allocation(iid, Decimal("4.00"))])
    assert _rows(path) == [("EUR", 0, "2026-01-10", "9999-12-31", -400), ("EUR", 1, after, "9999-12-31", 600)]
    con = sqlite3.connect(path)
    try:
        got = kpi_sql.open_totals(con, [dt.date(2025, 12, 31), dt.date(2026, 1, 1), dt.date(2026, 1, 10), due,
                                        due + dt.timedelta(days=1)], "EUR")
    finally:
        con.close()
    assert got == {dt.date(2025, 12, 31): (0, 0), dt.date(2026, 1, 1): (1000, 1000), dt.date(2026, 1, 10): (600, 600),
                   due: (600, 600), due + dt.timedelta(days=1): (600, 0)}
    invoicing.void_invoice(books, iid, "issued twice", dt.date(2026, 3, 1))   # every row of it ends on its void day
    assert _rows(path) == [("EUR", 0, "2026-01-10", "2026-03-01", -400), ("EUR", 1, after, "2026-03-01", 600)]


def test_check_names_the_day_of_each_row_changed_behind_the_triggers(sold_books):
    """``problems`` sums the invoices' rows and the allocations' groups apart and adds them in Python: a row of the
    invoice's own (OVERDUE from the day after due), of a payment's in either kind, changed, gone, or added names its
    currency and day and no other; a row at 0 (the triggers leave such rows) counts for nothing."""
    books, path, iid = sold_books   # X1, 10.00, issued 2026-01-01, due 2026-01-31
    payments.record_payment(books, {"customer_code": "A", "date": "2026-03-05", "amount": "4.00"},
                            [Allocation(iid, Decimal("4.00"))])
    assert _rows(path) == [("EUR", 0, "2026-03-05", "9999-12-31", -400), ("EUR", 1, "2026-02-01", "9999-12-31", 1000),
                           ("EUR", 1, "2026-03-05", "9999-12-31", -400)]
    paid, due, later = (days.day(dt.date(2026, 3, 5)), days.day(dt.date(2026, 2, 1)), days.day(dt.date(2026, 2, 20)))
    con = sqlite3.connect(path)
    try:
        assert balance_summary.problems(con) == []
        for change, named in [(f"UPDATE {{t}} SET amount = -300 WHERE kind = 0", "2026-03-05"),
                              (f"UPDATE {{t}} SET amount = -300 WHERE kind = 1 AND day = {paid}", "2026-03-05"),
                              (f"DELETE FROM {{t}} WHERE kind = 1 AND day = {due}", "2026-02-01"),
                              (f"UPDATE {{t}} SET until = {later} WHERE kind = 1 AND day = {due}", "2026-02-01"),
                              (f"INSERT INTO {{t}} VALUES ('EUR', 0, {later}, {days.LAST}, 5)", "2026-02-20"),
                              (f"INSERT INTO {{t}} VALUES ('EUR', 0, {later}, {days.LAST}, 0)", None)]:
            con.execute(change.format(t=balance_summary.TABLE))
            got = [str(p) for p in balance_summary.problems(con)]
            assert got == ([] if named is None else [
                f"the summary of balances in EUR of {named} differs from the invoices and payments: the figures and "
                "the Overview's trend read wrong open balances there (the next upgrade of the file by a newer AR "
                "Desktop rebuilds it)"]), change
            con.rollback()
    finally:
        con.close()


def test_check_reports_a_summary_out_of_step_or_held_and_an_upgrade_rebuilds_it(sold_books):
    books, path, _iid = sold_books
    out_of_step_reported(books, f"UPDATE {balance_summary.TABLE} SET amount = 5", "summary of balances")
    con = sqlite3.connect(path)
    try:
        balance_summary.rebuild(con)
        assert balance_summary.problems(con) == []
        con.execute(f"INSERT INTO {balance_summary.HOLD} (invoices, allocations) VALUES (0, 0)")   # an import's hold
        assert any("held" in str(p) for p in balance_summary.problems(con))
        con.execute(f"DELETE FROM {balance_summary.HOLD}")
        trigger_dropped_and_restored(con, balance_summary, f"{balance_summary.TABLE}_paid_insert")
        trigger_dropped_and_restored(con, balance_summary, f"{balance_summary.TABLE}_amount_new")
        con.commit()
        con.execute("BEGIN")   # a file without the allocations' index (damaged, made by hand): still answered
        con.execute("DROP INDEX ix_allocation_aging")
        assert balance_summary.problems(con) == []
        balance_summary.rebuild(con)
        assert balance_summary.problems(con) == []
        con.rollback()
    finally:
        con.close()
    assert check(books).ok


ROWS = 3_000   # two batches of the importer


def _new_file(path: Path) -> list[tuple]:
    small_file(path).close()
    return _rows(path)


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(("what", "n"), [("INSERT INTO invoice (", 3), ("INSERT INTO balance_day", 1)])
def test_an_invoice_import_killed_leaves_summary_and_invoices_in_step(tmp_path, what, n):
    """Invoices imported (some settled on a day, some voided) while the writer holds the summary's triggers:
    killed in the middle of its inserts or at its one INSERT of their sums before it commits, the file is as
    before; run to the end, the summary equals its recomputation."""
    path = tmp_path / "kill.ardb"
    before = _new_file(path)
    csv = tmp_path / "invoices.csv"
    rows = [f"N{k:06d},C1,2026-01-{k % 28 + 1:02d},{k % 900 + 1}.50,{'2026-02-10' if k % 5 == 0 and k % 7 else ''},"
            f"{'yes' if k % 7 == 0 else ''},{'2026-02-%02d' % (k % 27 + 1) if k % 7 == 0 else ''},"
            f"{'twice' if k % 7 == 0 else ''}" for k in range(ROWS)]
    csv.write_text("number,customer_code,issue_date,amount,settled_date,voided,void_date,void_reason\n"
                   + "\n".join(rows) + "\n", encoding="utf-8")
    import_killed_then_done(path, csv, what, n, _rows, balance_summary.HOLD)
    assert _rows(path) != before and {k for _c, k, *_rest in _rows(path)} == {0, 1}   # settled ones paid


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(("what", "n"), [("INSERT INTO allocation (", 2), ("INSERT INTO balance_day", 1)])
def test_a_payments_import_killed_leaves_summary_and_allocations_in_step(tmp_path, what, n):
    """Payments imported (each naming no invoice: spread over the open ones, oldest due first) while the writer
    holds the triggers: killed at its allocations or at its one INSERT of their sums, the file is as before;
    run to the end, the summary equals its recomputation."""
    path = tmp_path / "kill.ardb"
    _new_file(path)
    invoices = tmp_path / "invoices.csv"
    invoices.write_text("number,customer_code,issue_date,amount\n" + "\n".join(
        f"N{k:06d},C1,2026-01-{k % 28 + 1:02d},{k % 900 + 1}.50" for k in range(ROWS)) + "\n", encoding="utf-8")
    assert import_killed_at(path, invoices, "X", 0).returncode == 0
    before = _rows(path)
    csv = tmp_path / "payments.csv"
    csv.write_text("date,customer_code,amount,reference\n" + "\n".join(
        f"2026-03-{k % 28 + 1:02d},C1,{k % 300 + 1}.25,R{k}" for k in range(ROWS)) + "\n", encoding="utf-8")
    import_killed_then_done(path, csv, what, n, _rows, balance_summary.HOLD, "payments")
    assert _rows(path) != before
