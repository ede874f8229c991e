"""Invoice rows checked and stored in SQL: the importer's quick lane for big files.

An import of 100,000 invoices spent most of its time in Python turning each row into objects one
field at a time. Here a batch of rows goes as the file gives them (text cells) into a TEMP table, and
one INSERT ... SELECT stores the rows that are plain beyond doubt, with their customer, due date,
amount in minor units, discount and the columns' defaults derived in SQL. Every other row (a problem,
a void or settled invoice, a number already in the books or twice in the batch, an unknown customer,
a text SQL is not sure of) stays with the importer's Python checks (services.import_invoices), which
name its problems exactly as before.

"Plain" accepts nothing that ``records.parse_invoice`` / ``quick_rows.quick_invoice`` would refuse
and stores exactly what they would (tests/services/test_import_staging.py compares both lanes over
random files): ISO dates of real days within the years kept, amounts of ASCII digits and the
format's decimal separator, the file's currency empty or the customer's, booleans among the
parser's words, texts within their length with no refused character. What a cell looks like is
checked in Python, by one pattern compiled for the file's columns and matched once per row
(``_row_pattern``: per cell in SQL, these checks were half the cost of storing a plain row); only
the rows it takes are staged, and SQL checks what needs the customer or the books (the currency
and its decimals, the number not in the books, a day 29-31 that exists). The TEMP tables live on the
importer's connection only: a kill or a rollback leaves nothing of them in the company file.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.money import KNOWN_CURRENCIES, MAX_UNITS, exponent
from ar_desktop.domain.quick_rows import _NO, _YES, _plain
from ar_desktop.domain.records import _BAD_LINE, _BAD_MULTILINE, EARLIEST_DATE, LATEST_DATE, LIMITS
from ar_desktop.storage.bulk_holds import BulkHolds
from ar_desktop.storage.days import from_iso_sql

__all__ = ["Staging", "amount_parts", "iso_day", "minor_units", "no_nul", "plain_text", "quoted",
           "taken_amount"]

STAGE, CUSTOMERS = "temp.invoice_stage", "temp.invoice_stage_customer"
_DATE = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
_TEXTS = {"reference": False, "description": True, "dispute_reason": True}   # key -> several lines allowed
_BIG = (1 << 62) // 2   # 2 * units * percent + scale stays an SQLite integer
_ROWS_PER_INSERT = 500   # staged rows a statement (``_stage_rows``)
_SEP = "\x00"   # between a row's cells for the row pattern: no cell the pattern takes holds one
# an amount of at most this many characters is within MAX_UNITS in any known currency (its whole digits
# plus the largest exponent are at most MAX_UNITS' digits): SQL computes the units of longer ones only
_SHORT_AMOUNT = len(str(MAX_UNITS)) - max(exponent(c) for c in KNOWN_CURRENCIES)


def _class_of(pattern) -> str:
    """A regex character class as a GLOB class (without NUL: an SQL string stops there; checked apart)."""
    body = pattern.pattern[1:-1].replace("\x00", "\x01", 1)
    return f"*[{body}\r]*"


def quoted(words) -> str:
    """SQL string literals of ``words``, for an IN list."""
    return ", ".join("'" + w.replace("'", "''") + "'" for w in sorted(words))


def _stage_rows(dbapi, table: str, columns: list[str], rows: list[tuple[int, list[str]]]) -> None:
    """The rows (n, cells of the other ``columns``) as ``table``'s only rows: up to ``_ROWS_PER_INSERT`` a
    statement, one VALUES row each, as many as SQLite's limit of bound values lets (a statement a row,
    ``executemany``, cost ~2 us a row; this ~1.3 us: 100,000 invoices' 0.20 s -> 0.13 s)."""
    width = len(columns)
    per = max(1, min(_ROWS_PER_INSERT, dbapi.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    one, names = f"({', '.join('?' * width)})", ", ".join(columns)
    cur = dbapi.cursor()
    try:
        cur.execute(f"DELETE FROM {table}")
        for at in range(0, len(rows), per):
            part, values = rows[at:at + per], []
            for n, cells in part:
                values.append(n)
                values.extend(cells)
            cur.execute(f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * len(part))}", values)
    finally:
        cur.close()


# The SQL the quick lanes (invoices here, payments in storage.payment_staging) read cells with: the one
# place that says how a date, an amount and a text are recognised in SQL.

def iso_day(v: str) -> str:
    """The cell ``v`` is an ISO date of a real day (``date(x, '+0 days') = x``: 2026-02-30 comes back as
    another day)."""
    return f"{v} GLOB {_DATE} AND date({v}, '+0 days') = {v}"


def amount_parts(a: str, decimal: str) -> tuple[str, str, str]:
    """(whole, fraction, separator position) of the amount cell ``a``."""
    pos = f"instr({a}, '{decimal}')"
    return (f"(CASE WHEN {pos} = 0 THEN {a} ELSE substr({a}, 1, {pos} - 1) END)",
            f"(CASE WHEN {pos} = 0 THEN '' ELSE substr({a}, {pos} + 1) END)", pos)


def _real_day(v: str) -> str:
    """The cell ``v``, a date the row pattern took (ISO, month 01-12, day 01-31), is a day that exists."""
    return f"(substr({v}, 9) <= '28' OR date({v}, '+0 days') = {v})"


def no_nul(v: str) -> str:
    """The cell ``v`` holds no NUL character (SQLite's GLOB, length() and LIKE stop at the first)."""
    return f"instr(CAST({v} AS BLOB), X'00') = 0"


def taken_amount(a: str, decimal: str, exp: str) -> list[str]:
    """SQL checks of an amount cell ``a`` that the row pattern took (1-12 digits, at least one not 0, at most one
    ``decimal`` separator followed by digits): at most ``exp`` decimals (the currency's), and at most MAX_UNITS in
    minor units with that many decimals (a short cell is within it in any known currency: its units are not
    computed)."""
    pos = f"instr({a}, '{decimal}')"
    return [f"({pos} = 0 OR length({a}) - {pos} <= {exp})",
            f"(length({a}) <= {_SHORT_AMOUNT} OR {minor_units(a, decimal, exp)} <= {MAX_UNITS})"]


def minor_units(a: str, decimal: str, exp: str) -> str:
    """The amount cell ``a`` in minor units with ``exp`` decimals, for a cell the row pattern took with at most
    ``exp`` decimals: its digits, then the zeros its fraction lacks."""
    pos = f"instr({a}, '{decimal}')"
    return (f"CAST(replace({a}, '{decimal}', '') || substr('000000', 1, {exp} - "
            f"(CASE {pos} WHEN 0 THEN 0 ELSE length({a}) - {pos} END)) AS INTEGER)")


def plain_text(v: str, limit: int, multiline: bool) -> str:
    """The text cell ``v`` is empty or kept as it is: within ``limit``, and printable ASCII or without
    any character the parsers refuse (only other texts are matched against the long class). No NUL in
    either case: GLOB and length() stop at one, so "PO\0\a" would pass as printable ASCII."""
    bad = _class_of(_BAD_MULTILINE if multiline else _BAD_LINE).replace("'", "''")
    return (f"{v} IS NULL OR (length({v}) <= {limit} AND {no_nul(v)} AND ({v} NOT GLOB '*[^ -~]*' "
            f"OR {v} NOT GLOB '{bad}'))")


def _cell_patterns(decimal: str) -> dict[str, str]:
    """Per field: the regular expression of a cell the quick lane may take (none matches a NUL). What
    needs the customer or the books is left to SQL (``Staging._checks``)."""
    if (EARLIEST_DATE.month, EARLIEST_DATE.day, LATEST_DATE.month, LATEST_DATE.day) != (1, 1, 12, 31) \
            or (EARLIEST_DATE.year, LATEST_DATE.year) != (1990, 2099) or (MAX_UNITS + 1) != 10 ** len(str(MAX_UNITS)):
        raise ValueError("the row pattern's years and amounts no longer follow records' and money's limits")
    # ISO, within the years kept, a month and a day of month that can exist (29-31: SQL asks date())
    day = "(?:199[0-9]|20[0-9][0-9])-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    d = re.escape(decimal)
    words = "|".join(re.escape(w) for w in sorted(_NO | _YES) if w)

    def text(key: str, multiline: bool) -> str:   # the parser's refused characters (NUL among them) as a class
        refused = (_BAD_MULTILINE if multiline else _BAD_LINE).pattern[1:-1]
        return f"[^{refused}]{{0,{LIMITS[key]}}}"

    return {
        "number": f"[A-Za-z0-9][A-Za-z0-9._/-]{{0,{LIMITS['number'] - 1}}}",
        "issue_date": day, "due_date": f"(?:{day})?",
        # 1-12 digits, at least one of them not 0, then the separator and digits (their count: SQL, by currency)
        "amount": f"(?=[0-9{d}]*[1-9])[0-9]{{1,12}}(?:{d}[0-9]+)?",
        "disputed": f"(?:{words})?", "retention_of_title": f"(?:{words})?",
        # void, settled and the file's own discount: the Python checks
        **dict.fromkeys(("voided", "void_date", "void_reason", "settled_date", "discount", "discount_until"), ""),
        **{key: text(key, multiline) for key, multiline in _TEXTS.items()},
    }


def _row_pattern(keys: list[str], decimal: str) -> re.Pattern:
    """One pattern for a row's cells (in ``keys`` order) joined by ``_SEP``; a field it does not check (the
    customer's code and the currency are looked up in SQL; the new customer's columns are not read by a
    plain row) may be anything but a NUL."""
    cells = _cell_patterns(decimal)
    return re.compile(_SEP.join(f"(?:{cells.get(k, '[^' + _SEP + ']*')})" for k in keys))


@dataclass
class Staging:
    """The TEMP tables of one import on ``writer``'s connection; ``keys``: the file's mapped fields, in order."""

    writer: BulkHolds
    keys: list[str]
    decimal: str
    discount_columns: bool   # the file has its own discount columns (an export read back)

    def __post_init__(self):
        sql = self.writer.execute
        sql(f"DROP TABLE IF EXISTS {STAGE}")
        sql(f"DROP TABLE IF EXISTS {CUSTOMERS}")
        columns = ", ".join(f'"{k}"' for k in self.keys)
        sql(f"CREATE TABLE {STAGE} (n INTEGER PRIMARY KEY, {columns})")
        sql(f"CREATE TABLE {CUSTOMERS} (code TEXT PRIMARY KEY, id INTEGER, net INTEGER, "
                            "percent INTEGER, scale INTEGER, discount_days INTEGER, currency TEXT, exp INTEGER, "
                            "retention INTEGER) WITHOUT ROWID")
        self._columns = ["n", *(f'"{k}"' for k in self.keys)]
        self.known: set[str] = set()
        self._rows: list[tuple[int, list[str]]] = []   # the batch
        self._staged = 0                                # how many of its rows the row pattern took
        self._match = _row_pattern(self.keys, self.decimal).fullmatch
        self._number_at = self.keys.index("number")

    def customers(self, by_code: dict) -> None:
        """The customers a plain row may name (code -> (id, terms, currency, retention)): those not
        staged yet whose code and currency a plain row could carry."""
        rows = []
        for code, (cid, terms, currency, retention) in by_code.items():
            if code in self.known or not _plain(code, LIMITS["customer_code"]) or currency not in KNOWN_CURRENCIES:
                continue
            self.known.add(code)
            pct = Decimal(terms.discount_percent)
            sign, digits, exp = pct.as_tuple()
            if sign or not isinstance(exp, int):
                continue
            percent, scale = int("".join(map(str, digits)) or 0), 100
            if exp > 0:
                percent *= 10 ** exp
            else:
                scale *= 10 ** -exp
            rows.append((code, cid, terms.net_days, percent, scale, terms.discount_days, currency, exponent(currency),
                         int(bool(retention))))
        if rows:
            self.writer.dbapi().executemany(f"INSERT INTO {CUSTOMERS} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def stage(self, rows: list[tuple[int, list[str]]]) -> int:
        """The batch's rows whose cells the row pattern takes, but those whose number is twice in the batch;
        returns how many."""
        match, sep, at = self._match, _SEP, self._number_at
        numbers = [cells[at] for _n, cells in rows]
        twice = () if len(set(numbers)) == len(numbers) else {x for x, k in Counter(numbers).items() if k > 1}
        taken = [(n, cells) for n, cells in rows if match(sep.join(cells)) and cells[at] not in twice]
        _stage_rows(self.writer.dbapi(), STAGE, self._columns, taken)
        self._rows, self._staged = rows, len(taken)
        return self._staged

    def store_plain(self, next_id: int) -> list[tuple[int, int]]:
        """Store the plain rows of the staged batch with ids from ``next_id`` on, in row order, through the
        writer (its audit range, search hold and deferred indexes); returns (row, 1 if stored else 0)
        for every staged row, in row order."""
        # a row whose number is in the books is left to the Python checks (they say why): it leaves the stage
        # first, so that the INSERT's SELECT does not read the table it writes to (SQLite then copies every row
        # selected into a scratch table before inserting any: ~0.7 us a row, a tenth of the insert). What the
        # ORM path's session holds back is written first, as ``invoices_from`` does.
        self.writer._flush()
        self.writer.execute(f"DELETE FROM {STAGE} AS s WHERE EXISTS (SELECT 1 FROM main.invoice i "
                            f"WHERE i.number = {self._col('number')})")
        columns, values = self._insert_sql()
        first, count = self.writer.invoices_from(columns, f"SELECT {values} FROM {STAGE} s JOIN {CUSTOMERS} c "
                                                     f"ON c.code = s.customer_code WHERE {self._plain_sql()} "
                                                     f"ORDER BY s.n")
        if count and first != next_id:
            raise ValueError(f"staged invoices: ids from {first}, not {next_id}")
        if count == len(self._rows):   # every row (the usual batch of a big file): no row left to look up
            return [(n, 1) for n, _cells in self._rows]
        # stored = its number is now in the books under a new id (a stored row's number is once in the batch)
        stored = {n for (n,) in self.writer.execute(
            f"SELECT s.n FROM {STAGE} s WHERE EXISTS (SELECT 1 FROM main.invoice i WHERE i.number = s.number "
            f"AND i.id >= ?)", (next_id,))} if count else set()
        if count != len(stored) or count > self._staged:
            raise ValueError(f"staged invoices: {count} stored, not the {len(stored)} found")
        return [(n, int(n in stored)) for n, _cells in self._rows]

    def close(self) -> None:
        self.writer.execute(f"DROP TABLE IF EXISTS {STAGE}")
        self.writer.execute(f"DROP TABLE IF EXISTS {CUSTOMERS}")

    # ---- the SQL ------------------------------------------------------------------------------

    def _col(self, key: str) -> str:
        return f's."{key}"' if key in self.keys else "NULL"

    def _empty(self, key: str) -> str:
        return f"coalesce({self._col(key)}, '') = ''"

    def _units(self, exp: str) -> str:
        return minor_units(self._col("amount"), self.decimal, exp)

    def _plain_sql(self) -> str:
        return " AND ".join(f"({c})" for c in self._checks())

    def _checks(self) -> list[str]:
        """What the row pattern cannot see: the customer's currency and its decimals, the days (the books: the rows
        whose number is there left the stage, ``store_plain``)."""
        col = self._col
        issue, due, cur, amount = col("issue_date"), col("due_date"), col("currency"), col("amount")
        return [
            # a day of month the pattern took: up to 28 it exists in every month; else ask date()
            _real_day(issue), f"({self._empty('due_date')} OR ({_real_day(due)} AND {due} >= {issue}))",
            # the currency: none (the customer's) or the customer's own
            f"({self._empty('currency')} OR {cur} = c.currency)",
            # at most the currency's decimals (the parser reads the amount in the customer's currency, the row's
            # when it is a plain row's) and at most MAX_UNITS
            *taken_amount(amount, self.decimal, "c.exp"),
            f"(c.percent = 0 OR {self._units('c.exp')} <= {_BIG} / c.percent)",
        ]

    def _insert_sql(self) -> tuple[list[str], str]:
        col = self._col
        issue, due = col("issue_date"), col("due_date")
        units = self._units("c.exp")
        if self.discount_columns:   # both empty (the plain rows): no discount
            discount, until = "0", "NULL"
        else:   # the customer's terms, rounded half up: (2 * units * percent + scale) / (2 * scale)
            discount = f"(CASE WHEN c.percent > 0 THEN (2 * {units} * c.percent + c.scale) / (2 * c.scale) ELSE 0 END)"
            until = f"(CASE WHEN c.percent > 0 THEN {from_iso_sql(issue)} + c.discount_days END)"
        yes = quoted(_YES)
        values = {
            # the checked ISO text as a day number (storage.days)
            "number": col("number"), "customer_id": "c.id", "issue_date": from_iso_sql(issue),
            "due_date": f"(CASE WHEN {self._empty('due_date')} THEN {from_iso_sql(issue)} + c.net "
                        f"ELSE {from_iso_sql(due)} END)",
            "amount": units, "discount": discount, "discount_until": until, "currency": "c.currency",
            "reference": f"coalesce({col('reference')}, '')", "description": f"coalesce({col('description')}, '')",
            "disputed": f"(coalesce({col('disputed')}, '') IN ({yes}))",
            "dispute_reason": f"coalesce({col('dispute_reason')}, '')",
            "retention_of_title": f"(CASE WHEN {self._empty('retention_of_title')} THEN c.retention "
                                  f"ELSE {col('retention_of_title')} IN ({yes}) END)",
            "voided": "0", "voided_on": "NULL", "void_reason": "''",
        }
        return list(values), ", ".join(values.values())
