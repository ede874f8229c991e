from datetime import date, timedelta
from decimal import Decimal

import pytest

from ar_desktop.domain.invoice_status import InvoiceStatus, invoice_status, is_due_soon

AS_OF = date(2026, 3, 31)
G = Decimal("100.00")


def status(paid="0", due_in=10, voided=False):
    return invoice_status(G, Decimal(paid), AS_OF + timedelta(days=due_in), voided, AS_OF)


def test_statuses():
    assert status() is InvoiceStatus.OPEN
    assert status(due_in=0) is InvoiceStatus.OPEN  # due today is not overdue yet
    assert status(paid="40.00") is InvoiceStatus.PARTLY_PAID
    assert status(paid="100.00") is InvoiceStatus.PAID
    assert status(paid="100.00", due_in=-50) is InvoiceStatus.PAID
    assert status(due_in=-1) is InvoiceStatus.OVERDUE
    assert status(paid="40.00", due_in=-1) is InvoiceStatus.OVERDUE
    assert status(voided=True, due_in=-100) is InvoiceStatus.VOID
    assert status(voided=True, paid="100.00") is InvoiceStatus.VOID


@pytest.mark.parametrize("due_in, paid, expected", [
    (0, "0", True), (7, "0", True), (7, "10.00", True), (8, "0", False), (-1, "0", False), (3, "100.00", False),
])
def test_due_soon_within_seven_days(due_in, paid, expected):
    due = AS_OF + timedelta(days=due_in)
    s = invoice_status(G, Decimal(paid), due, False, AS_OF)
    assert is_due_soon(s, due, AS_OF) is expected


def test_void_is_never_due_soon():
    assert is_due_soon(InvoiceStatus.VOID, AS_OF, AS_OF) is False
