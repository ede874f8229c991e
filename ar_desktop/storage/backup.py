"""Copies of a company file made with SQLite's online backup (consistent even while open)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path


def backup_file(source: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(tmp)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")
        finally:
            out.close()
    finally:
        src.close()
    tmp.replace(dest)  # a half-written backup never carries the final name
    return dest


def timestamped_backup(source: Path, reason: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = source.with_name(f"{source.stem}.{reason}-{stamp}{source.suffix}.bak")
    return backup_file(source, dest)
