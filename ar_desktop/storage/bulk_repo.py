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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Boolean, Date, DateTime, Table, func, select, text
from sqlalchemy.orm import Session

from ar_desktop.storage.list_schema import index_later
from ar_desktop.storage.open_set import raise_paid_sql
from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment, derived
from ar_desktop.storage.orm_audit import BulkBatch, BulkSource

__all__ = ["BulkSource", "BulkWriter"]

# What an allocation batch changes on its invoices: the derived columns of storage.open_set.
_RAISE_PAID = text(raise_paid_sql("SELECT invoice_id, SUM(amount) AS units, MAX(date) AS last FROM allocation "
                                  "WHERE id BETWEEN :lo AND :hi GROUP BY invoice_id"))
_OVERPAID = text(
    "SELECT i.number FROM invoice i WHERE i.paid > i.amount AND i.id IN "
    "(SELECT invoice_id FROM allocation WHERE id BETWEEN :lo AND :hi) LIMIT 1")


def _datetime(v: dt.datetime | None) -> str | None:
    # SQLAlchemy's storage format for SQLite DATETIME (what the ORM writes and reads back)
    return None if v is None else v.strftime("%Y-%m-%d %H:%M:%S.%f")


def _date(v: dt.date | None) -> str | None:
    if v is None:
        return None
    if isinstance(v, dt.datetime):   # stored as its day, as SQLAlchemy's DATE does
        return v.date().isoformat()
    if not isinstance(v, dt.date):
        raise TypeError(f"a date column takes a date, not {v!r}")
    return v.isoformat()


def _bool(v) -> int | None:
    return None if v is None else int(bool(v))


def _converters(table: Table, keys: list[str], dialect) -> list[Callable | None]:
    """Per column: how its Python value is stored (what SQLAlchemy's bind processor would do)."""
    out = []
    for k in keys:
        t = table.c[k].type
        if isinstance(t, DateTime):
            out.append(_datetime)
        elif isinstance(t, Date):
            out.append(_date)
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


class BulkWriter:
    """Inserts rows of several kinds within the session's transaction, audited as one batch."""

    def __init__(self, s: Session, source: BulkSource):
        self.s = s
        self.batch = BulkBatch(s, source)

    def _insert(self, table, rows: list[dict]) -> tuple[int, int]:
        """Insert ``rows``; returns the first and last id they got."""
        if not rows:
            return 0, -1
        con = self.s.connection()
        above = con.execute(select(func.max(table.c.id))).scalar() or 0
        # the first row through SQLAlchemy (the write guards see it), the rest on the plain cursor
        defaults = _defaults(table, list(rows[0]))
        con.execute(table.insert(), [{**defaults, **rows[0]}])
        if len(rows) > 1:
            own, extra = list(rows[0]), list(defaults)
            dialect = con.dialect
            fixed = tuple(v if f is None else f(v)
                          for v, f in zip(defaults.values(), _converters(table, extra, dialect)))
            convert = [(i, f) for i, f in enumerate(_converters(table, own, dialect)) if f is not None]
            width = len(own)
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
        with index_later(self.s.connection(), "customer_search") as later:  # one statement, not one per row
            later(*self._insert(Customer.__table__, rows))

    def invoices(self, rows: list[dict]) -> None:
        """New invoices; what they were paid comes from allocations only (``payments``)."""
        out = []
        for r in rows:
            cleared, closed, span = derived(r["issue_date"], r["amount"], 0, None, r.get("voided", False),
                                            r.get("voided_on"))
            out.append({**r, "paid": 0, "last_paid_on": None, "cleared_on": cleared, "closed_on": closed,
                        "span_class": span})
        with index_later(self.s.connection(), "invoice_search") as later:  # one statement, not one per row
            later(*self._insert(Invoice.__table__, out))

    def payments(self, payments: list[dict], allocations: list[dict]) -> None:
        """Payments (with explicit ids) and their allocations; the invoices' paid totals and last
        payment dates are raised to match in one UPDATE."""
        self._insert(Payment.__table__, payments)
        if not allocations:
            return
        self.s.flush()   # an invoice changed in the session (an import's update) is written before it is raised
        lo, hi = self._insert(Allocation.__table__, allocations)
        con = self.s.connection()
        con.execute(_RAISE_PAID, {"lo": lo, "hi": hi})
        touched = {a["invoice_id"] for a in allocations}
        for obj in list(self.s.identity_map.values()):
            if isinstance(obj, Invoice) and obj.id in touched:
                self.s.expire(obj)   # read again: its paid total and derived columns changed in SQL
        over = con.execute(_OVERPAID, {"lo": lo, "hi": hi}).scalar()
        if over is not None:   # the importers check this first; a bug must not store an overpaid invoice
            raise ValueError(f"invoice {over} would be paid more than its amount")

