"""What SQLite's errors mean for the company file is read in one place, storage.safety.trouble_kind: by the
error's result code when SQLite gives one (real errors from a real file below), by SQLite's words when it does
not; the window shows the storage error of that kind, in the reader's language."""

from __future__ import annotations

import os
import sqlite3

import pytest

from ar_desktop.storage.safety import (DiskFull, FileBusy, ReadOnlyFile, StorageError, map_operational_error,
                                       storage_error, trouble_kind)


def _error(run) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        run()
    return caught.value


def test_real_errors_are_read_by_their_result_code(tmp_path):
    path = tmp_path / "co.ardb"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()

    other = sqlite3.connect(path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    locked = _error(lambda: sqlite3.connect(path, timeout=0).execute("SELECT * FROM t").fetchall())
    other.rollback()
    other.close()
    assert locked.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY and trouble_kind(locked) == "busy"

    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    written = _error(lambda: read_only.execute("INSERT INTO t VALUES (1)"))
    assert trouble_kind(written) == "readonly"
    assert isinstance(map_operational_error(written, path), ReadOnlyFile)

    garbage = tmp_path / "not.ardb"
    garbage.write_bytes(os.urandom(4096))
    not_a_db = _error(lambda: sqlite3.connect(garbage).execute("SELECT * FROM sqlite_master").fetchall())
    assert trouble_kind(not_a_db) == "damaged"

    bug = _error(lambda: sqlite3.connect(path).execute("SELECT * FROM no_such_table"))
    assert trouble_kind(bug) is None and map_operational_error(bug, path) is None  # a bug, not the file's trouble


def test_a_result_code_wins_over_words():
    error = sqlite3.OperationalError("database is locked")
    error.sqlite_errorcode = 1  # SQLITE_ERROR: whatever the words say, not the file's trouble
    assert trouble_kind(error) is None


@pytest.mark.parametrize("said, kind, error_type", [
    ("database disk image is malformed", "damaged", StorageError),
    ("database is locked", "busy", FileBusy),
    ("database or disk is full", "full", DiskFull),
    ("attempt to write a readonly database", "readonly", ReadOnlyFile),
    ("unable to open database file", "cantopen", ReadOnlyFile),
    ("no such column: x", None, StorageError),
])
def test_an_error_without_a_code_is_read_by_sqlites_words(said, kind, error_type):
    error = sqlite3.OperationalError(said)
    assert trouble_kind(error) == kind
    assert type(storage_error(error)) is error_type
    assert "company file" in str(storage_error(error)) or "disk" in str(storage_error(error))
