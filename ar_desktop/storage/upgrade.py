"""The schema migrations: which revisions this program knows, and bringing a file to the newest one
(through Alembic, imported only when a file needs it)."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ar_desktop.domain.text import Text, translate
from ar_desktop.storage.safety import APPLICATION_ID

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from ar_desktop.storage.opening import OpeningWatch

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION = re.compile(r"""^(down_)?revision\s*=\s*(?:['"]([^'"]+)['"]|None)""", re.M)


def alembic_config(connection):
    from alembic.config import Config  # imported lazily: costs a quarter second at start-up

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


@functools.cache
def known_revisions() -> tuple[frozenset[str], str]:
    """Every schema revision this program knows, and the newest (head).

    Read from the migration scripts' ``revision``/``down_revision`` lines rather than through Alembic, which
    would add a quarter second to every open (a test holds the two equal)."""
    revisions: dict[str, str | None] = {}
    for script in (MIGRATIONS / "versions").glob("*.py"):
        rev = down = None
        for m in _REVISION.finditer(script.read_text(encoding="utf-8")):
            if m.group(1):
                down = m.group(2)
            else:
                rev = m.group(2)
        if rev:
            revisions[rev] = down
    heads = set(revisions) - {d for d in revisions.values() if d}
    if len(heads) != 1:  # pragma: no cover - a broken checkout; Alembic would refuse it too
        raise RuntimeError(f"the schema migrations have {len(heads)} heads: {sorted(heads)}")
    return frozenset(revisions), heads.pop()


def _compact_if_mostly_free(conn, watch: OpeningWatch | None = None) -> None:
    """After an upgrade that rebuilt big tables (0024 rewrites invoice, payment and allocation), the old
    pages stay in the file as free pages: a million-invoice file would keep 340 MB of them. When more than
    a quarter of the file (and over 10 MB) is free, VACUUM gives it back once, outside the upgrade's
    transaction (SQLite's VACUUM is atomic of its own: a kill leaves the upgraded file as it was)."""
    page, count, free = (conn.exec_driver_sql(f"PRAGMA {p}").scalar()
                         for p in ("page_size", "page_count", "freelist_count"))
    if free * 4 > count and free * page > 10_000_000:
        if watch is not None:  # reported, not cancellable: the upgrade has committed
            watch.report(Text(translate("Messages", "Compacting the upgraded file (this step cannot be "
                                                    "cancelled)…")), 0, 0)
        conn.exec_driver_sql("VACUUM")


def restore_derived(con) -> list[str]:
    """After the migrations: put back what a migration that rebuilt a table dropped (the search's triggers
    and expression indexes, the derived tables' triggers) and recompute what went by without it. Returns
    the names of the objects made."""
    from ar_desktop.storage import balance_summary, clearing_summary, late_runs, list_schema, sales_summary

    return [*list_schema.restore(con), *clearing_summary.restore(con), *late_runs.restore(con),
            *sales_summary.restore(con), *balance_summary.restore(con)]


# What a migration's table rebuild needs of the connection (set outside a transaction: foreign_keys has no effect
# inside one), and how it is left after: see ``migrate``.
REBUILDING = ("PRAGMA foreign_keys=OFF", "PRAGMA legacy_alter_table=ON")
REBUILT = ("PRAGMA foreign_keys=ON", "PRAGMA legacy_alter_table=OFF")


def migrate(engine: Engine, watch: OpeningWatch | None = None) -> None:
    """Bring the file to the head revision. Foreign keys are off while tables are rebuilt (SQLite
    cannot alter a constraint in place, and dropping a referenced table would fail or cascade: the
    procedure of SQLite's ALTER TABLE documentation); they are checked before the commit. ``watch`` may cancel the upgrade until it commits
    (rolled back whole). A table rebuild renames its copy to the table's name: the triggers of another table that
    read it (balance_day's on allocation read the invoice) would make that RENAME fail while the table is gone,
    so RENAME leaves the other objects' text alone (``legacy_alter_table``: they name the table, which is back)."""
    from alembic import command

    with engine.connect() as conn:
        for pragma in REBUILDING:
            conn.exec_driver_sql(pragma)
        conn.commit()
        try:
            with conn.begin():
                # Python's sqlite3 opens a transaction only before an INSERT, UPDATE or DELETE: without this the
                # DDL a migration runs before its first such statement (DROP, CREATE, a table rebuild's first
                # steps) would each commit at once, and a process killed mid-upgrade would leave half a schema.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                if watch is not None:
                    watch.guard(conn.connection.driver_connection)
                conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
                command.upgrade(alembic_config(conn), "head")
                restore_derived(conn.connection.driver_connection)  # what a table rebuild in a migration dropped
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the upgrade would leave rows pointing at nothing: {broken[:5]}")
                if watch is not None:
                    watch.stop_if_cancelled()
                    watch.release(conn.connection.driver_connection)  # committing now: Cancel no longer applies
            _compact_if_mostly_free(conn, watch)
        finally:
            if watch is not None:
                watch.release(conn.connection.driver_connection)
            for pragma in REBUILT:
                conn.exec_driver_sql(pragma)
            conn.commit()
