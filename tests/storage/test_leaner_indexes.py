"""Migration 0031 (leaner invoice indexes): an old file loses ix_invoice_currency and ix_invoice_paid_late and gets
ix_customer_currency_name, its runs of late payments stay equal to a recomputation, ``check`` finds nothing, and
the downgrade gives the schema back. The Invoices list by currency walks the customers (no sorter over the
invoices), and the bulk writer's catch-up of the runs reads one customer's invoices through ix_invoice_aging or
the whole table in one pass, with the same runs either way."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from ar_desktop.clock import FixedClock
from ar_desktop.services import invoicing, kpis
from ar_desktop.services.backups import check
from ar_desktop.services.company_file import open_company
from ar_desktop.services.customers import add_customer
from ar_desktop.storage import late_runs
from ar_desktop.storage.invoice_list import InvoiceList
from ar_desktop.storage.upgrade import alembic_config
from old_files import downgrade, file_at_revision, invoice_sql
from test_late_runs import _runs_of_every_invoice, _table

TODAY = dt.date(2026, 3, 31)
DROPPED = {"ix_invoice_currency", "ix_invoice_paid_late"}


def _file_at_0026(path: Path) -> Path:
    """Invoices of customer 1 as schema 0005 wrote them: two paid late (overdue 2025-02-01..02-09 and
    02-06..02-19: one run), one paid on time, one open; upgraded to 0026 and restored as that program did."""
    invoices = [invoice_sql(1, "2025-01-01", "2025-01-31", 100, 100), invoice_sql(2, "2025-01-05", "2025-02-05", 100, 100),
                invoice_sql(3, "2025-01-10", "2025-02-10", 100, 100), invoice_sql(4, "2025-03-01", "2025-03-31", 100)]
    payment = ("INSERT INTO payment (id, customer_id, date, amount, currency, method, reference, created_at) VALUES "
               "(1, 1, '2025-02-10', 300, 'EUR', '', '', '2025-02-10 13:14:15')")
    allocations = [f"INSERT INTO allocation (payment_id, invoice_id, date, amount) VALUES (1, {i}, '{d}', 100)"
                   for i, d in ((1, "2025-02-10"), (2, "2025-02-20"), (3, "2025-02-10"))]
    file_at_revision(path, "0005", *invoices, payment, *allocations)
    engine = create_engine(f"sqlite:///{path}")
    from alembic import command

    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        command.upgrade(alembic_config(conn), "0026")
        from ar_desktop.storage import clearing_summary

        con = conn.connection.driver_connection
        # what 0026's program put back after its upgrade: the list indexes of its day, the summaries
        con.execute("CREATE INDEX IF NOT EXISTS ix_invoice_currency ON invoice (currency)")
        clearing_summary.restore(con)
        late_runs.restore(con)
    engine.dispose()
    return path


def _schema(path: Path) -> tuple:
    con = sqlite3.connect(path)
    try:
        return (con.execute("SELECT version_num FROM alembic_version").fetchall(),
                sorted(r[0] for r in con.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")),
                con.execute("SELECT * FROM late_run ORDER BY 1, 2").fetchall())
    finally:
        con.close()


def _indexes(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        con.close()


def test_the_upgrade_drops_the_two_indexes_and_the_downgrade_gives_them_back(tmp_path):
    path = _file_at_0026(tmp_path / "old.ardb")
    before = _schema(path)
    assert DROPPED <= _indexes(path)
    books = open_company(path, clock=FixedClock(TODAY))
    try:
        books.db.auto_backup = False
        assert not DROPPED & _indexes(path) and "ix_customer_currency_name" in _indexes(path)
        report = check(books)
        assert report.ok, report.text()
        con = sqlite3.connect(path)
        try:
            assert con.execute("SELECT * FROM late_run ORDER BY 1, 2").fetchall() == _runs_of_every_invoice(con) == [
                (1, 20120, 20138)]   # 2025-02-01 .. 2025-02-19 as day numbers
        finally:
            con.close()
        assert [r.number for r in invoicing.invoice_rows(books, invoicing.invoice_ids(
            books, invoicing.InvoiceFilter(), sort="currency"))] == ["OLD-1", "OLD-2", "OLD-3", "OLD-4"]
    finally:
        books.close()
    downgrade(path, "0026")
    assert _schema(path) == before


def test_the_list_by_currency_walks_the_customers_and_each_ones_invoices(books):
    with books.db.session() as s:
        for status in ("all", "open", "overdue"):
            for descending in (False, True):
                plan = " | ".join(InvoiceList(status=status, sort="currency", descending=descending).plan(s))
                assert "ix_customer_currency_name" in plan, plan
                assert ("ix_invoice_aging" if status == "all" else "ix_invoice_owed") in plan, plan
                # never a sort of the whole list; open ones: each customer's few sorted, as in the list by customer
                assert "TEMP B-TREE FOR ORDER BY" not in plan and (status != "all" or "TEMP B-TREE" not in plan), plan
                by_customer = InvoiceList(status=status, sort="customer", descending=descending).plan(s)
                assert plan == " | ".join(by_customer).replace("ix_customer_lower_name", "ix_customer_currency_name")


def test_the_figures_currency_is_found_without_an_index_of_the_invoices_currency(books):
    # no invoice in the company's EUR: the figures are in the first currency invoices are in
    add_customer(books, {"code": "CH1", "name": "Helvetia", "currency": "CHF"})  # before EUR in name order
    add_customer(books, {"code": "EU1", "name": "Euro", "currency": "EUR"})
    assert kpis.report_currency(books) == "EUR"
    invoicing.add_invoice(books, {"number": "C-1", "customer_code": "CH1", "issue_date": "2026-03-01", "amount": "10"})
    assert kpis.report_currency(books) == "CHF"
    invoicing.add_invoice(books, {"number": "E-1", "customer_code": "EU1", "issue_date": "2026-03-01", "amount": "10"})
    assert kpis.report_currency(books) == "EUR"


def test_a_catch_up_reads_few_customers_by_index_and_many_in_one_pass():
    con = _table()   # the runs' tables and triggers, and the indexes of the real schema that hold the invoices
    # customer 1: one invoice; customer 2: twelve, every other one paid late
    con.execute("INSERT INTO invoice (customer_id, issue_date, due_date) VALUES (1, 0, 10)")
    con.executemany("INSERT INTO invoice (customer_id, issue_date, due_date, cleared_on) VALUES (2, ?, ?, ?)",
                    [(k * 10, k * 10 + 5, k * 10 + 5 + (8 if k % 2 else 0)) for k in range(12)])
    seen: list[str] = []
    con.set_trace_callback(seen.append)
    for customer, one_pass in ((1, False), (2, True)):
        late_runs.hold(con)
        con.execute("UPDATE invoice SET cleared_on = due_date + 3 WHERE customer_id = ? AND id % 3 = 1", (customer,))
        seen.clear()
        late_runs.catch_up(con)
        # the customers' periods read once, sorted (late_runs._merged merges them)
        recompute = [sql for sql in seen if sql.startswith("SELECT i.customer_id, i.due_date + 1")]
        assert len(recompute) == 1 and ("NOT INDEXED" in recompute[0]) is one_pass, (customer, recompute)
        assert con.execute(f"SELECT * FROM {late_runs.TABLE} ORDER BY 1, 2").fetchall() == _runs_of_every_invoice(con)
        plan = [r[3] for r in con.execute(f"EXPLAIN QUERY PLAN {recompute[0]}")]
        assert any(("SCAN i" == p) if one_pass else p.startswith("SEARCH i USING INDEX ix_invoice_aging")
                   for p in plan), plan
    assert late_runs.problems(con) == []
