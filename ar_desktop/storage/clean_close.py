"""The clean-close mark: whether a company file can be opened without a full integrity check first.

Closing a file that passed its integrity check in that session writes ``<stem>.backups/.clean-close``: the
file's device, inode, size and modification time right after SQLite folded its write-ahead log in. The next
open trusts the file - and checks it in the background instead, with writes held until that passes - only if
the mark still describes the file exactly and no write-ahead log is left beside it. Anything else (a crash, a
kill, a power cut mid-write, another program or a disk error changing the file, a copy, another name for the
file) makes the next open check the file fully before anything else.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

MARK = ".clean-close"


def _mark_path(path: Path) -> Path:
    from ar_desktop.storage.safety import backups_dir

    return backups_dir(path) / MARK


def _signature(path: Path) -> str:
    st = os.stat(path)
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


def closed_cleanly(path: Path) -> bool:
    """True when the file is exactly as a clean close left it (no log to replay, nothing changed since)."""
    wal = Path(f"{path}-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return False
        return _mark_path(path).read_text(encoding="ascii").strip() == _signature(path)
    except (OSError, UnicodeDecodeError):
        return False


def mark_clean(path: Path) -> None:
    """Record the closed file's signature (best effort: a read-only or full disk only costs a full check)."""
    mark = _mark_path(path)
    tmp = mark.with_name(mark.name + ".tmp")
    try:
        mark.parent.mkdir(exist_ok=True)
        tmp.write_text(_signature(path), encoding="ascii")
        os.replace(tmp, mark)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def forget(path: Path) -> None:
    """Withdraw the mark (the file is open for writing, or was found damaged)."""
    with contextlib.suppress(OSError):
        _mark_path(path).unlink()
