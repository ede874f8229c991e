"""Keeping records safe: plain errors for what the disk says, integrity and consistency checks,
and the rotating backups kept beside each company file in ``<stem>.backups/``."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate
from ar_desktop.storage.days import problems as days_problems
from ar_desktop.storage.days import stamp_of

if TYPE_CHECKING:
    from ar_desktop.storage.opening import OpeningWatch

QUICK_CHECK_ABOVE = 200 * 2**20  # bytes: larger files get quick_check instead of the full integrity_check
DEFAULT_KEEP = 10
APPLICATION_ID = 0x41524453  # "ARDS": marks a SQLite file as an AR Desktop company file
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
        hint = (Text(translate("Messages", " The latest good backup is {backup}; restore it with File ▸ Restore (or "
                                           "'ar-desktop --db \"{path}\" restore \"{backup}\"')."),
                     backup=backup, path=path) if backup else
                Text(translate("Messages", " No automatic backup was found beside it; restore a copy you made, if "
                                           "you have one.")))
        shown = "; ".join(problems[:3])
        super().__init__(Text(translate("Messages", "{name} is damaged. It was not changed.{hint} (SQLite's integrity "
                                                    "check: {shown})"),
                              name=Path(path).name, shown=shown, hint=hint))


# SQLite's primary result codes (``sqlite3.Error.sqlite_errorcode & 0xFF``) and the trouble each means for the file.
_RESULT_CODES = {5: "busy", 6: "busy", 8: "readonly", 10: "ioerr", 11: "damaged", 13: "full", 14: "cantopen",
                 26: "damaged"}
# SQLite's own words for them, for an error that carries no code (raised by hand, or by an older driver).
_WORDS = (("full", ("database or disk is full", "disk is full")),
          ("readonly", ("readonly database", "read-only", "attempt to write a readonly")),
          ("cantopen", ("unable to open database file",)),
          ("busy", ("database is locked", "database table is locked")),
          ("ioerr", ("disk i/o error",)),
          ("damaged", ("malformed", "not a database", "corrupt")))


def trouble_kind(e: BaseException) -> str | None:
    """What a SQLite error (or SQLAlchemy's wrapping of one) says of the file: "full", "readonly", "cantopen",
    "busy", "ioerr" or "damaged"; None for anything else (a bug, an interrupted read). The one place that reads
    SQLite's errors: by result code, else by SQLite's words."""
    error = getattr(e, "orig", None) or e
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _RESULT_CODES.get(code & 0xFF)
    text = str(error).lower()
    return next((kind for kind, words in _WORDS if any(w in text for w in words)), None)


def map_operational_error(e: BaseException, path: Path) -> StorageError | None:
    """The plain UserError for a SQLite failure (disk full, read-only, locked, I/O), or None if a bug."""
    kind = trouble_kind(e)
    name = Path(path).name
    if kind == "full" or (kind == "ioerr" and _nearly_full(Path(path).parent)):  # e.g. SQLite's -shm cannot grow
        return DiskFull(Text(translate("Messages", "The disk holding {name} is full; the last change was not "
                                                   "saved. Free some space (or move the file to a disk with room), "
                                                   "then do it again."), name=name))
    if kind == "readonly":
        return ReadOnlyFile(Text(translate("Messages", "{name} is read-only, so the change was not saved. Copy the "
                                                       "file to a folder you may write to (or remove the read-only "
                                                       "flag), open that copy and do it again."), name=name))
    if kind == "cantopen":
        return ReadOnlyFile(Text(translate("Messages", "{name} or its folder cannot be opened for writing (unable "
                                                       "to open database file). Check that the folder still exists "
                                                       "and that you may write to it."), name=name))
    if kind == "busy":
        return FileBusy(Text(translate("Messages", "{name} is busy in another program (database is locked); the "
                                                   "change was not saved. Close the other program (or wait a moment) "
                                                   "and do it again."), name=name))
    if kind == "ioerr":
        return StorageError(Text(translate("Messages", "The disk reported an error while writing {name} (disk I/O "
                                                       "error); the change was not saved. Check the disk or network "
                                                       "drive, then do it again."), name=name))
    if kind == "damaged":
        return DamagedFile(path, [str(getattr(e, "orig", None) or e)], latest_backup(path))
    return None


def storage_error(e: sqlite3.Error) -> StorageError:
    """A SQLite error that reached the window without the file's name (not through a session): the storage
    error of its kind, saying what happened and what to do."""
    kind = trouble_kind(e)
    if kind == "damaged":
        return StorageError(Text(translate("Messages", "The company file is damaged and could not be read. Restore "
                                                       "the latest backup (File ▸ Restore from backup…).")))
    if kind == "busy":
        return FileBusy(Text(translate("Messages", "The company file is busy in another program. Close the other "
                                                   "program or wait a moment, then do it again.")))
    if kind == "full":
        return DiskFull(Text(translate("Messages", "The disk holding the company file is full. Free some space, then "
                                                   "do it again.")))
    if kind in ("readonly", "cantopen"):
        return ReadOnlyFile(Text(translate("Messages", "The company file cannot be written: it or its folder is "
                                                       "read-only. Open a copy on a disk you may write to.")))
    return StorageError(Text(translate("Messages", "The company file could not be read or written. Check the disk, "
                                                   "then do it again; if it happens again, restore the latest "
                                                   "backup.")))


def file_error(path: Path, e: OSError) -> StorageError | UserError:
    """The plain UserError for an OSError while writing ``path``."""
    import errno

    if e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull(Text(translate("Messages", "The disk holding {name} is full (or the file would be too large); "
                                       "it was not written. Free some space or choose another disk, then do it "
                                       "again."), name=Path(path).name))
    if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyFile(Text(translate("Messages", "Cannot write {path}: {reason}. Choose a folder you may write "
                                           "to."), path=str(path), reason=e.strerror))
    return StorageError(Text(translate("Messages", "Cannot write {path}: {reason}. Check the disk and the folder, then "
                                       "do it again."), path=str(path), reason=e.strerror or str(e)))


def _nearly_full(folder: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(folder).free < 2**20
    except OSError:
        return False


def unreadable(e: sqlite3.DatabaseError, path: Path) -> StorageError | None:
    """The plain error when SQLite could not read a file for a reason outside it (a full disk, no access,
    another program's lock); None when the file itself is at fault (damaged, not a database)."""
    kind = trouble_kind(e) if isinstance(e, sqlite3.OperationalError) else None
    name = Path(path).name
    if kind == "full" or (kind == "ioerr" and _nearly_full(Path(path).parent)):
        return DiskFull(Text(translate("Messages", "The disk holding {name} is full; SQLite needs a little room beside "
                                       "the file even to read it. Free some space, then do it again. The file was "
                                       "not changed."), name=name))
    if kind == "busy":
        return FileBusy(Text(translate("Messages", "{name} is busy in another program (database is locked). Close the "
                                       "other program (or wait a moment) and do it again."), name=name))
    if kind in ("cantopen", "readonly", "ioerr"):
        return StorageError(Text(translate("Messages", "Cannot read {path} ({reason}). Check that you may read the "
                                           "file and its folder, and the disk."), path=str(path), reason=str(e)))
    return None


# ---- what a file is ----------------------------------------------------------------------------

class NotCompanyFile(UserError):
    """The file is not an AR Desktop company file (empty, not SQLite, another program's database)."""


SQLITE_MAGIC = b"SQLite format 3\x00"
SCHEMA_TABLE = "alembic_version"


def connect_ro(path: Path) -> sqlite3.Connection:
    """A read-only connection that also works on a read-only disk.

    A file in WAL mode needs its ``-shm`` beside it even to be read; on a read-only folder (a CD, a
    write-protected stick, a read-only mount) SQLite cannot create it, so the file is read as immutable
    - safe there, since nothing can change it - unless a write-ahead log is left beside it."""
    path = Path(path)
    con = sqlite3.connect(f"file:{uri_path(path)}?mode=ro", uri=True)
    try:
        con.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        return con
    except sqlite3.OperationalError as e:
        con.close()
        wal = Path(f"{path}-wal")
        if "unable to open" in str(e) and not os.access(path.parent, os.W_OK) and \
                not (wal.exists() and wal.stat().st_size > 0):
            return sqlite3.connect(f"file:{uri_path(path)}?mode=ro&immutable=1", uri=True)
        raise


def uri_path(path: Path) -> str:
    from urllib.parse import quote

    return quote(str(path), safe="/:\\")


def _header(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(100)
    except OSError:
        return b""


def inspect_company_file(path: Path) -> str:
    """The schema revision of an existing company file, read without writing anything.

    Raises NotCompanyFile for anything that is not an AR Desktop company file, DamagedFile for a company
    file whose pages or schema table are broken, UserError when it cannot be read at all."""
    path = Path(path)
    name = path.name
    try:
        st = path.stat()
    except FileNotFoundError:
        raise UserError(Text(translate("Messages", "There is no company file at {path}. Check the name and folder."),
                             path=str(path))) from None
    except OSError as e:
        raise UserError(Text(translate("Messages", "Cannot read {path}: {reason}. Check that you may read the file."),
                             path=str(path), reason=e.strerror)) from None
    import stat

    if not stat.S_ISREG(st.st_mode):
        raise NotCompanyFile(Text(translate("Messages", "{name} is not a file (it is a folder or a device). Choose a "
                                            ".ardb company file."), name=name))
    if st.st_size == 0:
        raise NotCompanyFile(Text(translate("Messages", "{name} is empty (0 bytes); it is not an AR Desktop company "
                                            "file. Choose a .ardb file made by AR Desktop."), name=name))
    header = _header(path)
    if header[:16] != SQLITE_MAGIC:
        raise NotCompanyFile(Text(translate("Messages", "{name} is not an AR Desktop company file (it is not a SQLite "
                                            "database). Choose a .ardb file made by AR Desktop."), name=name))
    try:
        con = connect_ro(path)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            rev = con.execute(f"SELECT version_num FROM {SCHEMA_TABLE}").fetchall() \
                if app_id == APPLICATION_ID and SCHEMA_TABLE in tables else []
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        trouble = unreadable(e, path)
        if trouble is not None:  # the disk or another program, not the file
            raise trouble from None
        if int.from_bytes(header[68:72], "big") == APPLICATION_ID:  # ours, but its pages are broken
            raise DamagedFile(path, [str(e)], latest_backup(path)) from None
        raise NotCompanyFile(Text(translate("Messages", "{name} is a damaged SQLite database that is not an AR Desktop "
                                            "company file ({reason}). Choose a .ardb file made by AR Desktop."),
                                  name=name, reason=str(e))) from None
    if app_id != APPLICATION_ID:
        if not tables:
            raise NotCompanyFile(Text(translate("Messages", "{name} is an empty SQLite database, not an AR Desktop "
                                                "company file. It was not changed. Choose a .ardb file made by AR "
                                                "Desktop."), name=name))
        if app_id == 0:
            shown = ", ".join(sorted(tables)[:4]) + (", ..." if len(tables) > 4 else "")
            raise NotCompanyFile(Text(translate("Messages", "{name} is another program's SQLite database (tables "
                                                "{tables}), not an AR Desktop company file. It was not changed. "
                                                "Choose a .ardb file made by AR Desktop."), name=name, tables=shown))
        raise NotCompanyFile(Text(translate("Messages", "{name} is a SQLite database of another program (application "
                                            "id {app_id}), not an AR Desktop company file. It was not changed. Choose "
                                            "a .ardb file made by AR Desktop."), name=name, app_id=f"{app_id:#010x}"))
    if len(rev) != 1 or not rev[0][0]:
        raise DamagedFile(path, [f"its schema version table ({SCHEMA_TABLE}) is missing or empty"],
                          latest_backup(path))
    return str(rev[0][0])


def in_use_by_sqlite(path: Path) -> bool:
    """Whether another program has ``path`` open through SQLite, or left it mid-write: a non-empty -wal or
    -journal beside it, or a connection's lock on its -shm (SQLite holds byte 128 of it while connected)."""
    for side in ("-wal", "-journal"):
        p = Path(f"{path}{side}")
        if p.exists() and p.stat().st_size > 0:
            return True
    shm = Path(f"{path}-shm")
    if os.name == "nt" or not shm.exists():
        return False
    import fcntl

    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return True
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128, os.SEEK_SET)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 128, os.SEEK_SET)
        return False
    finally:
        os.close(fd)


# ---- checks ------------------------------------------------------------------------------------

def check_is_full(path: Path) -> bool:
    """The full integrity_check up to QUICK_CHECK_ABOVE bytes, quick_check beyond."""
    return Path(path).stat().st_size <= QUICK_CHECK_ABOVE


def integrity_problems(path: Path, *, full: bool | None = None,
                       interrupt: list[sqlite3.Connection] | None = None, watch: OpeningWatch | None = None) -> list[str]:
    """SQLite's own check of the file: [] when sound. ``full`` None: integrity_check unless very large.

    ``interrupt``, when given, receives the connection so another thread can stop a long check; ``watch`` stops
    it when the user cancels an opening (then the answer says nothing about the file: the caller asks it)."""
    path = Path(path)
    if full is None:
        full = check_is_full(path)
    try:
        con = connect_ro(path)
        if interrupt is not None:
            interrupt.append(con)
        if watch is not None:
            watch.guard(con)
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check")]
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        trouble = unreadable(e, path)
        if trouble is not None:  # the disk or another program said no: that says nothing about the file
            raise trouble from None
        return [str(e)]
    return [] if rows == ["ok"] else rows


def consistency_problems(con: sqlite3.Connection) -> list[str]:
    """The books' own rules: paid equals allocations, nothing overpaid or negative, foreign keys hold."""
    out: list[str] = []
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"invoice", "allocation", "payment"} <= tables:
        return out
    from ar_desktop.storage.open_set import derived_mismatches

    out += derived_mismatches(con)   # paid and last payment date against the allocations
    out += days_problems(con)         # every date a day number, every time whole seconds
    for number, amount, paid in con.execute("SELECT number, amount, paid FROM invoice WHERE paid > amount"):
        out.append(f"invoice {number}: paid {paid} exceeds its amount {amount} (minor units)")
    # a reversal (negative, reverses_id set) takes back at most its amount; a change of split takes
    # back with negative allocations, but no entry ever applies less than nothing to an invoice
    reversals = "reverses_id" in {r[1] for r in con.execute("PRAGMA table_info(payment)")}
    for pid, amount, alloc in con.execute(
            "SELECT p.id, p.amount, SUM(a.amount) FROM payment p JOIN allocation a ON a.payment_id = p.id "
            "GROUP BY p.id HAVING (p.amount > 0 AND SUM(a.amount) > p.amount) "
            "OR (p.amount < 0 AND SUM(a.amount) < p.amount)"):
        out.append(f"payment {pid}: allocations {alloc} exceed the payment {amount} (minor units)")
    signed = {("payment", "amount"), ("allocation", "amount")} if reversals else set()
    for table, col in (("invoice", "amount"), ("invoice", "paid"), ("payment", "amount"), ("allocation", "amount")):
        if (table, col) in signed:
            continue
        n = con.execute(f"SELECT COUNT(*) FROM {table} WHERE {col} < 0").fetchone()[0]  # noqa: S608 - fixed names
        if n:
            out.append(f"{n} {table} row(s) with a negative {col}")
    if reversals:
        n = con.execute("SELECT COUNT(*) FROM payment WHERE (amount < 0) != (reverses_id IS NOT NULL)").fetchone()[0]
        if n:
            out.append(f"{n} payment row(s) with a negative amount that reverse no entry, or the reverse")
        for pid, number, units in con.execute(
                "SELECT COALESCE(p.reverses_id, p.id), i.number, SUM(a.amount) FROM allocation a "
                "JOIN payment p ON p.id = a.payment_id JOIN invoice i ON i.id = a.invoice_id "
                "GROUP BY COALESCE(p.reverses_id, p.id), a.invoice_id HAVING SUM(a.amount) < 0"):
            out.append(f"payment {pid} takes back {-units} more than it applied to invoice {number} (minor units)")
    n = con.execute("SELECT COUNT(*) FROM allocation a JOIN invoice i ON i.id = a.invoice_id "
                    "JOIN payment p ON p.id = a.payment_id WHERE i.customer_id != p.customer_id").fetchone()[0]
    if n:
        out.append(f"{n} allocation(s) apply a payment to another customer's invoice")
    for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check"):
        out.append(f"{table} row {rowid} points to a missing {parent}")
    return out


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


def rotating_backup(path: Path, keep: int = DEFAULT_KEEP, reason: str = "closed", *,
                    source_checked: bool = False) -> Path:
    """Back the file up into ``<stem>.backups/`` and keep only the newest ``keep`` backups
    (``source_checked``: as ``backup.backup_file``'s)."""
    from ar_desktop.storage.backup import backup_file

    path = Path(path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = backups_dir(path) / f"{path.stem}-{stamp}-{reason}{path.suffix}"
    backup_file(path, dest, source_checked=source_checked)
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
    con = connect_ro(Path(path))
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
            raise UserError(Text(translate("Messages", "{name} is not a backup of an AR Desktop company file."),
                                 name=Path(path).name))
        schema = con.execute("SELECT version_num FROM alembic_version").fetchone()
        company = con.execute("SELECT legal_name FROM company WHERE id = 1").fetchone()
        counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                  for t in ("customer", "invoice", "payment") if t in tables}
        stamps = [con.execute(f"SELECT MAX(created_at) FROM {t}").fetchone()[0]  # noqa: S608
                  for t in ("customer", "invoice", "payment") if t in tables]
        if "audit_entry" in tables:
            stamps.append(con.execute("SELECT MAX(at) FROM audit_entry").fetchone()[0])
        return {"schema": schema[0] if schema else "?", "company": company[0] if company else "?",
                "counts": counts, "stamps": [str(stamp_of(x) if isinstance(x, int) else x) for x in stamps if x],
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
