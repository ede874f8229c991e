"""A customer's history as the Collections tab's history pane and the collection file show it: the
collection events (steps, promises, holds, disputes, notes) and the ledger of invoices and payments, oldest
first (split from storage.collections_repo, which reads the next-step rule's inputs and writes the events)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ar_desktop.domain.money import from_minor
from ar_desktop.domain.payment_kinds import kind_of
from ar_desktop.storage.orm import Customer, Invoice, Payment
from ar_desktop.storage.orm_collections import CollectionEvent, HoldRow, PromiseRow


@dataclass(frozen=True)
class EventRow:
    id: int
    date: dt.date
    kind: str
    step_key: str
    outcome: str
    note: str
    amount: Decimal | None
    invoice_number: str | None
    promise_date: dt.date | None
    hold_until: dt.date | None
    created_at: dt.datetime


def events(s: Session, customer_id: int) -> list[EventRow]:
    q = (select(CollectionEvent, Invoice.number, PromiseRow.promised_date, HoldRow.until, Customer.currency)
         .join(Customer, Customer.id == CollectionEvent.customer_id)
         .outerjoin(Invoice, Invoice.id == CollectionEvent.invoice_id)
         .outerjoin(PromiseRow, PromiseRow.id == CollectionEvent.promise_id)
         .outerjoin(HoldRow, HoldRow.id == CollectionEvent.hold_id)
         .where(CollectionEvent.customer_id == customer_id).order_by(CollectionEvent.date, CollectionEvent.id))
    return [EventRow(e.id, e.date, e.kind, e.step_key, e.outcome, e.note,
                     None if e.amount is None else from_minor(e.amount, cur), number, pdate, until, e.created_at)
            for e, number, pdate, until, cur in s.execute(q)]


@dataclass(frozen=True)
class LedgerRow:
    date: dt.date
    kind: str                     # "invoice" | "payment"
    number: str                   # invoice number, or payment reference
    amount: Decimal
    due_date: dt.date | None
    method: str
    voided: bool
    entry_kind: str = ""          # a payment's kind (a key of domain/payment_kinds.py)
    note: str = ""                # a reversal's reason
    created_at: dt.datetime | None = None  # when it was recorded


def ledger(s: Session, customer_id: int) -> list[LedgerRow]:
    """Invoices issued and payments received by the customer, oldest first."""
    rows = [LedgerRow(i.issue_date, "invoice", i.number, from_minor(i.amount, i.currency), i.due_date, "",
                      i.voided, created_at=i.created_at)
            for i in s.scalars(select(Invoice).where(Invoice.customer_id == customer_id))]
    rows += [LedgerRow(p.date, "payment", p.reference, from_minor(p.amount, p.currency), None, p.method, False,
                       kind_of(p.method, p.reverses_id).key, p.note, p.created_at)
             for p in s.scalars(select(Payment).where(Payment.customer_id == customer_id))]
    rows.sort(key=lambda r: (r.date, r.kind != "invoice"))
    return rows
