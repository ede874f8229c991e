"""How the tables with a row per invoice or payment store dates and times: the ONE place that converts.

``invoice``, ``payment`` and ``allocation`` (and the summary ``clearing_month``) keep every date as its
**day number, the days since 1970-01-01** (an integer: 2023-11-30 is 19691; SQLite stores it in 2 bytes
until 2059, 3 after, where ISO text takes 11), and ``invoice.created_at`` / ``payment.created_at`` as
**microseconds since 1970-01-01 00:00:00 of the wall-clock time they hold** (naive, no zone: what the ORM
wrote before as text, its fraction kept: a customer's timeline orders one day's entries by it). On a
million-invoice file that is ~220 MB less (docs/benchmarks.md). The other tables keep ISO text (a few rows
per customer: nothing to gain, and their SQL stays as it is).

Python never sees a day number: ORM columns are ``storage.day_columns.DayNumber`` / ``Stamp``, which call
these functions (SQLAlchemy converts both ways; this module imports no SQLAlchemy, for the plain-SQL
readers), and raw SQL passes its parameters through ``day`` and reads results through ``date_of``. In
SQL a day number is plain arithmetic: ``julianday(a) - julianday(b)`` is ``a - b``, ``date(d, '+N days')``
is ``d + N``; ``iso_sql(expr)`` gives the ISO text back, ``month_sql(expr)`` the month (was
``substr(d, 1, 7)``), ``from_iso_sql(expr)`` the day number of another table's ISO date.
"""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = ["as_date", "date_of", "day", "from_iso_sql", "in_use", "iso_sql", "month_sql", "problems", "shown",
           "stamp", "stamp_of"]

_EPOCH = dt.date(1970, 1, 1).toordinal()
FIRST = dt.date.min.toordinal() - _EPOCH   # day number of 0001-01-01 (-719162)
LAST = dt.date.max.toordinal() - _EPOCH    # day number of 9999-12-31 (2932896)


def day(value: dt.date | None) -> int | None:
    """A date as stored: its day number (a datetime counts as its day, as SQLAlchemy's DATE did)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        raise TypeError(f"a date column takes a date, not {value!r}")
    return value.toordinal() - _EPOCH


def date_of(value: int | None) -> dt.date | None:
    """A stored day number as a date."""
    return None if value is None else dt.date.fromordinal(int(value) + _EPOCH)


def as_date(value) -> dt.date:
    """A date read back by a query that may come from either kind of table (a day number, ISO text, or a
    date SQLAlchemy already converted): for the few readers that mix them."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int):
        return date_of(value)
    return dt.date.fromisoformat(str(value)[:10])


def stamp(value: dt.datetime | None) -> int | None:
    """A wall-clock time as stored: microseconds since 1970-01-01 00:00 (naive)."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        raise TypeError(f"a time column takes a datetime, not {value!r}")
    return calendar.timegm(value.replace(tzinfo=None).timetuple()) * 1_000_000 + value.microsecond


def stamp_of(value: int | None) -> dt.datetime | None:
    """A stored time as a (naive) datetime."""
    return None if value is None else dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=int(value))


def in_use(con) -> bool:
    """Whether a file (a plain sqlite3 connection: a backup may be older) stores day numbers (schema 0024 on)."""
    kinds = {r[1]: r[2] for r in con.execute("PRAGMA table_info(invoice)")}
    return kinds.get("issue_date", "").upper() == "INTEGER"


def shown(value) -> str:
    """A stored date as ISO text for a message (an older file's ISO text as it is)."""
    return date_of(value).isoformat() if isinstance(value, int) else str(value)


def iso_sql(expr: str) -> str:
    """SQL: the ISO text (YYYY-MM-DD) of a day-number expression."""
    return f"date(({expr}) * 86400, 'unixepoch')"


def from_iso_sql(expr: str) -> str:
    """SQL: the day number of an ISO-text date expression (a date of another table, compared with ours)."""
    return f"CAST(julianday({expr}) - 2440587.5 AS INTEGER)"


def month_sql(expr: str) -> str:
    """SQL: the month (YYYY-MM) of a day-number expression."""
    return f"strftime('%Y-%m', ({expr}) * 86400, 'unixepoch')"


# table -> its day-number columns and its time columns (schema 0024 on)
DATES = {
    "invoice": ("issue_date", "due_date", "voided_on", "discount_until", "last_paid_on", "cleared_on", "closed_on",
                "first_paid_on"),
    "payment": ("date",),
    "allocation": ("date",),
}
STAMPS = {"invoice": ("created_at",), "payment": ("created_at",)}
_STAMP_RANGE = (stamp(dt.datetime.min), stamp(dt.datetime.max))


def problems(con) -> list[str]:
    """What ``check`` reports: a date that is not a day number of a real day (0001-01-01 to 9999-12-31) or a
    time that is not a number of microseconds in that range, per column (one pass over each table)."""
    if not in_use(con):
        return []
    out = []
    for table, columns in DATES.items():
        present = {r[1] for r in con.execute(f"PRAGMA table_info({table})")}   # a file of 0024 before 0026
        bad = [(c, f"{c} IS NOT NULL AND NOT (typeof({c}) = 'integer' AND {c} BETWEEN {FIRST} AND {LAST})")
               for c in columns if c in present]
        bad += [(c, f"NOT (typeof({c}) = 'integer' AND {c} BETWEEN {_STAMP_RANGE[0]} AND {_STAMP_RANGE[1]})")
                for c in STAMPS.get(table, ())]
        counts = con.execute(f"SELECT {', '.join(f'coalesce(sum({cond}), 0)' for _c, cond in bad)} "  # noqa: S608
                             f"FROM {table}").fetchone()
        out += [f"{n} {table} row(s) with a {column} that is not a stored date or time (storage.days)"
                for (column, _cond), n in zip(bad, counts, strict=True) if n]
    return out
