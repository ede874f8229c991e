"""Dates as day numbers (storage.days, migration 0024): an older file's ISO dates and times become day numbers
and seconds without losing anything (and come back the same way down), a process killed anywhere inside the
upgrade leaves the file as it was, a writer still passing ISO text is refused, and ``check`` reports a stored
value that is no date."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from ar_desktop.clock import FixedClock
from ar_desktop.services.company_file import open_company
from ar_desktop.storage import balance_summary, clearing_summary, days, sales_summary
from ar_desktop.storage.upgrade import alembic_config, known_revisions
from ar_desktop.storage.safety import consistency_problems
from kill_scripts import upgrade_killed_at
from old_files import file_at_revision, paid_ledger_sql

TODAY = dt.date(2026, 3, 31)
_TABLES = ("invoice", "payment", "allocation", "clearing_month")
# columns later migrations add (0026: the first payment day, derived from the allocations)
_LATER = {"first_paid_on"}



def _old_file(path: Path) -> Path:
    """A file at 0020 (ISO dates): paid, part-paid, void, open and backdated-allocation invoices, one before 1970."""
    file_at_revision(path, "0005", *paid_ledger_sql(fourth=("1969-12-31", "2099-02-28"),
                                                    paid_at="2025-02-01 13:14:15.250000"))
    engine = create_engine(f"sqlite:///{path}")
    from alembic import command
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        command.upgrade(alembic_config(conn), "0020")
        from ar_desktop.storage import list_schema
        list_schema.restore(conn.connection.driver_connection)   # (0020 built the summary of clearings itself)
    engine.dispose()
    return path


def _rows(path: Path, iso: bool) -> dict[str, list]:
    """Every row of the converted tables, dates as ISO text (read through ``days.iso_sql`` when stored as numbers)."""
    con = sqlite3.connect(path)
    try:
        out = {}
        for table in _TABLES:
            columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] not in _LATER]
            dates = set(days.DATES.get(table, ())) | ({"since", "until"} if table == "clearing_month" else set())
            stamps = set(days.STAMPS.get(table, ()))
            shown = [days.iso_sql(c) if c in dates and not iso else
                     f"datetime({c} / 1000000, 'unixepoch') || '.' || substr('000000' || ({c} % 1000000), -6, 6)"
                     if c in stamps and not iso else
                     f"datetime({c}) || '.' || substr(substr({c}, 21) || '000000', 1, 6)" if c in stamps else c
                     for c in columns]
            out[table] = sorted(con.execute(f"SELECT {', '.join(shown)} FROM {table}").fetchall(), key=repr)
        out["version"] = con.execute("SELECT version_num FROM alembic_version").fetchall()
        return out
    finally:
        con.close()


def _summary_key_as_iso(rows: dict) -> dict:
    """0020 kept '' and '9999-12-31' in clearing_month's since/until where 0024 keeps the first and last day."""
    fixed = [tuple("" if v == "0001-01-01" else v for v in r) for r in rows["clearing_month"]]
    return {**rows, "clearing_month": sorted(fixed, key=repr), "version": None}


def test_the_upgrade_converts_every_date_and_time_and_the_downgrade_gives_them_back(tmp_path):
    path = _old_file(tmp_path / "old.ardb")
    before = _rows(path, iso=True)
    books = open_company(path, clock=FixedClock(TODAY))
    try:
        books.db.auto_backup = False
    finally:
        books.close()
    after = _rows(path, iso=False)
    assert after["version"] == [(known_revisions()[1],)]
    assert _summary_key_as_iso(after) == _summary_key_as_iso(before)
    con = sqlite3.connect(path)
    try:
        assert days.in_use(con)
        assert consistency_problems(con) == []
        assert clearing_summary.problems(con) == []
        assert con.execute("SELECT issue_date, due_date FROM invoice WHERE id = 4").fetchone() == (-1, 47175)
        paid_at = dt.datetime(2025, 2, 1, 13, 14, 15, 250000)   # the fraction kept: the timeline's order
        assert con.execute("SELECT created_at FROM payment").fetchone() == (days.stamp(paid_at),)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # the search triggers and the indexes came back with the table (the paid-late index with its new WHERE)
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        assert {"invoice_search_insert", "invoice_search_update", "invoice_search_delete", "ix_invoice_span",
                "ix_allocation_aging", "ix_payment_customer_date", "clearing_month_insert"} <= names
        assert "ix_invoice_paid_late" not in names   # put back by 0024 (on day numbers), dropped by 0031
    finally:
        con.close()
    # and back down: the same ISO text as before, row for row
    engine = create_engine(f"sqlite:///{path}")
    from alembic import command
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        command.downgrade(alembic_config(conn), "0020")
    engine.dispose()
    assert _rows(path, iso=True) == before


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(("what", "n"), [("INSERT INTO invoice_days", 1), ("DROP TABLE", 2),
                                         ("ALTER TABLE", 3), ("CREATE INDEX", 4), ("INSERT INTO clearing_month", 1),
                                         ("INSERT INTO late_run ", 1),    # (0025's runs of late payments)
                                         ("INSERT INTO sales_day", 1),    # (0029's summary of sales)
                                         ("INSERT INTO balance_day", 1)])   # (0032's summary of balances)
def test_an_upgrade_killed_inside_the_rebuild_leaves_the_file_as_it_was(tmp_path, what, n):
    path = _old_file(tmp_path / "old.ardb")
    before = _rows(path, iso=True)
    r = upgrade_killed_at(path, what, n)
    assert r.returncode == -9, r.stderr[-2000:]
    assert _rows(path, iso=True) == before   # still 0020, every row as it was
    books = open_company(path, clock=FixedClock(TODAY))   # the next open upgrades it
    try:
        books.db.auto_backup = False
    finally:
        books.close()
    con = sqlite3.connect(path)
    try:
        assert consistency_problems(con) == [] and clearing_summary.problems(con) == []
        assert sales_summary.problems(con) == [] and balance_summary.problems(con) == []
    finally:
        con.close()
    assert _summary_key_as_iso(_rows(path, iso=False)) == _summary_key_as_iso(before)


def test_a_date_written_as_text_is_refused_and_check_reports_one_out_of_range(tmp_path):
    path = _old_file(tmp_path / "old.ardb")
    open_company(path, clock=FixedClock(TODAY)).close()
    con = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="ck_allocation_days"):
            con.execute("INSERT INTO allocation (payment_id, invoice_id, date, amount) VALUES (1, 4, '2025-03-01', 1)")
        con.execute(f"UPDATE payment SET date = {days.LAST + 1}")
        con.commit()
        assert "1 payment row(s) with a date that is not a stored date or time (storage.days)" in consistency_problems(con)
    finally:
        con.close()
