"""Look-ups the importer needs, set-based and by index so that large files stay fast (its inserts
are bulk_repo's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ar_desktop.domain.terms import PaymentTerms
from ar_desktop.storage.days import date_of, day
from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment
from ar_desktop.storage import plain_invoices
from ar_desktop.storage.plain_invoices import CUSTOMER_COLUMNS, customer_terms


def _chunks(values: list, size: int = 900):
    for i in range(0, len(values), size):  # SQLite caps the number of bound parameters
        yield values[i:i + size]


@contextmanager
def import_cache(s: Session) -> Iterator[None]:
    """SQLite's page cache raised for one import (2 MB by default): rows go into several indexes in
    random order, and pages that stay cached are not read and written again for every batch. What
    the cache holds is bounded by this size, not by the file (storage.plain_invoices.import_cache)."""
    with plain_invoices.import_cache(s.connection().connection.driver_connection):
        yield


def customers_by_code(s: Session) -> dict[str, tuple[int, PaymentTerms, str, bool]]:
    """code -> (id, payment terms, currency, retention of title)."""
    return customer_terms(s.execute(select(*(getattr(Customer, c) for c in CUSTOMER_COLUMNS))))


def customer(s: Session, customer_id: int) -> Customer:
    return s.get(Customer, customer_id)


def invoices_by_number(s: Session, numbers: list[str]) -> dict[str, Invoice]:
    out: dict[str, Invoice] = {}
    for part in _chunks(numbers):
        out.update({i.number: i for i in s.scalars(select(Invoice).where(Invoice.number.in_(part)))})
    return out


@dataclass
class InvoiceState:
    """What an import needs to know of an invoice; ``paid`` is kept up to date during a batch."""

    id: int
    number: str
    customer_id: int
    issue_date: dt.date
    due_date: dt.date
    amount: int
    paid: int
    currency: str
    voided: bool
    voided_on: dt.date | None
    discount: int = 0                      # the early-payment discount it offers, until:
    discount_until: dt.date | None = None
    last_paid_on: dt.date | None = None    # its latest allocation (kept up to date during a batch)

    @property
    def open(self) -> int:
        return 0 if self.voided else self.amount - self.paid


def invoice_states(s: Session, numbers: list[str]) -> dict[str, InvoiceState]:
    out: dict[str, InvoiceState] = {}
    cols = (Invoice.id, Invoice.number, Invoice.customer_id, Invoice.issue_date, Invoice.due_date, Invoice.amount,
            Invoice.paid, Invoice.currency, Invoice.voided, Invoice.voided_on, Invoice.discount, Invoice.discount_until,
            Invoice.last_paid_on)
    for part in _chunks(sorted(set(numbers))):
        for r in s.execute(select(*cols).where(Invoice.number.in_(part))):
            out[r[1]] = InvoiceState(*r)
    return out


def open_invoice_states(s: Session, customer_ids: list[int]) -> list[InvoiceState]:
    """The open (unpaid, not void) invoices of these customers, from the partial index ix_invoice_owed.
    Joined with the ids as a VALUES list and with the index's WHERE written literally: asked as
    ``customer_id IN (...)``, SQLite (no ANALYZE) reads ix_invoice_status's every unvoided invoice instead."""
    out: list[InvoiceState] = []
    cols = (Invoice.id, Invoice.number, Invoice.customer_id, Invoice.issue_date, Invoice.due_date, Invoice.amount,
            Invoice.paid, Invoice.currency, Invoice.voided, Invoice.voided_on, Invoice.discount, Invoice.discount_until,
            Invoice.last_paid_on)
    names = ", ".join(f"i.{c.key}" for c in cols)
    for part in _chunks(sorted(set(customer_ids))):
        ids = ", ".join(f"(:c{k})" for k in range(len(part)))
        q = text(f"WITH k(c) AS (VALUES {ids}) SELECT {names} FROM k JOIN invoice i "  # noqa: S608 - placeholders
                 "ON i.customer_id = k.c WHERE i.paid < i.amount AND i.voided = 0").columns(*cols)
        out.extend(InvoiceState(*r) for r in s.execute(q, {f"c{k}": c for k, c in enumerate(part)}))
    return out


def next_id(s: Session, table) -> int:
    return (s.scalar(select(func.max(table.id))) or 0) + 1


def payments_on(s: Session, keys: list[tuple[int, dt.date]]) -> dict[tuple, list[tuple[int, int, str, str]]]:
    """(customer id, date) -> [(payment id, amount units, method, reference)] of the entries stored.
    Each key is one seek in ix_payment_customer_date (a row-value IN would read the whole table)."""
    out: dict[tuple, list[tuple[int, int, str, str]]] = {}
    con = s.connection()
    for part in _chunks(sorted(set(keys)), 450):
        values = ", ".join(["(?, ?)"] * len(part))
        params = tuple(x for c, d in part for x in (c, day(d)))
        q = (f"WITH k(c, d) AS (VALUES {values}) "  # noqa: S608 - placeholders only
             "SELECT p.customer_id, p.date, p.id, p.amount, p.method, p.reference "
             "FROM k JOIN payment p ON p.customer_id = k.c AND p.date = k.d")
        for c, d, pid, amount, method, ref in con.exec_driver_sql(q, params):
            out.setdefault((c, date_of(d)), []).append((pid, amount, method, ref))
    return out


def unrecovered(s: Session, customer_ids: list[int], write_off: str, recovery: str) -> dict[int, int]:
    """Customer id -> units written off and not yet recovered (0 for customers with none)."""
    out = dict.fromkeys(customer_ids, 0)
    for part in _chunks(sorted(set(customer_ids))):
        q = (select(Payment.customer_id, Payment.method, func.sum(Payment.amount))
             .where(Payment.customer_id.in_(part), Payment.method.in_((write_off, recovery)))
             .group_by(Payment.customer_id, Payment.method))
        for cid, method, units in s.execute(q):
            out[cid] += int(units) if method == write_off else -int(units)
    return out


def written_off(s: Session, invoice_id: int, write_off: str) -> bool:
    """True if part of the invoice was written off."""
    q = (select(Allocation.id).join(Payment, Payment.id == Allocation.payment_id)
         .where(Allocation.invoice_id == invoice_id, Payment.method == write_off).limit(1))
    return s.scalar(q) is not None


def invoices_of_customer(s: Session, customer_id: int) -> int:
    return s.scalar(select(func.count()).where(Invoice.customer_id == customer_id)) or 0


__all__ = ["InvoiceState", "Payment", "customer", "customers_by_code", "import_cache", "invoice_states", "invoices_by_number",
           "invoices_of_customer", "next_id", "open_invoice_states", "payments_on", "unrecovered", "written_off"]
