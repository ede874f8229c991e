"""What a printed collection file shows a lawyer or an agency: the account and every step taken."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class FileEntry:
    date: dt.date
    kind: str
    text: str
    invoice_number: str = ""
    amount: Decimal | None = None


@dataclass(frozen=True)
class FileOpenItem:
    number: str
    issue_date: dt.date
    due_date: dt.date
    days_overdue: int
    amount: Decimal
    open_amount: Decimal
    disputed: bool


@dataclass(frozen=True)
class CollectionFileDocument:
    company_name: str
    company_address: str
    customer_code: str
    customer_name: str
    customer_address: str
    customer_contact: str
    currency: str
    as_of: dt.date
    summary: tuple[tuple[str, str], ...]  # (label, value) lines: state, next step, promise...
    open_items: tuple[FileOpenItem, ...]
    entries: tuple[FileEntry, ...]  # oldest first

    @property
    def total_open(self) -> Decimal:
        return sum((i.open_amount for i in self.open_items), Decimal(0))

    @property
    def total_overdue(self) -> Decimal:
        return sum((i.open_amount for i in self.open_items if i.days_overdue > 0), Decimal(0))
