"""What the tests of the derived tables (clearing_month, late_run, sales_day, balance_day) each ask of ``problems``
and ``restore``, and of a bulk import killed while it holds their triggers."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from ar_desktop.services.backups import check_path
from kill_scripts import import_killed_at


def trigger_dropped_and_restored(con: sqlite3.Connection, module: ModuleType, trigger: str) -> None:
    """Drop ``trigger`` of ``module``'s table: ``problems`` names it missing, ``restore`` makes it again (and
    recomputes the table: a write may have gone by without it), and ``problems`` is then empty."""
    con.execute(f"DROP TRIGGER {trigger}")
    assert any("missing" in str(p) for p in module.problems(con))
    assert module.restore(con) == [trigger]
    assert module.problems(con) == []


def import_killed_then_done(path: Path, csv: Path, what: str, n: int, rows: Callable[[Path], list], hold: str,
                            kind: str = "invoices") -> None:
    """Import ``csv`` (of ``kind``) into ``path``, killed before its n-th statement of ``what`` (kill_scripts): the
    kill lands, the file passes ``check`` and ``rows`` of it are as before; run again to its end, it passes
    ``check`` and the bulk writer's ``hold`` table is empty."""
    before = rows(path)
    killed = import_killed_at(path, csv, what, n, kind)
    assert killed.returncode == -9, killed.stderr[-2000:]   # the kill landed: the step was reached
    report = check_path(path)
    assert report.ok, report.text()
    assert rows(path) == before
    done = import_killed_at(path, csv, what, 0, kind)
    assert done.returncode == 0, done.stderr[-2000:]
    report = check_path(path)
    assert report.ok, report.text()
    con = sqlite3.connect(path)
    try:
        assert con.execute(f"SELECT count(*) FROM {hold}").fetchone()[0] == 0
    finally:
        con.close()
