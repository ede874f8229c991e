"""Backups, automatic backups on close, restore, integrity and consistency checks, damaged files."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3

import pytest
from sqlalchemy import event

from ar_desktop.app import main
from ar_desktop.clock import FixedClock
from ar_desktop.domain.errors import UserError
from ar_desktop.services.backups import (DamagedFile, DiskFull, FileBusy, ReadOnlyFile, automatic_backups, back_up,
                                         check, check_path, describe_backup, latest_good_backup, restore,
                                         set_backup_keep)
from ar_desktop.services.company_file import create_company, open_company
from ar_desktop.services.customers import add_customer
from ar_desktop.services.importing import import_file
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.services.payments import record_payment

TODAY = dt.date(2026, 3, 31)


def customers(n: int, books, start: int = 0) -> None:
    for i in range(start, start + n):
        add_customer(books, {"code": f"C{i:04d}", "name": f"Customer {i}"})


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "co.ardb"
    b = create_company(p, "Backup Test GmbH", "EUR", clock=FixedClock(TODAY))
    customers(3, b)
    add_invoice(b, {"number": "I-1", "customer_code": "C0000", "issue_date": "2026-01-10", "amount": "100.00"})
    record_payment(b, {"date": "2026-02-01", "customer_code": "C0000", "amount": "40.00"})
    b.close()
    return p


def test_back_up_and_describe(path, tmp_path):
    books = open_company(path, FixedClock(TODAY))
    dest = back_up(books, tmp_path / "copy.ardb")
    books.close()
    info = describe_backup(dest)
    assert info.ok and info.company == "Backup Test GmbH"
    assert info.counts == {"customer": 3, "invoice": 1, "payment": 1}
    assert info.last_change is not None and "3 customer" in info.describe()


def test_automatic_backup_on_close_keeps_the_last_n(path):
    first = automatic_backups(path)
    assert len(first) == 1  # the fixture's session changed the file
    books = open_company(path, FixedClock(TODAY))
    set_backup_keep(books, 2)
    books.close()
    for i in range(3):
        books = open_company(path, FixedClock(TODAY))
        customers(1, books, 100 + i)
        books.close()
    kept = automatic_backups(path)
    assert len(kept) == 2
    assert describe_backup(kept[0]).counts["customer"] == 6  # newest first
    books = open_company(path, FixedClock(TODAY))  # no change: no new backup
    books.close()
    assert automatic_backups(path) == kept


def test_restore_backs_up_current_and_replaces(path, tmp_path):
    books = open_company(path, FixedClock(TODAY))
    dest = back_up(books, tmp_path / "before.ardb")
    customers(5, books, 50)
    result = restore(books, dest)  # closes the books
    assert result.restored.counts["customer"] == 3
    assert describe_backup(result.previous_saved_as).counts["customer"] == 8
    books = open_company(path, FixedClock(TODAY))
    assert check(books).ok
    books.close()
    assert not os.path.exists(str(path) + "-wal") or os.path.getsize(str(path) + "-wal") == 0


def test_restore_refuses_bad_backups(path, tmp_path):
    garbage = tmp_path / "garbage.ardb"
    garbage.write_bytes(b"not a database at all" * 100)
    with pytest.raises(UserError):
        restore(path, garbage)
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(UserError, match="not a backup"):
        restore(path, plain)
    newer = tmp_path / "newer.ardb"
    shutil.copy(path, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(UserError, match="newer version"):
        restore(path, newer)
    with pytest.raises(UserError, match="no backup file"):
        restore(path, tmp_path / "missing.ardb")
    books = open_company(path, FixedClock(TODAY))  # untouched
    assert check(books).ok
    books.close()


def _damage(path):
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(4096 * 2)
        f.write(os.urandom(min(4096 * 3, size - 4096 * 2)))


def test_damaged_file_is_refused_with_latest_backup(path):
    customers_before = describe_backup(path).counts
    books = open_company(path, FixedClock(TODAY))
    customers(200, books, 1000)  # enough pages to damage some
    books.close()
    good = latest_good_backup(path)
    assert good is not None
    _damage(path)
    damaged = path.read_bytes()
    with pytest.raises(DamagedFile) as e:
        open_company(path, FixedClock(TODAY))
    assert e.value.backup == good and str(good) in str(e.value)
    assert not check_path(path).ok
    restore(path, e.value.backup)
    books = open_company(path, FixedClock(TODAY))
    assert check(books).ok
    books.close()
    assert customers_before["customer"] <= describe_backup(path).counts["customer"]
    kept = [p for p in automatic_backups(path) if p.name.endswith("-damaged.ardb")]
    assert [p.read_bytes() == damaged for p in kept] == [True]  # the damaged file's bytes were kept by restore


def test_check_finds_inconsistent_books(path, capsys):
    assert main(["--db", str(path), "check"]) == 0
    assert "result: OK" in capsys.readouterr().out
    con = sqlite3.connect(path)
    con.execute("UPDATE invoice SET paid = paid + 1")
    con.commit()
    con.close()
    report = check_path(path)
    assert not report.ok and "differs from its allocations" in report.consistency[0]
    assert main(["--db", str(path), "check"]) == 3
    assert "PROBLEMS FOUND" in capsys.readouterr().out


def test_cli_backup_restore_export(path, tmp_path, capsys):
    dest = tmp_path / "cli-backup.ardb"
    assert main(["--db", str(path), "backup", str(dest)]) == 0
    assert "Backup Test GmbH" in capsys.readouterr().out
    books = open_company(path, FixedClock(TODAY))
    customers(2, books, 70)
    books.close()
    assert main(["--db", str(path), "restore", str(dest)]) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "3 customer" in out
    assert main(["--db", str(path), "export", "aging", str(tmp_path / "a.xlsx"), "--as-of", "2026-03-31"]) == 0
    assert main(["--db", str(path), "export", "invoices", str(tmp_path / "i.csv")]) == 0
    assert (tmp_path / "i.csv").read_text(encoding="utf-8-sig").startswith("number,")
    assert main(["--db", str(path), "export", "invoices", str(tmp_path / "i.txt")]) == 1


# ---- the disk says no ---------------------------------------------------------------------------

def _on_connect(books, sql: str):
    def apply(dbapi_connection, _record):
        dbapi_connection.execute(sql)
    event.listen(books.db.engine, "connect", apply)
    books.db.engine.dispose()


def test_disk_full_is_a_user_error(path):
    books = open_company(path, FixedClock(TODAY))
    with books.db.engine.connect() as c:
        pages = c.exec_driver_sql("PRAGMA page_count").scalar()
    _on_connect(books, f"PRAGMA max_page_count={pages + 1}")
    with pytest.raises(DiskFull, match="full"):
        add_customer(books, {"code": "BIG", "name": "x" * 150, "notes": "y" * 3900, "address": "z" * 490})
        customers(200, books, 500)
    books.db.auto_backup = False
    books.close()


def test_read_only_is_a_user_error(path):
    books = open_company(path, FixedClock(TODAY))
    _on_connect(books, "PRAGMA query_only=ON")
    with pytest.raises(ReadOnlyFile, match="read-only"):
        customers(1, books, 900)
    books.close()


def test_read_only_disk_is_a_user_error(tmp_path, read_only_dir):
    """A real read-only folder (a read-only bind mount under root, which permission bits would not stop)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    p = folder / "co.ardb"
    b = create_company(p, "Read Only GmbH", "EUR", clock=FixedClock(TODAY))
    customers(2, b)
    b.close()
    before = p.read_bytes()
    read_only_dir(folder)
    with pytest.raises(ReadOnlyFile, match="read-only|cannot be opened for writing|Cannot open"):
        books = open_company(p, FixedClock(TODAY))
        try:
            customers(1, books, 900)
        finally:
            books.close()
    assert p.read_bytes() == before


def test_locked_file_is_a_user_error(path):
    books = open_company(path, FixedClock(TODAY))
    _on_connect(books, "PRAGMA busy_timeout=50")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(FileBusy, match="busy"):
            customers(1, books, 900)
    finally:
        other.execute("ROLLBACK")
        other.close()
    customers(1, books, 900)  # and it works again once the other program lets go
    books.close()


def test_backup_reports_progress_and_cancel_leaves_nothing(path, tmp_path):
    from ar_desktop.services.progress import Cancelled, Progress

    books = open_company(path)
    try:
        many = tmp_path / "many.csv"  # several copy steps' worth of pages, imported in one go
        many.write_text("code,name\n" + "".join(f"C{i:04d},Customer {i}\n" for i in range(500, 3500)),
                        encoding="utf-8")
        import_file(books, "customers", many)
        seen = []
        dest = back_up(books, tmp_path / "copy.ardb", Progress(lambda done, total, _t: seen.append((done, total))))
        assert dest.exists() and seen and seen[-1][0] == seen[-1][1]
        calls = []
        with pytest.raises(Cancelled):
            back_up(books, tmp_path / "cancelled.ardb", Progress(lambda *a: calls.append(a), lambda: True))
        assert not (tmp_path / "cancelled.ardb").exists()
        assert not (tmp_path / "cancelled.ardb.part").exists()
    finally:
        books.close()


def test_the_copy_on_close_is_checked_and_compared_with_the_file(path, tmp_path):
    """The automatic backup on close of a file checked in its session gets the quick check and a comparison
    with the file (storage.backup); a file whose pages were damaged on disk during the session is still
    never backed up: the copy is refused and the close goes on."""
    from ar_desktop.storage.backup import _shape

    books = open_company(path, FixedClock(TODAY))
    before = automatic_backups(path)
    customers(2, books, 300)
    books.close()
    newest = automatic_backups(path)[0]
    assert newest not in before and describe_backup(newest).ok and describe_backup(newest).counts["customer"] == 5
    src, copy = sqlite3.connect(path), sqlite3.connect(newest)
    try:
        assert _shape(src) == _shape(copy)   # every page there, the same header fields and schema
        copy.execute("CREATE TABLE extra (x)")
        assert _shape(src) != _shape(copy)
    finally:
        src.close()
        copy.close()

    books = open_company(path, FixedClock(TODAY))
    customers(300, books, 1000)   # pages enough to damage some
    with books.db.session() as s:   # fold the log into the file, so the damage below stays in it
        s.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    kept = automatic_backups(path)
    _damage(path)
    books.close()   # its automatic backup is refused, the closing is not
    assert automatic_backups(path) == kept
    assert not check_path(path).ok
    with pytest.raises(DamagedFile):   # no clean-close mark: the next open checks the file fully first
        open_company(path, FixedClock(TODAY))
