"""Plain rows for exports: every customer, invoice and payment, in a stable order."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment

CUSTOMER_COLUMNS = ("code", "name", "contact", "address", "postcode", "city", "country", "email", "phone", "tax_id",
                    "credit_limit", "credit_class", "terms_days", "currency", "language", "notes", "on_hold")


def customers(s: Session) -> Iterator[tuple]:
    cols = [getattr(Customer, c) for c in CUSTOMER_COLUMNS]
    yield from s.execute(select(*cols).order_by(Customer.code)).tuples()


def invoices(s: Session) -> Iterator[tuple]:
    """(number, customer code, customer name, issue, due, amount, paid, currency, reference, description,
    disputed, dispute reason, voided, void reason)."""
    q = (select(Invoice.number, Customer.code, Customer.name, Invoice.issue_date, Invoice.due_date, Invoice.amount,
                Invoice.paid, Invoice.currency, Invoice.reference, Invoice.description, Invoice.disputed,
                Invoice.dispute_reason, Invoice.voided, Invoice.void_reason)
         .join(Customer).order_by(Invoice.issue_date, Invoice.number))
    yield from s.execute(q).tuples()


def payments(s: Session) -> Iterator[tuple]:
    """(id, date, customer code, customer name, amount, applied, currency, method, reference)."""
    applied = (select(Allocation.payment_id, func.sum(Allocation.amount).label("a"))
               .group_by(Allocation.payment_id).subquery())
    q = (select(Payment.id, Payment.date, Customer.code, Customer.name, Payment.amount,
                func.coalesce(applied.c.a, 0), Payment.currency, Payment.method, Payment.reference)
         .join(Customer).outerjoin(applied, applied.c.payment_id == Payment.id).order_by(Payment.date, Payment.id))
    yield from s.execute(q).tuples()
