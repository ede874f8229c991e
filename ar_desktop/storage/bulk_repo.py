"""Fast inserts for imports: one executemany per table instead of ORM objects one by one."""

from __future__ import annotations

from sqlalchemy import bindparam, insert, update
from sqlalchemy.orm import Session

from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment


def insert_customers(s: Session, rows: list[dict]) -> None:
    if rows:
        s.execute(insert(Customer), rows)


def insert_invoices(s: Session, rows: list[dict]) -> None:
    if rows:
        s.execute(insert(Invoice), rows)


def insert_payments(s: Session, payments: list[dict], allocations: list[dict], *, update_paid: bool = True) -> None:
    """Payments with explicit ids and their allocations; the invoices' paid totals are raised to
    match in SQL (unless the caller already set them, as the benchmark builder does). This is the
    one place bulk allocations are written: whatever an invoice derives from its allocations is
    kept in step here."""
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
    table = Invoice.__table__
    s.connection().execute(update(table).where(table.c.id == bindparam("iid"))
                           .values(paid=table.c.paid + bindparam("delta")),
                           [{"iid": k, "delta": v} for k, v in delta.items()])
