"""Look-ups and writes the mapped import (import wizard) needs, set-based so large files stay fast."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment


def _chunks(values: list, size: int = 900):
    for i in range(0, len(values), size):  # SQLite caps the number of bound parameters
        yield values[i:i + size]


def customers_by_code(s: Session) -> dict[str, tuple[int, int, str]]:
    """code -> (id, terms days, currency)."""
    q = select(Customer.code, Customer.id, Customer.terms_days, Customer.currency)
    return {code: (cid, terms, cur) for code, cid, terms, cur in s.execute(q)}


def customer(s: Session, customer_id: int) -> Customer:
    return s.get(Customer, customer_id)


def invoices_by_number(s: Session, numbers: list[str]) -> dict[str, Invoice]:
    out: dict[str, Invoice] = {}
    for part in _chunks(numbers):
        out.update({i.number: i for i in s.scalars(select(Invoice).where(Invoice.number.in_(part)))})
    return out


def invoice_ids(s: Session, numbers: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in _chunks(numbers):
        out.update(s.execute(select(Invoice.number, Invoice.id).where(Invoice.number.in_(part))).tuples().all())
    return out


def payment_keys(s: Session, customer_ids: set[int]) -> set[tuple[int, dt.date, int, str]]:
    """(customer id, date, amount units, reference) of the payments of these customers."""
    out: set[tuple[int, dt.date, int, str]] = set()
    for part in _chunks(list(customer_ids)):
        q = select(Payment.customer_id, Payment.date, Payment.amount, Payment.reference).where(
            Payment.customer_id.in_(part))
        out.update((c, d, a, r) for c, d, a, r in s.execute(q))
    return out


def insert_customers(s: Session, rows: list[dict]) -> None:
    if rows:
        s.execute(insert(Customer), rows)


def insert_invoices(s: Session, rows: list[dict]) -> None:
    if rows:
        s.execute(insert(Invoice), rows)


def next_payment_id(s: Session) -> int:
    return (s.scalar(select(func.max(Payment.id))) or 0) + 1


def insert_payments(s: Session, payments: list[dict], allocations: list[dict]) -> None:
    """Payments with explicit ids and their allocations; the invoices' paid totals are raised to match."""
    if payments:
        s.execute(insert(Payment), payments)
    if allocations:
        s.execute(insert(Allocation), allocations)
        delta: dict[int, int] = {}
        for a in allocations:
            delta[a["invoice_id"]] = delta.get(a["invoice_id"], 0) + a["amount"]
        for part in _chunks(list(delta)):
            for inv in s.scalars(select(Invoice).where(Invoice.id.in_(part))):
                inv.paid += delta[inv.id]


def open_invoices_of(s: Session, customer_ids: set[int]) -> list[tuple[int, int, str, dt.date, dt.date, int]]:
    """(id, customer id, number, issue date, due date, open units) of open invoices."""
    out = []
    for part in _chunks(list(customer_ids)):
        q = (select(Invoice.id, Invoice.customer_id, Invoice.number, Invoice.issue_date, Invoice.due_date,
                    Invoice.amount - Invoice.paid)
             .where(Invoice.customer_id.in_(part), Invoice.paid < Invoice.amount, Invoice.voided.is_(False)))
        out.extend(s.execute(q).tuples())
    return out


def invoices_of_customer(s: Session, customer_id: int) -> int:
    return s.scalar(select(func.count()).where(Invoice.customer_id == customer_id)) or 0
