"""An invoice's status is derived from its figures and dates, never typed."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

DUE_SOON_DAYS = 7


class InvoiceStatus(enum.Enum):
    OPEN = "open"
    PARTLY_PAID = "partly_paid"
    PAID = "paid"
    OVERDUE = "overdue"
    VOID = "void"


def invoice_status(gross: Decimal, paid: Decimal, due_date: dt.date, voided: bool, as_of: dt.date) -> InvoiceStatus:
    if voided:
        return InvoiceStatus.VOID
    if paid >= gross:
        return InvoiceStatus.PAID
    if due_date < as_of:
        return InvoiceStatus.OVERDUE
    if paid > 0:
        return InvoiceStatus.PARTLY_PAID
    return InvoiceStatus.OPEN


def is_due_soon(status: InvoiceStatus, due_date: dt.date, as_of: dt.date) -> bool:
    """Open, not yet overdue, and due within the next week (today included)."""
    return status in (InvoiceStatus.OPEN, InvoiceStatus.PARTLY_PAID) and 0 <= (due_date - as_of).days <= DUE_SOON_DAYS
