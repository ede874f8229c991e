"""Spreading a payment over open invoices (oldest due first) without creating or losing a cent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import ZERO


@dataclass(frozen=True)
class OpenInvoice:
    invoice_id: int
    number: str
    issue_date: dt.date
    due_date: dt.date
    open_amount: Decimal


@dataclass(frozen=True)
class Allocation:
    invoice_id: int
    amount: Decimal


@dataclass(frozen=True)
class AllocationPlan:
    allocations: tuple[Allocation, ...]
    unapplied: Decimal  # left over: becomes customer credit

    @property
    def applied(self) -> Decimal:
        return sum((a.amount for a in self.allocations), ZERO)


def oldest_due_first(invoices: list[OpenInvoice]) -> list[OpenInvoice]:
    return sorted(invoices, key=lambda i: (i.due_date, i.issue_date, i.number, i.invoice_id))


def suggest_allocation(amount: Decimal, invoices: list[OpenInvoice]) -> AllocationPlan:
    """Pay the oldest due invoices first; whatever is left becomes credit."""
    if amount <= 0:
        raise UserError("A payment must be greater than zero.")
    remaining = amount
    out: list[Allocation] = []
    for inv in oldest_due_first(invoices):
        if remaining <= 0:
            break
        if inv.open_amount <= 0:
            continue
        part = min(remaining, inv.open_amount)
        out.append(Allocation(inv.invoice_id, part))
        remaining -= part
    return AllocationPlan(tuple(out), remaining)


def check_allocation(amount: Decimal, allocations: list[Allocation], invoices: list[OpenInvoice]) -> AllocationPlan:
    """Validate an allocation the user edited; returns it with the unapplied rest."""
    by_id = {i.invoice_id: i for i in invoices}
    seen: dict[int, Decimal] = {}
    for a in allocations:
        if a.amount < 0:
            raise UserError("An allocated amount cannot be negative.")
        inv = by_id.get(a.invoice_id)
        if inv is None:
            raise UserError("A payment can only be allocated to an open invoice of the same customer.")
        seen[a.invoice_id] = seen.get(a.invoice_id, ZERO) + a.amount
        if seen[a.invoice_id] > inv.open_amount:
            raise UserError(
                f"Invoice {inv.number} has only {inv.open_amount} open; you allocated {seen[a.invoice_id]}. "
                "Lower the amount for that invoice."
            )
    kept = tuple(a for a in allocations if a.amount > 0)
    applied = sum((a.amount for a in kept), ZERO)
    if applied > amount:
        raise UserError(f"You allocated {applied} but the payment is only {amount}. Lower the allocations.")
    return AllocationPlan(kept, amount - applied)
