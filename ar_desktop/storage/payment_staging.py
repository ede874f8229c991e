"""Payment rows checked and applied in SQL: the payments importer's quick lane for big bank files.

The importer applied each payment in Python (parsing, "already in the books?", the invoice it names or the
customer's open invoices oldest due first, what it leaves over). Here a batch of rows goes as the file gives
them (text cells) into a TEMP table, and SQL picks the rows that are plain beyond doubt and applies them as
the Python checks would: a payment naming one invoice of its customer that it pays no more than is open (one
allocation of its whole amount), and a payment naming none, spread over the customer's open invoices oldest
due first (``oldest_due_first``: due date, issue date, number), its rest left as credit. Those are stored by
``BulkWriter.payments_from`` (the payments, their allocations, the invoices' paid totals and derived columns
in one UPDATE). Every other row stays with the importer's Python checks (services.import_payments), which
name its problems as before.

"Plain" is narrower than what the Python checks accept, never wider (tests/services/
test_payment_staging.py imports random files both ways and compares every row stored and every
problem named):

- the file has no column but date, customer code, amount, currency, method, reference and invoice
  number (a bank's file: no kind, allocations, reversals or payment ids), dates are ISO;
- the cells are plain as domain.quick_rows reads a payment (the Python checks' own quick reading, checked
  in Python once per row as it is staged, ``_typed``): the date a real ISO day within the years kept and not
  after today; the amount digits and the format's decimal separator, at most the customer's currency's
  decimals, within the largest amount; the currency empty or the customer's; the method empty or one of
  the usual ones; the reference within its length with no refused character;
- no payment of that customer on that day with that reference is in the books (the Python checks' duplicate
  is the same day, customer, amount and reference), nor any recovery of that customer that day, and no other
  row of the batch names that customer, day and reference;
- a row naming an invoice: the invoice is the customer's, not void, issued by the payment's day, offers
  no early-payment discount, and has at least the payment open (nothing is left over: no credit, no
  recovery of a write-off); no other row of the batch names that invoice, and no row of the batch that is
  not plain names that customer (so the order in which the two lanes apply a batch's rows cannot change
  what either does);
- a row naming no invoice: the customer never had anything written off (what a payment leaves over is
  then credit, never a recovery), none of the invoices the payment is spread over offers an early-payment
  discount, and every row of that customer above it in the batch is such a row too (the customer's rows
  are applied in row order; from the customer's first row that is not, the Python checks take the rest in
  order). The customer's open invoices are read once into a queue (their open amounts, oldest due first:
  storage.payment_spread) and kept in step with what this lane applies; a customer the Python checks or a
  row naming an invoice touched is read again when next needed.

While the writer has the payments' index by customer and day away (``BulkWriter.defer_lookups``: a big import
into a file with few payments), the duplicate check reads a TEMP table of the payments' customers, days and
references instead, brought up to date before each batch. The TEMP tables live on the importer's connection
only: a kill or a rollback leaves nothing of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlalchemy.orm import Session

from ar_desktop.domain.money import KNOWN_CURRENCIES, MAX_UNITS, NumberFormat, exponent
from ar_desktop.domain.quick_rows import _METHODS, _plain, quick_date, quick_units
from ar_desktop.domain.records import LIMITS
from ar_desktop.storage import balance_summary
from ar_desktop.storage.balance_summary import OVERDUE, PAID
from ar_desktop.storage.bulk_repo import BulkWriter
from ar_desktop.storage.days import LAST, day
from ar_desktop.storage.payment_spread import OpenQueues

__all__ = ["LANE_KEYS", "PaymentStaging"]

STAGE, LANE = "temp.payment_stage", "temp.payment_lane"
PARSED = "temp.payment_parsed"   # the batch's plain rows that SQL takes (no duplicate in the books or the batch)
# the rows spread oldest due first, what each takes from which invoice (storage.payment_spread)
AUTO, PICKS, WROTE_OFF = "temp.payment_auto", "temp.payment_pick", "temp.payment_wrote_off"
REST = "temp.payment_rest"   # the rows of the batch the lane did not store: the Python checks'
# the payments' days while the writer has ix_payment_customer_date away (``BulkWriter.defer_lookups``): per customer
# and day the references, and whether a recovery was booked
SEEN = "temp.payment_seen"
_TABLES = (STAGE, PARSED, LANE, AUTO, PICKS, WROTE_OFF, REST, SEEN)
# the columns a file may have for its rows to take the lane (a bank's file)
LANE_KEYS = frozenset({"date", "customer_code", "amount", "currency", "method", "reference", "invoice_number"})
_ROW = "n, customer_id, date, amount, currency, method, reference"
# a staged row's values as the Python checks would read them (day number, minor units), NULL when its cells are
# not plain: read in Python by domain.quick_rows' own rules as the row is staged
_TYPED = ("customer_id", "day_number", "units", "currency", "method", "reference")
_NOT_PLAIN = (None,) * len(_TYPED)
_REFERENCE = LIMITS["reference"]
_EXPONENT = {c: exponent(c) for c in KNOWN_CURRENCIES}
_SCALE = [10 ** k for k in range(7)]
TEMP_CACHE_KIB = 32 * 1024   # a batch's staged rows stay in memory


class PaymentStaging:
    """The TEMP tables of one payments import on ``s``'s connection; ``keys``: the file's mapped fields."""

    def __init__(self, s: Session, keys: list[str], numbers: NumberFormat, today: dt.date, write_off: str,
                 recovery: str):
        self.s, self.keys, self.numbers, self.today, self.recovery = s, keys, numbers, today, recovery
        con = s.connection()
        for table in _TABLES:
            con.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
        con.exec_driver_sql(f"PRAGMA temp.cache_size=-{TEMP_CACHE_KIB}")
        columns = ", ".join(f'"{k}"' for k in keys)
        typed = ", ".join(f"t_{k}" for k in _TYPED)
        con.exec_driver_sql(f"CREATE TABLE {STAGE} (n INTEGER PRIMARY KEY, {columns}, {typed})")
        row = ("n INTEGER PRIMARY KEY, customer_id INTEGER, date INTEGER, amount INTEGER, currency TEXT, "
               "method TEXT, reference TEXT")
        con.exec_driver_sql(f"CREATE TABLE {PARSED} ({row}, invoice_number TEXT, code TEXT)")
        # a named row's invoice's issue and due days and currency: the summary of balances' sums (``_balances``)
        con.exec_driver_sql(f"CREATE TABLE {LANE} ({row}, invoice_id INTEGER, code TEXT, issue_date INTEGER, "
                            "due_date INTEGER, invoice_currency TEXT)")
        con.exec_driver_sql(f"CREATE TABLE {AUTO} ({row}, code TEXT)")
        con.exec_driver_sql(f"CREATE TABLE {PICKS} (n INTEGER, pos INTEGER, invoice_id INTEGER, amount INTEGER, "
                            "PRIMARY KEY (n, pos)) WITHOUT ROWID")
        self.queues = OpenQueues(con.connection.driver_connection)
        con.exec_driver_sql(f"CREATE TABLE {REST} (n INTEGER PRIMARY KEY)")
        con.exec_driver_sql(f"CREATE TABLE {SEEN} (customer_id INTEGER, date INTEGER, reference TEXT, "
                            "recovery INTEGER, PRIMARY KEY (customer_id, date, reference, recovery)) WITHOUT ROWID")
        self.seen_above = 0   # the payments SEEN holds: ids up to this
        # what a payment leaves over is credit only for a customer who never had anything written off
        # (else the Python checks book it as a recovery, up to what was not recovered yet)
        con.exec_driver_sql(f"CREATE TABLE {WROTE_OFF} (customer_id INTEGER PRIMARY KEY)")
        con.exec_driver_sql(f"INSERT OR IGNORE INTO {WROTE_OFF} SELECT customer_id FROM main.payment "
                            "WHERE method = ?", (write_off,))
        self._insert = f"INSERT INTO {STAGE} (n, {columns}, {typed}) VALUES (?{', ?' * (len(keys) + len(_TYPED))})"
        self._cells = columns
        self.known: dict[str, tuple[int, str]] = {}   # the plain rows' customers: code -> (id, currency)
        self._days: dict[str, int | None] = {}         # a date cell -> its day number, None: not a plain row's
        self._at = at = {k: keys.index(k) if k in keys else None for k in LANE_KEYS}
        self._code_at, self._date_at, self._amount_at = at["customer_code"], at["date"], at["amount"]
        self._currency_at, self._method_at, self._reference_at = at["currency"], at["method"], at["reference"]
        self._alike: dict[int, int] = {}   # a hash of a staged row's customer, day and reference, or invoice -> row
        self._twice: set[int] = set()      # the staged rows with another alike (``stage``)

    def customers(self, by_code: dict) -> None:
        """The customers a plain row may name (code -> (id, terms, currency, ...))."""
        self.known.update((code, (cid, currency)) for code, (cid, _terms, currency, *_rest) in by_code.items()
                          if _plain(code, LIMITS["customer_code"]) and currency in KNOWN_CURRENCIES)

    def store_plain(self, writer: BulkWriter, next_id: int) -> tuple[list[int], set[int]]:
        """Store the plain rows of the rows staged (``stage``) through ``writer`` with payment ids from
        ``next_id`` on, in row order; returns the rows stored, in that order, and their customers' ids."""
        con = self.s.connection()
        if self._twice:   # rows found alike while staged: not plain (``stage``)
            cur = con.connection.dbapi_connection.cursor()
            try:
                cur.executemany(f"UPDATE {STAGE} SET t_customer_id = NULL WHERE n = ?", ((n,) for n in self._twice))
            finally:
                cur.close()
        con.exec_driver_sql(f"DELETE FROM {PARSED}")
        books = "main.payment"   # where the duplicate check looks for the customer's payments of the day
        if writer.defer_lookups():   # ... by their index, or while it is away by SEEN, brought up to date
            books = SEEN
            top = con.exec_driver_sql("SELECT coalesce(max(id), 0) FROM main.payment").scalar()
            con.exec_driver_sql(f"INSERT OR IGNORE INTO {SEEN} SELECT customer_id, date, reference, method = ? "
                                "FROM main.payment WHERE id > ? ORDER BY 1, 2, 3, 4", (self.recovery, self.seen_above))
            self.seen_above = top
        con.exec_driver_sql(f"INSERT INTO {PARSED} ({_ROW}, invoice_number, code) {self._parsed_sql(books)}")
        con.exec_driver_sql(f"DELETE FROM {LANE}")
        con.exec_driver_sql(f"INSERT INTO {LANE} ({_ROW}, invoice_id, code, issue_date, due_date, invoice_currency) "
                            f"{self._named_sql()}")
        # a customer with a row that is not plain in the batch: all its rows go to the Python checks
        con.exec_driver_sql(f"DELETE FROM {LANE} WHERE code IN (SELECT s.customer_code FROM {STAGE} s "
                            f"WHERE s.n NOT IN (SELECT n FROM {LANE}) AND s.customer_code IS NOT NULL)")
        raw = con.connection.driver_connection   # rows of numbers: fetched without SQLAlchemy's rows
        sums: dict[tuple, int] = {}   # the summary of balances' sums of the allocations (``_balances``)
        self._spread(con, raw, sums)
        con.exec_driver_sql(f"INSERT INTO {PICKS} (n, pos, invoice_id, amount) SELECT n, 0, invoice_id, amount "
                            f"FROM {LANE}")
        rows = f"SELECT {_ROW} FROM {LANE} UNION ALL SELECT {_ROW} FROM {AUTO}"
        allocated = raw.execute("SELECT coalesce(max(id), 0) FROM main.allocation").fetchone()[0]
        first, count = writer.payments_from(rows, f"SELECT n, pos, invoice_id, amount FROM {PICKS}")
        if count and first != next_id:
            raise ValueError(f"staged payments: ids from {first}, not {next_id}")
        self._balances(raw, allocated, sums)
        # the invoices of a customer a named row paid are read again when the customer's rows are next spread
        self.queues.forget(c for (c,) in raw.execute(f"SELECT DISTINCT customer_id FROM {LANE}").fetchall())
        got = raw.execute(f"SELECT n, customer_id FROM ({rows}) ORDER BY n").fetchall()
        return [n for n, _c in got], {c for _n, c in got}

    def paid_invoices(self) -> list[int]:
        """The invoices the last ``store_plain`` paid."""
        raw = self.s.connection().connection.driver_connection
        return [i for (i,) in raw.execute(f"SELECT DISTINCT invoice_id FROM {PICKS}").fetchall()]

    def rest(self, starts: list[int]) -> Iterator[list[tuple[int, list[str]]]]:
        """The staged rows ``store_plain`` did not store, as (row, cells), in row order: those of each range of rows
        from one of ``starts`` to the next together (the batches the Python checks would have had: each names its
        problems in an order of its own)."""
        con = self.s.connection()
        con.exec_driver_sql(f"DELETE FROM {REST}")
        con.exec_driver_sql(f"INSERT INTO {REST} SELECT n FROM {STAGE} WHERE n NOT IN (SELECT n FROM {LANE}) "
                            f"AND n NOT IN (SELECT n FROM {AUTO})")
        for first, after in zip(starts, [*starts[1:], None]):
            got = con.exec_driver_sql(f"SELECT s.n, {self._cells} FROM {REST} r JOIN {STAGE} s ON s.n = r.n "
                                      "WHERE r.n >= ? AND r.n < ? ORDER BY r.n",
                                      (first, (1 << 62) if after is None else after)).all()
            if got:
                yield [(n, list(cells)) for n, *cells in got]

    def forget(self, customer_ids) -> None:
        """The queued open invoices of these customers are read again when next needed (the Python checks
        applied rows of theirs)."""
        self.queues.forget(customer_ids)

    def stage(self, rows: list[tuple[int, list[str]]]) -> int:
        """Rows (row number, cells) added to those staged, each with its values when its cells are plain
        (``_typed``); returns how many. Rows of the batch alike are noted (``_twice``): two of one customer, day
        and reference (which of them the Python checks would call the duplicate depends on the order: they take
        both), two naming one invoice (applied one after the other). By a hash of those cells, so that the batch's
        cells are not held: two rows whose hashes alone agree go to the Python checks too, which is always right."""
        at, alike, twice = self._at, self._alike.setdefault, self._twice
        code, date, reference, number = at["customer_code"], at["date"], at["reference"], at["invoice_number"]
        for n, cells in rows:
            first = alike(hash((cells[code], cells[date], "" if reference is None else cells[reference])), n)
            if first != n:
                twice.update((first, n))
            if cells[number]:
                first = alike(hash(("#", cells[number])), n)
                if first != n:
                    twice.update((first, n))
        typed = self._typed
        cur = self.s.connection().connection.dbapi_connection.cursor()
        try:
            cur.executemany(self._insert, ((n, *values, *typed(values)) for n, values in rows))
        finally:
            cur.close()
        return len(rows)

    def _typed(self, cells: list[str]) -> tuple:
        """A row's values (``_TYPED``) when its cells are plain as domain.quick_rows reads a payment (what
        ``parse_payment`` returns for it): a known customer whose code and currency a plain row may carry, an ISO
        date within the years kept and not after today, the currency empty or the customer's, the amount in its
        currency, a usual method or none, a plain reference; else all None. Once per cell in Python (a date cell
        read once per file): in SQL these checks were the largest statement of a big import."""
        customer = self.known.get(cells[self._code_at])
        if customer is None:
            return _NOT_PLAIN
        cid, currency = customer
        text = cells[self._date_at]
        d = self._days.get(text, False)
        if d is False:
            value = quick_date(text)
            d = self._days[text] = day(value) if value is not None and value <= self.today else None
        k = self._currency_at
        if d is None or (k is not None and cells[k] not in ("", currency)):
            return _NOT_PLAIN
        units = self._units(cells[self._amount_at], currency)
        k = self._method_at
        method = (cells[k] if k is not None else "") or "bank transfer"
        k = self._reference_at
        reference = cells[k] if k is not None else ""
        if units is None or method not in _METHODS:
            return _NOT_PLAIN
        # printable ASCII within its length, no space at either end: plain (``_plain``'s answer, quicker)
        if not (reference.isascii() and reference.isprintable() and len(reference) <= _REFERENCE
                and (not reference or (reference[0] != " " and reference[-1] != " "))) \
                and not _plain(reference, _REFERENCE):
            return _NOT_PLAIN
        return cid, d, units, currency, method, reference

    def _units(self, text: str, currency: str) -> int | None:
        """``quick_units(text, currency, numbers)`` (1-12 ASCII digits, then the format's separator and 1-6 more;
        at most the currency's decimals; more than 0 and at most MAX_UNITS), by string methods: a third of its
        time, the largest part of reading a row (tests/services/test_payment_staging.py compares the two)."""
        whole, separator, fraction = text.partition(self.numbers.decimal)
        if not (0 < len(whole) <= 12 and whole.isascii() and whole.isdigit()):
            return None
        exp = _EXPONENT.get(currency)
        if exp is None:
            return quick_units(text, currency, self.numbers)
        if separator:
            if not (0 < len(fraction) <= exp and fraction.isascii() and fraction.isdigit()):
                return quick_units(text, currency, self.numbers)   # its answer for "1.000" in EUR: None
            units = int(whole) * _SCALE[exp] + int(fraction) * _SCALE[exp - len(fraction)]
        else:
            units = int(whole) * _SCALE[exp]
        return units if 0 < units <= MAX_UNITS else None

    def clear(self) -> None:
        """The staged rows done with (stored, or through the Python checks)."""
        con = self.s.connection()
        con.exec_driver_sql(f"DELETE FROM {STAGE}")
        self._alike.clear()
        self._twice.clear()

    def close(self) -> None:
        con = self.s.connection()
        for table in _TABLES:
            con.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
        self.queues.close()

    # ---- oldest due first -------------------------------------------------------------------

    def _spread(self, con, raw, sums: dict) -> None:
        """The batch's plain rows naming no invoice into AUTO, their allocations into PICKS (emptied first), their
        sums for the summary of balances into ``sums``; each customer's queue walked once (storage.payment_spread)."""
        con.exec_driver_sql(f"DELETE FROM {AUTO}")
        con.exec_driver_sql(f"DELETE FROM {PICKS}")
        con.exec_driver_sql(f"INSERT INTO {AUTO} ({_ROW}, code) {self._auto_sql()}")
        # from a customer's first row that is not such a row on, its rows are the Python checks'
        # (each customer's first such row found once, not once per row of the customer)
        con.exec_driver_sql(
            f"WITH f AS MATERIALIZED (SELECT customer_code AS code, min(n) AS first FROM {STAGE} "
            f"WHERE n NOT IN (SELECT n FROM {AUTO}) GROUP BY customer_code) "
            f"DELETE FROM {AUTO} WHERE n > (SELECT first FROM f WHERE f.code = {AUTO}.code)")
        rows = raw.execute(f"SELECT n, customer_id, date, amount FROM {AUTO} ORDER BY n").fetchall()
        if not rows:
            return
        self.queues.load(c for _n, c, _d, _u in rows)
        picks: list[tuple[int, int, int, int]] = []
        cut = self.queues.spread(rows, picks, sums)
        if cut:   # a row taking from an invoice that offers a discount, and its customer's later rows
            raw.executemany(f"DELETE FROM {AUTO} WHERE n = ?", [(n,) for n in cut])
        raw.executemany(f"INSERT INTO {PICKS} (n, pos, invoice_id, amount) VALUES (?, ?, ?, ?)", picks)

    def _balances(self, raw, allocated: int, sums: dict) -> None:
        """The allocations just stored (ids above ``allocated``) summed into the summary of balances from what the
        lane knows of their invoices (open, not void: storage.balance_summary.put_held), not read again at the end:
        the spread rows' sums (``_spread``) and the named rows'."""
        for key in raw.execute(   # each kind summed per day apart (a few hundred days, not every pair of two)
                f"SELECT invoice_currency, {PAID}, max(date, issue_date), {LAST}, sum(amount) FROM {LANE} GROUP BY 1, 3 "
                f"UNION ALL SELECT invoice_currency, {OVERDUE}, max(date, due_date + 1), {LAST}, sum(amount) FROM {LANE} "
                "GROUP BY 1, 3"):
            units = key[4]
            key = key[:4]
            sums[key] = sums.get(key, 0) - units
        top = raw.execute("SELECT coalesce(max(id), 0) FROM main.allocation").fetchone()[0]
        if top > allocated:
            balance_summary.put_held(raw, allocated + 1, top, sums)

    # ---- the SQL ------------------------------------------------------------------------------

    def _col(self, key: str, alias: str = "s") -> str:
        return f'{alias}."{key}"' if key in self.keys else "NULL"

    def _parsed_sql(self, books: str) -> str:
        """The staged rows whose cells are plain (``_typed``) and of which neither the books nor the batch hold a
        duplicate: no payment of the customer that day with the row's reference in the books (the Python checks'
        duplicate: same day, customer, amount and reference) nor any recovery (a payment split in two); rows alike
        in the batch are no longer plain (``stage``)."""
        col = self._col
        books_check = ("(p.reference = s.t_reference OR p.recovery)" if books == SEEN
                       else f"(p.reference = s.t_reference OR p.method = '{self.recovery}')")
        return (f"SELECT s.n, s.t_customer_id, s.t_day_number, s.t_units, s.t_currency, s.t_method, s.t_reference, "
                f"{col('invoice_number')}, s.customer_code FROM {STAGE} s WHERE s.t_customer_id IS NOT NULL "
                f"AND NOT EXISTS (SELECT 1 FROM {books} p WHERE p.customer_id = s.t_customer_id "
                f"AND p.date = s.t_day_number AND {books_check})")

    def _named_sql(self) -> str:
        checks = [
            # the invoice: the customer's, not void, issued by then, no discount, the payment open on it
            "i.customer_id = p.customer_id", "i.voided = 0", "i.issue_date <= p.date", "i.discount = 0",
            "i.amount - i.paid >= p.amount"]   # (named on no other row of the batch: ``stage``)
        # the rows first, each invoice by its number (else SQLite may read every invoice), in the order of the
        # numbers: the invoices' pages are then read about in file order, not at random (at a million invoices a
        # batch's look-ups took a third of the time)
        return (f"SELECT p.n, p.customer_id, p.date, p.amount, p.currency, p.method, p.reference, i.id, p.code, "
                "i.issue_date, i.due_date, i.currency "
                f"FROM (SELECT * FROM {PARSED} WHERE invoice_number != '' ORDER BY invoice_number LIMIT -1) p "
                "CROSS JOIN main.invoice i WHERE i.number = p.invoice_number AND "
                + " AND ".join(f"({c})" for c in checks) + " ORDER BY p.n")

    def _auto_sql(self) -> str:
        return (f"SELECT {_ROW}, code FROM {PARSED} WHERE coalesce(invoice_number, '') = '' "
                f"AND customer_id NOT IN (SELECT customer_id FROM {WROTE_OFF}) ORDER BY n")
