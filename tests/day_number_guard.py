"""A guard for the day numbers (storage/days.py): SQL that compares a day-number column with ISO text.

Since migration 0024 ``invoice``, ``payment``, ``allocation`` and ``clearing_month`` hold their dates as day
numbers and their times as microseconds. SQLite compares an INTEGER with TEXT without a word (every integer
sorts before every text), so ``WHERE due_date < '2026-11-30'`` is silently true for every row. The test suite
(tests/conftest.py) reads every statement the program's SQLite connections run, with its parameters filled in
(sqlite3's trace callback: the expanded SQL), and fails a test whose SQL compares one of those columns with a
'YYYY-MM-DD' text, or hands one to a date function that reads ISO text (``julianday(due_date)``), on a file
that holds day numbers (migrations, and files from before 0024, rightly read ISO text).

What it can tell: a column named with its table or alias (``i.due_date``, ``invoice.due_date``), or named alone
where only day-number tables of the statement have it (``date`` of ``payment`` but not of ``collection_event``).
What it cannot: a column of a subquery's alias (``x.closed_on``, ``closed_on AS cleared``: the import's staging
tables hold ISO text under the same names), or one compared through an expression (``due_date + 30``).
"""

from __future__ import annotations

import re
import sqlite3
import sqlite3.dbapi2

# The day-number tables: taken from the ORM's column types, so the guard follows the schema; the clearings'
# summary is plain SQL (storage/clearing_summary.py).
_EXTRA_DAY_COLUMNS = {"clearing_month": {"since", "until"}}


def _schema() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    from ar_desktop.storage import schema  # noqa: F401  (registers every table)
    from ar_desktop.storage.day_columns import DayNumber, Stamp
    from ar_desktop.storage.orm import Base

    day_columns: dict[str, set[str]] = {t: set(c) for t, c in _EXTRA_DAY_COLUMNS.items()}
    all_columns: dict[str, set[str]] = {t: set(c) for t, c in _EXTRA_DAY_COLUMNS.items()}
    for table in Base.metadata.tables.values():
        all_columns[table.name] = {c.name for c in table.columns}
        days = {c.name for c in table.columns if isinstance(c.type, (DayNumber, Stamp))}
        if days:
            day_columns[table.name] = days
    return day_columns, all_columns


DAY_COLUMNS, ALL_COLUMNS = _schema()

# Each ISO literal is looked at where it stands (what precedes and follows it), so a statement costs one scan for
# quotes and one for function names: the suite runs millions of statements.
_ISO = re.compile(r"'\d{4}-\d\d-\d\d[^']*'")
_FUNCTIONS = ("julianday(", "date(", "substr(")   # (datetime( contains date()
_COMPARES = re.compile(r"\b(?:WHERE|ON|WHEN|HAVING)\b", re.I)   # INSERT ... VALUES compares nothing
_COLUMN = r"(?:\"?(\w+)\"?\s*\.\s*)?\"?(\w+)\"?"
_OP = r"(?:==|=|!=|<>|<=|>=|<|>)"
_BEFORE = re.compile(r"(?<![\w\".])" + _COLUMN + r"\s*(?:" + _OP + r"|IS(?:\s+NOT)?|(?:NOT\s+)?IN\s*\(|(?:NOT\s+)?BETWEEN(?:\s+\S+\s+AND)?)\s*$",
                     re.I)
_AFTER = re.compile(r"\s*" + _OP + r"\s*" + _COLUMN, re.I)
_IN_FUNCTION = re.compile(r"\b(julianday|date|datetime|substr)\(\s*" + _COLUMN + r"\s*[,)]")
_TABLE = re.compile(r"\b(?:FROM|JOIN|UPDATE|INTO)\s+(?:\w+\.)?\"?(\w+)\"?(?:\s+(?:AS\s+)?(\w+))?", re.I)
_MORE_TABLES = re.compile(r",\s*(?:\w+\.)?\"?(\w+)\"?(?:\s+(?:AS\s+)?(\w+))?", re.I)
_NOT_ALIAS = {"on", "where", "join", "left", "inner", "cross", "outer", "natural", "group", "order", "limit", "set",
              "using", "union", "values", "select", "default", "indexed", "not", "as", "window", "having"}


def _tables(sql: str) -> dict[str, str]:
    """alias or name -> table, for the known tables the statement names."""
    out: dict[str, str] = {}
    for m in _TABLE.finditer(sql):
        table, alias = m.group(1), m.group(2)
        if table in ALL_COLUMNS:
            out[table] = table
            if alias and alias.lower() not in _NOT_ALIAS:
                out[alias] = table
            # FROM a x, b y
            rest = sql[m.end():]
            for more in _MORE_TABLES.finditer(rest):
                if more.start() != 0 or more.group(1) not in ALL_COLUMNS:
                    break
                out[more.group(1)] = more.group(1)
                if more.group(2) and more.group(2).lower() not in _NOT_ALIAS:
                    out[more.group(2)] = more.group(1)
                rest = rest[more.end():]
    return out


def _is_day_column(qualifier: str | None, column: str, tables: dict[str, str]) -> bool:
    if qualifier is not None:
        if qualifier.lower() in ("new", "old"):  # a trigger's row: the triggers on invoice
            return column in DAY_COLUMNS["invoice"]
        return column in DAY_COLUMNS.get(tables.get(qualifier, ""), ())   # a staging table's ISO cells pass
    having = {t for t in set(tables.values()) if column in ALL_COLUMNS.get(t, ())}
    return bool(having) and all(column in DAY_COLUMNS.get(t, ()) for t in having)


def offences(sql: str) -> list[str]:
    """What in one statement (parameters filled in) treats a day number as ISO text; [] when nothing."""
    literals = list(_ISO.finditer(sql)) if "'" in sql and _COMPARES.search(sql) else []
    functions = any(f in sql for f in _FUNCTIONS)
    if not literals and not functions:
        return []
    tables: dict[str, str] | None = None
    found = []
    for m in literals:
        candidates = []
        before = _BEFORE.search(sql, max(0, m.start() - 80), m.start())
        if before:
            candidates.append((before.group(1), before.group(2), sql[before.start():m.end()]))
        after = _AFTER.match(sql, m.end())
        if after:
            candidates.append((after.group(1), after.group(2), sql[m.start():after.end()]))
        for qualifier, column, text in candidates:
            if tables is None:
                tables = _tables(sql)
            if _is_day_column(qualifier, column, tables):
                found.append(text.strip())
    if functions:
        for m in _IN_FUNCTION.finditer(sql):
            if tables is None:
                tables = _tables(sql)
            if _is_day_column(m.group(2), m.group(3), tables):
                found.append(m.group(0))
    return found


class Guard:
    """Collects the offending statements of every connection opened while it is installed."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, list[str]]] = []
        self.migrating = 0

    def trace(self, sql: str, day_numbers=lambda: True) -> None:
        if self.migrating:
            return
        found = offences(sql)
        if found and day_numbers():
            self.seen.append((sql, found))

    def install(self) -> None:
        """Every connection opened from now on is read; migrations are not: each one runs on the schema of
        its day (a file created runs all of them, the ones before 0024 on ISO text)."""
        from alembic import command

        real = sqlite3.connect

        def connect(*args, **kwargs):
            def day_numbers() -> bool:
                """Whether the file holds day numbers now (an older file, a backup read before its upgrade,
                keeps ISO text: its SQL rightly compares text). Asked only of a statement found wrong, on a
                connection of its own; when that cannot tell (a file in memory, a lock), it does."""
                try:
                    other = real(*args, **kwargs)
                    try:
                        kinds = {r[1]: r[2] for r in other.execute("PRAGMA table_info(invoice)")}
                    finally:
                        other.close()
                except sqlite3.Error:
                    return True
                return kinds.get("issue_date", "INTEGER").upper() == "INTEGER"

            con = real(*args, **kwargs)
            con.set_trace_callback(lambda sql: self.trace(sql, day_numbers))
            return con

        sqlite3.connect = sqlite3.dbapi2.connect = connect   # (SQLAlchemy connects through dbapi2)
        for name in ("upgrade", "downgrade"):
            setattr(command, name, self._not_read(getattr(command, name)))

    def _not_read(self, migrate):
        def migrating(*args, **kwargs):
            self.migrating += 1
            try:
                return migrate(*args, **kwargs)
            finally:
                self.migrating -= 1
        return migrating

    def report(self) -> str:
        lines = [f"{len(self.seen)} SQL statement(s) compare a day-number column with ISO text (storage/days.py: "
                 "pass dates through days.day(), read other tables' ISO dates through days.from_iso_sql()):"]
        for sql, found in self.seen[:5]:
            lines.append(f"  {', '.join(found)}    in: {sql[:400]}")
        return "\n".join(lines)
