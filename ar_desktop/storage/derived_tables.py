"""What the tables derived from the invoices and kept in step by triggers on ``invoice`` share
(storage.clearing_summary, storage.late_runs): putting back what a table rebuild dropped, and telling
``check`` what is missing or differs from a plain recomputation. Each module keeps its own statements,
recomputation and sentences; this holds the steps around them, so that both restore and check alike. The
summaries per currency and day (storage.sales_summary, storage.balance_summary) also share what ``check``
reports of them (``summary_problems``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

from ar_desktop.domain.text import Text
from ar_desktop.storage.days import date_of

__all__ = ["Sentences", "customer_codes", "differing", "drop_triggers", "missing", "present", "restore",
           "summary_problems"]


def present(con: sqlite3.Connection) -> set[str]:
    """The names of the file's tables and triggers."""
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}


def missing(con: sqlite3.Connection, statements: Mapping[str, str]) -> list[str]:
    """The names of ``statements`` (object name -> CREATE statement) not in the file, in their order."""
    have = present(con)
    return [name for name in statements if name not in have]


def drop_triggers(con: sqlite3.Connection, names) -> list[str]:
    """Drop those of the triggers ``names`` the file has (a bulk writer holding them inside its transaction);
    returns their names, to be created again from their module's statements."""
    have = present(con)
    held = [name for name in names if name in have]
    for name in held:
        con.execute(f"DROP TRIGGER {name}")
    return held


def restore(con: sqlite3.Connection, statements: Mapping[str, str],
            rebuild: Callable[[sqlite3.Connection], None]) -> list[str]:
    """Create whatever of ``statements`` is missing (a migration that rebuilds the invoice table drops its
    triggers) and ``rebuild`` the table then: writes may have gone by without the triggers. Returns the names
    made."""
    made = missing(con, statements)
    for name in made:
        con.execute(statements[name])
    if made:
        rebuild(con)
    return made


def differing(con: sqlite3.Connection, table: str, recomputed: str, key: str, limit: int,
              also: str = "") -> list[tuple]:
    """The keys (``key``: the columns, 'customer_id' or 'customer_id, month') of the rows of ``table`` that
    differ from the SELECT ``recomputed`` either way, with the keys of the SELECT ``also`` (no more rows
    than ``limit``, in key order)."""
    order = ", ".join(str(n + 1) for n in range(len(key.split(","))))
    union = f" UNION {also}" if also else ""
    return con.execute(
        f"SELECT {key} FROM (SELECT * FROM {table} EXCEPT {recomputed}) UNION "
        f"SELECT {key} FROM ({recomputed} EXCEPT SELECT * FROM {table}){union} ORDER BY {order} LIMIT ?",
        (limit,)).fetchall()


def customer_codes(con: sqlite3.Connection) -> dict[int, str]:
    """Customer id -> code, for the sentences that name a customer."""
    return dict(con.execute("SELECT id, code FROM customer"))


class Sentences(NamedTuple):
    """What ``check`` says of a summary per currency and day, each a whole template (``translate``d by its module, so
    that a translator sees the sentence): an object missing ({name}), a hold left behind, and a day that differs
    from the recomputation ({currency}, {day})."""

    missing: str
    held: str
    differs: str


def summary_problems(con: sqlite3.Connection, statements: Mapping[str, str], table: str, hold: str,
                     sentences: Sentences, stored: str, recomputed: Callable[[], Iterable[tuple]],
                     limit: int) -> list[Text]:
    """What ``check`` reports of a summary per currency and day: the objects of ``statements`` missing, a row left
    in the bulk writer's ``hold``, and the (currency, day) of the rows that differ either way between the SELECT
    ``stored`` (of ``table``) and the rows ``recomputed`` returns, both beginning with the currency and the day (no
    more than ``limit``, in that order). The two sides are compared in Python (a few thousand rows each): an
    ``EXCEPT`` either way would recompute the table twice."""
    gone = missing(con, statements)
    out = [Text(sentences.missing, name=n) for n in gone]
    if table in gone or hold in gone:
        return out
    if con.execute(f"SELECT 1 FROM {hold}").fetchone() is not None:
        out.append(Text(sentences.held))
    rows = set(con.execute(stored)).symmetric_difference(recomputed())
    days = sorted({(row[0], row[1]) for row in rows})[:limit]
    return out + [Text(sentences.differs, currency=currency, day=date_of(d).isoformat()) for currency, d in days]
