"""What the quarterly review reads (month by month activity, write-offs, collection events, how
each customer paid) and the decisions it records. Set-based: a handful of queries per pack."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ar_desktop.domain.kpi import Period
from ar_desktop.domain.payment_kinds import DISCOUNT
from ar_desktop.storage.as_of_sql import id_set, live_on
from ar_desktop.storage.day_columns import month_of
from ar_desktop.storage.kpi_repo import _as_date, _cleared
from ar_desktop.storage.kpi_sql import ADJUSTMENT_METHODS
from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment
from ar_desktop.storage.orm_collections import CollectionEvent
from ar_desktop.storage.orm_review import ReviewDecision

VOID_REVERSAL = "void reversal"
EVENT_KINDS = ("dispute", "dispute_resolved", "promise", "promise_kept", "promise_broken", "step_done")


_month = month_of


def customers_in_review(s: Session, first: dt.date, last: dt.date, open_ids: Collection[int]) -> list[int]:
    """Customers with a balance on the last day (``open_ids``) or an invoice issued in the quarter."""
    sold = set(s.scalars(select(Invoice.customer_id).where(Invoice.issue_date >= first, Invoice.issue_date <= last,
                                                          live_on(last)).distinct()))
    return sorted(sold | set(open_ids))


def monthly_sales(s: Session, first: dt.date, last: dt.date, scope) -> dict[tuple[int, str], int]:
    """(customer id, 'YYYY-MM') -> units invoiced (not voided by the last day)."""
    q = (select(Invoice.customer_id, _month(Invoice.issue_date), func.sum(Invoice.amount))
         .where(Invoice.issue_date >= first, Invoice.issue_date <= last, live_on(last), Invoice.customer_id.in_(scope))
         .group_by(Invoice.customer_id, _month(Invoice.issue_date)))
    return {(cid, month): int(units) for cid, month, units in s.execute(q)}


def monthly_payments(s: Session, first: dt.date, last: dt.date, scope) -> dict[tuple[int, str, bool], int]:
    """(customer id, 'YYYY-MM', is an adjustment) -> units received, or written off, credited and
    given as early-payment discounts (no money either). The credit a void leaves is no payment and is
    left out."""
    adjusted = Payment.method.in_((*ADJUSTMENT_METHODS, DISCOUNT.key))
    q = (select(Payment.customer_id, _month(Payment.date), adjusted, func.sum(Payment.amount))
         .where(Payment.date >= first, Payment.date <= last, Payment.method != VOID_REVERSAL,
                Payment.customer_id.in_(scope))
         .group_by(Payment.customer_id, _month(Payment.date), adjusted))
    return {(cid, month, bool(adj)): int(units) for cid, month, adj, units in s.execute(q)}


def write_offs(s: Session, first: dt.date, last: dt.date, scope=None) -> list[tuple]:
    """(date, customer code, name, invoice number, units, currency, reason) of the write-offs in the quarter."""
    q = (select(Allocation.date, Customer.code, Customer.name, Invoice.number, Allocation.amount, Invoice.currency,
                Payment.reference)
         .join(Payment, Payment.id == Allocation.payment_id).join(Invoice, Invoice.id == Allocation.invoice_id)
         .join(Customer, Customer.id == Invoice.customer_id)
         .where(Payment.method == "write-off", Allocation.date >= first, Allocation.date <= last)
         .order_by(Allocation.date, Customer.code, Invoice.number))
    if scope is not None:
        q = q.where(Invoice.customer_id.in_(scope))
    return [(_as_date(d), *rest) for d, *rest in s.execute(q)]


def events(s: Session, first: dt.date, last: dt.date, scope) -> list[tuple]:
    """(customer id, kind, date, step key, invoice number, units) of the quarter's disputes, promises and steps."""
    q = (select(CollectionEvent.customer_id, CollectionEvent.kind, CollectionEvent.date, CollectionEvent.step_key,
                Invoice.number, CollectionEvent.amount)
         .outerjoin(Invoice, Invoice.id == CollectionEvent.invoice_id)
         .where(CollectionEvent.kind.in_(EVENT_KINDS), CollectionEvent.date >= first, CollectionEvent.date <= last,
                CollectionEvent.customer_id.in_(scope))
         .order_by(CollectionEvent.date, CollectionEvent.id))
    return [(cid, kind, _as_date(d), key, number, units) for cid, kind, d, key, number, units in s.execute(q)]


def payment_by_customer(s: Session, period: Period, scope) -> dict[int, tuple[int, int, int]]:
    """Per customer: (invoices paid in full in the period, days to pay summed, days late summed), the
    KPI's definition (write-offs and credit notes left out)."""
    c = _cleared(period, None).subquery()
    cleared, issued, due = c.c.cleared, c.c.issue_date, c.c.due_date
    q = (select(c.c.customer_id, func.count(), func.sum(cleared - issued), func.sum(func.max(cleared - due, 0)))
         .where(c.c.adjusted.is_(False), c.c.customer_id.in_(scope)).group_by(c.c.customer_id))
    return {cid: (int(n), int(round(to_pay)), int(round(late))) for cid, n, to_pay, late in s.execute(q)}


# --- decisions ---------------------------------------------------------------------------------------

def add_decision(s: Session, **values) -> int:
    row = ReviewDecision(**values)
    s.add(row)
    s.flush()
    return row.id


def decisions(s: Session, quarter: str, scope=None) -> dict[int, ReviewDecision]:
    """The latest decision per customer for the quarter."""
    q = select(ReviewDecision).where(ReviewDecision.quarter == quarter).order_by(ReviewDecision.id)
    if scope is not None:
        q = q.where(ReviewDecision.customer_id.in_(scope))
    return {d.customer_id: d for d in s.scalars(q)}


def scope_of(ids: Collection[int]):
    return id_set(ids)

