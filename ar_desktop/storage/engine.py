"""Opening a company file: recognise it, lock it, back it up, migrate it, then hand out sessions."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError as SqlDatabaseError
from sqlalchemy.orm import Session, sessionmaker

from ar_desktop.domain.errors import UserError
from ar_desktop.storage.backup import timestamped_backup
from ar_desktop.storage import safety
from ar_desktop.storage.lock import FileLock

APPLICATION_ID = 0x41524453  # "ARDS": marks a SQLite file as an AR Desktop company file
MIGRATIONS = Path(__file__).parent / "migrations"


def _alembic_config(connection):
    from alembic.config import Config  # imported lazily: costs a quarter second at start-up

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> tuple[set[str], str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(None))
    return {s.revision for s in script.walk_revisions()}, script.get_current_head()


def _inspect_file(path: Path) -> str | None:
    """The schema revision of an existing file; refuses anything that is not a company file."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            rev = con.execute("SELECT version_num FROM alembic_version").fetchone() if "alembic_version" in tables \
                else None
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        if _has_sqlite_header(path):  # a company file whose pages are broken, not a foreign file
            raise safety.DamagedFile(path, [str(e)], safety.latest_backup(path)) from None
        raise UserError(f"{path.name} is not an AR Desktop company file (it is not a SQLite database: {e}). "
                        "Choose a .ardb file made by AR Desktop.") from None
    if app_id != APPLICATION_ID and tables:
        raise UserError(f"{path.name} is a database, but not an AR Desktop company file. "
                        "Choose a .ardb file made by AR Desktop.")
    return rev[0] if rev else None


def _has_sqlite_header(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _set_pragmas(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


class Database:
    """An open, locked, up-to-date company file."""

    def __init__(self, path: Path, engine: Engine, lock: FileLock):
        self.path = path
        self.engine = engine
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        from ar_desktop.storage import orm_audit

        orm_audit.install(self._sessions)  # every write through a session leaves an audit entry
        self.changed = False  # written to since opened: closing then makes an automatic backup
        self.auto_backup = True
        event.listen(engine, "before_cursor_execute", self._note_write)

    def _note_write(self, _conn, _cursor, statement, _params, _context, _many) -> None:
        if not self.changed and statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
            self.changed = True

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.

        What the disk says (full, read-only, locked, I/O error, damaged) becomes a plain UserError here,
        so every write gets the same message."""
        try:
            with self._sessions() as s, s.begin():
                yield s
        except SqlDatabaseError as e:
            mapped = safety.map_operational_error(e, self.path)
            if mapped is None:
                raise
            raise mapped from e

    def close(self) -> None:
        try:
            self.engine.dispose()
            if self.changed and self.auto_backup:
                con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
                try:
                    keep = safety.read_keep(con)
                finally:
                    con.close()
                safety.rotating_backup(self.path, keep)
        except (OSError, sqlite3.Error) as e:  # a failed automatic backup must not stop the file closing
            logging.getLogger("ar_desktop").warning("automatic backup of %s failed: %s", self.path, e)
        finally:
            self.engine.dispose()
            self._lock.release()


def open_database(path: str | Path, *, create: bool = False) -> Database:
    path = Path(path).expanduser().resolve()
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise UserError(f"There is no company file at {path}. Check the name, or create it with File ▸ New.")
    if exists and create:
        raise UserError(f"{path} already exists. Open it, or choose another name for the new company.")
    if not path.parent.is_dir():
        raise UserError(f"The folder {path.parent} does not exist. Choose an existing folder.")
    lock = FileLock(path)
    lock.acquire()
    try:
        current = _inspect_file(path) if exists else None
        if exists:  # a damaged file is never written to: not migrated, not opened
            problems = safety.integrity_problems(path, full=path.stat().st_size <= safety.OPEN_FULL_CHECK_BELOW)
            if problems:
                raise safety.DamagedFile(path, problems, safety.latest_backup(path))
        known, head = known_revisions()
        if current is not None and current not in known:
            raise UserError(f"{path.name} was written by a newer version of AR Desktop (schema {current}). "
                            "Install the newer version to open it; this one will not change the file.")
        if exists and current != head:
            timestamped_backup(path, "before-upgrade")
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", _set_pragmas)
        if current != head:
            _migrate(engine)
        return Database(path, engine, lock)
    except BaseException:
        lock.release()
        raise


def _migrate(engine: Engine) -> None:
    from alembic import command

    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        command.upgrade(_alembic_config(conn), "head")
