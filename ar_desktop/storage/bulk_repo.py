"""Fast inserts for imports: one executemany per table instead of ORM objects one by one."""

from __future__ import annotations

from sqlalchemy import false, insert, select, update
from sqlalchemy.orm import Session

from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment


def insert_customers(s: Session, rows: list[dict]) -> None:
    if rows:
        s.execute(insert(Customer), rows)


def insert_invoices(s: Session, rows: list[dict]) -> None:
    if rows:
        s.execute(insert(Invoice), rows)


def next_payment_id(s: Session) -> int:
    return (s.scalar(select(Payment.id).order_by(Payment.id.desc()).limit(1)) or 0) + 1


def insert_payments(s: Session, payments: list[dict], allocations: list[dict], *, update_paid: bool = True) -> None:
    """Payments with explicit ids and their allocations; the invoices' paid totals are raised to
    match (unless the caller already set them, as the benchmark builder does)."""
    if payments:
        s.execute(insert(Payment), payments)
    if not allocations:
        return
    s.execute(insert(Allocation), allocations)
    if not update_paid:
        return
    delta: dict[int, int] = {}
    for a in allocations:
        delta[a["invoice_id"]] = delta.get(a["invoice_id"], 0) + a["amount"]
    current: dict[int, int] = {}
    ids = list(delta)
    for i in range(0, len(ids), 900):
        # .all(): a Result has .keys() (its column names), so dict.update would take it for a mapping
        current.update(s.execute(select(Invoice.id, Invoice.paid).where(Invoice.id.in_(ids[i:i + 900])))
                       .tuples().all())
    s.execute(update(Invoice), [{"id": k, "paid": current[k] + v} for k, v in delta.items()])


def open_invoices_of(s: Session, customer_ids: set[int]) -> list[tuple[int, int, str, object, object, int, str]]:
    """(id, customer_id, number, issue_date, due_date, open units, currency) of open invoices."""
    out = []
    ids = list(customer_ids)
    for i in range(0, len(ids), 900):
        q = (select(Invoice.id, Invoice.customer_id, Invoice.number, Invoice.issue_date, Invoice.due_date,
                    Invoice.amount - Invoice.paid, Invoice.currency)
             .where(Invoice.customer_id.in_(ids[i:i + 900]), Invoice.paid < Invoice.amount,
                    Invoice.voided == false()))  # literally the partial index's condition, so SQLite uses it
        out.extend(s.execute(q).tuples())
    return out
