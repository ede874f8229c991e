"""Look-ups the mapped import (import wizard) needs, set-based so large files stay fast (its inserts
are bulk_repo's)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ar_desktop.storage.orm import Customer, Invoice, Payment


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


def invoices_of_customer(s: Session, customer_id: int) -> int:
    return s.scalar(select(func.count()).where(Invoice.customer_id == customer_id)) or 0
