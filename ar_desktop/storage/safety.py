"""Keeping records safe: plain errors for what the disk says, integrity and consistency checks,
and the rotating backups kept beside each company file in ``<stem>.backups/``."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from ar_desktop.domain.errors import UserError

QUICK_CHECK_ABOVE = 200 * 2**20  # bytes: larger files get quick_check instead of the full integrity_check
OPEN_FULL_CHECK_BELOW = 20 * 2**20  # on open, small files get the full integrity_check
DEFAULT_KEEP = 10
KEEP_SETTING = "backup.keep"


class StorageError(UserError):
    """The company file could not be written or read; nothing was changed."""


class DiskFull(StorageError):
    pass


class ReadOnlyFile(StorageError):
    pass


class FileBusy(StorageError):
    pass


class DamagedFile(StorageError):
    """The file fails its integrity check; it is not written to. ``backup`` is the latest good backup."""

    def __init__(self, path: Path, problems: list[str], backup: Path | None):
        self.path, self.problems, self.backup = Path(path), problems, backup
        hint = (f" The latest good backup is {backup}; restore it with File ▸ Restore (or "
                f"'ar-desktop --db \"{path}\" restore \"{backup}\"')." if backup else
                " No automatic backup was found beside it; restore a copy you made, if you have one.")
        shown = "; ".join(problems[:3])
        super().__init__(f"{Path(path).name} is damaged ({shown}). It was not changed.{hint}")


def map_operational_error(e: BaseException, path: Path) -> StorageError | None:
    """The plain UserError for a SQLite failure (disk full, read-only, locked, I/O), or None if a bug."""
    text = str(getattr(e, "orig", None) or e).lower()
    name = Path(path).name
    if "database or disk is full" in text or "disk is full" in text:
        return DiskFull(f"The disk holding {name} is full; the last change was not saved. Free some space (or "
                        "move the file to a disk with room), then do it again.")
    if "readonly database" in text or "read-only" in text or "attempt to write a readonly" in text:
        return ReadOnlyFile(f"{name} is read-only, so the change was not saved. Copy the file to a folder you may "
                            "write to (or remove the read-only flag), open that copy and do it again.")
    if "unable to open database file" in text:
        return ReadOnlyFile(f"{name} or its folder cannot be opened for writing (unable to open database file). "
                            "Check that the folder still exists and that you may write to it.")
    if "database is locked" in text or "database table is locked" in text:
        return FileBusy(f"{name} is busy in another program (database is locked); the change was not saved. Close "
                        "the other program (or wait a moment) and do it again.")
    if "disk i/o error" in text:
        return StorageError(f"The disk reported an error while writing {name} (disk I/O error); the change was not "
                            "saved. Check the disk or network drive, then do it again.")
    if "malformed" in text or "file is not a database" in text:
        return DamagedFile(path, [str(getattr(e, "orig", None) or e)], latest_backup(path))
    return None


# ---- checks ------------------------------------------------------------------------------------

def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def integrity_problems(path: Path, *, full: bool | None = None) -> list[str]:
    """SQLite's own check of the file: [] when sound. ``full`` None: integrity_check unless very large."""
    path = Path(path)
    if full is None:
        full = path.stat().st_size <= QUICK_CHECK_ABOVE
    try:
        con = _connect_ro(path)
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check")]
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        return [str(e)]
    return [] if rows == ["ok"] else rows


def consistency_problems(con: sqlite3.Connection) -> list[str]:
    """The books' own rules: paid equals allocations, nothing overpaid or negative, foreign keys hold."""
    out: list[str] = []
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"invoice", "allocation", "payment"} <= tables:
        return out
    for number, paid, alloc in con.execute(
            "SELECT i.number, i.paid, COALESCE(SUM(a.amount), 0) FROM invoice i "
            "LEFT JOIN allocation a ON a.invoice_id = i.id GROUP BY i.id HAVING i.paid != COALESCE(SUM(a.amount), 0)"):
        out.append(f"invoice {number}: paid column {paid} differs from its allocations {alloc} (minor units)")
    for number, amount, paid in con.execute("SELECT number, amount, paid FROM invoice WHERE paid > amount"):
        out.append(f"invoice {number}: paid {paid} exceeds its amount {amount} (minor units)")
    for pid, amount, alloc in con.execute(
            "SELECT p.id, p.amount, SUM(a.amount) FROM payment p JOIN allocation a ON a.payment_id = p.id "
            "GROUP BY p.id HAVING SUM(a.amount) > p.amount"):
        out.append(f"payment {pid}: allocations {alloc} exceed the payment {amount} (minor units)")
    for table, col in (("invoice", "amount"), ("invoice", "paid"), ("payment", "amount"), ("allocation", "amount")):
        n = con.execute(f"SELECT COUNT(*) FROM {table} WHERE {col} < 0").fetchone()[0]  # noqa: S608 - fixed names
        if n:
            out.append(f"{n} {table} row(s) with a negative {col}")
    n = con.execute("SELECT COUNT(*) FROM allocation a JOIN invoice i ON i.id = a.invoice_id "
                    "JOIN payment p ON p.id = a.payment_id WHERE i.customer_id != p.customer_id").fetchone()[0]
    if n:
        out.append(f"{n} allocation(s) apply a payment to another customer's invoice")
    for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check"):
        out.append(f"{table} row {rowid} points to a missing {parent}")
    return out


def check_file(path: Path) -> list[str]:
    """Integrity and consistency of a (closed or open) company file: [] when all is well."""
    problems = integrity_problems(path)
    if problems:
        return [f"integrity: {p}" for p in problems]
    con = _connect_ro(Path(path))
    try:
        return consistency_problems(con)
    finally:
        con.close()


# ---- backups beside the file -------------------------------------------------------------------

def backups_dir(path: Path) -> Path:
    path = Path(path)
    return path.with_name(f"{path.stem}.backups")


def list_backups(path: Path) -> list[Path]:
    """The automatic backups of a company file, newest first."""
    folder = backups_dir(path)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.suffix == Path(path).suffix and p.is_file()),
                  key=lambda p: p.name, reverse=True)


def latest_backup(path: Path) -> Path | None:
    """The newest automatic backup that passes the quick check."""
    for b in list_backups(path):
        try:
            if not integrity_problems(b, full=False):
                return b
        except OSError:
            continue
    return None


def rotating_backup(path: Path, keep: int = DEFAULT_KEEP, reason: str = "closed") -> Path:
    """Back the file up into ``<stem>.backups/`` and keep only the newest ``keep`` backups."""
    from ar_desktop.storage.backup import backup_file

    path = Path(path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = backups_dir(path) / f"{path.stem}-{stamp}-{reason}{path.suffix}"
    backup_file(path, dest)
    for old in list_backups(path)[max(keep, 1):]:
        try:
            old.unlink()
        except OSError:
            pass
    return dest


def read_keep(con: sqlite3.Connection) -> int:
    try:
        row = con.execute("SELECT value FROM setting WHERE key = ?", (KEEP_SETTING,)).fetchone()
        return max(1, int(row[0])) if row else DEFAULT_KEEP
    except (sqlite3.Error, ValueError, TypeError):
        return DEFAULT_KEEP


def fsync_dir(folder: Path) -> None:
    if os.name != "nt":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def consistency_of(path: Path) -> list[str]:
    con = _connect_ro(Path(path))
    try:
        return consistency_problems(con)
    finally:
        con.close()


def describe_file(path: Path, application_id: int) -> dict:
    """What a (backup) file holds, read-only: company, schema, counts, newest timestamp, consistency.

    Raises UserError when it is no company file; sqlite3.DatabaseError when it cannot be read."""
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id != application_id or "company" not in tables:
            raise UserError(f"{Path(path).name} is not a backup of an AR Desktop company file.")
        schema = con.execute("SELECT version_num FROM alembic_version").fetchone()
        company = con.execute("SELECT legal_name FROM company WHERE id = 1").fetchone()
        counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                  for t in ("customer", "invoice", "payment") if t in tables}
        stamps = [con.execute(f"SELECT MAX(created_at) FROM {t}").fetchone()[0]  # noqa: S608
                  for t in ("customer", "invoice", "payment") if t in tables]
        if "audit_entry" in tables:
            stamps.append(con.execute("SELECT MAX(at) FROM audit_entry").fetchone()[0])
        return {"schema": schema[0] if schema else "?", "company": company[0] if company else "?",
                "counts": counts, "stamps": [str(x) for x in stamps if x],
                "consistency": consistency_problems(con)}
    finally:
        con.close()


def drop_wal(target: Path) -> None:
    """Fold any write-ahead log into the file and remove it, so it cannot be applied to a replacement."""
    if Path(target).exists():
        try:
            con = sqlite3.connect(target)
            try:
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                con.close()
        except sqlite3.DatabaseError:
            pass
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
