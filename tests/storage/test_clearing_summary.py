"""The monthly summary of clearings (storage.clearing_summary) equals a recomputation from the invoices
after random histories written through the program's own write paths (those of test_open_set: payments,
backdated ones, credit applied later, write-offs, bulk imports, amount changes, voids, discounts,
reversals and changes of split), and what the worklist and the forecast read from it over any period
equals what the invoices cleared in that period give (``open_set.cleared_rows``, the plain question).
A process killed while it writes leaves the summary and the allocations in step."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import case, func, select

from ar_desktop.clock import FixedClock
from ar_desktop.services import invoicing, payments
from ar_desktop.services.company_file import open_company
from ar_desktop.storage import clearing_summary, open_set
from ar_desktop.storage.days import date_of
from ar_desktop.storage.kpi_sql import ADJUSTMENT_METHODS
from ar_desktop.storage.orm import Allocation, Invoice, Payment
from ar_desktop.storage.as_of_sql import id_set
from derived_checks import killed_then_done, out_of_step_reported, restored_and_sound, rows_of, small_file
from test_open_set import SETTINGS, TODAY, _ledger, day, invoice_st, op_st, template  # noqa: F401  (a fixture)

_ = template


def _plain_counts(s, start: dt.date, end: dt.date, adjusted: bool) -> dict[int, tuple[int, int, int]]:
    """The same question asked of the invoices alone, over the whole period (``open_set.cleared_rows``,
    through SQLAlchemy: written apart from the plain SQL of ``counts``)."""
    c = open_set.cleared_rows(start, end, Invoice.customer_id, Invoice.due_date, Invoice.closed_on.label("cleared"),
                              Invoice.id, where=Invoice.customer_id.in_(id_set([1, 2]))).subquery()
    q = select(c.c.customer_id, func.count(), func.sum(case((c.c.cleared > c.c.due_date, 1), else_=0)),
               func.sum(func.max(c.c.cleared - c.c.due_date, 0))).group_by(c.c.customer_id)
    if not adjusted:
        q = q.where(c.c.id.not_in(select(Allocation.invoice_id).where(
            Allocation.invoice_id == c.c.id, Allocation.date == c.c.cleared,
            Allocation.payment_id.in_(select(Payment.id).where(Payment.method.in_(ADJUSTMENT_METHODS))))))
    return {cid: (int(n), int(late), int(days)) for cid, n, late, days in s.execute(q)}


def _month_edges(d: dt.date) -> list[dt.date]:
    first = d.replace(day=1)
    return [first - dt.timedelta(days=1), first, first + dt.timedelta(days=1)]


@SETTINGS
@given(invoices=st.lists(invoice_st, min_size=1, max_size=8), ops=st.lists(op_st, max_size=25),
       dates=st.lists(st.tuples(st.integers(-10, 900), st.integers(1, 800)), min_size=1, max_size=4), data=st.data())
def test_summary_equals_a_recomputation_and_answers_any_period(template, tmp_path_factory, invoices, ops, dates,
                                                               data):
    with _ledger(template, tmp_path_factory, invoices, ops) as (books, path):
        con = sqlite3.connect(path)
        try:
            assert clearing_summary.problems(con) == []   # the triggers kept it equal to a recomputation
            events = sorted({date_of(d) for (d,) in con.execute(
                "SELECT closed_on FROM invoice WHERE closed_on IS NOT NULL UNION SELECT voided_on FROM invoice "
                "WHERE voided_on IS NOT NULL UNION SELECT issue_date FROM invoice")})
        finally:
            con.close()
        # random days and lengths, and ends or starts on the days around a clearing, a void or a month's edge
        periods = [(day(offset), length) for offset, length in dates]
        for _ in range(3):
            d = data.draw(st.sampled_from(events)) + dt.timedelta(days=data.draw(st.integers(-1, 1)))
            d = data.draw(st.sampled_from([d, *_month_edges(d)]))
            periods.append((d, data.draw(st.sampled_from([1, 30, 31, 60, 365, 366]))))
            periods.append((d + dt.timedelta(days=365), 365))
        with books.db.session() as s:
            for end, length in periods:
                start = end - dt.timedelta(days=length)
                for adjusted in (True, False):
                    plain = _plain_counts(s, start, end, adjusted)
                    for scoped in (0, 50):   # every customer's part-months read, or only those asked for
                        saved, clearing_summary._SCOPED = clearing_summary._SCOPED, scoped
                        try:
                            got = {cid: tuple(c) for cid, c in
                                   clearing_summary.counts(s, start, end, [1, 2], adjusted=adjusted).items()}
                            one = {cid: tuple(c) for cid, c in
                                   clearing_summary.counts(s, start, end, [1], adjusted=adjusted).items()}
                        finally:
                            clearing_summary._SCOPED = saved
                        assert got == plain, (start, end, adjusted, scoped)
                        assert one == {k: v for k, v in plain.items() if k == 1}, (start, end, adjusted, scoped)


@pytest.mark.parametrize(("start", "end", "parts", "months"), [
    ("2025-11-30", "2026-11-30", [], ("2025-12", "2026-11")),
    ("2025-12-01", "2026-11-30", [("2025-12-01", "2025-12-31")], ("2026-01", "2026-11")),
    ("2025-11-15", "2026-11-15", [("2025-11-15", "2025-11-30"), ("2026-10-31", "2026-11-15")],
     ("2025-12", "2026-10")),
    ("2026-01-15", "2026-02-10", [("2026-01-15", "2026-02-10")], None),
    ("2026-01-31", "2026-03-01", [("2026-02-28", "2026-03-01")], ("2026-02", "2026-02")),
    ("9998-12-31", "9999-12-31", [("9998-12-31", "9999-12-31")], None),   # no month after the last one
])
def test_a_period_is_whole_months_and_the_part_months_at_its_ends(start, end, parts, months):
    d = dt.date.fromisoformat
    assert clearing_summary.split_period(d(start), d(end)) == ([(d(a), d(b)) for a, b in parts], months)


@pytest.fixture
def paid_books(template, tmp_path):  # noqa: F811
    path = tmp_path / "books.ardb"
    path.write_bytes(template.read_bytes())
    books = open_company(path, clock=FixedClock(TODAY))
    invoicing.add_invoice(books, {"number": "X1", "customer_code": "A", "issue_date": "2026-01-01",
                                  "amount": "10.00"})
    pid = payments.record_payment(books, {"customer_code": "A", "date": "2026-03-05", "amount": "10.00"})
    yield books, path, pid
    books.db.auto_backup = False
    books.close()


def _rows(path: Path) -> list[tuple]:
    return rows_of(path, f"SELECT * FROM {clearing_summary.TABLE} ORDER BY 1, 2, 3, 4")


def test_a_payment_counts_in_its_month_and_a_reversal_takes_it_out(paid_books):
    books, path, pid = paid_books
    # due 2026-01-31 (30 days), cleared 2026-03-05: 33 days late, 63 days to pay
    assert _rows(path) == [(1, "2026-03", clearing_summary.NOT_AFTER, clearing_summary.NOT_VOIDED, 1, 1, 33, 63)]
    payments.reverse_payment(books, pid, dt.date(2026, 3, 10), "cheque bounced")
    assert _rows(path) == []


def test_check_reports_a_summary_out_of_step_and_an_upgrade_rebuilds_it(paid_books):
    books, path, _pid = paid_books
    out_of_step_reported(books, f"UPDATE {clearing_summary.TABLE} SET days_late = 5", "summary of clearings", "2026-03")
    restored_and_sound(books, clearing_summary, f"{clearing_summary.TABLE}_update_new")


ROWS = 3_000   # two batches of the importer


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("n", [2, 3])
def test_an_import_killed_between_its_clearings_leaves_summary_and_allocations_in_step(tmp_path, n):
    """Invoices settled in the file: each batch's payments raise their invoices in one UPDATE, whose
    triggers write the summary. Killed before the n-th such UPDATE (after earlier ones wrote it), the
    file is as before; run to the end, the summary equals its recomputation."""
    path = tmp_path / "kill.ardb"
    small_file(path, paid_on="2026-02-03").close()
    assert len(_rows(path)) == 1
    csv = tmp_path / "invoices.csv"
    rows = [f"N{k:06d},C1,2026-01-{k % 28 + 1:02d},{k % 900 + 1}.50,{'2026-02-%02d' % (k % 27 + 1) if k % 5 else ''}"
            for k in range(ROWS)]
    csv.write_text("number,customer_code,issue_date,amount,settled_date\n" + "\n".join(rows) + "\n", encoding="utf-8")
    killed_then_done(path, csv, "UPDATE invoice", n, _rows)
    assert sum(r[4] for r in _rows(path)) == 1 + ROWS * 4 // 5


_DAY = st.one_of(st.integers(-719_162, -718_000), st.integers(-400_000, 30_000), st.integers(2_931_000, 2_932_700),
                 st.sampled_from([20_000, 20_010]))   # (two invoices of a month)
_AFTER = st.one_of(st.none(), st.sampled_from([-1, 0, 1]), st.integers(-3, 120))   # days after the issue day, or none


@given(rows=st.lists(st.tuples(st.integers(1, 3), _DAY, st.integers(0, 90), st.integers(1, 5), st.integers(0, 6),
                               _AFTER, _AFTER, st.booleans(), _AFTER), min_size=1, max_size=30))
@example(rows=[(1, 20_000, 0, 1, 1, 0, 0, False, None)] * 2)   # two invoices cleared on their due day: not late
def test_the_sums_in_python_equal_the_sql_ones(rows):
    """What a payments import's UPDATE returns (``returned_sql``), summed by ``sums``, equals what ``rebuild`` sums
    in SQL (``_recomputed``): any days (the first and last years included: the month's year zero-padded), paid
    below, at or over the amount, closed on the last payment's day or not, voided with a day or without, several
    invoices in one month."""
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, customer_id, issue_date, due_date, amount, paid, "
                "last_paid_on, closed_on, voided, voided_on)")
    # half the rows closed on their last payment's day (the case that counts), the others as drawn
    con.executemany("INSERT INTO invoice VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(c, issue, issue + due, amount, paid, *(None if x is None else issue + x for x in
                                                              (last, last if k % 2 else closed)), int(voided),
                      None if voided_on is None else issue + voided_on)
                     for k, (c, issue, due, amount, paid, last, closed, voided, voided_on) in enumerate(rows)])
    sql = {tuple(r[:4]): list(r[4:]) for r in con.execute(clearing_summary._recomputed())}
    python = clearing_summary.sums(con.execute(f"SELECT {clearing_summary.returned_sql('invoice')} FROM invoice"))
    assert {key: row[4:] for key, row in python.items()} == sql and all(list(key) == row[:4] for key, row in python.items())
