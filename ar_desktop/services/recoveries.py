"""Recoveries: money received after a debt was written off is booked as a recovery (its own kind
of entry, method ``recovery``), not as customer credit waiting to be applied.

``record_payment`` calls :func:`split_recovery` with what a payment leaves over after paying the
open invoices: up to what was written off and not yet recovered becomes a recovery entry; the
rest stays customer credit. The quarterly review reads :func:`recoveries` and :func:`write_offs`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ar_desktop.domain.money import from_minor, to_minor
from ar_desktop.domain import payment_kinds
from ar_desktop.domain.payment_kinds import recovery_reference
from ar_desktop.services.context import Books
from ar_desktop.storage import payments_repo
from ar_desktop.storage.payments_repo import PaymentRow

# the stored methods of the two kinds (a reversal keeps its entry's method: the sums are net)
RECOVERY = payment_kinds.RECOVERY.key
WRITE_OFF = payment_kinds.WRITE_OFF.key


def unrecovered(s, customer_id: int, currency: str) -> Decimal:
    """What was written off for the customer and not yet recovered."""
    units = payments_repo.method_total(s, customer_id, WRITE_OFF) - payments_repo.method_total(s, customer_id,
                                                                                                RECOVERY)
    return from_minor(max(0, units), currency)


def written_off_on(s, customer_id: int, invoice_id: int, currency: str) -> Decimal:
    return from_minor(payments_repo.method_total(s, customer_id, WRITE_OFF, invoice_id), currency)


def split_recovery(s, *, customer_id: int, date: dt.date, left_over: Decimal, currency: str, reference: str) -> Decimal:
    """Book what a payment leaves over, up to the unrecovered write-offs, as a recovery entry;
    returns the amount booked (0 when nothing was written off)."""
    amount = min(left_over, unrecovered(s, customer_id, currency))
    if amount <= 0:
        return Decimal(0)
    payments_repo.add(s, customer_id=customer_id, date=date, amount=amount, currency=currency, method=RECOVERY,
                      reference=recovery_reference(reference), allocations=())
    return amount


def recoveries(books: Books, start: dt.date, end: dt.date) -> list[PaymentRow]:
    """Recoveries dated in [start, end], oldest first."""
    with books.db.session() as s:
        return payments_repo.method_rows(s, RECOVERY, start, end)


def write_offs(books: Books, start: dt.date, end: dt.date) -> list[PaymentRow]:
    """Bad debts written off in [start, end], oldest first."""
    with books.db.session() as s:
        return payments_repo.method_rows(s, WRITE_OFF, start, end)


__all__ = ["RECOVERY", "recoveries", "split_recovery", "to_minor", "unrecovered", "write_offs", "written_off_on"]
