"""The aging report as one GROUP BY over the invoices open on the day, its buckets built from the
domain's bucket definitions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from ar_desktop.domain.aging import BUCKETS, AgingRow
from ar_desktop.domain.money import from_minor
from ar_desktop.storage import open_set
from ar_desktop.storage.orm import Customer, Invoice
from ar_desktop.storage.plain_rows import plain_rows


def _bucket_condition(bucket, as_of: dt.date, due_date=Invoice.due_date):
    # days past due = as_of - due_date; compared as dates
    parts = []
    if bucket.low is not None:
        parts.append(due_date <= as_of - dt.timedelta(days=bucket.low))
    if bucket.high is not None:
        parts.append(due_date >= as_of - dt.timedelta(days=bucket.high))
    return and_(*parts)


def aging(s: Session, as_of: dt.date, customer_id: int | None = None) -> list[AgingRow]:
    """Open amount per customer and currency as of ``as_of``: the invoices open on that day
    (storage.open_set: issued by then, neither cleared nor voided by then), less what was applied
    to them by then. Only those invoices and their later allocations are read, not the history."""
    where = None if customer_id is None else Invoice.customer_id == customer_id
    open_ = open_set.open_rows(as_of, Invoice.customer_id, Invoice.currency, Invoice.due_date,
                               (Invoice.amount - open_set.paid_on(as_of)).label("units"), where=where).subquery()
    sums = [func.sum(case((_bucket_condition(b, as_of, open_.c.due_date), open_.c.units), else_=0)).label(b.key)
            for b in BUCKETS]
    # grouped before the customer is joined: one customer lookup per row of the report, not per invoice
    per = (select(open_.c.customer_id, open_.c.currency, *sums).group_by(open_.c.customer_id, open_.c.currency)
           .having(func.sum(open_.c.units) != 0).subquery())
    q = (select(Customer.code, Customer.name, per.c.currency, *(per.c[b.key] for b in BUCKETS))
         .join(per, per.c.customer_id == Customer.id).order_by(per.c.currency, Customer.code))
    # thousands of rows: straight from the cursor, each bucket's Decimal made once
    return [AgingRow(code, name, currency, {b.key: from_minor(units or 0, currency)
                                            for b, units in zip(BUCKETS, amounts, strict=True)})
            for code, name, currency, *amounts in plain_rows(s, q)]
