"""A first import into a new file, killed (SIGKILL) inside the steps the bulk writer keeps for the end of its
transaction: the rows' search entries (one INSERT ... SELECT) and the secondary indexes it built after the rows
(storage.bulk_repo), and inside the invoices' quick lane (storage.invoice_staging: a batch staged in a TEMP
table, its plain rows stored by INSERT ... SELECT). The next open finds the file as it was before the import: no
invoice, no payment, no audit entry, every index and search trigger there, no hold left on the search, ``check``
sound; importing again then stores everything and the search finds it."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from ar_desktop.services.backups import check_path
from ar_desktop.storage import list_schema
from ar_desktop.storage.search import SearchTerm
from derived_checks import killed_then_done, rows_of, small_file
from kill_scripts import import_killed_at

TODAY = dt.date(2026, 3, 31)
ROWS = 3_000   # two batches of the importer

LANE_BATCH = "import ar_desktop.services.import_payments as p; p.PaymentRows.cells_batch = 2_000\n"


def _company(path: Path) -> Path:
    small_file(path, invoice=False, today=TODAY).close()
    return path


def _csv(folder: Path) -> Path:
    """ROWS invoices, every fifth settled (a payment and its allocation each: the writer's other tables)."""
    path = folder / "invoices.csv"
    rows = [f"N{k:06d},C1,2026-01-{k % 28 + 1:02d},{k % 900 + 1}.50,Order {k},{'2026-02-01' if k % 5 == 0 else ''}"
            for k in range(ROWS)]
    path.write_text("number,customer_code,issue_date,amount,reference,settled_date\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    return path


def _state(path: Path) -> tuple[int, int, int, list[str], int]:
    con = sqlite3.connect(path)
    try:
        invoices = con.execute("SELECT count(*) FROM invoice").fetchone()[0]
        payments = con.execute("SELECT count(*) FROM payment").fetchone()[0]
        imports = con.execute("SELECT count(*) FROM audit_entry WHERE action = 'import'").fetchone()[0]
        held = con.execute(f"SELECT count(*) FROM {list_schema.HOLD}").fetchone()[0]
        return invoices, payments, imports, list_schema.problems(con), held
    finally:
        con.close()


def _indexes(path: Path) -> set[tuple[str, str]]:
    return set(rows_of(path, "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"))


def _file(path: Path) -> tuple:
    """What a killed import must leave as it was: the counts of ``_state`` and every index and trigger with its own
    definition."""
    return _state(path), _indexes(path)


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(("what", "n"), [("DROP INDEX", 3), ("INSERT INTO invoice_search", 1), ("CREATE INDEX", 1),
                                         ("CREATE INDEX", 4),
                                         # the quick lane: the second batch staged; its plain rows stored
                                         ("DELETE FROM temp.invoice_stage", 2),
                                         ("INSERT INTO invoice@FROM temp.invoice_stage", 2),
                                         # the insert triggers away while the writer works, and back at its end
                                         ("DROP TRIGGER", 4), ("CREATE TRIGGER", 3),
                                         # the two summaries caught up from the new invoices summed once
                                         ("CREATE TABLE temp.held_invoice_days", 1), ("INSERT INTO balance_day", 1)])
def test_a_first_import_killed_at_its_last_steps_leaves_the_file_as_before(tmp_path, what, n):
    path = _company(tmp_path / "kill.ardb")
    before = _indexes(path)
    assert _state(path) == (0, 0, 0, [], 0)
    killed_then_done(path, _csv(tmp_path), what, n, _file)
    assert _state(path) == (ROWS, ROWS // 5, 1, [], 0)
    assert _indexes(path) == before
    con = sqlite3.connect(path)
    try:   # the search finds an imported row by a substring of its reference
        term = SearchTerm.of("der 2999")
        found = con.execute("SELECT number FROM invoice WHERE id IN (SELECT rowid FROM invoice_search WHERE "
                            "invoice_search MATCH ?) AND reference LIKE ?", (term.trigrams(), term.like())).fetchall()
        assert found == [("N002999",)]
    finally:
        con.close()


def _plain_csv(folder: Path) -> Path:
    """ROWS plain invoices (no settlement): imported without SQLAlchemy (storage.plain_invoices)."""
    path = folder / "plain.csv"
    rows = [f"N{k:06d},C1,2026-01-{k % 28 + 1:02d},{k % 900 + 1}.50,Order {k}" for k in range(ROWS)]
    path.write_text("number,customer_code,issue_date,amount,reference\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(("what", "n"), [("DROP TRIGGER", 2), ("INSERT INTO invoice@FROM temp.invoice_stage", 2),
                                         ("INSERT INTO invoice_search", 1), ("CREATE INDEX", 2),
                                         ("INSERT INTO sales_day", 1),
                                         # its audit entry, the last statement before the commit
                                         ("INSERT INTO audit_entry", 1)])
def test_a_plain_import_killed_on_its_plain_connection_leaves_the_file_as_before(tmp_path, what, n):
    """A file of plain invoices goes in on a plain sqlite3 connection, its audit entry written by the writer just
    before the commit: killed at any of its steps, the file is as before; importing again stores every row."""
    path = _company(tmp_path / "plain.ardb")
    before = _indexes(path)
    killed_then_done(path, _plain_csv(tmp_path), what, n, _file)
    assert _state(path) == (ROWS, 0, 1, [], 0)
    assert _indexes(path) == before


def _payments_csv(folder: Path, invoices: int) -> Path:
    """A payment on each unsettled invoice of ``_csv``'s file (every fifth is settled), named by its number."""
    path = folder / "payments.csv"
    rows = [f"2026-03-{k % 28 + 1:02d},C1,{k % 900 + 1}.50,N{k:06d},Bank {k}" for k in range(invoices) if k % 5]
    path.write_text("date,customer_code,amount,invoice_number,reference\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(("what", "n"), [("DROP INDEX@IX_INVOICE", 2), ("UPDATE invoice", 2),
                                         ("CREATE INDEX@ON INVOICE", 3)])
def test_payments_paying_much_of_the_file_killed_while_its_indexes_are_rebuilt(tmp_path, what, n):
    """Payments on more than a tenth of the invoices: the invoice indexes that follow the paid totals are
    dropped inside the import's transaction and built again at its end (storage.bulk_repo). Killed at a
    DROP INDEX, at a batch's UPDATE of paid totals, or at a CREATE INDEX, the file is as before: every
    index with its own definition, no payment, ``check`` sound; importing again pays every invoice."""
    path = _company(tmp_path / "kill.ardb")
    csv = _csv(tmp_path)
    done = import_killed_at(path, csv, "-", 0)
    assert done.returncode == 0, done.stderr[-2000:]
    before = _indexes(path)
    # the lane's batches as the importer's others (2,000 rows): the kill lands in the second
    killed_then_done(path, _payments_csv(tmp_path, ROWS), what, n, _file, "payments", prelude=LANE_BATCH)
    assert _indexes(path) == before
    assert rows_of(path, "SELECT count(*) FROM invoice WHERE paid < amount") == [(0,)]


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(("what", "n", "spread"), [# the second batch's payments (2,000 a batch): its first
                                                   # row through SQLAlchemy, then the others; its allocations
                                                   ("INSERT INTO payment", 2_001, False),
                                                   ("INSERT INTO payment", 2_500, False),
                                                   ("INSERT INTO allocation", 2_600, False),
                                                   ("INSERT INTO payment", 2_500, True),
                                                   ("INSERT INTO allocation", 2_600, True),
                                                   # the customers' open invoices read (once: the
                                                   # first batch)
                                                   ("SELECT i.customer_id@TEMP.PAYMENT_LOAD", 1, True),
                                                   # the summary of balances' sums put in batch by batch, the
                                                   # allocations summed so noted, left out at the end
                                                   ("INSERT INTO balance_day@VALUES", 1, False),
                                                   ("INSERT INTO temp.balance_day_counted", 2, True),
                                                   ("DROP TABLE temp.balance_day_counted", 1, True),
                                                   ("UPDATE invoice", 2, True),
                                                   # the summary of clearings held: its triggers dropped, the
                                                   # contributions the first batch's UPDATE returned put in (the
                                                   # lane pays open invoices: none to take out), the triggers back
                                                   ("DROP TRIGGER@CLEARING_MONTH", 2, True),
                                                   ("INSERT INTO clearing_month", 2, True),
                                                   ("INSERT INTO clearing_month", 2, False),
                                                   ("CREATE TRIGGER@CLEARING_MONTH", 2, True),
                                                   # the runs of late payments' update triggers likewise: dropped,
                                                   # the second batch's customers noted, the triggers back
                                                   ("DROP TRIGGER@LATE_RUN", 3, True),
                                                   ("INSERT OR IGNORE INTO late_run_pending", 2, False),
                                                   # late_run caught up from the periods the UPDATE returned
                                                   # (s12 review): the noted customers' runs replaced
                                                   ("DELETE FROM late_run WHERE customer_id IN", 1, False),
                                                   ("INSERT INTO late_run (customer_id", 1, True),
                                                   ("CREATE TRIGGER@LATE_RUN", 4, True),
                                                   # the allocations' insert trigger of the summary of balances
                                                   # (held): dropped with the first allocation, back at the end
                                                   ("DROP TRIGGER@BALANCE_DAY_PAID_INSERT", 1, False),
                                                   ("CREATE TRIGGER@BALANCE_DAY_PAID_INSERT", 1, True),
                                                   # ix_invoice_owed deferred: dropped, and built again
                                                   ("DROP INDEX@IX_INVOICE_OWED", 1, True),
                                                   ("CREATE INDEX@IX_INVOICE_OWED", 1, False),
                                                   # the payments' and allocations' look-ups deferred (a file with
                                                   # no payment yet): dropped, the books' payments read for the
                                                   # lane's duplicate check (their hashes), built again at the end
                                                   ("DROP INDEX@IX_ALLOCATION_AGING", 1, False),
                                                   ("SELECT customer_id, date, reference", 1, True),
                                                   ("CREATE INDEX@IX_PAYMENT_CUSTOMER_DATE", 1, True),
                                                   ("CREATE INDEX@IX_ALLOCATION_AGING", 1, False)])
def test_payments_applied_in_sql_killed_leave_the_file_as_before(tmp_path, what, n, spread):
    """The payments' quick lane (storage.payment_staging: a batch staged, its plain rows' payments and
    allocations written by executemany, rows naming their invoice or, ``spread``, none: spread oldest
    due first), killed in its second batch: the file is as before the import, ``check`` sound; importing
    again pays every invoice."""
    path = tmp_path / "lane.ardb"
    small_file(path, invoice=False, today=TODAY, customers=40).close()
    invoices, payments = tmp_path / "invoices.csv", tmp_path / "payments.csv"
    invoices.write_text("number,customer_code,issue_date,amount\n" + "\n".join(
        f"N{k:06d},C{k % 40 + 1},2026-01-{k % 28 + 1:02d},{k % 900 + 1}.50" for k in range(ROWS)) + "\n",
        encoding="utf-8")
    # each customer pays on a day of its own: every row is plain
    payments.write_text("date,customer_code,amount,invoice_number,reference\n" + "\n".join(
        f"{dt.date(2026, 2, 1) + dt.timedelta(days=k // 40)},C{k % 40 + 1},{k % 900 + 1}.50,"
        f"{'' if spread else f'N{k:06d}'},Bank {k}"
        for k in range(ROWS)) + "\n", encoding="utf-8")
    done = import_killed_at(path, invoices, "-", 0)
    assert done.returncode == 0, done.stderr[-2000:]
    before = _indexes(path)
    # the lane's batches as the importer's others (2,000 rows): the kill lands in the second
    killed_then_done(path, payments, what, n, _file, "payments", prelude=LANE_BATCH)
    assert _indexes(path) == before
    assert rows_of(path, "SELECT (SELECT count(*) FROM invoice WHERE paid < amount), (SELECT count(*) FROM payment)"
                   ) == [(0, ROWS)]


def _search_settings(path: Path) -> list[tuple]:
    return sorted(rows_of(path, "SELECT 'invoice', k, v FROM invoice_search_config UNION ALL "
                                "SELECT 'customer', k, v FROM customer_search_config"))


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(("what", "n"), [("INSERT INTO invoice_search@HASHSIZE", 1),
                                         ("INSERT INTO invoice_search@HASHSIZE", 2),
                                         ("DELETE FROM invoice_search_config", 1)])
def test_a_big_search_fill_killed_while_fts5_holds_more_terms_leaves_the_file_as_before(tmp_path, what, n):
    """Many rows enter the search with FTS5's pending terms raised (storage.bulk_holds._pending_terms, here from
    100 rows on) and its setting put back in the same transaction: killed when it is raised, put back or its row
    removed, the file is as before, with FTS5's default settings; importing again leaves them so."""
    prelude = "import ar_desktop.storage.bulk_holds as bulk\nbulk._MANY_TERMS = 100\n"
    path = _company(tmp_path / "terms.ardb")
    settings = _search_settings(path)
    assert _state(path) == (0, 0, 0, [], 0)
    killed_then_done(path, _csv(tmp_path), what, n, lambda p: (_file(p), _search_settings(p)), prelude=prelude)
    assert _state(path) == (ROWS, ROWS // 5, 1, [], 0) and _search_settings(path) == settings


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(("what", "n"), [("DROP INDEX@IX_INVOICE_ISSUE", 1),
                                         ("INSERT INTO invoice@FROM temp.invoice_stage", 2),
                                         ("CREATE INDEX@IX_INVOICE_DUE", 1)])
def test_invoices_adding_much_to_a_file_rebuild_its_indexes_and_killed_leave_it_as_before(tmp_path, what, n):
    """A file of 1,000 invoices importing 3,000 (at least half as many as it holds: storage.bulk_holds' GROWTH):
    the invoice indexes are dropped in the import's transaction and built again at its end, as for a first import.
    Killed at the DROP or CREATE of an index that does not follow the paid totals (those are rebuilt for the
    settlements' payments anyway), or at the second batch's rows, the file is as before, ``check`` sound; importing
    again stores every row. A file of 10 rows into the 4,000 then leaves the indexes alone, and so does the 3,000
    again with ``--mode skip`` (every row in the books: none stored)."""
    path = _company(tmp_path / "grow.ardb")
    first = tmp_path / "first.csv"
    first.write_text("number,customer_code,issue_date,amount\n" + "\n".join(
        f"F{k:06d},C1,2026-01-{k % 28 + 1:02d},{k % 900 + 1}.25" for k in range(1_000)) + "\n", encoding="utf-8")
    done = import_killed_at(path, first, "-", 0)
    assert done.returncode == 0, done.stderr[-2000:]
    before = _indexes(path)
    assert _state(path) == (1_000, 0, 1, [], 0)
    csv = _csv(tmp_path)
    killed_then_done(path, csv, what, n, _file)
    assert _indexes(path) == before
    assert _state(path) == (1_000 + ROWS, ROWS // 5, 2, [], 0)

    few = tmp_path / "few.csv"
    few.write_text("number,customer_code,issue_date,amount\n" + "\n".join(
        f"G{k:06d},C1,2026-03-{k + 1:02d},{k + 1}.75" for k in range(10)) + "\n", encoding="utf-8")
    kept = import_killed_at(path, few, "DROP INDEX", 1)
    assert kept.returncode == 0, kept.stderr[-2000:]   # no index dropped: ten rows go into them
    assert check_path(path).ok and _indexes(path) == before
    assert _state(path)[0] == 1_010 + ROWS
    # the 3,000 again, skipped (all in the books): no row stored, no index dropped and built again for nothing
    skip = ("import ar_desktop.services.importing as imp\nfixed = imp.fixed_options\n"
            "imp.fixed_options = lambda kind, table, **o: fixed(kind, table, **{**o, 'mode': 'skip'})\n")
    skipped = import_killed_at(path, csv, "DROP INDEX", 1, prelude=skip)
    assert skipped.returncode == 0, skipped.stderr[-2000:]
    assert f"{ROWS} already there and skipped" in skipped.stdout
    assert _state(path)[0] == 1_010 + ROWS and _indexes(path) == before
