"""The aging report as one GROUP BY, its buckets built from the domain's bucket definitions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from ar_desktop.domain.aging import BUCKETS, AgingRow
from ar_desktop.domain.money import from_minor
from ar_desktop.storage.orm import Allocation, Customer, Invoice


def _bucket_condition(bucket, as_of: dt.date):
    # days past due = as_of - due_date; compare dates instead so the index on due_date serves.
    parts = []
    if bucket.low is not None:
        parts.append(Invoice.due_date <= as_of - dt.timedelta(days=bucket.low))
    if bucket.high is not None:
        parts.append(Invoice.due_date >= as_of - dt.timedelta(days=bucket.high))
    return and_(*parts)


def aging(s: Session, as_of: dt.date, customer_id: int | None = None) -> list[AgingRow]:
    """Open amount per customer and currency as of ``as_of``: invoices issued by then, less payments
    applied by then; invoices voided later still count as they were."""
    paid = (select(Allocation.invoice_id, func.sum(Allocation.amount).label("p"))
            .where(Allocation.date <= as_of).group_by(Allocation.invoice_id).subquery())
    open_amt = Invoice.amount - func.coalesce(paid.c.p, 0)
    sums = [func.sum(case((_bucket_condition(b, as_of), open_amt), else_=0)).label(b.key) for b in BUCKETS]
    q = (select(Customer.code, Customer.name, Invoice.currency, *sums)
         # "customer_id + 0" keeps SQLite from driving the join customer by customer through
         # ix_invoice_aging, which reads a million invoice rows in random order (about 3x slower).
         .select_from(Invoice).join(Customer, Customer.id == Invoice.customer_id + 0)
         .outerjoin(paid, paid.c.invoice_id == Invoice.id)
         .where(Invoice.issue_date <= as_of,
                or_(Invoice.voided.is_(False), and_(Invoice.voided_on.is_not(None), Invoice.voided_on > as_of)))
         .group_by(Customer.id, Invoice.currency)
         .having(func.sum(open_amt) != 0)
         .order_by(Invoice.currency, Customer.code))
    if customer_id is not None:
        q = q.where(Invoice.customer_id == customer_id)
    out = []
    for code, name, currency, *amounts in s.execute(q):
        row = AgingRow(code, name, currency)
        for b, units in zip(BUCKETS, amounts, strict=True):
            row.add(b.key, from_minor(units or 0, currency))
        out.append(row)
    return out
