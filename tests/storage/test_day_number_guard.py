"""The suite's guard against SQL that compares a day-number column with ISO text (tests/day_number_guard.py),
and the raw SQL it found doing so: the worklist benchmark's SQLite floor."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from ar_desktop.services import customers, invoicing, payments
from day_number_guard import Guard, offences

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.mark.parametrize("sql", [
    "SELECT id FROM invoice WHERE due_date < '2026-11-30'",
    "SELECT id FROM invoice i WHERE i.issue_date <= '2026-11-30' AND (i.closed_on IS NULL OR i.closed_on > 20000)",
    "SELECT 1 FROM invoice i JOIN payment p ON p.customer_id = i.customer_id WHERE p.date >= '2026-01-01'",
    "SELECT 1 FROM invoice a, allocation b WHERE b.date = '2026-01-01'",
    "SELECT sum(amount) FROM payment WHERE date BETWEEN 20000 AND '2026-02-01'",
    "SELECT count(*) FROM invoice WHERE '2026-01-01' > invoice.cleared_on",
    "SELECT 1 FROM clearing_month WHERE until > '2026-01-01'",
    "SELECT 1 FROM payment WHERE created_at >= '2026-01-01 00:00:00'",
    "SELECT julianday(i.due_date) - julianday('2026-01-01') FROM invoice i",
    "SELECT 1 FROM (SELECT voided_on FROM invoice) WHERE voided_on IN ('2026-01-01')",
])
def test_a_day_number_compared_with_iso_text_is_found(sql):
    assert offences(sql)


@pytest.mark.parametrize("sql", [
    "SELECT id FROM invoice WHERE due_date < 20787",
    "SELECT 1 FROM collection_event WHERE date <= '2026-11-30'",          # ISO text on both sides
    "SELECT 1 FROM collection_event e JOIN invoice i ON i.id = e.invoice_id WHERE e.date <= '2026-11-30'",
    "SELECT 1 FROM hold WHERE until >= '2026-01-01'",                     # hold.until is ISO text
    "SELECT 1 FROM promise p JOIN payment pay ON pay.customer_id = p.customer_id "
    "WHERE pay.date >= CAST(julianday(p.made_on) - 2440587.5 AS INTEGER) AND p.made_on <= '2026-01-01'",
    "SELECT date((i.due_date) * 86400, 'unixepoch') FROM invoice i",     # days.iso_sql
    "INSERT INTO invoice_search (rowid, text) VALUES (1, '2026-01-01 order')",
    "SELECT s.n FROM temp.stage s JOIN main.invoice i ON i.number = s.number "   # the import's staged ISO cells
    "WHERE s.\"issue_date\" BETWEEN '0001-01-01' AND '2026-11-30' AND i.issue_date <= 20000",
])
def test_iso_text_where_it_belongs_is_left_alone(sql):
    assert offences(sql) == []


def test_the_guard_reads_the_statements_of_the_programs_connections(books, monkeypatch):
    """Installed, it sees what the program's own engine runs, with the parameters filled in."""
    guard = Guard()
    monkeypatch.setattr(sqlite3, "connect", sqlite3.connect)   # restored after the test
    monkeypatch.setattr(sqlite3.dbapi2, "connect", sqlite3.dbapi2.connect)
    monkeypatch.setattr(command, "upgrade", command.upgrade)
    monkeypatch.setattr(command, "downgrade", command.downgrade)
    guard.install()
    books.db.engine.dispose()   # the next session connects again, through the guard
    with books.db.session() as s:
        s.execute(text("SELECT count(*) FROM invoice WHERE due_date <= :d"), {"d": dt.date(2026, 3, 31)})
        s.execute(text("SELECT count(*) FROM collection_event WHERE date <= :d"), {"d": dt.date(2026, 3, 31)})
    assert [found for _sql, found in guard.seen] == [["due_date <= '2026-03-31'"]]
    assert "due_date <= '2026-03-31'" in guard.report()


def test_a_file_from_before_the_day_numbers_may_compare_iso_text(tmp_path, monkeypatch):
    """An older file (a backup read before its upgrade) holds ISO text: its SQL rightly compares text."""
    from old_files import file_at_revision

    guard = Guard()
    monkeypatch.setattr(sqlite3, "connect", sqlite3.connect)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", sqlite3.dbapi2.connect)
    monkeypatch.setattr(command, "upgrade", command.upgrade)
    monkeypatch.setattr(command, "downgrade", command.downgrade)
    guard.install()
    old = file_at_revision(tmp_path / "old.ardb", "0020")
    con = sqlite3.connect(old)
    try:
        con.execute("SELECT count(*) FROM invoice WHERE due_date <= '2026-03-31'").fetchall()
    finally:
        con.close()
    assert guard.seen == []


def test_the_worklist_benchmarks_floor_counts_the_invoices_open_on_the_day(books):
    """SQLite's floor in benchmarks/worklist_speed.py bound ISO text against day numbers: every invoice issued
    at any date counted, none cleared after the day did. It binds the day as the file stores it."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import worklist_speed
    finally:
        sys.path.remove(str(BENCHMARKS))
    customers.add_customer(books, {"code": "C1", "name": "One"})
    invoicing.add_invoice(books, {"number": "OPEN", "customer_code": "C1", "issue_date": "2026-01-10",
                                     "due_date": "2026-02-10", "amount": "100.00"})
    invoicing.add_invoice(books, {"number": "PAID-LATER", "customer_code": "C1", "issue_date": "2026-01-15",
                                     "due_date": "2026-02-15", "amount": "40.00"})
    invoicing.add_invoice(books, {"number": "NOT-YET", "customer_code": "C1", "issue_date": "2026-03-20",
                                     "due_date": "2026-04-20", "amount": "7.00"})
    payments.record_payment(books, {"customer_code": "C1", "date": "2026-03-01", "amount": "40.00",
                                    "invoice_number": "PAID-LATER"})
    con = sqlite3.connect(books.db.path)
    try:
        # the floor sums what is open now (amount - paid) over the invoices open on the day: OPEN and PAID-LATER
        # (nothing of it open now) on 1 February, not NOT-YET; OPEN and NOT-YET on 25 March
        assert worklist_speed.floor_query(con, dt.date(2026, 2, 1)) == [(1, 10000)]
        assert worklist_speed.floor_query(con, dt.date(2026, 3, 25)) == [(1, 10700)]
        assert worklist_speed.floor_query(con, dt.date(2026, 1, 1)) == []
    finally:
        con.close()
