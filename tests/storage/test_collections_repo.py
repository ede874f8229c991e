"""Collections storage: the rule's inputs as of a date, set-based, and migration 0001 -> 0002."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import create_engine, event

from ar_desktop.clock import FixedClock
from ar_desktop.domain.next_step import Hold, InvoiceState, StepRecord
from ar_desktop.services import collections as col
from ar_desktop.services import customers, invoicing, payments
from ar_desktop.services.company_file import create_company, open_company
from ar_desktop.storage import collections_repo, invoices_repo
from ar_desktop.storage.engine import APPLICATION_ID, _alembic_config, known_revisions, open_database

DUE = dt.date(2026, 3, 1)


def d(n: int) -> dt.date:
    return DUE + dt.timedelta(days=n)


@pytest.fixture
def bk(tmp_path):
    b = create_company(tmp_path / "co.ardb", "Test Trading Ltd", "EUR", "DE", clock=FixedClock(dt.date(2026, 6, 30)))
    try:
        yield b
    finally:
        b.close()


def add(b, code, *invoices):
    customers.add_customer(b, {"code": code, "name": f"{code} Ltd"})
    for number, due, amount in invoices:
        invoicing.add_invoice(b, {"number": number, "customer_code": code, "issue_date": (due - dt.timedelta(30)).isoformat(),
                                  "due_date": due.isoformat(), "amount": amount})


def pay(b, code, date, amount, number=""):
    payments.record_payment(b, {"customer_code": code, "date": date.isoformat(), "amount": amount,
                                "invoice_number": number})


def inputs(b, as_of, ids=None, grace=3):
    with b.db.session() as s:
        out = collections_repo.collection_inputs(s, as_of, ids, grace_days=grace)
    return {ci.code: ci for ci in out.values()}


def test_invoice_state_as_of_a_date(bk):
    add(bk, "C1", ("I1", d(0), "100.00"), ("I2", d(10), "50.00"))
    pay(bk, "C1", d(5), "40.00", "I1")
    pay(bk, "C1", d(12), "60.00", "I1")
    assert inputs(bk, d(4))["C1"].invoices == [
        InvoiceState("I1", d(0), Decimal("100.00"), issue_date=d(-30)),
        InvoiceState("I2", d(10), Decimal("50.00"), issue_date=d(-20))]
    assert inputs(bk, d(6))["C1"].invoices[0].open_amount == Decimal("60.00")
    later = inputs(bk, d(20))["C1"].invoices
    assert later[0] == InvoiceState("I1", d(0), Decimal("0.00"), settled_on=d(12), issue_date=d(-30))
    assert later[1].settled_on is None and later[1].open_amount == Decimal("50.00")


def test_only_customers_with_something_open_unless_asked(bk):
    add(bk, "C1", ("I1", d(0), "100.00"))
    add(bk, "C2", ("I2", d(0), "100.00"))
    add(bk, "C3")
    pay(bk, "C2", d(1), "100.00")
    assert set(inputs(bk, d(5))) == {"C1"}
    assert set(inputs(bk, d(0))) == {"C1", "C2"}
    every = [cid for cid, _code, _name in customers.customer_choices(bk)]
    got = inputs(bk, d(5), every)
    assert set(got) == {"C1", "C2", "C3"} and got["C2"].invoices[0].settled_on == d(1)


def test_voided_and_future_invoices(bk):
    add(bk, "C1", ("I1", d(0), "100.00"), ("I2", d(0), "30.00"), ("I3", d(60), "5.00"))
    with bk.db.session() as s:
        iid = invoices_repo.id_by_number(s, "I2")
    invoicing.void_invoice(bk, iid, "wrong customer", on=d(20))
    assert [i.number for i in inputs(bk, d(10))["C1"].invoices] == ["I1", "I2"]   # I3 not issued yet
    assert [i.number for i in inputs(bk, d(40))["C1"].invoices] == ["I1", "I3"]   # I2 void by then


def test_history_promise_hold_and_disputes(bk):
    add(bk, "C1", ("I1", d(0), "100.00"))
    col.log_step(bk, "C1", "reminder", d(3))
    col.log_step(bk, "C1", "phone_call", d(8), skipped=True, reason="no number")
    col.log_step(bk, "C1", "demand_letter", d(30))
    col.record_promise(bk, "C1", d(10), "60.00", made_on=d(4))
    col.record_promise(bk, "C1", d(20), "80.00", made_on=d(9))
    pay(bk, "C1", d(9), "10.00")
    pay(bk, "C1", d(23), "15.00")     # the last day of the grace period
    pay(bk, "C1", d(24), "20.00")     # too late for the promise
    col.put_on_hold(bk, "C1", d(50), "holiday", on=d(40))
    col.mark_dispute(bk, "I1", "price", on=d(45))
    ci = inputs(bk, d(29))["C1"]
    assert ci.history == [StepRecord("reminder", d(3)), StepRecord("phone_call", d(8), skipped=True)]
    assert (ci.promise.made_on, ci.promise.amount, ci.promise.paid_since) == (d(9), Decimal("80.00"),
                                                                             Decimal("25.00"))
    assert inputs(bk, d(21))["C1"].promise.paid_since == Decimal("10.00")
    assert inputs(bk, d(8))["C1"].promise.amount == Decimal("60.00")
    assert ci.hold is None and not ci.invoices[0].disputed
    later = inputs(bk, d(45))["C1"]
    assert later.hold == Hold(d(50), "holiday") and later.invoices[0].disputed
    assert len(later.history) == 3


def test_disputed_as_of():
    events = [(d(5), "dispute"), (d(9), "dispute_resolved")]
    assert [collections_repo.disputed_as_of(events, False, d(n)) for n in (4, 5, 8, 9)] == [False, True, True, False]
    assert collections_repo.disputed_as_of([(d(5), "dispute_resolved")], False, d(1)) is True
    assert collections_repo.disputed_as_of(None, True, d(1)) is True


def test_worklist_uses_a_fixed_number_of_queries(bk):
    for i in range(300):
        add(bk, f"K{i:04d}", (f"N{i:04d}", d(i % 40), "10.00"))
        if i % 3 == 0:
            col.log_step(bk, f"K{i:04d}", "reminder", d(i % 40 + 3))
    statements = []

    def count(*_a):
        statements.append(1)

    event.listen(bk.db.engine, "before_cursor_execute", count)
    try:
        rows = col.worklist(bk, d(45))
    finally:
        event.remove(bk.db.engine, "before_cursor_execute", count)
    assert len(rows) == 300
    assert len(statements) < 20


# --- migration ----------------------------------------------------------------------------------------

def test_migration_0001_to_0002_keeps_the_data(tmp_path):
    path = tmp_path / "old.ardb"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA application_id={APPLICATION_ID}")
    con.commit()
    con.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
        conn.exec_driver_sql("INSERT INTO company (id, legal_name, address, postcode, city, country, tax_id, phone, "
                             "email, bank_name, bank_account, bank_bic, currency, signer_name, signer_title) VALUES "
                             "(1, 'Old Co', '', '', '', 'DE', '', '', '', '', '', '', 'EUR', '', '')")
        conn.exec_driver_sql("INSERT INTO customer (id, code, name, contact, address, postcode, city, country, email, "
                             "phone, tax_id, credit_limit, credit_class, terms_days, currency, language, notes, "
                             "on_hold, late_charge_rule, late_charge_rate, created_at) VALUES (1, 'C1', 'Old "
                             "Customer', '', '', '', '', '', '', '', '', NULL, 'B', 30, 'EUR', 'en', '', 0, '', '', "
                             "'2026-01-01 00:00:00')")
        conn.exec_driver_sql("INSERT INTO invoice (id, number, customer_id, issue_date, due_date, amount, currency, "
                             "reference, description, disputed, dispute_reason, voided, void_reason, voided_on, paid, "
                             "created_at) VALUES (1, 'OLD-1', 1, '2026-02-01', '2026-03-01', 12345, 'EUR', '', '', 0, "
                             "'', 0, '', NULL, 0, '2026-02-01 00:00:00')")
        conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('kept', '\"yes\"')")
    engine.dispose()
    assert sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)

    db = open_database(path)
    db.close()
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (known_revisions()[1],)
        assert con.execute("SELECT number, amount FROM invoice").fetchall() == [("OLD-1", 12345)]
        assert con.execute("SELECT value FROM setting WHERE key='kept'").fetchone() == ('"yes"',)
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"collection_event", "promise", "hold", "customer_ladder"} <= tables
    finally:
        con.close()
    backups = list(tmp_path.glob("old.before-upgrade-*.ardb.bak"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert con.execute("SELECT code FROM customer").fetchall() == [("C1",)]
    finally:
        con.close()

    books = open_company(path, clock=FixedClock(dt.date(2026, 6, 30)))
    try:
        rows = col.worklist(books, dt.date(2026, 3, 20))
        assert [(r.customer_code, r.overdue_amount, r.next_step) for r in rows] == [
            ("C1", Decimal("123.45"), "demand_letter")]
    finally:
        books.close()
