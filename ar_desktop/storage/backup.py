"""Copies of a company file made with SQLite's online backup (consistent even while open)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

PAGES_PER_STEP = 4096  # 16 MB at a time: progress moves, the file stays usable in between


def backup_file(source: Path, dest: Path, progress: Callable[[int, int], None] | None = None) -> Path:
    """Copy ``source`` to ``dest``; ``progress(done_pages, total_pages)`` may raise to cancel."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(tmp)
        try:
            if progress is None:
                src.backup(out)
            else:
                src.backup(out, pages=PAGES_PER_STEP,
                           progress=lambda _status, remaining, total: progress(total - remaining, total))
            out.execute("PRAGMA journal_mode=DELETE")
        finally:
            out.close()
    except BaseException:
        tmp.unlink(missing_ok=True)  # a cancelled or failed copy leaves nothing behind
        raise
    finally:
        src.close()
    tmp.replace(dest)  # a half-written backup never carries the final name
    return dest


def timestamped_backup(source: Path, reason: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = source.with_name(f"{source.stem}.{reason}-{stamp}{source.suffix}.bak")
    return backup_file(source, dest)
