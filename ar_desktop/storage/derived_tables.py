"""What the derived tables kept by triggers on ``invoice`` (storage.clearing_summary, storage.late_runs,
storage.sales_summary) share: which of their objects a file has, and putting back the missing ones after an
upgrade (a migration that rebuilds the invoice table drops its triggers) with the table recomputed."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping


def present(con: sqlite3.Connection) -> set[str]:
    """The names of the file's tables and triggers."""
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}


def restore(con: sqlite3.Connection, statements: Mapping[str, str], rebuild: Callable[[sqlite3.Connection], None]
            ) -> list[str]:
    """Create whatever of ``statements`` (name -> CREATE statement) is missing and, when anything was,
    ``rebuild`` the table: writes may have gone by without its triggers. Returns the names created."""
    have = present(con)
    made = [name for name, sql in statements.items() if name not in have and con.execute(sql) is not None]
    if made:
        rebuild(con)
    return made
