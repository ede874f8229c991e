"""How every connection to a company file is set up, SQLAlchemy's engine and a plain DB-API connection
alike: SQLite's pragmas and the program's SQL functions; a file on a read-only disk opened immutable;
and which errors are the database's."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ar_desktop.storage import safety

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


def _set_pragmas_read_only(dbapi_connection, _record) -> None:
    dbapi_connection.execute("PRAGMA foreign_keys=ON")
    _add_functions(dbapi_connection)


def _set_pragmas(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()
    _add_functions(dbapi_connection)


def _add_functions(dbapi_connection) -> None:
    from ar_desktop.storage.sql_functions import folded_contains

    dbapi_connection.create_function("ar_contains", 2, folded_contains, deterministic=True)


def on_read_only_disk(path: Path) -> bool:
    """A read-only file system (a CD, a write-protected stick, a read-only mount): nobody can change the file."""
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # pragma: no cover - no statvfs on Windows
        return False


def database_errors() -> tuple[type[BaseException], ...]:
    """sqlite3's errors, and SQLAlchemy's wrapper of them once SQLAlchemy is loaded (before that
    nothing can raise it)."""
    exc = sys.modules.get("sqlalchemy.exc")
    return (sqlite3.DatabaseError,) if exc is None else (sqlite3.DatabaseError, exc.DatabaseError)


def make_engine(path: Path, read_only: bool) -> Engine:
    from sqlalchemy import create_engine, event

    if read_only:  # SQLite cannot make its -shm there; immutable is safe where nobody can write
        engine = create_engine(f"sqlite:///file:{safety.uri_path(path)}?mode=ro&immutable=1&uri=true")
        event.listen(engine, "connect", _set_pragmas_read_only)
    else:
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", _set_pragmas)
    return engine


def connect_plain(path: Path, read_only: bool) -> sqlite3.Connection:
    """A DB-API connection set up as the engine's are (``make_engine``)."""
    if read_only:
        con = sqlite3.connect(f"file:{safety.uri_path(path)}?mode=ro&immutable=1", uri=True)
        _set_pragmas_read_only(con, None)
    else:
        con = sqlite3.connect(path)
        _set_pragmas(con, None)
    return con
