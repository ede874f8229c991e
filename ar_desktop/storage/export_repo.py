"""Plain rows for exports: every customer, invoice and payment, in a stable order."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ar_desktop.domain.records import CustomerData
from ar_desktop.storage.convert import customer_data
from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment


def customers(s: Session) -> Iterator[CustomerData]:
    for c in s.scalars(select(Customer).order_by(Customer.code)).yield_per(2000):
        yield customer_data(c)


def invoices(s: Session) -> Iterator[tuple[Invoice, str, str]]:
    """(invoice, customer code, customer name), by issue date and number."""
    q = select(Invoice, Customer.code, Customer.name).join(Customer).order_by(Invoice.issue_date, Invoice.number)
    yield from s.execute(q.execution_options(yield_per=2000)).tuples()


def payments(s: Session) -> Iterator[tuple]:
    """(id, date, customer code, customer name, amount, currency, method, reference, id of the entry it
    reverses, the reason of a reversal, [(invoice number, units, date)]) by date and id; the
    allocations in the order they were made."""
    q = (select(Payment.id, Payment.date, Customer.code, Customer.name, Payment.amount, Payment.currency,
                Payment.method, Payment.reference, Payment.reverses_id, Payment.note).join(Customer)
         .order_by(Payment.date, Payment.id))
    parts = (select(Allocation.payment_id, Invoice.number, Allocation.amount, Allocation.date)
             .join(Invoice, Invoice.id == Allocation.invoice_id).order_by(Allocation.payment_id, Allocation.id))
    by_payment: dict[int, list[tuple[str, int, object]]] = {}
    for pid, number, units, date in s.execute(parts):
        by_payment.setdefault(pid, []).append((number, units, date))
    for row in s.execute(q):
        yield (*row, by_payment.get(row[0], []))


def applied_total(s: Session) -> int:
    return s.scalar(select(func.coalesce(func.sum(Allocation.amount), 0))) or 0
