"""Which invoices were open on a day D, from an index instead of the whole history.

An invoice is open on D when it was issued by D and neither cleared nor voided by D. The invoice
row keeps what that needs, its derived columns (``storage.orm.Invoice``, never set by hand):

* ``paid``, ``last_paid_on`` and ``first_paid_on`` (the sum, the latest and the earliest date of its
  allocations), written only
  where allocations are written (``payments_repo.allocate``, ``bulk_repo``);
* ``cleared_on`` (what is paid by any day never exceeds the amount, so an invoice paid in full was
  cleared by its last allocation; one reopened by a reversal or a change of split, a negative
  allocation, is open again until it is paid in full again), ``closed_on`` (cleared or voided,
  whichever came first; for a reopened invoice its last closing) and
  ``span_class`` (how long it stayed open: class k means at most ``SPAN_DAYS[k]`` days,
  ``SPAN_OPEN`` not closed yet), which follow from the row: ``orm.derived`` on every ORM write,
  ``DERIVED_SQL`` in bulk_repo's one UPDATE.

Open on D is then ``issue_date <= D < closed_on``. A B-tree cannot answer such an interval
question directly, but per span class it can: an invoice of class k open on D was issued after
D - SPAN_DAYS[k], so each class is one range of ``ix_invoice_span`` (span_class, issue_date,
closed_on) holding at most about twice the invoices it returns. ``open_rows`` is the union of
those ranges.

The units paid by D of an invoice open on D are ``paid`` less its allocations dated after D, read
only for those invoices (``paid_on``) whose first allocation is by D: one whose allocations all came
after D had nothing paid by D, which the index answers (migration 0026: on a past month-end most open
invoices were paid later, one seek each before). An invoice cleared and later reopened is in the open set on
the days between with nothing open (``amount - paid_on(D)`` is 0): sums are right as they are, and
what lists invoices keeps those with something open. How to ask, e.g. the open amount per customer on D::

    rows = open_rows(d, Invoice.customer_id, (Invoice.amount - paid_on(d)).label("open")).subquery()
    select(rows.c.customer_id, func.sum(rows.c.open)).group_by(rows.c.customer_id)

``derived_mismatches`` recomputes every derived column from the allocations (for ``check``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from sqlalchemy import and_, case, func, or_, select, union_all
from sqlalchemy.sql import ColumnElement

from ar_desktop.storage import days
from ar_desktop.storage.days import LAST
from ar_desktop.storage.orm import Allocation, Invoice
from ar_desktop.storage.spans import EARLIEST as _EARLIEST
from ar_desktop.storage.spans import SPAN_DAYS, SPAN_OPEN, class_ranges

__all__ = ["class_ranges", "closed_rows", "cleared_rows", "is_open_on", "open_rows", "paid_on"]


def is_open_on(as_of: dt.date) -> ColumnElement[bool]:
    """The condition itself, for a few invoices already picked by another index (one customer's)."""
    return and_(Invoice.issue_date <= as_of, or_(Invoice.closed_on.is_(None), Invoice.closed_on > as_of))


def open_rows(as_of: dt.date, *columns, where=None):
    """SELECT ``columns`` of every invoice open on D (``where``: more conditions): a UNION ALL of
    one index range per span class. Without columns: the invoice ids."""
    columns = columns or (Invoice.id,)
    parts = []
    for k, earliest in class_ranges(as_of):
        cond = [Invoice.span_class == k, Invoice.issue_date <= as_of]
        if earliest > _EARLIEST:
            cond.append(Invoice.issue_date >= earliest)
        if k != SPAN_OPEN:   # open classes have no closing day yet
            cond.append(Invoice.closed_on > as_of)
        if where is not None:
            cond.append(where)
        parts.append(select(*columns).where(*cond))
    return union_all(*parts)


def _ranges(start: dt.date, end: dt.date, column, columns, where):
    """UNION ALL, one index range per span class, of the invoices whose ``column`` (closed_on) is in
    (start, end]: such an invoice of class k was issued after start - SPAN_DAYS[k]."""
    parts = []
    for k, earliest in class_ranges(start):
        if k == SPAN_OPEN:
            continue   # never closed
        cond = [Invoice.span_class == k, Invoice.issue_date <= end, column > start, column <= end]
        if earliest > _EARLIEST:
            cond.append(Invoice.issue_date > earliest)
        if where is not None:
            cond.append(where)
        parts.append(select(*columns).where(*cond))
    return union_all(*parts)


def closed_rows(start: dt.date, end: dt.date, *columns, where=None):
    """SELECT ``columns`` of every invoice closed (cleared or voided) in (start, end], from
    ``ix_invoice_span``: per span class one range of issue dates."""
    return _ranges(start, end, Invoice.closed_on, columns or (Invoice.id,), where)


def cleared_rows(start: dt.date, end: dt.date, *columns, where=None, as_of: dt.date | None = None):
    """SELECT ``columns`` of every invoice its allocations cleared in (start, end] and not voided by
    ``as_of`` (default ``end``; a part of a longer period asks as of the period's end): those closed
    then (``closed_rows``) by their allocations (an invoice cleared before it was voided has closed_on
    = cleared_on). Written with the index's own columns (cleared_on is last_paid_on once paid reaches
    the amount), so the table is never read."""
    cleared = and_(Invoice.paid >= Invoice.amount, Invoice.last_paid_on == Invoice.closed_on,
                   or_(Invoice.voided.is_(False), Invoice.voided_on > (as_of or end)))
    return closed_rows(start, end, *columns, where=cleared if where is None else and_(cleared, where))


def paid_on(as_of: dt.date) -> ColumnElement[int]:
    """Correlated to Invoice: the units allocated to it on or before D. Only an invoice with allocations
    on both sides of D needs them read (one seek in ix_allocation_aging): none is paid by D when the
    first is after D, all when the last is by D (storage.spans.paid_on_sql says the same in text)."""
    after = (select(func.coalesce(func.sum(Allocation.amount), 0))
             .where(Allocation.invoice_id == Invoice.id, Allocation.date > as_of)
             .correlate(Invoice).scalar_subquery())
    return case((Invoice.last_paid_on > as_of, case((Invoice.first_paid_on > as_of, 0), else_=Invoice.paid - after)),
                else_=Invoice.paid)


def span_sql(closed: str, issue: str) -> str:
    """``orm.derived``'s span class in SQL, of two column expressions."""
    return (f"CASE WHEN {closed} IS NULL THEN {SPAN_OPEN} "
            + " ".join(f"WHEN {closed} - {issue} <= {n} THEN {k}" for k, n in enumerate(SPAN_DAYS))
            + f" ELSE {len(SPAN_DAYS)} END")


def closed_sql(cleared: str, p: str = "") -> str:
    """``orm.derived``'s closing day in SQL (``p``: the invoice's alias and a dot)."""
    return (f"CASE WHEN {p}voided THEN min(coalesce({p}voided_on, {p}issue_date), coalesce({cleared}, {LAST})) "
            f"ELSE {cleared} END")


def raise_paid_sql(delta: str) -> str:
    """One UPDATE that adds ``delta`` (a subquery of invoice_id, units, first, last: new allocations per
    invoice) to the invoices' paid totals and first and last payment dates and recomputes the columns
    that follow from them: bulk_repo's counterpart of payments_repo.allocate and orm.derived."""
    last = "CASE WHEN i.last_paid_on >= d.last THEN i.last_paid_on ELSE d.last END"
    first = "CASE WHEN i.first_paid_on <= d.first THEN i.first_paid_on ELSE d.first END"
    return (
        "UPDATE invoice SET paid = n.paid, last_paid_on = n.last, first_paid_on = n.first, cleared_on = n.cleared, "
        f"closed_on = n.closed, span_class = {span_sql('n.closed', 'n.issue_date')} "
        f"FROM (SELECT id, issue_date, paid, last, first, cleared, {closed_sql('cleared')} AS closed FROM ("
        f"  SELECT i.id, i.issue_date, i.voided, i.voided_on, i.paid + d.units AS paid, {last} AS last, "
        f"         {first} AS first, "
        f"         CASE WHEN i.paid + d.units >= i.amount THEN {last} END AS cleared "
        f"  FROM ({delta}) AS d JOIN invoice i ON i.id = d.invoice_id)) AS n "
        "WHERE invoice.id = n.id")


def derived_mismatches(con: sqlite3.Connection, limit: int = 100) -> list[str]:
    """Invoices whose derived columns differ from a recomputation from their allocations and their
    own columns, as sentences for ``check``; [] when all agree."""
    columns = {r[1] for r in con.execute("PRAGMA table_info(invoice)")}
    if "span_class" not in columns or not days.in_use(con):   # a file not yet upgraded: only the paid totals
        rows = con.execute(
            "SELECT i.number, i.paid, COALESCE(SUM(a.amount), 0) FROM invoice i LEFT JOIN allocation a "
            "ON a.invoice_id = i.id GROUP BY i.id HAVING i.paid != COALESCE(SUM(a.amount), 0) LIMIT ?",
            (limit,)).fetchall()
        return [f"invoice {n}: paid column {p} differs from its allocations {u} (minor units)" for n, p, u in rows]
    cleared = "CASE WHEN i.paid >= i.amount THEN i.last_paid_on END"
    # first_paid_on from schema 0026 on (a file is checked before it is upgraded)
    first = "i.first_paid_on" if "first_paid_on" in columns else "a.first"
    rows = con.execute(
        f"SELECT i.number, i.paid, COALESCE(a.units, 0), i.last_paid_on, a.last, {first}, a.first, i.cleared_on, "
        "i.closed_on, i.span_class FROM invoice i LEFT JOIN (SELECT invoice_id, SUM(amount) AS units, "
        "MIN(date) AS first, MAX(date) AS last FROM allocation GROUP BY invoice_id) AS a ON a.invoice_id = i.id "
        f"WHERE i.paid != COALESCE(a.units, 0) OR i.last_paid_on IS NOT a.last OR {first} IS NOT a.first "
        f"OR i.cleared_on IS NOT ({cleared}) OR i.closed_on IS NOT ({closed_sql('i.cleared_on', 'i.')}) "
        f"OR i.span_class != ({span_sql('i.closed_on', 'i.issue_date')}) LIMIT ?", (limit,)).fetchall()
    out = []
    for number, paid, units, last, real_last, first_on, real_first, cleared_on, closed_on, span in rows:
        if paid != units:
            out.append(f"invoice {number}: paid column {paid} differs from its allocations {units} (minor units)")
        elif last != real_last:
            out.append(f"invoice {number}: last payment date {_shown(last, 'none')} differs from its allocations "
                       f"({_shown(real_last, 'none')})")
        elif first_on != real_first:
            out.append(f"invoice {number}: first payment date {_shown(first_on, 'none')} differs from its "
                       f"allocations ({_shown(real_first, 'none')})")
        else:
            out.append(f"invoice {number}: derived columns (cleared {_shown(cleared_on)}, closed {_shown(closed_on)}, "
                       f"span class {span}) do not follow from the invoice; run the upgrade again")
    return out


def _shown(value, nothing: str = "-") -> str:
    return nothing if value is None else days.shown(value)
