"""The payment-reversals migration: reversals and negative allocations become possible, every entry keeps
its kind (its method) and nothing stored is lost (the tables are rebuilt with foreign keys checked)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from ar_desktop.domain.payment_kinds import kind_of
from ar_desktop.storage.days import day, stamp
from ar_desktop.storage.engine import open_database
from ar_desktop.storage.safety import APPLICATION_ID
from ar_desktop.storage.upgrade import MIGRATIONS, alembic_config

# this migration's revision and the one before it, from its script's name (renumbered as others land)
REVISION = next((MIGRATIONS / "versions").glob("*_payment_reversals.py")).name[:4]
BEFORE = f"{int(REVISION) - 1:04d}"

_CUSTOMER = ("INSERT INTO customer (code, name, contact, address, postcode, city, country, email, phone, tax_id, "
             "credit_class, terms_days, currency, language, notes, on_hold, late_charge_rule, late_charge_rate, "
             "created_at) VALUES ('C1', 'One Ltd', '', '', '', '', '', '', '', '', 'B', 30, 'EUR', 'en', '', 0, '', "
             "'', '2026-01-01 00:00:00')")
_INVOICE = ("INSERT INTO invoice (number, customer_id, issue_date, due_date, amount, currency, reference, "
            "description, disputed, dispute_reason, voided, void_reason, paid, created_at) VALUES "
            "('{n}', 1, '2026-01-01', '2026-01-31', 10000, 'EUR', '', '', 0, '', {voided}, '', {paid}, "
            "'2026-01-01 00:00:00')")
_PAYMENT = ("INSERT INTO payment (id, customer_id, date, amount, currency, method, reference, created_at) VALUES "
            "({id}, 1, '2026-02-01', {amount}, 'EUR', '{method}', 'ref {id}', '2026-02-01 00:00:00')")


def _file_at_0005(path):
    from alembic import command

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        command.upgrade(alembic_config(conn), "0005")
    with engine.begin() as conn:
        conn.execute(text(_CUSTOMER))
        conn.execute(text(_INVOICE.format(n="I-1", voided=0, paid=10000)))
        conn.execute(text(_INVOICE.format(n="I-2", voided=1, paid=2500)))
        for pid, amount, method in ((1, 6000, "bank transfer"), (2, 4000, "write-off"), (3, 2500, "cheque"),
                                    (4, 2500, "void reversal"), (5, 700, "credit note")):
            conn.execute(text(_PAYMENT.format(id=pid, amount=amount, method=method)))
        conn.execute(text("INSERT INTO allocation (payment_id, invoice_id, date, amount) VALUES "
                          "(1, 1, '2026-02-01', 6000), (2, 1, '2026-02-01', 4000), (3, 2, '2026-02-01', 2500)"))
    engine.dispose()


def test_migration_keeps_every_row_and_kind(tmp_path):
    path = tmp_path / "old.ardb"
    _file_at_0005(path)
    db = open_database(path)
    try:
        with db.session() as s:
            rows = s.execute(text("SELECT id, method, reverses_id, amount FROM payment ORDER BY id")).all()
            assert [(i, kind_of(m, r).key, a) for i, m, r, a in rows] == [
                (1, "payment", 6000), (2, "write-off", 4000), (3, "payment", 2500), (4, "void reversal", 2500),
                (5, "credit note", 700)]
            assert s.execute(text("SELECT payment_id, invoice_id, amount FROM allocation ORDER BY id")).all() == [
                (1, 1, 6000), (2, 1, 4000), (3, 2, 2500)]
            assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []
        # the new rules hold in the rebuilt tables (dates as stored since 0024: day numbers, seconds)
        D1, D2 = day(dt.date(2026, 3, 1)), day(dt.date(2026, 3, 2))
        T1, T2 = stamp(dt.datetime(2026, 3, 1)), stamp(dt.datetime(2026, 3, 2))
        with pytest.raises(IntegrityError), db.session() as s:
            s.execute(text(f"INSERT INTO payment (customer_id, date, amount, currency, method, reference, note, "
                           f"created_at) VALUES (1, {D1}, -100, 'EUR', '', '', '', "
                           f"{T1})"))  # negative but reversing nothing
        with pytest.raises(IntegrityError), db.session() as s:
            s.execute(text(f"INSERT INTO allocation (payment_id, invoice_id, date, amount) VALUES "
                           f"(9, 1, {D1}, -100)"))  # a payment that does not exist
        with db.session() as s:
            s.execute(text(f"INSERT INTO payment (customer_id, date, amount, currency, method, reference, "
                           f"reverses_id, note, created_at) VALUES (1, {D1}, -6000, 'EUR', '', '', "
                           f"1, 'typo', {T1})"))
        with pytest.raises(IntegrityError), db.session() as s:  # an entry is reversed once
            s.execute(text(f"INSERT INTO payment (customer_id, date, amount, currency, method, reference, "
                           f"reverses_id, note, created_at) VALUES (1, {D2}, -6000, 'EUR', '', '', "
                           f"1, 'again', {T2})"))
    finally:
        db.close()
    assert list(tmp_path.glob("old.before-upgrade-*.ardb.bak"))


def test_migration_downgrades_to_the_net_split(tmp_path):
    from alembic import command

    path = tmp_path / "co.ardb"
    open_database(path, create=True).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:   # dates as ISO text again (0024's downgrade), as this revision stored them
        command.downgrade(alembic_config(conn), "0020")
    with engine.begin() as conn:
        conn.execute(text(_CUSTOMER))
        conn.execute(text(_INVOICE.format(n="I-1", voided=0, paid=0)))
        conn.execute(text(_INVOICE.format(n="I-2", voided=0, paid=5000)))
        conn.execute(text(_PAYMENT.format(id=1, amount=5000, method="cheque")))
        conn.execute(text(_PAYMENT.format(id=2, amount=1000, method="cheque")))
        conn.execute(text("INSERT INTO payment (id, customer_id, date, amount, currency, method, reference, "
                          "reverses_id, note, created_at) VALUES (3, 1, '2026-03-01', -1000, 'EUR', '', '', "
                          "2, 'typo', '2026-03-01 00:00:00')"))
        # payment 1 was first applied to I-1, then moved to I-2; payment 2 applied to I-1 and reversed
        conn.execute(text("INSERT INTO allocation (payment_id, invoice_id, date, amount) VALUES "
                          "(1, 1, '2026-02-01', 5000), (1, 1, '2026-02-10', -5000), (1, 2, '2026-02-10', 5000), "
                          "(2, 1, '2026-02-01', 1000), (3, 1, '2026-03-01', -1000)"))
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), BEFORE)
    with engine.begin() as conn:
        assert conn.execute(text("SELECT id FROM payment ORDER BY id")).scalars().all() == [1, 2]
        assert conn.execute(text("SELECT payment_id, invoice_id, date, amount FROM allocation ORDER BY payment_id"))\
            .all() == [(1, 2, "2026-02-10", 5000), (2, 1, "2026-02-01", 1000)]
        assert conn.execute(text("SELECT number, paid FROM invoice ORDER BY number")).all() == [("I-1", 1000),
                                                                                              ("I-2", 5000)]
    engine.dispose()



def test_the_discount_link_migration_names_the_payment_that_earned_each_discount(tmp_path):
    """Discounts booked before the link existed get it on upgrade: the payment of the same customer and
    day, booked just before, applied to the discount's invoice (not a payment to another invoice, nor
    an older payment of that day)."""
    from old_files import file_at_revision

    link = next((MIGRATIONS / "versions").glob("*_discount_link.py")).name[:4]
    pay = ("INSERT INTO payment (id, customer_id, date, amount, currency, method, reference, note, created_at) "
           "VALUES ({0}, 1, '{1}', {2}, 'EUR', '{3}', '', '', '2026-02-01 00:00:00')")
    alloc = "INSERT INTO allocation (payment_id, invoice_id, date, amount) VALUES ({0}, {1}, '{2}', {3})"
    inv = ("INSERT INTO invoice (id, number, customer_id, issue_date, due_date, amount, currency, reference, "
           "description, disputed, dispute_reason, voided, void_reason, voided_on, paid, created_at) VALUES "
           "({0}, 'N-{0}', 1, '2026-01-01', '2026-01-31', 10000, 'EUR', '', '', 0, '', 0, '', NULL, 0, "
           "'2026-01-01 00:00:00')")
    path = file_at_revision(tmp_path / "old.ardb", f"{int(link) - 1:04d}", inv.format(1), inv.format(2),
                            pay.format(1, "2026-01-05", 3000, "bank"), alloc.format(1, 1, "2026-01-05", 3000),
                            pay.format(2, "2026-01-05", 9800, "bank"), alloc.format(2, 2, "2026-01-05", 9800),
                            pay.format(3, "2026-01-05", 6800, "bank"), alloc.format(3, 1, "2026-01-05", 6800),
                            pay.format(4, "2026-01-05", 200, "discount"), alloc.format(4, 1, "2026-01-05", 200),
                            pay.format(5, "2026-01-05", 200, "discount"), alloc.format(5, 2, "2026-01-05", 200))
    db = open_database(path)
    try:
        with db.session() as s:
            assert s.execute(text("SELECT id, earned_by_id FROM payment ORDER BY id")).all() == [
                (1, None), (2, None), (3, None), (4, 3), (5, 2)]
    finally:
        db.close()
