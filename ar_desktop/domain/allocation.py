"""Spreading a payment over open invoices (oldest due first) without creating or losing a cent.

An invoice may offer an early-payment discount ("2/10 net 30": ``discount`` until
``discount_until``). A payment dated on or before that day that covers the open amount less the
discount settles the invoice: the difference is a discount (its own kind of entry, never part of the
payment). Money beyond the discounted amounts first pays what the discounts would have covered
(oldest due first), so a customer who pays in full takes no discount; only then is it credit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import ZERO
from ar_desktop.domain.text import Text, translate


@dataclass(frozen=True)
class OpenInvoice:
    invoice_id: int
    number: str
    issue_date: dt.date
    due_date: dt.date
    open_amount: Decimal
    discount: Decimal = ZERO                 # early-payment discount offered by its terms
    discount_until: dt.date | None = None    # the last day a payment may take it

    def discount_on(self, day: dt.date | None) -> Decimal:
        """The discount a payment dated ``day`` may take: none after the last day, nor when it would
        leave nothing for the payment to pay."""
        if day is None or self.discount_until is None or day > self.discount_until or self.discount <= 0 \
                or self.discount >= self.open_amount:
            return ZERO
        return self.discount


@dataclass(frozen=True)
class Allocation:
    invoice_id: int
    amount: Decimal


@dataclass(frozen=True)
class AllocationPlan:
    allocations: tuple[Allocation, ...]
    unapplied: Decimal  # left over: becomes customer credit
    discounts: tuple[Allocation, ...] = ()  # early-payment discounts that settle the rest of an invoice

    @property
    def applied(self) -> Decimal:
        return sum((a.amount for a in self.allocations), ZERO)

    @property
    def discounted(self) -> Decimal:
        return sum((a.amount for a in self.discounts), ZERO)


def oldest_due_first(invoices: list[OpenInvoice]) -> list[OpenInvoice]:
    return sorted(invoices, key=lambda i: (i.due_date, i.issue_date, i.number, i.invoice_id))


def suggest_allocation(amount: Decimal, invoices: list[OpenInvoice], on: dt.date | None = None) -> AllocationPlan:
    """Pay the oldest due invoices first (less the discounts a payment dated ``on`` may take, see
    the module); whatever is left becomes credit."""
    if amount <= 0:
        raise UserError(Text(translate("Messages", "A payment must be greater than zero.")))
    remaining = amount
    ordered = [i for i in oldest_due_first(invoices) if i.open_amount > 0]
    parts: dict[int, Decimal] = {}
    for inv in ordered:
        if remaining <= 0:
            break
        part = min(remaining, inv.open_amount - inv.discount_on(on))
        if part > 0:
            parts[inv.invoice_id] = part
            remaining -= part
    for inv in ordered:  # what is left pays what the discounts would have covered
        if remaining <= 0:
            break
        if inv.invoice_id in parts:
            top_up = min(remaining, inv.open_amount - parts[inv.invoice_id])
            parts[inv.invoice_id] += top_up
            remaining -= top_up
    out = tuple(Allocation(i.invoice_id, parts[i.invoice_id]) for i in ordered if i.invoice_id in parts)
    return AllocationPlan(out, remaining, earned_discounts(out, ordered, on))


def earned_discounts(allocations: tuple[Allocation, ...], invoices: list[OpenInvoice],
               on: dt.date | None) -> tuple[Allocation, ...]:
    """The discount of each invoice whose allocations cover its open amount less the discount."""
    applied: dict[int, Decimal] = {}
    for a in allocations:
        applied[a.invoice_id] = applied.get(a.invoice_id, ZERO) + a.amount
    out = []
    for inv in invoices:
        part, offered = applied.get(inv.invoice_id, ZERO), inv.discount_on(on)
        if part > 0 and offered > 0 and inv.open_amount - offered <= part < inv.open_amount:
            out.append(Allocation(inv.invoice_id, inv.open_amount - part))
    return tuple(out)


def check_allocation(amount: Decimal, allocations: list[Allocation], invoices: list[OpenInvoice],
                     on: dt.date | None = None) -> AllocationPlan:
    """Validate an allocation the user edited; returns it with the unapplied rest and the discounts
    a payment dated ``on`` takes on the invoices it covers less their discount."""
    by_id = {i.invoice_id: i for i in invoices}
    seen: dict[int, Decimal] = {}
    for a in allocations:
        if a.amount < 0:
            raise UserError(Text(translate("Messages", "An allocated amount cannot be negative.")))
        inv = by_id.get(a.invoice_id)
        if inv is None:
            raise UserError(Text(translate("Messages", "A payment can only be allocated to an open invoice "
                                                       "of the same customer.")))
        seen[a.invoice_id] = seen.get(a.invoice_id, ZERO) + a.amount
        if seen[a.invoice_id] > inv.open_amount:
            raise UserError(
                Text(translate("Messages", "Invoice {number} has only {open_amount} open; you allocated "
                                           "{allocated}. Lower the amount for that invoice."),
                     number=inv.number, open_amount=inv.open_amount, allocated=seen[a.invoice_id])
            )
    kept = tuple(a for a in allocations if a.amount > 0)
    applied = sum((a.amount for a in kept), ZERO)
    if applied > amount:
        raise UserError(Text(translate("Messages", "You allocated {applied} but the payment is only "
                                                   "{amount}. Lower the allocations."),
                             applied=applied, amount=amount))
    return AllocationPlan(kept, amount - applied, earned_discounts(kept, invoices, on))
