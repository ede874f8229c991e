"""An invoices import of a CSV file whose every row is plain runs on a plain sqlite3 connection, without SQLAlchemy
(storage.plain_invoices, services.invoice_lane.plain_import): a fresh `ar-desktop import invoices` process never
loads it, and leaves the file exactly as the ORM path leaves it (every table's rows but the times of writing, every
index and trigger, the one audit entry, the summaries, the search, ``check`` sound, the backup on closing). A file
with a row for the Python checks, or with a problem, is imported through the ORM, as before."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ar_desktop.services.backups import check_path
from ar_desktop.services.customers import add_customer

ROWS = 3_000   # two batches of the importer; the invoice indexes deferred (the file held 0)
SAME_DAY = ("created_at", "at")   # when a row was written: the two runs differ


@pytest.fixture
def base(books) -> Path:
    add_customer(books, {"code": "ACME", "name": "Acme", "terms_days": "30"})
    add_customer(books, {"code": "PROMPT", "name": "Prompt", "terms": "2.5/10 net 30"})
    add_customer(books, {"code": "JP", "name": "Nippon", "currency": "JPY", "terms_days": "10"})
    add_customer(books, {"code": "KEEP", "name": "Keeper", "retention_of_title": "yes"})
    path = Path(books.db.path)
    books.close()
    return path


def _csv(folder: Path, name: str = "invoices.csv", last: str = "") -> Path:
    """ROWS plain invoices (``last``: one more line at the end of the second batch)."""
    codes = ["ACME", "PROMPT", "JP", "KEEP"]
    lines = ["number,customer_code,issue_date,due_date,amount,currency,reference,description,disputed"]
    for k in range(ROWS):
        code = codes[k % 4]
        amount = str(k + 1) if code == "JP" else f"{k % 900 + 1}.{k % 100:02d}"
        due = f"2026-03-{k % 28 + 1:02d}" if k % 3 == 0 else ""
        lines.append(f"N{k:06d},{code},2026-02-{k % 28 + 1:02d},{due},{amount},,Order {k},Goods {k % 7},"
                     f"{'yes' if k % 50 == 0 else ''}")
    if last:
        lines.append(last)
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import(base: Path, folder: Path, name: str, csv: Path, orm: bool) -> tuple[subprocess.CompletedProcess, Path]:
    """`ar-desktop import invoices` of ``csv`` into a copy of ``base`` in a fresh process; it prints whether
    SQLAlchemy was loaded. ``orm``: the plain path turned off (the ORM path, as before it)."""
    db = folder / f"{name}.ardb"
    db.write_bytes(base.read_bytes())
    code = ("import sys\n"
            + ("import ar_desktop.services.invoice_lane as lane; lane.plain_import = lambda *a: None\n" if orm else "")
            + "from ar_desktop.app import main\nrc = main(['--db', sys.argv[1], 'import', 'invoices', sys.argv[2]])\n"
            "print('orm' if 'sqlalchemy' in sys.modules else 'plain'); sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", code, str(db), str(csv)], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return done, db


def _dump(path: Path) -> dict[str, object]:
    """Every table's rows (but when each was written) and every index's and trigger's definition."""
    con = sqlite3.connect(path)
    try:
        out: dict[str, object] = {"schema": sorted(con.execute("SELECT type, name, sql FROM sqlite_master"))}
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            cur = con.execute(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cur.description]
            out[table] = sorted((tuple(None if n in SAME_DAY else v for n, v in zip(names, r)) for r in cur),
                                key=repr)
        return out
    finally:
        con.close()


def _entry(path: Path) -> tuple:
    con = sqlite3.connect(path)
    try:
        at, new, note, who = con.execute("SELECT at, new_value, note, who FROM audit_entry WHERE action = 'import' "
                                         "ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        con.close()
    return dt.datetime.fromisoformat(at), json.loads(new), note, who


def _backups(db: Path) -> list[Path]:
    folder = db.with_name(f"{db.stem}.backups")
    return sorted(folder.glob("*.ardb")) if folder.is_dir() else []


def test_a_plain_file_is_imported_without_sqlalchemy_and_leaves_what_the_orm_path_leaves(base, tmp_path):
    csv = _csv(tmp_path)
    started = dt.datetime.now().replace(microsecond=0)
    plain, plain_db = _import(base, tmp_path, "plain", csv, orm=False)
    orm, orm_db = _import(base, tmp_path, "orm", csv, orm=True)
    assert plain.returncode == 0 and orm.returncode == 0, plain.stderr + orm.stderr
    assert plain.stdout.split() == ["3000", "invoices", "imported.", "plain"]
    assert orm.stdout.split()[-1] == "orm"
    assert _dump(plain_db) == _dump(orm_db)
    (at, details, note, who), (_at, *orm_entry) = _entry(plain_db), _entry(orm_db)
    assert [details, note, who] == orm_entry and started <= at <= dt.datetime.now()
    assert details["rows"] == {"invoice": {"count": ROWS, "first_id": 1, "last_id": ROWS}}
    for db in (plain_db, orm_db):
        report = check_path(db)
        assert report.ok, report.text()
        assert len(_backups(db)) == 1   # the automatic backup on closing, after a write
    con = sqlite3.connect(plain_db)
    try:   # the rows' own columns, as the quick lane stores them: spot checks
        assert con.execute("SELECT count(*), sum(disputed), sum(retention_of_title), min(created_at) > 0 "
                           "FROM invoice").fetchone() == (ROWS, ROWS // 50, ROWS // 4, 1)
    finally:
        con.close()


@pytest.mark.parametrize("last, stored", [
    ("T1,ACME,2026-02-01,,10.00,,,,Y", ROWS + 1),      # a row the row pattern leaves (yes as Y)
    ("E1,ACME,2026-02-01,,10.00,eur,,,", ROWS + 1),     # ... that SQL leaves (the currency in small letters)
    ("V1,ACME,2026-02-01,,10.00,,,,maybe", 0),          # a problem: refused, nothing stored
    ("N000007,ACME,2026-02-01,,10.00,,,,", 0),          # its number twice in the file: refused
    ("U1,NOBODY,2026-02-01,,10.00,,,,", 0),             # an unknown customer: refused
])
def test_a_file_with_a_row_for_the_python_checks_is_imported_through_the_orm_as_before(base, tmp_path, last, stored):
    csv = _csv(tmp_path, last=last)
    plain, plain_db = _import(base, tmp_path, "plain", csv, orm=False)
    orm, orm_db = _import(base, tmp_path, "orm", csv, orm=True)
    assert (plain.returncode, plain.stderr) == (orm.returncode, orm.stderr)
    assert plain.stdout.split()[-1] == "orm"
    assert _dump(plain_db) == _dump(orm_db)
    con = sqlite3.connect(plain_db)
    try:
        assert con.execute("SELECT count(*) FROM invoice").fetchone()[0] == stored
    finally:
        con.close()
    assert len(_backups(plain_db)) == (1 if stored else 0)


def test_the_plain_writer_stores_what_the_orm_writer_stores_for_the_columns_a_row_leaves_out():
    """The invoice columns' defaults (storage.plain_invoices.INVOICE_DEFAULTS) are the ORM's, as bulk_repo stores
    them; the quick lane's columns are the invoice's."""
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    from ar_desktop.storage import bulk_repo, plain_invoices
    from ar_desktop.storage.invoice_staging import Staging
    from ar_desktop.storage.orm import Invoice

    table, dialect = Invoice.__table__, sqlite_dialect.dialect()
    orm = bulk_repo._defaults(table, [])
    stored = {k: v if f is None else f(v) for (k, v), f in zip(orm.items(), bulk_repo._converters(table, list(orm),
                                                                                                  dialect))}
    assert set(plain_invoices.INVOICE_DEFAULTS) == set(stored)
    assert {k: v for k, v in plain_invoices.INVOICE_DEFAULTS.items() if k != "created_at"} == \
        {k: v for k, v in stored.items() if k != "created_at"}
    staging = object.__new__(Staging)
    staging.keys, staging.decimal, staging.discount_columns = ["number", "customer_code", "amount"], ".", False
    columns, _values = staging._insert_sql()
    assert set(columns) <= set(table.c.keys()) and not set(columns) & set(bulk_repo._DERIVED)
