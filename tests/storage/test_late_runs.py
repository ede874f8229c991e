"""The runs of late payments (storage.late_runs) equal a recomputation from the invoices: after random changes
of invoice rows straight in SQL (any order of inserts, updates of the columns a period depends on, deletes,
with the triggers held by a bulk writer or not) and after random histories written through the program's
own write paths (those of test_open_set). What the worklist reads of them is proven in test_open_set and
test_collections_repo. A process killed while it writes leaves the runs and the allocations in step."""

from __future__ import annotations

import array
import datetime as dt
import os
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ar_desktop.services import invoicing
from ar_desktop.services.backups import check_path
from ar_desktop.storage import late_runs
from ar_desktop.storage.bulk_repo import BulkWriter
from ar_desktop.storage.orm import Invoice, Payment
from ar_desktop.storage.orm_audit import BulkSource
from ar_desktop.storage.days import FIRST, LAST
from derived_checks import killed_then_done, out_of_step_reported, restored_and_sound, rows_of, small_file
from kill_scripts import import_killed_at
from test_open_set import SETTINGS, _ledger, invoice_st, op_st, template  # noqa: F401  (a fixture)

_ = template


def _table() -> sqlite3.Connection:
    """The columns of ``invoice`` the runs depend on, the indexes they are read through (by customer; the voided
    paid-late ones), and the runs' tables and triggers."""
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, issue_date INTEGER, "
                "due_date INTEGER NOT NULL, cleared_on INTEGER, voided INTEGER NOT NULL DEFAULT 0, voided_on INTEGER)")
    con.execute("CREATE INDEX ix_invoice_aging ON invoice (customer_id, issue_date, due_date)")
    con.execute(f"CREATE INDEX ix_invoice_voided_late ON invoice (customer_id, cleared_on) "
                f"WHERE {late_runs.VOIDED_LATE_SQL}")
    con.execute("CREATE TABLE customer (id INTEGER PRIMARY KEY, code TEXT)")
    con.executemany("INSERT INTO customer VALUES (?, ?)", [(1, "A"), (2, "B")])
    for sql in late_runs.statements().values():
        con.execute(sql)
    return con


def _runs_of_every_invoice(con: sqlite3.Connection) -> list[tuple[int, int, int]]:
    """The plain recomputation in Python: every regular paid-late period, merged when they touch."""
    periods: dict[int, list[tuple[int, int]]] = {}
    for cid, due, cleared in con.execute("SELECT customer_id, due_date, cleared_on FROM invoice "
                                         "WHERE cleared_on IS NOT NULL AND NOT voided"):
        if cleared - 1 >= due + 1:
            periods.setdefault(cid, []).append((due + 1, cleared - 1))
    out = []
    for cid, spans in sorted(periods.items()):
        runs: list[list[int]] = []
        for first, last in sorted(spans):
            if runs and first <= runs[-1][1] + 1:
                runs[-1][1] = max(runs[-1][1], last)
            else:
                runs.append([first, last])
        out += [(cid, a, b) for a, b in runs]
    return out


day_st = st.integers(0, 120)
row_op = st.one_of(
    st.tuples(st.just("insert"), st.integers(1, 2), day_st, st.one_of(st.none(), st.integers(0, 60)), st.booleans()),
    st.tuples(st.just("clear"), st.integers(0, 30), st.one_of(st.none(), st.integers(0, 60))),
    st.tuples(st.just("due"), st.integers(0, 30), day_st),
    st.tuples(st.just("void"), st.integers(0, 30), st.booleans()),
    st.tuples(st.just("customer"), st.integers(0, 30), st.integers(1, 2)),
    st.tuples(st.just("delete"), st.integers(0, 30)),
    st.tuples(st.just("hold"),),
    st.tuples(st.just("catch_up"),),
)


@SETTINGS
@given(ops=st.lists(row_op, max_size=60))
def test_the_triggers_keep_the_runs_equal_to_a_recomputation(ops):
    con = _table()
    held = False
    for op in ops:
        ids = [i for (i,) in con.execute("SELECT id FROM invoice ORDER BY id")]
        pick = ids[op[1] % len(ids)] if ids and op[0] not in ("insert", "hold", "catch_up") else None
        if op[0] == "insert":
            _kind, cid, due, late, voided = op
            con.execute("INSERT INTO invoice (customer_id, issue_date, due_date, cleared_on, voided) VALUES (?, ?, ?, ?, ?)",
                        (cid, due, due, None if late is None else due + late, voided))
        elif op[0] == "hold" and not held:
            late_runs.hold(con)
            held = True
        elif op[0] == "catch_up" and held:
            late_runs.catch_up(con)
            held = False
        elif pick is not None:
            if op[0] == "delete":
                con.execute("DELETE FROM invoice WHERE id = ?", (pick,))
            else:
                column, value = {"clear": ("cleared_on", None if op[2] is None else op[2] + 30),
                                 "due": ("due_date", op[2]), "void": ("voided", op[2]),
                                 "customer": ("customer_id", op[2])}[op[0]]
                con.execute(f"UPDATE invoice SET {column} = ? WHERE id = ?", (value, pick))
        if not held:
            assert con.execute(f"SELECT * FROM {late_runs.TABLE} ORDER BY 1, 2").fetchall() \
                == _runs_of_every_invoice(con), op
            assert late_runs.problems(con) == []
            assert con.execute(f"SELECT count(*) FROM {late_runs.HULL}").fetchone() == (0,)
    if held:
        late_runs.catch_up(con)
    assert con.execute(f"SELECT * FROM {late_runs.TABLE} ORDER BY 1, 2").fetchall() == _runs_of_every_invoice(con)
    assert con.execute(f"SELECT count(*) FROM {late_runs.PENDING}").fetchone() == (0,)


@SETTINGS
@given(invoices=st.lists(st.tuples(st.integers(1, 2), day_st, st.one_of(st.none(), st.integers(0, 60)), st.booleans()),
                         min_size=1, max_size=30),
       later=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=30))
def test_a_catch_up_from_the_periods_a_payments_import_added_equals_a_recomputation(invoices, later):
    """A payments import's catch-up (``catch_up``'s ``added``): invoices cleared for the first time or later than
    before, each change's period (``added_period``) noted, and the runs the customers had merged with them equal
    the runs of every invoice (those not changed too, voided ones, an invoice changed twice)."""
    con = _table()
    con.executemany("INSERT INTO invoice (customer_id, issue_date, due_date, cleared_on, voided) VALUES (?, ?, ?, ?, ?)",
                    [(c, due, due, None if late is None else due + late, v) for c, due, late, v in invoices])
    late_runs.hold(con)
    held = late_runs.hold_updates(con)
    added, noted = array.array("q"), set()
    ids = [i for (i,) in con.execute("SELECT id FROM invoice ORDER BY id")]
    for pick, more in later:   # paid for the first time, or a payment later than the last (a period grows)
        iid = ids[pick % len(ids)]
        c, due, cleared, voided = con.execute("SELECT customer_id, due_date, cleared_on, voided FROM invoice "
                                              "WHERE id = ?", (iid,)).fetchone()
        cleared = due + more if cleared is None else cleared + more
        con.execute("UPDATE invoice SET cleared_on = ? WHERE id = ?", (cleared, iid))
        noted.add(c)
        period = late_runs.added_period(c, due, cleared, voided)
        if period is not None:
            added.append(period)
    late_runs.note_customers(con, noted)
    late_runs.release_updates(con, held)
    late_runs.catch_up(con, added)
    assert con.execute(f"SELECT * FROM {late_runs.TABLE} ORDER BY 1, 2").fetchall() == _runs_of_every_invoice(con)
    assert late_runs.problems(con) == []


def test_a_period_packed_keeps_the_order_of_customer_first_and_last_at_the_ends_of_the_days():
    periods = [(1, FIRST, FIRST + 2), (1, FIRST, LAST), (1, LAST - 2, LAST), (2, FIRST, FIRST + 2), (70_000, 5, 9)]
    packed = [late_runs.added_period(c, first - 1, last + 1, False) for c, first, last in periods]
    assert sorted(packed) == packed and list(late_runs._unpacked(packed)) == periods
    assert late_runs.added_period(1, 10, 11, False) is None and late_runs.added_period(1, 10, 12, True) is None
    with pytest.raises(OverflowError):
        late_runs.added_period(1 << 19, 10, 20, False)


@pytest.mark.parametrize("others", [0, 40])
def test_a_catch_up_merges_periods_that_touch_overlap_or_lie_inside_and_keeps_a_gap_of_a_day(others):
    """``catch_up`` merges the sorted periods in one pass: a period starting the day after a run ends joins it, as
    does one inside it or overlapping it; a day between them keeps two runs. With ``others``, the customers noted
    hold under a sixth of the invoices: read by customer, not in one pass over the table."""
    con = _table()
    con.executemany("INSERT INTO invoice (customer_id, issue_date, due_date, cleared_on) VALUES (2, 0, ?, ?)",
                    [(d, d + 5) for d in range(0, 8 * others, 8)])   # B's, not noted: runs of their own
    late_runs.hold(con)
    # periods (due + 1, cleared - 1) of A: [10, 19] [20, 29] touch; [25, 27] inside; [28, 40] overlaps; [42, 50]
    # after a day's gap; [60, 61] and [62, 62] touch; an invoice paid on time adds none
    periods = [(9, 20), (19, 30), (24, 28), (27, 41), (41, 51), (59, 62), (61, 63), (70, 71)]
    con.executemany("INSERT INTO invoice (customer_id, issue_date, due_date, cleared_on) VALUES (1, 0, ?, ?)",
                    list(reversed(periods)))
    late_runs.catch_up(con)
    runs = con.execute(f"SELECT * FROM {late_runs.TABLE} WHERE customer_id = 1 ORDER BY 2").fetchall()
    assert runs == [(1, 10, 40), (1, 42, 50), (1, 60, 62)]
    assert con.execute(f"SELECT * FROM {late_runs.TABLE} ORDER BY 1, 2").fetchall() == _runs_of_every_invoice(con)


def test_one_update_of_many_rows_and_a_run_split_in_two():
    con = _table()
    # three invoices overdue 11..19, 16..29 and 31..39: two runs (day 30 was no overdue day)
    con.executemany("INSERT INTO invoice (customer_id, issue_date, due_date, cleared_on) VALUES (1, ?, ?, ?)",
                    [(10, 10, 20), (15, 15, 30), (30, 30, 40)])
    assert con.execute(f"SELECT * FROM {late_runs.TABLE}").fetchall() == [(1, 11, 29), (1, 31, 39)]
    con.execute("UPDATE invoice SET cleared_on = cleared_on + 2")   # 11..21, 16..31, 31..41: one run
    assert con.execute(f"SELECT * FROM {late_runs.TABLE}").fetchall() == [(1, 11, 41)]
    con.execute("UPDATE invoice SET cleared_on = NULL WHERE due_date = 15")   # the bridge reopened
    assert con.execute(f"SELECT * FROM {late_runs.TABLE}").fetchall() == [(1, 11, 21), (1, 31, 41)]


def test_check_names_a_dropped_table_and_a_customer_left_pending_and_restore_rebuilds_only_what_it_made():
    con = _table()
    con.executemany("INSERT INTO invoice (customer_id, issue_date, due_date, cleared_on) VALUES (?, ?, ?, ?)",
                    [(1, 10, 10, 20), (2, 10, 10, 30)])
    con.execute(f"UPDATE {late_runs.TABLE} SET last = 25 WHERE customer_id = 2")   # around the triggers
    con.execute(f"INSERT INTO {late_runs.PENDING} VALUES (1)")                     # a catch-up that never ran
    assert [p.params["code"] for p in late_runs.problems(con)] == ["A", "B"]
    assert late_runs.restore(con) == []             # nothing missing: nothing made, nothing recomputed
    assert len(late_runs.problems(con)) == 2
    con.execute(f"DELETE FROM {late_runs.PENDING}")
    con.execute(f"DROP TABLE {late_runs.TABLE}")
    assert [p.params for p in late_runs.problems(con)] == [{"name": late_runs.TABLE}]   # named, not read
    assert late_runs.restore(con) == [late_runs.TABLE]
    assert con.execute(f"SELECT * FROM {late_runs.TABLE} ORDER BY 1").fetchall() == [(1, 11, 19), (2, 11, 29)]
    assert late_runs.problems(con) == []


@SETTINGS
@given(invoices=st.lists(invoice_st, min_size=1, max_size=8), ops=st.lists(op_st, max_size=25))
def test_the_programs_writes_keep_the_runs_equal_to_a_recomputation(template, tmp_path_factory, invoices, ops):
    with _ledger(template, tmp_path_factory, invoices, ops) as (_books, path):
        con = sqlite3.connect(path)
        try:
            assert late_runs.problems(con) == []
            assert con.execute(f"SELECT * FROM {late_runs.TABLE} ORDER BY 1, 2").fetchall() \
                == _runs_of_every_invoice(con)
        finally:
            con.close()


def _books(path):
    return small_file(path, paid_on="2026-03-03", today=dt.date(2026, 6, 30))


def _rows(path) -> list[tuple]:
    return rows_of(path, f"SELECT * FROM {late_runs.TABLE} ORDER BY 1, 2")


def test_check_reports_runs_out_of_step_and_an_upgrade_restores_a_dropped_trigger(tmp_path):
    path = tmp_path / "books.ardb"
    books = _books(path)
    try:
        assert len(_rows(path)) == 1
        out_of_step_reported(books, f"UPDATE {late_runs.TABLE} SET last = last + 1", "runs of late payments", "C1")
        restored_and_sound(books, late_runs, f"{late_runs.TABLE}_update_new")
    finally:
        books.db.auto_backup = False
        books.close()


ROWS = 3_000   # two batches of the importer


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("statement, n", [("UPDATE invoice", 2), ("UPDATE invoice", 3), ("INSERT INTO late_run ", 1)])
def test_an_import_killed_while_it_writes_leaves_runs_and_allocations_in_step(tmp_path, statement, n):
    """Invoices settled late in the file: the bulk writer holds the triggers (they note the customer) and
    recomputes its runs before it commits. Killed before the n-th UPDATE of paid totals, or before that
    recomputation, the file is as before; run to the end, the runs equal their recomputation."""
    path = tmp_path / "kill.ardb"
    _books(path).close()
    before = _rows(path)
    csv = tmp_path / "invoices.csv"
    rows = [f"N{k:06d},C1,2026-01-{k % 28 + 1:02d},{k % 900 + 1}.50,{'2026-%02d-%02d' % (k % 4 + 2, k % 27 + 1) if k % 5 else ''}"
            for k in range(ROWS)]
    csv.write_text("number,customer_code,issue_date,amount,settled_date\n" + "\n".join(rows) + "\n", encoding="utf-8")
    killed_then_done(path, csv, statement, n, _rows)
    assert _rows(path) != before
    con = sqlite3.connect(path)
    try:
        assert late_runs.problems(con) == [] and _rows(path) == _runs_of_every_invoice(con)
    finally:
        con.close()


def test_a_payments_import_holding_the_update_triggers_leaves_the_runs_equal_to_a_recomputation(tmp_path):
    """A payments import drops the update triggers and notes each batch's customers itself (late_runs.hold_updates,
    note_customers): invoices paid late and on time by a file read in batches of 2,000 rows, half naming their
    invoice and half spread oldest due first, leave the runs equal to their recomputation."""
    path = tmp_path / "pay.ardb"
    small_file(path, paid_on="2026-03-03", today=dt.date(2026, 6, 30), customers=5).close()
    invoices, paying = tmp_path / "invoices.csv", tmp_path / "payments.csv"
    invoices.write_text("number,customer_code,issue_date,due_date,amount\n" + "\n".join(
        f"N{k:06d},C{k % 4 + 2},2026-01-{k % 28 + 1:02d},2026-02-{k % 28 + 1:02d},{k % 900 + 1}.50"
        for k in range(ROWS)) + "\n", encoding="utf-8")
    # C2 and C4 name their invoices, C3 and C5 leave them to be spread; paid from on time to three months late
    paying.write_text("date,customer_code,amount,invoice_number,reference\n" + "\n".join(
        f"{dt.date(2026, 2, k % 28 + 1) + dt.timedelta(days=k % 90)},C{k % 4 + 2},{k % 900 + 1}.50,"
        f"{f'N{k:06d}' if k % 2 == 0 else ''},Bank {k}" for k in range(ROWS)) + "\n", encoding="utf-8")
    assert import_killed_at(path, invoices, "-", 0).returncode == 0
    before = _rows(path)
    done = import_killed_at(path, paying, "-", 0, "payments",
                            prelude="import ar_desktop.services.import_payments as p; p.PaymentRows.cells_batch = 2_000\n")
    assert done.returncode == 0, done.stderr[-2000:]
    assert check_path(path).ok
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT count(*) FROM payment").fetchone()[0] == ROWS + 1
        assert late_runs.problems(con) == [] and _rows(path) == _runs_of_every_invoice(con) != before
    finally:
        con.close()


@pytest.mark.parametrize("reversed_", [False, True])
def test_a_payments_writer_catches_the_runs_up_from_its_updates_or_by_the_pass_after_a_reversal(tmp_path, reversed_,
                                                                                            monkeypatch):
    """The bulk writer of a payments import (``paying``) catches the runs up from the periods its UPDATEs returned,
    merged with the runs the customers had: C1's late P1 joined by Q0's, Q1 paid late after that run; a batch with a
    negative allocation (Q1's payment moved to Q3, paid on time: Q1's period goes) has them recomputed from the
    invoices instead. Both equal the recomputation."""
    path = tmp_path / "pay.ardb"
    books = small_file(path, paid_on="2026-03-03", today=dt.date(2026, 6, 30), customers=2)   # P1 late: a run
    try:
        for k, (code, issue) in enumerate([("C1", "2026-01-05"), ("C1", "2026-03-15"), ("C2", "2026-01-10"),
                                                  ("C1", "2026-06-01")]):
            invoicing.add_invoice(books, {"number": f"Q{k}", "customer_code": code, "issue_date": issue,
                                          "amount": "10.00"})
        before = _rows(path)
        with books.db.session() as s:
            ids = {n: (i, c) for n, i, c in s.query(Invoice.number, Invoice.id, Invoice.customer_id)}
            writer = BulkWriter(s, BulkSource("payments.csv", "0" * 64), paying=1_000)
            pid = s.query(Payment.id).order_by(Payment.id.desc()).first()[0]
            batches = [[("Q0", "2026-04-20", 400), ("Q2", "2026-02-01", 1000)], [("Q0", "2026-05-02", 600)],
                       [("Q1", "2026-06-20", 1000)]]
            for batch in batches:   # a payment per customer
                pays, parts = [], []
                for code in sorted({ids[n][1] for n, _d, _u in batch}):
                    pid += 1
                    mine = [(n, dt.date.fromisoformat(d), u) for n, d, u in batch if ids[n][1] == code]
                    pays.append(dict(id=pid, customer_id=code, date=mine[0][1], amount=max(sum(u for *_x, u in mine), 1),
                                     currency="EUR", method="transfer", reference=f"bulk {pid}"))
                    parts += [dict(payment_id=pid, invoice_id=ids[n][0], date=d, amount=u) for n, d, u in mine]
                writer.payments(pays, parts)
            if reversed_:   # a change of split: the last payment taken back from Q1 and applied to Q3 (Q1's period goes)
                when = dt.date(2026, 6, 21)
                writer.payments([], [dict(payment_id=pid, invoice_id=ids["Q1"][0], date=when, amount=-1000),
                                     dict(payment_id=pid, invoice_id=ids["Q3"][0], date=when, amount=1000)])
            assert (writer._late_added is None) == reversed_
            from_updates: list[bool] = []   # whether the catch-up was given the periods (s12 review: it must be)
            catch_up = late_runs.catch_up
            monkeypatch.setattr(late_runs, "catch_up", lambda con, added=None: (
                from_updates.append(added is not None), catch_up(con, added))[1])
            s.commit()
            monkeypatch.undo()
            assert from_updates == [not reversed_]
        report = check_path(path)
        assert report.ok, [p for ps in report.sections.values() for p in ps]
        con = sqlite3.connect(path)
        try:
            assert late_runs.problems(con) == [] and _rows(path) == _runs_of_every_invoice(con) != before
        finally:
            con.close()
    finally:
        books.db.auto_backup = False
        books.close()
