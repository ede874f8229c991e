"""Invoices: writes and the list query (filter, sort and totals in SQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import case, false, func, or_, select
from sqlalchemy.orm import Session

from ar_desktop.domain.allocation import OpenInvoice
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import from_minor, to_minor
from ar_desktop.storage.days import as_date
from ar_desktop.storage.invoice_list import SORT_KEYS, InvoiceList
from ar_desktop.domain.text import Text, translate
from ar_desktop.storage.orm import Allocation, Customer, Invoice


@dataclass(frozen=True)
class InvoiceRow:
    id: int
    number: str
    customer_id: int
    customer_code: str
    customer_name: str
    issue_date: dt.date
    due_date: dt.date
    amount: Decimal
    paid: Decimal
    currency: str
    reference: str
    description: str
    disputed: bool
    dispute_reason: str
    voided: bool
    disputed_amount: Decimal = Decimal(0)   # the contested part of the open amount (0 when not disputed)
    discount: Decimal = Decimal(0)           # early-payment discount offered
    discount_until: dt.date | None = None
    retention_of_title: bool = False

    @property
    def open_amount(self) -> Decimal:
        return Decimal(0) if self.voided else self.amount - self.paid

    @property
    def undisputed_open(self) -> Decimal:
        """What is claimed and chased: the open amount less the part in dispute."""
        return self.open_amount - min(self.disputed_amount, self.open_amount)

    def discount_open_on(self, day: dt.date) -> Decimal | None:
        """What settles the invoice on ``day`` with its early-payment discount; None when none is available."""
        if self.voided or not self.discount or self.discount_until is None or day > self.discount_until \
                or self.open_amount <= self.discount:
            return None
        return self.open_amount - self.discount


@dataclass(frozen=True)
class InvoiceFilter:
    status: str = "all"  # all | open | overdue
    customer_id: int | None = None
    date_from: dt.date | None = None  # on the issue date
    date_to: dt.date | None = None
    search: str = ""


@dataclass(frozen=True)
class InvoiceTotals:
    count: int
    amount: Decimal
    open_amount: Decimal
    overdue_amount: Decimal


def disputed_open_units():
    """SQL: the contested minor units of the invoice's current open amount (0 when not disputed).
    A disputed invoice stored without an amount (older imports) is disputed in full."""
    open_units = Invoice.amount - Invoice.paid
    return case((Invoice.disputed.is_(False), 0), (Invoice.paid >= Invoice.amount, 0),
                (Invoice.disputed_amount <= 0, open_units),
                else_=func.min(Invoice.disputed_amount, open_units))


def set_disputed(inv: Invoice, disputed: bool, reason: str, units: int | None = None) -> None:
    """Mark (``units`` contested, None = the whole open amount) or clear a dispute on the row."""
    open_units = max(0, inv.amount - (inv.paid or 0))
    inv.disputed, inv.dispute_reason = bool(disputed), reason if disputed else ""
    inv.disputed_amount = (open_units if units is None else min(units, open_units)) if disputed else 0


def add(s: Session, *, customer_id: int, number: str, issue_date: dt.date, due_date: dt.date, amount: Decimal,
        currency: str, reference: str = "", description: str = "", disputed: bool = False,
        dispute_reason: str = "", discount: Decimal = Decimal(0), discount_until: dt.date | None = None,
        retention_of_title: bool = False) -> int:
    if s.scalar(select(Invoice.id).where(Invoice.number == number)) is not None:
        raise UserError(Text(translate("Messages", "Invoice number {number} is already used. Each invoice needs "
                                                   "its own number."), number=number))
    units = to_minor(amount, currency)
    inv = Invoice(number=number, customer_id=customer_id, issue_date=issue_date, due_date=due_date,
                  amount=units, currency=currency, reference=reference, description=description,
                  disputed=disputed, dispute_reason=dispute_reason, disputed_amount=units if disputed else 0, paid=0,
                  discount=to_minor(discount, currency), discount_until=discount_until,
                  retention_of_title=retention_of_title)
    s.add(inv)
    s.flush()
    return inv.id


def get(s: Session, invoice_id: int) -> Invoice:
    inv = s.get(Invoice, invoice_id)
    if inv is None:
        raise UserError(Text(translate("Messages", "That invoice no longer exists.")))
    return inv


def last_number(s: Session) -> str | None:
    """The number of the invoice entered last."""
    return s.scalar(select(Invoice.number).order_by(Invoice.id.desc()).limit(1))


def id_by_number(s: Session, number: str) -> int | None:
    return s.scalar(select(Invoice.id).where(Invoice.number == number))


def existing_numbers(s: Session, numbers: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(numbers), 900):  # SQLite caps the number of bound parameters
        found.update(s.scalars(select(Invoice.number).where(Invoice.number.in_(numbers[i:i + 900]))))
    return found


def last_allocation_date(s: Session, invoice_id: int, default: dt.date) -> dt.date:
    last = s.scalar(select(func.max(Allocation.date)).where(Allocation.invoice_id == invoice_id))
    return default if last is None else as_date(last)


def has_allocations(s: Session, invoice_id: int) -> bool:
    return s.scalar(select(func.count()).where(Allocation.invoice_id == invoice_id)) > 0


def open_invoices(s: Session, customer_id: int) -> list[OpenInvoice]:
    q = (select(Invoice).where(Invoice.customer_id == customer_id, Invoice.paid < Invoice.amount,
                               Invoice.voided == false()))
    return [OpenInvoice(i.id, i.number, i.issue_date, i.due_date, from_minor(i.amount - i.paid, i.currency),
                        from_minor(i.discount or 0, i.currency), i.discount_until)
            for i in s.scalars(q)]


def invoice_list(f: InvoiceFilter, as_of: dt.date, *, sort: str = "due_date", descending: bool = False) -> InvoiceList:
    """The list query for the filter (sorted and paged in SQL: storage.invoice_list)."""
    return InvoiceList(status=f.status, customer_id=f.customer_id, date_from=f.date_from, date_to=f.date_to,
                       search=f.search, as_of=as_of, sort=sort, descending=descending)


def rows(s: Session, ids: Sequence[int]) -> list[InvoiceRow]:
    ids = list(ids)
    if not ids:
        return []
    i = Invoice.__table__.c  # plain rows, not ORM objects: a page of a list is read on every scroll
    q = (select(i.id, i.number, i.customer_id, Customer.code, Customer.name, i.issue_date, i.due_date, i.amount,
                i.paid, i.currency, i.reference, i.description, i.disputed, i.dispute_reason, i.voided,
                i.disputed_amount, i.discount, i.discount_until, i.retention_of_title)
         .join(Customer, Customer.id == i.customer_id).where(i.id.in_(ids)))
    out = {}
    for (iid, number, cid, code, name, issued, due, amount, paid, cur, ref, desc, disputed, reason, voided,
         contested, discount, discount_until, retention) in s.execute(q):
        out[iid] = InvoiceRow(iid, number, cid, code, name, issued, due, from_minor(amount, cur),
                              from_minor(paid, cur), cur, ref, desc, disputed, reason, voided,
                              from_minor(_disputed_units(amount, paid, disputed, contested), cur),
                              from_minor(discount or 0, cur), discount_until, bool(retention))
    return [out[i] for i in ids if i in out]


def _disputed_units(amount: int, paid: int, disputed: bool, contested: int) -> int:
    open_units = amount - paid
    if not disputed or open_units <= 0:
        return 0
    return open_units if contested <= 0 else min(contested, open_units)


def totals(s: Session, f: InvoiceFilter, as_of: dt.date, currency: str) -> InvoiceTotals:
    n, amount, open_, over = invoice_list(f, as_of).totals(s)
    return InvoiceTotals(n, from_minor(amount, currency), from_minor(open_, currency), from_minor(over, currency))


def currencies(s: Session) -> list[str]:
    return list(s.scalars(select(Invoice.currency).distinct().order_by(Invoice.currency)))


def count(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(Invoice)) or 0
