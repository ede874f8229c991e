"""Opening a company file: recognise it, lock it, back it up, migrate it, then hand out sessions.

SQLAlchemy (engine, ORM, audit hooks) is imported and its engine made only when something asks for
a session or the engine, or the file needs an upgrade: recognising, locking and checking a file is
plain sqlite3, and a command that only reads (``kpi``) asks ``Database.reader`` for a plain
connection and never pays for SQLAlchemy's import.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate
from ar_desktop.storage import safety, scratch
from ar_desktop.storage.background_check import BackgroundCheck
from ar_desktop.storage.backup import timestamped_backup
from ar_desktop.storage.connection import connect_plain, database_errors, make_engine, on_read_only_disk
from ar_desktop.storage.lock import FileLock
from ar_desktop.storage.opening import OpeningCancelled, OpeningWatch
from ar_desktop.storage.upgrade import known_revisions, migrate

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

__all__ = ["Database", "open_database"]

_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


class Database:
    """An open, locked, up-to-date company file.

    ``checked`` says whether its integrity check passed in this session. A file that was closed cleanly is
    checked in the background after opening; until that passes every write waits for it, and a file found
    damaged is never written to (DamagedFile)."""

    def __init__(self, path: Path, engine: Engine | None, lock: FileLock, *, check_in_background: bool = False,
                 read_only: bool = False, defer_check: bool = False):
        self.path = path
        self.read_only = read_only  # on a read-only disk: every write is refused (ReadOnlyFile)
        self._engine: Engine | None = None
        self._sessions = None
        self._lock = lock
        self.changed = False  # a write was committed since opening: closing then makes an automatic backup
        self.writes = 0  # transactions committed with a write since opening
        self.auto_backup = True
        self._writing = False  # a write statement ran in the transaction now open
        self._disk_trouble = False  # the disk refused a write: no automatic backup onto it on close
        # deferred: started with the engine (the first session), for a reader that may never write
        self._check_deferred = check_in_background and defer_check
        self._check_with_session = True  # a deferred check starts with the first session, unless held (hold_check)
        self._check_lock = threading.Lock()
        self._check = BackgroundCheck(path) if check_in_background and not defer_check else None
        self.problems: list[str] = []
        self._in_use: dict[int, tuple[int, sqlite3.Connection]] = {}  # id -> (thread, connection) checked out
        self._in_use_lock = threading.Lock()
        self._engine_lock = threading.Lock()
        if engine is not None:
            self._use_engine(engine)

    # -- SQLAlchemy, made on first use ------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        if self._engine is None:
            with self._engine_lock:
                if self._engine is None:
                    self._use_engine(make_engine(self.path, self.read_only))
        return self._engine

    def _use_engine(self, engine: Engine) -> None:
        from sqlalchemy import event
        from sqlalchemy.orm import sessionmaker

        from ar_desktop.storage import orm_audit

        if self._check_with_session:
            self.start_check()
        sessions = sessionmaker(engine, expire_on_commit=False)
        orm_audit.install(sessions)  # every write through a session leaves an audit entry
        event.listen(engine, "before_cursor_execute", self._before_execute)
        event.listen(engine, "commit", self._on_commit)
        event.listen(engine, "rollback", self._on_rollback)
        event.listen(engine, "checkout", self._on_checkout)
        event.listen(engine, "checkin", self._on_checkin)
        self._sessions, self._engine = sessions, engine

    def start_check(self) -> None:
        """Start now a background check that was deferred (``open_database(reading=True)``)."""
        with self._check_lock:  # the window's thread and a worker's first session may ask at once
            if self._check_deferred:
                self._check = BackgroundCheck(self.path)
                self._check_deferred = False

    def hold_check(self) -> None:
        """A deferred check then starts with ``start_check`` or before the first write (which waits for it),
        not with the first session: the window starts it once the whole Overview is on screen, so that the
        reads the user waits for first do not share the two cores with it."""
        self._check_with_session = False

    # -- the integrity check ----------------------------------------------------------------------
    @property
    def checked(self) -> bool:
        """The integrity check passed in this session (False while it runs in the background, or
        before a deferred one started)."""
        if self._check_deferred:
            return False
        if self._check is None:
            return not self.problems
        return self._check.done.is_set() and self._check.problems == [] and self._check.error is None

    def check_result(self) -> list[str] | None:
        """The background check's problems ([] when sound), or None while it still runs."""
        if self._check_deferred:
            return None
        if self._check is None:
            return list(self.problems)
        return list(self._check.problems) if self._check.done.is_set() and self._check.problems is not None \
            else None

    def wait_until_checked(self) -> None:
        """Wait for the background check; raises DamagedFile when it found the file damaged."""
        self.start_check()
        if self._check is not None:
            self._check.done.wait()
            if self._check.error is not None:
                raise self._check.error
            if self._check.problems:
                self.problems = list(self._check.problems)
                from ar_desktop.storage import clean_close

                clean_close.forget(self.path)
        if self.problems:
            raise safety.DamagedFile(self.path, self.problems, safety.latest_backup(self.path))

    # -- what was written -------------------------------------------------------------------------
    def _before_execute(self, _conn, _cursor, statement, _params, _context, _many) -> None:
        if not self._writing and statement.lstrip()[:7].upper().startswith(_WRITES):
            self.wait_until_checked()  # a damaged file is never written to
            self._writing = True

    def _on_commit(self, _conn) -> None:
        if self._writing:
            self.changed = True
            self.writes += 1
        self._writing = False

    def _on_rollback(self, _conn) -> None:
        self._writing = False

    # -- stopping reads ---------------------------------------------------------------------------
    def _on_checkout(self, dbapi_connection, _record, _proxy) -> None:
        with self._in_use_lock:
            self._in_use[id(dbapi_connection)] = (threading.get_ident(), dbapi_connection)

    def _on_checkin(self, dbapi_connection, _record) -> None:
        with self._in_use_lock:
            self._in_use.pop(id(dbapi_connection), None)

    def interrupt_reads(self, threads: Collection[int] | None = None) -> int:
        """Stop at once the statements running on this file's connections (those used by ``threads``, or
        all) that are not inside a write transaction: each fails with SQLite's "interrupted", having
        written nothing. A connection that has written in its open transaction is left to finish (its
        caller cancels it and the transaction is rolled back or committed whole). Returns how many
        connections were interrupted."""
        n = 0
        with self._in_use_lock:
            for thread, con in self._in_use.values():
                # Python's sqlite3 opens a transaction only before a write: none open means reads only
                if (threads is None or thread in threads) and not con.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        con.interrupt()
                        n += 1
        return n

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.

        What the disk says (full, read-only, locked, I/O error, damaged) becomes a plain UserError here,
        so every write gets the same message."""
        from sqlalchemy.exc import DatabaseError as SqlDatabaseError

        self.engine  # noqa: B018  (made on first use, with the session factory)
        try:
            with self._sessions() as s, s.begin():
                yield s
        except SqlDatabaseError as e:
            mapped = self._write_error(e)
            if mapped is None:
                raise
            raise mapped from e

    def _write_error(self, e: Exception) -> UserError | None:
        """What the disk said of a write, as a plain UserError (None: not the disk's); but for a busy file, no
        automatic backup onto that disk on closing."""
        mapped = safety.map_operational_error(e, self.path)
        if mapped is not None and not isinstance(mapped, safety.FileBusy):
            self._disk_trouble = True
        return mapped

    @contextlib.contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """A DB-API connection for reading: the engine's (in a session's transaction) once the engine
        is made, else a plain one (no SQLAlchemy import). Nothing may be written through it. What the
        disk says becomes a plain UserError, as in ``session``."""
        if self._engine is not None:
            with self.session() as s:
                yield s.connection().connection.dbapi_connection
            return
        con = connect_plain(self.path, self.read_only)
        with self._in_use_lock:
            self._in_use[id(con)] = (threading.get_ident(), con)
        try:
            yield con
        except sqlite3.DatabaseError as e:
            mapped = safety.map_operational_error(e, self.path)
            if mapped is None:
                raise
            raise mapped from e
        finally:
            with self._in_use_lock:
                self._in_use.pop(id(con), None)
            con.close()

    @contextlib.contextmanager
    def plain_write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on a plain DB-API connection (no SQLAlchemy import), for a writer that needs no
        ORM (storage.plain_invoices): the same guard as a session's first write (a damaged file is never written
        to), begun at once; committed by the caller (``commit()``), rolled back if the block ends without it or on
        any error. A commit that wrote counts as the sessions' do (``changed``: the automatic backup on closing).
        What the disk says becomes a plain UserError, as in ``session``."""
        self.wait_until_checked()
        con = connect_plain(self.path, self.read_only)
        with self._in_use_lock:
            self._in_use[id(con)] = (threading.get_ident(), con)
        try:
            con.execute("BEGIN")
            yield con
            if con.in_transaction:
                con.rollback()
            elif con.total_changes:
                self.changed = True
                self.writes += 1
        except sqlite3.DatabaseError as e:
            _roll_back(con)
            mapped = self._write_error(e)
            if mapped is None:
                raise
            raise mapped from e
        except BaseException:
            _roll_back(con)
            raise
        finally:
            with self._in_use_lock:
                self._in_use.pop(id(con), None)
            con.close()

    def close(self) -> None:
        from ar_desktop.storage import clean_close

        try:
            if self._check is not None and not self._check.done.is_set():
                self._check.cancel()  # a short session does not wait for a long check
            if not self.problems and not (self._check is not None and self._check.problems):
                if self._engine is None:
                    con = connect_plain(self.path, self.read_only)
                    try:
                        with contextlib.suppress(sqlite3.DatabaseError):
                            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the closed file stands alone
                        self._backup(con)   # written through ``plain_write`` only
                    finally:
                        con.close()
                else:
                    self._checkpoint_and_backup()
            self._dispose()
            if self.checked:
                clean_close.mark_clean(self.path)
        except (OSError, UserError, *database_errors()) as e:  # nothing must stop the closing
            logging.getLogger("ar_desktop").warning("automatic backup of %s failed: %s", self.path, e)
        finally:
            self._dispose()
            self._lock.release()

    def _checkpoint_and_backup(self) -> None:
        with self.engine.connect() as conn:
            with contextlib.suppress(*database_errors()):
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # the closed file stands alone
            self._backup(conn.connection.driver_connection)

    def _backup(self, con: sqlite3.Connection) -> None:
        if self.checked and self.changed and self.auto_backup and not self._disk_trouble:
            # copied while this connection is open, so that closing it last removes SQLite's -wal
            # and -shm (a read-only connection closing last would leave them)
            keep = safety.read_keep(con)
            # the file passed its check in this session and only this program wrote it since: its copy
            # gets the quick check and a comparison with the file (backup.backup_file)
            safety.rotating_backup(self.path, keep, source_checked=True)

    def _dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def open_database(path: str | Path, *, create: bool = False, reading: bool = False,
                  watch: OpeningWatch | None = None) -> Database:
    """Lock the file, make sure it is a sound company file, tidy what interrupted work left, migrate it.

    A file that was closed cleanly is opened at once and checked in the background; any other file is
    checked fully first, and so is every file before its schema is upgraded. ``reading`` (a command
    that only reads, or the window until it is painted): the background check, which only holds writes
    back, starts with the first session (or ``Database.start_check``) rather than at once, so that a
    short read does not share the machine with it. ``watch`` hears the steps of a long opening (the full
    check, the copy before an upgrade, the upgrade) and may cancel it: OpeningCancelled, the file as it was."""
    path = Path(path).expanduser().resolve()
    if not path.parent.is_dir():
        raise UserError(Text(translate("Messages", "The folder {parent} does not exist. Choose an existing folder."),
                             parent=path.parent))
    if create and path.exists() and path.stat().st_size > 0:
        raise UserError(Text(translate("Messages", "{path} already exists. Open it, or choose another name for the "
                                                   "new company."), path=path))
    created = create and not path.exists()
    lock = FileLock(path)
    lock.acquire(create=create)
    try:
        with _plain_errors(path):
            return _open_locked(path, lock, create, reading, watch)
    except BaseException:
        lock.release()
        if created:
            for p in (path, *(Path(f"{path}{s}") for s in scratch.SQLITE_SIDE_FILES)):
                p.unlink(missing_ok=True)
        if watch is not None and watch.cancelled:
            raise OpeningCancelled() from None  # an interrupted check or a rolled-back upgrade: nothing written
        raise


def _open_locked(path: Path, lock: FileLock, create: bool, reading: bool = False,
                 watch: OpeningWatch | None = None) -> Database:
    from ar_desktop.storage import clean_close

    if create and path.stat().st_size > 0:  # someone wrote it between our look and our lock
        raise UserError(Text(translate("Messages", "{path} already exists. Open it, or choose another name for the "
                                                   "new company."), path=path))
    known, head = known_revisions()
    current = None if create else safety.inspect_company_file(path)
    if current is not None and current not in known:
        raise UserError(Text(translate("Messages", "{name} was written by a newer version of AR Desktop (schema "
                                                   "{current}). Install the newer version to open it; this one will "
                                                   "not change the file."), name=path.name, current=current))
    trusted = create or (current == head and clean_close.closed_cleanly(path))
    if not trusted:  # not closed cleanly, or about to be upgraded: check it all before anything is written
        if watch is not None:
            watch.step(Text(translate("Messages", "Checking {name} before opening it…"), name=path.name))
        problems = safety.integrity_problems(path, watch=watch)
        if watch is not None:
            watch.stop_if_cancelled()  # an interrupted check says nothing about the file
        if problems:
            clean_close.forget(path)
            raise safety.DamagedFile(path, problems, safety.latest_backup(path))
    if not create:
        scratch.tidy(path)
    read_only = not create and on_read_only_disk(path)
    if read_only and current != head:
        raise safety.ReadOnlyFile(Text(translate("Messages", "{name} was made by an older version of AR Desktop and "
                                                 "must be upgraded, but it is on a read-only disk. Copy it to a "
                                                 "folder you may write to and open that copy."), name=path.name))
    engine = None
    kept = None
    try:
        if current is not None and current != head:
            kept = _copy_before_upgrade(path, watch)
        if current != head:  # a new file or an upgrade: through Alembic, on the engine
            if watch is not None and current is not None:
                watch.step(Text(translate("Messages", "Upgrading {name} to this version of AR Desktop…"),
                                name=path.name))
            engine = make_engine(path, read_only)
            migrate(engine, watch)
    except BaseException:
        if engine is not None:
            engine.dispose()  # before the lock goes: closing its descriptor would drop SQLite's locks
        if kept is not None and watch is not None and watch.cancelled and _revision(path) == current:
            kept.unlink(missing_ok=True)  # the upgrade was rolled back: the file is its own copy as it was
        raise
    return Database(path, engine, lock, check_in_background=not create and trusted, read_only=read_only,
                    defer_check=reading)


def _roll_back(con: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):   # a broken connection has said its own error; closing it ends all
        con.rollback()


def _revision(path: Path) -> str | None:
    try:
        return safety.inspect_company_file(path)
    except Exception:  # noqa: BLE001 - unknown: the copy is kept
        return None


def _copy_before_upgrade(path: Path, watch: OpeningWatch | None) -> Path:
    if watch is None:
        return timestamped_backup(path, "before-upgrade")
    text = Text(translate("Messages", "Keeping a copy of {name} as it was before the upgrade…"), name=path.name)
    watch.step(text)
    return timestamped_backup(path, "before-upgrade", lambda done, total: watch.step(text, done, total))


@contextlib.contextmanager
def _plain_errors(path: Path) -> Iterator[None]:
    """Disk full, read-only and the like while opening: plain messages, not tracebacks."""
    try:
        yield
    except sqlite3.DatabaseError as e:
        mapped = safety.map_operational_error(e, path)
        if mapped is None:
            raise
        raise mapped from None
    except OSError as e:
        raise safety.file_error(path, e) from None
    except database_errors() as e:  # SQLAlchemy's wrapper (the upgrade runs through it)
        mapped = safety.map_operational_error(e, path)
        if mapped is None:
            raise
        raise mapped from None
