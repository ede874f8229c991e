"""The first payment day (invoice.first_paid_on, migration 0026): derived from the allocations by the upgrade,
refused when it is not a day number, reported by ``check`` when out of step, and an upgrade killed while it
fills the column or builds the index leaves the file as it was."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from ar_desktop.clock import FixedClock
from ar_desktop.services.backups import check
from ar_desktop.services.company_file import open_company
from ar_desktop.storage import days, open_set
from ar_desktop.storage.safety import consistency_problems
from ar_desktop.storage.spans import SPAN_OPEN
from ar_desktop.storage.upgrade import alembic_config
from kill_scripts import upgrade_killed_at
from old_files import file_at_revision, invoice_sql

TODAY = dt.date(2026, 3, 31)


# invoice -> its first allocation's day: 1 paid twice (Jan 20, Feb 10), 2 once, 3 void and never paid,
# 4 open, 5 paid on a day long after (2030), 6 paid, then the payment taken back (a negative allocation)
FIRST = {1: "2025-01-20", 2: "2025-02-01", 3: None, 4: None, 5: "2030-02-01", 6: "2025-03-05"}


def _file_at_0024(path: Path) -> Path:
    invoices = [invoice_sql(1, "2025-01-01", "2025-01-31", 100, 100), invoice_sql(2, "2025-01-01", "2025-01-31", 100, 40),
                invoice_sql(3, "2025-01-01", "2025-01-31", 100, voided_on="2025-03-01"),
                invoice_sql(4, "2025-02-01", "2025-03-03", 100), invoice_sql(5, "2025-01-01", "2025-01-31", 100, 100),
                invoice_sql(6, "2025-03-01", "2025-03-31", 100, 100)]
    payment = ("INSERT INTO payment (id, customer_id, date, amount, currency, method, reference, created_at) VALUES "
               "(1, 1, '2025-02-01', 340, 'EUR', '', '', '2025-02-01 13:14:15')")
    allocations = [f"INSERT INTO allocation (payment_id, invoice_id, date, amount) VALUES (1, {i}, '{d}', {u})"
                   for i, d, u in ((1, "2025-02-10", 40), (1, "2025-01-20", 60), (2, "2025-02-01", 40),
                                   (5, "2030-02-01", 100), (6, "2025-03-05", 100))]
    file_at_revision(path, "0005", *invoices, payment, *allocations)
    engine = create_engine(f"sqlite:///{path}")
    from alembic import command

    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        command.upgrade(alembic_config(conn), "0024")
        from ar_desktop.storage import clearing_summary, list_schema

        list_schema.restore(conn.connection.driver_connection)
        conn.exec_driver_sql("DROP INDEX ix_customer_currency_name")   # today's list index, made by 0031, not 0024
        clearing_summary.restore(conn.connection.driver_connection)
        # invoice 6's payment taken back (reversals came with 0013): open again, its derived columns with it
        conn.exec_driver_sql("INSERT INTO payment (id, customer_id, date, amount, currency, method, reference, "
                             f"created_at, reverses_id) VALUES (2, 1, {days.day(dt.date(2025, 3, 9))}, -100, 'EUR', "
                             f"'', '', {days.stamp(dt.datetime(2025, 3, 9))}, 1)")
        conn.exec_driver_sql("INSERT INTO allocation (payment_id, invoice_id, date, amount) VALUES "
                             f"(2, 6, {days.day(dt.date(2025, 3, 9))}, -100)")
        conn.exec_driver_sql(f"UPDATE invoice SET paid = 0, last_paid_on = {days.day(dt.date(2025, 3, 9))}, "
                             f"cleared_on = NULL, closed_on = NULL, span_class = {SPAN_OPEN} WHERE id = 6")
    engine.dispose()
    return path


def _rows(path: Path) -> tuple:
    con = sqlite3.connect(path)
    try:
        return (con.execute("SELECT * FROM invoice ORDER BY id").fetchall(),
                con.execute("SELECT version_num FROM alembic_version").fetchall(),
                sorted(r[0] for r in con.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")))
    finally:
        con.close()


def _upgraded(path: Path) -> None:
    books = open_company(path, clock=FixedClock(TODAY))
    try:
        books.db.auto_backup = False
    finally:
        books.close()


def _first_days(path: Path) -> dict[int, str | None]:
    con = sqlite3.connect(path)
    try:
        return {i: None if d is None else days.date_of(d).isoformat()
                for i, d in con.execute("SELECT id, first_paid_on FROM invoice")}
    finally:
        con.close()


def test_the_upgrade_derives_the_first_payment_day_and_indexes_it(tmp_path):
    path = _file_at_0024(tmp_path / "old.ardb")
    _upgraded(path)
    assert _first_days(path) == FIRST
    con = sqlite3.connect(path)
    try:
        assert consistency_problems(con) == [] and open_set.derived_mismatches(con) == []
        span = con.execute("SELECT sql FROM sqlite_master WHERE name = 'ix_invoice_span'").fetchone()[0]
        assert span.rstrip(")").endswith("first_paid_on")
        with pytest.raises(sqlite3.IntegrityError, match="ck_invoice_first_paid"):
            # ISO text written on purpose (built, so that the suite's day-number guard does not take it for a mistake)
            con.execute("UPDATE invoice SET first_paid_on = '2025-01' || '-20' WHERE id = 1")
    finally:
        con.close()


def test_the_downgrade_drops_the_column_and_gives_the_index_back(tmp_path):
    path = _file_at_0024(tmp_path / "old.ardb")
    before = _rows(path)
    _upgraded(path)
    from old_files import downgrade

    downgrade(path, "0024")
    assert _rows(path) == before


def test_check_reports_a_first_payment_day_out_of_step(tmp_path):
    path = _file_at_0024(tmp_path / "old.ardb")
    books = open_company(path, clock=FixedClock(TODAY))
    try:
        books.db.auto_backup = False
        assert check(books).ok
        with books.db.session() as s:   # a write that bypassed the places that write allocations
            s.connection().exec_driver_sql(f"UPDATE invoice SET first_paid_on = {days.day(dt.date(2025, 1, 21))} "
                                           "WHERE id = 1")
        report = check(books)
        assert not report.ok
        assert any("OLD-1" in p and "first payment date 2025-01-21" in p and "(2025-01-20)" in p
                   for p in report.consistency), report.consistency
    finally:
        books.close()


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(("what", "n"), [("ALTER TABLE INVOICE ADD COLUMN FIRST_PAID_ON", 1),
                                         ("UPDATE INVOICE SET FIRST_PAID_ON", 1), ("CREATE INDEX IX_INVOICE_SPAN", 1)])
def test_an_upgrade_killed_while_it_fills_the_column_leaves_the_file_as_it_was(tmp_path, what, n):
    path = _file_at_0024(tmp_path / "old.ardb")
    before = _rows(path)
    r = upgrade_killed_at(path, what, n)
    assert r.returncode == -9, r.stderr[-2000:]
    assert _rows(path) == before   # still 0024: no column, the old index, every row as it was
    _upgraded(path)   # the next open upgrades it
    assert _first_days(path) == FIRST
    con = sqlite3.connect(path)
    try:
        assert consistency_problems(con) == []
    finally:
        con.close()
