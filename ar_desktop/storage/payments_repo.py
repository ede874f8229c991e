"""Payments and their allocations; every allocation keeps the invoice's paid total and last payment
date in step (the derived columns of storage.open_set; bulk_repo is the only other writer)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ar_desktop.domain.allocation import Allocation as PlannedAllocation
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import from_minor, to_minor
from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment


@dataclass(frozen=True)
class PaymentRow:
    id: int
    date: dt.date
    customer_code: str
    customer_name: str
    amount: Decimal
    applied: Decimal
    currency: str
    method: str
    reference: str


def add(s: Session, *, customer_id: int, date: dt.date, amount: Decimal, currency: str, method: str,
        reference: str, allocations: Iterable[PlannedAllocation]) -> int:
    p = Payment(customer_id=customer_id, date=date, amount=to_minor(amount, currency), currency=currency,
                method=method, reference=reference)
    s.add(p)
    s.flush()
    allocate(s, p, date, allocations)
    return p.id


def allocate(s: Session, payment: Payment, date: dt.date, allocations: Iterable[PlannedAllocation]) -> None:
    for a in allocations:
        inv = s.get(Invoice, a.invoice_id)
        units = to_minor(a.amount, inv.currency)
        if inv.customer_id != payment.customer_id or inv.voided or inv.paid + units > inv.amount:
            raise UserError(f"Invoice {inv.number} cannot take {a.amount}: it is voided, belongs to another "
                            "customer or would be overpaid.")
        if date < inv.issue_date:
            raise UserError(f"Invoice {inv.number} was issued on {inv.issue_date.isoformat()}; a payment dated "
                            f"{date.isoformat()} cannot be applied to it.")
        s.add(Allocation(payment_id=payment.id, invoice_id=inv.id, date=date, amount=units))
        # the derived columns of the invoice (storage.open_set), kept in step here and in bulk_repo only
        inv.paid += units
        inv.last_paid_on = date if inv.last_paid_on is None else max(inv.last_paid_on, date)


# A recovery (money received after a debt was written off) is income, not customer credit: it is
# never applied to invoices and never counts as unapplied.
RECOVERY = "recovery"


def unapplied_payments(s: Session, customer_id: int) -> list[tuple[Payment, int]]:
    """Payments of a customer with money not yet applied, oldest first, with the unapplied units."""
    applied = (select(Allocation.payment_id, func.sum(Allocation.amount).label("a"))
               .group_by(Allocation.payment_id).subquery())
    q = (select(Payment, Payment.amount - func.coalesce(applied.c.a, 0))
         .outerjoin(applied, applied.c.payment_id == Payment.id)
         .where(Payment.customer_id == customer_id, Payment.amount > func.coalesce(applied.c.a, 0),
                Payment.method != RECOVERY)
         .order_by(Payment.date, Payment.id))
    return [(p, int(rest)) for p, rest in s.execute(q)]


def list_for_customer(s: Session, customer_id: int | None = None) -> list[PaymentRow]:
    applied = (select(Allocation.payment_id, func.sum(Allocation.amount).label("a"))
               .group_by(Allocation.payment_id).subquery())
    q = (select(Payment, Customer.code, Customer.name, func.coalesce(applied.c.a, 0)).join(Customer)
         .outerjoin(applied, applied.c.payment_id == Payment.id).order_by(Payment.date.desc(), Payment.id.desc()))
    if customer_id is not None:
        q = q.where(Payment.customer_id == customer_id)
    return [PaymentRow(p.id, p.date, code, name, from_minor(p.amount, p.currency), from_minor(a, p.currency),
                       p.currency, p.method, p.reference) for p, code, name, a in s.execute(q)]


def method_total(s: Session, customer_id: int, method: str, invoice_id: int | None = None) -> int:
    """Units of a customer's entries of one method (for a write-off: what it applied to the invoice)."""
    if invoice_id is not None:
        q = (select(func.coalesce(func.sum(Allocation.amount), 0)).join(Payment)
             .where(Payment.customer_id == customer_id, Payment.method == method, Allocation.invoice_id == invoice_id))
    else:
        q = select(func.coalesce(func.sum(Payment.amount), 0)).where(Payment.customer_id == customer_id,
                                                                    Payment.method == method)
    return int(s.scalar(q) or 0)


def method_rows(s: Session, method: str, start: dt.date, end: dt.date) -> list[PaymentRow]:
    """Entries of one method dated in [start, end], oldest first (recoveries, write-offs)."""
    q = (select(Payment, Customer.code, Customer.name).join(Customer)
         .where(Payment.method == method, Payment.date >= start, Payment.date <= end)
         .order_by(Payment.date, Payment.id))
    return [PaymentRow(p.id, p.date, code, name, from_minor(p.amount, p.currency), from_minor(p.amount, p.currency),
                       p.currency, p.method, p.reference) for p, code, name in s.execute(q)]


def last_id(s: Session, customer_id: int) -> int:
    return int(s.scalar(select(func.max(Payment.id)).where(Payment.customer_id == customer_id)))


def count(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(Payment)) or 0
