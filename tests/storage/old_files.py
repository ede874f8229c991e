"""Company files at an older schema revision, written the way that version wrote them (for upgrade tests)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from ar_desktop.storage.safety import APPLICATION_ID
from ar_desktop.storage.upgrade import alembic_config


def file_at_revision(path: Path, revision: str, *statements: str) -> Path:
    """A company file at ``revision`` with one company and one customer (id 1, code C1), then ``statements``."""
    from alembic import command

    con = sqlite3.connect(path)
    con.execute(f"PRAGMA application_id={APPLICATION_ID}")
    con.commit()
    con.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
        conn.exec_driver_sql("INSERT INTO company (id, legal_name, address, postcode, city, country, tax_id, phone, "
                             "email, bank_name, bank_account, bank_bic, currency, signer_name, signer_title) VALUES "
                             "(1, 'Old Co', '', '', '', 'DE', '', '', '', '', '', '', 'EUR', '', '')")
        conn.exec_driver_sql("INSERT INTO customer (id, code, name, contact, address, postcode, city, country, email, "
                             "phone, tax_id, credit_limit, credit_class, terms_days, currency, language, notes, "
                             "on_hold, late_charge_rule, late_charge_rate, created_at) VALUES (1, 'C1', 'Old "
                             "Customer', '', '', '', '', '', '', '', '', NULL, 'B', 30, 'EUR', 'en', '', 0, '', '', "
                             "'2026-01-01 00:00:00')")
        for sql in statements:
            conn.exec_driver_sql(sql)
    engine.dispose()
    return path


def downgrade(path: Path, revision: str) -> None:
    """Take the file at ``path`` down to ``revision`` with Alembic (what a downgrade test compares)."""
    from alembic import command

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)
    engine.dispose()


def invoice_sql(iid: int, issue: str, due: str, amount: int, paid: int = 0, voided_on: str | None = None) -> str:
    """An invoice row of customer 1 as schema 0001-0005 stored it."""
    voided = f"1, '', '{voided_on}'" if voided_on else "0, '', NULL"
    return ("INSERT INTO invoice (id, number, customer_id, issue_date, due_date, amount, currency, reference, "
            "description, disputed, dispute_reason, voided, void_reason, voided_on, paid, created_at) VALUES "
            f"({iid}, 'OLD-{iid}', 1, '{issue}', '{due}', {amount}, 'EUR', '', '', 0, '', {voided}, {paid}, "
            f"'{issue} 00:00:00')")


def paid_ledger_sql(fourth: tuple[str, str] = ("2025-01-01", "2025-01-31"),
                    paid_at: str = "2025-02-01 00:00:00") -> list[str]:
    """Five invoices of customer 1 as schema 0001-0005 stored them (paid, part-paid, void, open: ``fourth``, its
    issue and due day; and paid), one payment of 2.40 (entered at ``paid_at``) and its allocations: the first
    invoice's in two parts, one before the payment's date, the last one's years after it."""
    invoices = [invoice_sql(1, "2025-01-01", "2025-01-31", 100, 100), invoice_sql(2, "2025-01-01", "2025-01-31", 100, 40),
                invoice_sql(3, "2025-01-01", "2025-01-31", 100, voided_on="2025-03-01"),
                invoice_sql(4, *fourth, 100), invoice_sql(5, "2025-01-01", "2025-01-31", 100, 100)]
    payment = ("INSERT INTO payment (id, customer_id, date, amount, currency, method, reference, created_at) VALUES "
               f"(1, 1, '2025-02-01', 240, 'EUR', '', '', '{paid_at}')")
    allocations = [f"INSERT INTO allocation (payment_id, invoice_id, date, amount) VALUES (1, {i}, '{d}', {u})"
                   for i, d, u in ((1, "2025-01-20", 60), (1, "2025-02-10", 40), (2, "2025-02-01", 40),
                                   (5, "2030-02-01", 100))]
    return [*invoices, payment, *allocations]
