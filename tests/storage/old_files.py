"""Company files at an older schema revision, written the way that version wrote them (for upgrade tests)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import create_engine

from ar_desktop.storage.safety import APPLICATION_ID
from ar_desktop.storage.upgrade import alembic_config

# `ar-desktop company` (opening upgrades the file), killed just before its n-th SQL statement starting with WHAT
_UPGRADE_KILLED_AT = textwrap.dedent("""
    import os, sqlite3, sqlite3.dbapi2, sys
    db, what, n = sys.argv[1], sys.argv[2].upper(), int(sys.argv[3])
    real, seen = sqlite3.connect, []
    def trace(sql):
        if sql.lstrip().upper().startswith(what):
            seen.append(sql)
            if len(seen) == n:
                os.kill(os.getpid(), 9)
    def connect(*a, **kw):
        con = real(*a, **kw)
        con.set_trace_callback(trace)
        return con
    sqlite3.connect = sqlite3.dbapi2.connect = connect
    from ar_desktop.cli.base import run
    sys.exit(run(["--db", db, "company"]))
""")


def upgrade_killed_at(path: Path, what: str, n: int) -> subprocess.CompletedProcess:
    """Open ``path`` with the real command (which upgrades it), killed before its n-th statement starting with
    ``what``."""
    return subprocess.run([sys.executable, "-c", _UPGRADE_KILLED_AT, str(path), what, str(n)],
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": os.getcwd()}, capture_output=True, timeout=300)


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
