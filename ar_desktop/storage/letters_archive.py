"""The letters a company file says were issued, read straight from the file (read-only), for
checking the letter archive without opening the file for work (``check``)."""

from __future__ import annotations

from pathlib import Path


def archived_letters(db_path: str | Path) -> list[tuple[int, str, str]]:
    """(letter id, archive path, SHA-256) of every letter in the company file; [] without letters."""
    from ar_desktop.storage.safety import connect_ro

    con = connect_ro(Path(db_path))  # (also on a read-only disk, and for any file name)
    try:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'letter'").fetchone():
            return []
        return [(int(i), p or "", h or "") for i, p, h in
                con.execute("SELECT id, archive_path, sha256 FROM letter ORDER BY id")]
    finally:
        con.close()
