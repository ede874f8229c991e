"""The one bulk-insert path (imports, the benchmark file): executemany per table, the invoices'
derived columns built in SQL, and ONE audit entry for the whole batch.

    writer = BulkWriter(s, BulkSource.of_file(path))      # or BulkSource(name, sha256)
    writer.customers(rows); writer.invoices(rows); writer.payments(payments, allocations)

Rows are column dicts (storage.orm). They go to SQLite through the plain DB-API cursor's
``executemany`` with each value converted once by its column's type (``_converters``), not through
SQLAlchemy's per-row parameter handling; the first row of each call goes through SQLAlchemy, so the
file's write guards (writes held until the integrity check passed, the "changed" mark) see the write
before any row is stored. The audit entry (storage.orm_audit.record of who, when, the
file's name and SHA-256, per kind the row count and id range) is written when the transaction
commits, so it exists exactly when the rows do. Ids of one kind written by one writer form one
range: rows get ids above every existing one, and nothing else writes during the transaction.

What SQLite keeps in step row by row is done once, at the end of the transaction (``finish``, run by
the session just before it commits; a rollback or a kill undoes all of it with the rows): the search, the
deferred indexes, the idle insert triggers, the runs of late payments and the two summaries of
storage.bulk_holds (the base of ``BulkWriter``, shared with the plain writer of storage.plain_invoices), and
for payments:
- the invoice indexes that hold a paid total or what follows from it (``follows_paid``), once the
  allocations of this writer have touched a tenth of the file's invoices (``SHARE``): from then on each
  batch's UPDATE of paid totals rewrites the invoice rows only, not a random entry in each of those
  indexes per invoice, and the indexes are built again by one sort each, as above. At worst (an import
  that stops just past the tenth) the rebuild costs about what the updates saved. A payments import whose
  file holds (by its size) rows for a tenth of the invoices (``paying``) defers them from its first batch;
- the summary of clearings (storage.clearing_summary), for a payments import (``paying``): its update triggers
  dropped at the first UPDATE of paid totals, each batch's change applied as two aggregates (the paid
  invoices' contributions out before the UPDATE, in after it: from the rows the UPDATE returns), the triggers
  created again at the end; the runs of late payments' update triggers likewise, the customers of the invoices
  each batch's UPDATE changed noted (a payments import writes invoice rows only by that UPDATE) and the periods of
  those it left paid late kept (a machine integer each): the runs are caught up from those merged with the runs
  the customers had, not from their invoices, unless an allocation was negative (a period may then shrink). Its invoice
  index ``ix_invoice_owed`` is deferred too: the lane reads a customer's open invoices by ``ix_invoice_aging``
  while it is away (storage.payment_staging);
- for a payments import's quick lane into a file with few payments (``defer_lookups``), the payments' and
  allocations' indexes, the importers' look-ups (``_KEPT``) included: the lane checks duplicates against hashes of
  the payments' customers, days and references meanwhile (storage.payment_staging), and the Python checks have the
  look-ups built again before they read them (``keep_lookups``).
"""

from __future__ import annotations

import array
import contextlib
import functools
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator

from sqlalchemy import Boolean, DateTime, Table, event, func, select
from sqlalchemy.orm import Session

from ar_desktop.storage import late_runs, orm_audit
from ar_desktop.storage.bulk_holds import DERIVED as _DERIVED
from ar_desktop.storage.bulk_holds import GROWTH, KEPT as _KEPT, BulkHolds
from ar_desktop.storage.open_set import closed_sql, raise_paid_sql, span_sql
from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment
from ar_desktop.storage.orm_audit import BulkBatch, BulkSource

__all__ = ["BulkSource", "BulkWriter"]

# A void invoice is closed from its void day (it has no payments yet): the derived columns of the few void
# rows of a batch, in SQL (orm.derived's counterpart); the others keep the columns' open defaults.
_VOID_DERIVED = (f"UPDATE invoice SET closed_on = {closed_sql('NULL')}, "
                 f"span_class = {span_sql(closed_sql('NULL'), 'issue_date')} WHERE id BETWEEN ? AND ? AND voided")
# ... and the open invoices by customer, read while payments are applied: kept when not a payments import
# (``paying``), whose readers do without it (storage.payment_staging, import_repo.open_invoice_states)
_KEPT_PAYING = _KEPT | {"ix_invoice_owed"}
# The invoice columns an allocation changes (open_set.raise_paid_sql): an index holding one of them, in its
# columns, expressions or WHERE, gets a random rewrite per invoice paid.
_PAID_COLUMNS = re.compile(r"\b(paid|last_paid_on|first_paid_on|cleared_on|closed_on|span_class)\b", re.IGNORECASE)
# ... but a partial index over few invoices (the flagged ones, migration 0033's covering index) is kept: a paid invoice
# among them is one entry rewritten, while building it again is a pass over the whole invoice table (0.1-0.4 s at a
# million invoices)
_FEW = frozenset({"ix_invoice_disputed"})
SHARE = 10   # the invoice indexes that follow paid are deferred once 1/SHARE of the invoices were paid
_WRITERS = "bulk_writers"
_TABLES = {"customer": Customer, "invoice": Invoice, "payment": Payment, "allocation": Allocation}
_BUILD_CACHE_KIB = 16 * 1024   # the page cache while a payments import's deferred indexes are built


def _clearings():
    """storage.clearing_summary, loaded by a payments import only (with the figures' SQL it reads: ~15 ms)."""
    from ar_desktop.storage import clearing_summary

    return clearing_summary


@functools.cache
def _raise_paid() -> str:
    """What an allocation batch changes on its invoices: the derived columns of storage.open_set. It returns, per
    invoice it changed, what the held summaries need of it (``clearing_summary.returned_sql``: the customer, and what
    its contribution to the summary of clearings and its late period follow from), then its number if it is now
    overpaid (else NULL: no text per row): no second seek per invoice for those. Made on first use, with
    storage.clearing_summary (``_clearings``)."""
    return (raise_paid_sql("SELECT invoice_id, SUM(amount) AS units, MIN(date) AS first, MAX(date) AS last "
                           "FROM allocation WHERE id BETWEEN ? AND ? GROUP BY invoice_id")
            + f" RETURNING {_clearings().returned_sql('invoice')}, "
            + "CASE WHEN invoice.paid > invoice.amount THEN invoice.number END")


@contextlib.contextmanager
def _small_sorts(con, small: bool) -> Iterator[None]:
    """``small``: the page cache at most ``_BUILD_CACHE_KIB`` meanwhile. SQLite's sorter keeps up to the cache's
    size of rows in memory before it writes them out, on top of the cache: a payments import's indexes built
    again on a million invoices took ~110 MB with the import's 64 MB cache, ~30 MB with 16 MB, in no more time
    (the rows are read in one pass and the index written in order: a small cache holds what they need)."""
    if not small:
        yield
        return
    before = con.exec_driver_sql("PRAGMA cache_size").scalar()
    if before >= 0 or -before > _BUILD_CACHE_KIB:   # pages (a positive size) or more KiB than that
        con.exec_driver_sql(f"PRAGMA cache_size=-{_BUILD_CACHE_KIB}")
    try:
        yield
    finally:
        con.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


def _datetime(v: dt.datetime | None) -> str | None:
    # SQLAlchemy's storage format for SQLite DATETIME (what the ORM writes and reads back)
    return None if v is None else v.strftime("%Y-%m-%d %H:%M:%S.%f")


def _bool(v) -> int | None:
    return None if v is None else int(bool(v))


def _converters(table: Table, keys: list[str], dialect) -> list[Callable | None]:
    """Per column: how its Python value is stored (what SQLAlchemy's bind processor would do; the day numbers
    and seconds of storage.days through their column types' own processors)."""
    out = []
    for k in keys:
        t = table.c[k].type
        if isinstance(t, DateTime):
            out.append(_datetime)
        elif isinstance(t, Boolean):
            out.append(_bool)
        else:
            out.append(t.dialect_impl(dialect).bind_processor(dialect))
    return out


def _defaults(table: Table, keys: list[str]) -> dict[str, object]:
    """The Python-side defaults of the columns the rows leave out (one value for the whole batch)."""
    out = {}
    for c in table.columns:
        if c.name in keys or c.default is None or c.primary_key:
            continue
        d = c.default
        out[c.name] = d.arg(None) if d.is_callable else d.arg if d.is_scalar else None
    return {k: v for k, v in out.items() if v is not None}


def follows_paid(name: str, sql: str) -> bool:
    """Whether a payments import may defer this invoice index (``name``, its ``sql``): it holds a paid total or what
    follows from it, and it is not one of the few kept (``_FEW``). benchmarks/payments_floor.py defers the same."""
    return name not in _FEW and bool(_PAID_COLUMNS.search(sql.split(" ON ", 1)[1]))


class BulkWriter(BulkHolds):
    """Inserts rows of several kinds within the session's transaction, audited as one batch."""

    def __init__(self, s: Session, source: BulkSource, paying: int = 0, adding: int = 0):
        super().__init__(orm_audit.pend(s, BulkBatch(source)), adding)
        self.s = s
        self._paying = paying   # the rows a payments import expects (its file's estimate), 0: not known
        self._paid_touched = 0                             # invoices whose paid total this writer raised
        self._invoices: int | None = None                  # the invoice ids' range when that was first counted
        self._paid_deferred = False
        self._clearings_held: list[str] | None = None      # clearing_month's triggers dropped (a payments import)
        self._late_updates_held: list[str] = []            # ... and late_run's update triggers
        self._late_added: array.array | None = None        # ... the late periods their UPDATEs added (``_raise_paid``)
        self._late_noted: set[int] = set()                 # ... and the customers they noted
        self._lookups: bool | None = None                  # ``_KEPT`` dropped (``defer_lookups``), None: not decided
        self._lookup_sql: list[str] = []                   # ... their CREATE statements
        s.info.setdefault(_WRITERS, []).append(self)

    # through the session's connection: the file's write guards see every write (storage.engine)
    def execute(self, sql: str, params=()):
        return self.s.connection().exec_driver_sql(sql, params)

    def dbapi(self):
        return self.s.connection().connection.driver_connection

    def _flush(self) -> None:
        self.s.flush()

    def _defaults(self, table: str, columns: list[str]) -> dict[str, object]:
        t = _TABLES[table].__table__
        extra = _defaults(t, columns)
        return {k: v if f is None else f(v)
                for (k, v), f in zip(extra.items(), _converters(t, list(extra), self.s.connection().dialect))}

    def defer_lookups(self) -> bool:
        """A payments import's quick lane, before its first batch: when the payments it expects (``paying``) are at
        least 1/GROWTH of those the file holds, the payments' and allocations' indexes are dropped too, ``_KEPT``
        included, to be built at ``finish`` by one sort each (a random entry per row in ``ix_allocation_aging`` and
        ``ix_payment_customer_date``: ~15 us a payment at a million invoices). The lane reads neither meanwhile
        (storage.payment_staging keeps hashes of the payments' customers, days and references); the Python checks do: ``keep_lookups`` builds
        them again first. Decided once; returns whether they are away."""
        if self._lookups is None:
            con = self.s.connection()
            top = con.exec_driver_sql("SELECT coalesce(max(id), 0) FROM payment").scalar()
            self._lookups = bool(self._paying) and self._paying * GROWTH >= top
            if self._lookups:
                for table in ("payment", "allocation"):
                    self._drop_indexes(table)
                    for name, sql in con.exec_driver_sql(
                            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                            "AND sql IS NOT NULL", (table,)).all():
                        if name in _KEPT:
                            con.exec_driver_sql(f'DROP INDEX "{name}"')
                            self._lookup_sql.append(sql)
        return self._lookups

    def keep_lookups(self) -> None:
        """The importers' look-ups by customer and day, and by invoice (``_KEPT``), there from now on: built again
        if ``defer_lookups`` dropped them (the payments import's Python checks read them)."""
        if self._lookups:
            con = self.s.connection()
            with _small_sorts(con, True):
                for sql in self._lookup_sql:
                    con.exec_driver_sql(sql)
            self._lookup_sql = []
        self._lookups = False

    def _defer_paid_indexes(self, con, touched: int) -> None:
        """Once this writer's allocations have raised 1/SHARE of the invoices: drop the invoice indexes that
        follow the paid total (but those the importers read, ``_KEPT_PAYING``), to be built again at ``finish``."""
        if self._paid_deferred:
            return
        if self._invoices is None:
            self._invoices = con.exec_driver_sql("SELECT coalesce(max(id), 0) FROM invoice").scalar()
        self._paid_touched += touched
        if max(self._paid_touched, self._paying) * SHARE < self._invoices:
            return
        self._paid_deferred = True
        for name, sql in con.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invoice' "
                "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'").all():
            if name not in (_KEPT if self._paying else _KEPT_PAYING) and follows_paid(name, sql):
                con.exec_driver_sql(f'DROP INDEX "{name}"')
                self._deferred.append(sql)

    # ---- ``BulkHolds.finish``'s hooks: a payments import's own ---------------------------------------------

    def _take_deferred(self) -> list[str]:
        """The deferred indexes and the look-ups (``defer_lookups``) not built again yet."""
        deferred, self._lookup_sql = super()._take_deferred() + self._lookup_sql, []
        return deferred

    def _building(self, deferred: list[str]) -> contextlib.AbstractContextManager:
        """A payments import's indexes built with a small cache (``_small_sorts``)."""
        return _small_sorts(self.s.connection(), bool(self._paying and deferred))

    def _before_catch_up(self) -> None:
        """The runs of late payments' update triggers (``_raise_paid``) created again before their catch-up."""
        if self._late_updates_held:
            held, self._late_updates_held = self._late_updates_held, []
            late_runs.release_updates(self.dbapi(), held)

    def _late_runs_added(self):
        """The periods this writer's UPDATEs added (``_raise_paid``), when they are all that changed: no more customers
        noted than they noted (none noted before the triggers were dropped). Nothing else notes one meanwhile: a
        payments import writes invoice rows by that UPDATE only, with late_run's update triggers away."""
        added, self._late_added = self._late_added, None
        if added is not None:
            pending = self.dbapi().execute(f"SELECT count(*) FROM {late_runs.PENDING}").fetchone()[0]
            if pending != len(self._late_noted):
                return None
        return added

    def _after_catch_up(self) -> None:
        """The summary of clearings' update triggers (``_raise_paid``) created again."""
        if self._clearings_held is not None:
            held, self._clearings_held = self._clearings_held, None
            _clearings().release(self.dbapi(), held)

    def _insert(self, table, rows: list[dict], skip: tuple[str, ...] = ()) -> tuple[int, int]:
        """Insert ``rows`` (without their keys in ``skip``); returns the first and last id they got."""
        if not rows:
            return 0, -1
        con = self.s.connection()
        above = con.execute(select(func.max(table.c.id))).scalar() or 0
        self._prepare(table.name)
        own = [k for k in rows[0] if k not in skip]
        # the first row through SQLAlchemy (the write guards see it), the rest on the plain cursor
        defaults = _defaults(table, own)
        con.execute(table.insert(), [{**defaults, **{k: rows[0][k] for k in own}}])
        if len(rows) > 1:
            extra = list(defaults)
            dialect = con.dialect
            fixed = tuple(v if f is None else f(v)
                          for v, f in zip(defaults.values(), _converters(table, extra, dialect)))
            convert = [(i, f) for i, f in enumerate(_converters(table, own, dialect)) if f is not None]
            width = len(rows[0])
            sql = (f"INSERT INTO {table.name} ({', '.join(own + extra)}) "
                   f"VALUES ({', '.join('?' for _ in own + extra)})")

            def values():
                for r in rows[1:]:
                    if len(r) != width:
                        raise ValueError(f"{table.name}: every row of a batch has the same columns")
                    v = [r[k] for k in own]
                    for i, f in convert:
                        v[i] = f(v[i])
                    yield (*v, *fixed)

            cur = con.connection.dbapi_connection.cursor()
            try:
                cur.executemany(sql, values())
            finally:
                cur.close()
        if "id" in rows[0]:
            first, last = min(r["id"] for r in rows), max(r["id"] for r in rows)
        else:
            first, last = above + 1, con.execute(select(func.max(table.c.id))).scalar() or 0
        # the batch's ids are one new range: the audit entry names it, and the allocations' update reads it
        if first <= above or last - first + 1 != len(rows):
            raise ValueError(f"{table.name}: {len(rows)} rows must take new consecutive ids, not {first}..{last}")
        self.batch.added(table.name, len(rows), first, last)
        return first, last

    def customers(self, rows: list[dict]) -> None:
        self._insert(Customer.__table__, rows)

    def invoices(self, rows: list[dict]) -> None:
        """New invoices; what they were paid comes from allocations only (``payments``): the rows' own
        paid total and derived columns, if any, are not read."""
        first, last = self._insert(Invoice.__table__, rows, skip=_DERIVED)
        self._growing(len(rows))
        if any(r.get("voided") for r in rows):
            self.s.connection().exec_driver_sql(_VOID_DERIVED, (first, last))

    def payments(self, payments: list[dict], allocations: list[dict]) -> None:
        """Payments (with explicit ids) and their allocations; the invoices' paid totals and last
        payment dates are raised to match in one UPDATE."""
        self._insert(Payment.__table__, payments)
        if not allocations:
            return
        self.s.flush()   # an invoice changed in the session (an import's update) is written before it is raised
        lo, hi = self._insert(Allocation.__table__, allocations)
        self._raise_paid(lo, hi, {a["invoice_id"] for a in allocations})

    def lane_payments(self, payments: Iterable[tuple], allocations: Iterable[tuple], touched: set[int]
                      ) -> tuple[int, int]:
        """Payments a payments import's quick lane built in Python (storage.payment_staging), written once:
        ``payments`` as (id, customer_id, date, amount, currency, method, reference), day numbers and minor units,
        their ids the next ones (one above the largest, consecutive); ``allocations`` as (payment_id, invoice_id,
        date, amount), taking the next ids in their order, each paying an open invoice (``touched``: those invoices)
        no more than is open on it. The invoices' paid totals are raised as in ``payments``. Rows are read as they
        are written (generators: no second copy of a batch). Returns the first and last id of the allocations
        (0, -1: none)."""
        self.s.flush()   # an invoice changed in the session (an import's update) is written before it is raised
        self._rows("payment", ["id", "customer_id", "date", "amount", "currency", "method", "reference"], payments)
        lo, hi = self._rows("allocation", ["payment_id", "invoice_id", "date", "amount"], allocations)
        if hi >= lo:   # the lane pays open invoices only (what it takes is at most what is open on each)
            self._raise_paid(lo, hi, touched, all_open=True)
        return lo, hi

    def _rows(self, table: str, columns: list[str], rows: Iterable[tuple]) -> tuple[int, int]:
        """``rows`` (values of ``columns``, as stored) inserted, the other columns their defaults; the first through
        SQLAlchemy (the write guards see it), the rest by ``executemany``; their ids checked to be one new range
        (given or SQLite's next ones), audited. Returns the first and last id (0, -1: no row)."""
        rows = iter(rows)
        first_row = next(rows, None)
        if first_row is None:
            return 0, -1
        self._prepare(table)
        above = self._one(f"SELECT coalesce(max(id), 0) FROM {table}")  # noqa: S608
        fixed = self._defaults(table, columns)
        sql = (f"INSERT INTO {table} ({', '.join([*columns, *fixed])}) "  # noqa: S608
               f"VALUES ({', '.join('?' * (len(columns) + len(fixed)))})")
        extra = tuple(fixed.values())
        self.execute(sql, first_row + extra)
        cur = self.dbapi().cursor()
        try:
            cur.executemany(sql, (r + extra for r in rows))
            n = 1 + max(cur.rowcount, 0)
        finally:
            cur.close()
        first = self._added(table, above, n)
        return first, first + n - 1

    def _raise_paid(self, lo: int, hi: int, touched: set[int], *, all_open: bool = False) -> None:
        """The paid totals and derived columns of the invoices allocations ``lo``..``hi`` pay (``all_open``: each
        was open before, so none counted in the summary of clearings yet)."""
        con = self.s.connection()
        self._defer_paid_indexes(con, len(touched))
        raw = con.connection.driver_connection
        if self._paying and self._clearings_held is None:   # a payments import writes no invoice row but here
            self._clearings_held = _clearings().hold(raw)
            self._late_updates_held = late_runs.hold_updates(raw)
            # the runs caught up from the periods the UPDATEs return, unless a customer was noted before
            if self._late_updates_held and not raw.execute(f"SELECT 1 FROM {late_runs.PENDING} LIMIT 1").fetchone():
                self._late_added = array.array("q")
        if self._clearings_held is not None and not all_open:
            _clearings().take_paid(raw, lo, hi)
        added = self._late_added
        if added is not None and raw.execute("SELECT 1 FROM allocation WHERE id BETWEEN ? AND ? AND amount < 0 LIMIT 1",
                                             (lo, hi)).fetchone() is not None:
            added = self._late_added = None   # a period may shrink (a reversal): the runs recomputed at the end
        # the rows the UPDATE returns (one per invoice it changed), each read in a tight loop
        rows = raw.execute(_raise_paid(), (lo, hi)).fetchall()
        over = [r[6] for r in rows if r[6] is not None]
        if added is not None:   # the late periods: a counted closing day is the clearing day of an invoice not voided
            try:
                added.extend([p for p in (late_runs.added_period(r[0], r[2], r[3], r[4]) for r in rows
                                          if r[3] is not None) if p is not None])
            except OverflowError:
                self._late_added = None
        if self._clearings_held is not None:
            _clearings().put_rows(raw, rows)
        if self._late_updates_held:
            customers = {r[0] for r in rows}
            late_runs.note_customers(raw, customers)
            self._late_noted |= customers
        for obj in list(self.s.identity_map.values()):
            if isinstance(obj, Invoice) and obj.id in touched:
                self.s.expire(obj)   # read again: its paid total and derived columns changed in SQL
        if over:   # the importers check this first; a bug must not store an overpaid invoice
            raise ValueError(f"invoice {over[0]} would be paid more than its amount")



@event.listens_for(Session, "before_commit")
def _finish_writers(session: Session) -> None:
    for writer in session.info.pop(_WRITERS, []):
        writer.finish()


@event.listens_for(Session, "after_rollback")
def _forget_writers(session: Session) -> None:
    session.info.pop(_WRITERS, None)   # what they held or dropped was rolled back with their rows
