"""The one bulk-insert path (imports, the benchmark file): executemany per table, the invoices'
derived columns built in SQL, and ONE audit entry for the whole batch.

    writer = BulkWriter(s, BulkSource.of_file(path))      # or BulkSource(name, sha256)
    writer.customers(rows); writer.invoices(rows); writer.payments(payments, allocations)

Rows are column dicts (storage.orm). The audit entry (storage.orm_audit.record of who, when, the
file's name and SHA-256, per kind the row count and id range) is written when the transaction
commits, so it exists exactly when the rows do. Ids of one kind written by one writer form one
range: rows get ids above every existing one, and nothing else writes during the transaction.
"""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

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
        con.execute(table.insert(), rows)   # Core, not ORM: the batch is audited once, not row by row
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
        """New invoices; what they were paid comes from allocations only (``payments``)."""
        out = []
        for r in rows:
            cleared, closed, span = derived(r["issue_date"], r["amount"], 0, None, r.get("voided", False),
                                            r.get("voided_on"))
            out.append({**r, "paid": 0, "last_paid_on": None, "cleared_on": cleared, "closed_on": closed,
                        "span_class": span})
        self._insert(Invoice.__table__, out)

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

