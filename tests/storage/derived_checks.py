"""What the tests of the derived tables (clearing_month, late_run, sales_day) each ask of ``problems`` and ``restore``."""

from __future__ import annotations

import sqlite3
from types import ModuleType


def trigger_dropped_and_restored(con: sqlite3.Connection, module: ModuleType, trigger: str) -> None:
    """Drop ``trigger`` of ``module``'s table: ``problems`` names it missing, ``restore`` makes it again (and
    recomputes the table: a write may have gone by without it), and ``problems`` is then empty."""
    con.execute(f"DROP TRIGGER {trigger}")
    assert any("missing" in str(p) for p in module.problems(con))
    assert module.restore(con) == [trigger]
    assert module.problems(con) == []
