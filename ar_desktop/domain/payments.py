"""What a payment entry is, and how it is corrected without rewriting history.

Every money entry of a customer is a payment row of one kind (domain/payment_kinds.py): a payment
received, a credit (what a voided invoice had been paid, kept for the customer), a write-off, a
credit note, a discount, a recovery, or a reversal. Nothing posted is changed or deleted:

- **Reversing** an entry adds a new entry of kind ``reversal`` dated on the reversal day: the
  opposite amount, with allocations that take back, per invoice, what the entry had applied.
  Every report as of an earlier day sums the same allocations as before, so it is unchanged.
- **Changing the split** of an entry adds allocations dated on the day of the change: the
  difference per invoice between the split wanted and the split in force (negative where less is
  applied). Reports before that day keep the old split.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.allocation import Allocation, OpenInvoice
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import ZERO
from ar_desktop.domain.payment_kinds import PaymentKind
from ar_desktop.domain.text import Text, translate

REASON_MAX = 500


@dataclass(frozen=True)
class EntryState:
    """An entry as it stands: what it is, and what it applies to each invoice (net)."""

    id: int
    kind: PaymentKind
    date: dt.date
    amount: Decimal
    applied: dict[int, Decimal]   # invoice id -> net amount applied
    last_allocation: dt.date | None
    reversed_by: int | None

    @property
    def unapplied(self) -> Decimal:
        return self.amount - sum(self.applied.values(), ZERO)


def check_reversal(entry: EntryState, on: dt.date, reason: str, today: dt.date) -> str:
    """The reason, checked, for reversing ``entry`` on ``on``; raises a UserError saying why not."""
    if entry.reversed_by is not None:
        raise UserError(Text(translate("Messages", "Payment {id} was already reversed by entry {by}."),
                             id=entry.id, by=entry.reversed_by))
    if not entry.kind.reversible:
        raise UserError(Text(translate("Messages", "Entry {id} ({kind}) cannot be reversed. Reverse the payment "
                                                   "it belongs to, or enter a new payment."),
                             id=entry.id, kind=Text(entry.kind.label)))
    reason = (reason or "").strip()
    if not reason:
        raise UserError(Text(translate("Messages", "Say why the payment is reversed (for example: bounced "
                                                   "cheque, wrong customer, mistyped amount); the reason stays "
                                                   "on record.")))
    if len(reason) > REASON_MAX:
        raise UserError(Text(translate("Messages", "The reason is {n} characters long; keep it to {max}."),
                             n=len(reason), max=REASON_MAX))
    _check_day(entry, on, today, translate("Messages", "reversal"))
    return reason


def reversing_allocations(entry: EntryState) -> tuple[Allocation, ...]:
    """Per invoice, the opposite of what the entry applies (invoices it no longer applies to left out)."""
    return tuple(Allocation(inv, -amount) for inv, amount in sorted(entry.applied.items()) if amount != 0)


def split_changes(entry: EntryState, wanted: list[Allocation], open_now: list[OpenInvoice], on: dt.date,
                  today: dt.date) -> tuple[Allocation, ...]:
    """The allocations to add on ``on`` so that ``entry`` applies ``wanted`` from that day on.

    ``open_now``: the customer's open invoices as they stand (an invoice the entry already pays
    may be fully paid and missing from it). Raises a UserError when the split cannot be.
    """
    if entry.reversed_by is not None:
        raise UserError(Text(translate("Messages", "Payment {id} was reversed; its split can no longer be "
                                                   "changed."), id=entry.id))
    if not entry.kind.resplittable:
        raise UserError(Text(translate("Messages", "Entry {id} ({kind}) is tied to what it corrects; only the "
                                                   "split of a payment or a credit can be changed."),
                             id=entry.id, kind=Text(entry.kind.label)))
    _check_day(entry, on, today, translate("Messages", "change of split"))
    room = {i.invoice_id: i.open_amount for i in open_now}
    numbers = {i.invoice_id: i.number for i in open_now}
    target: dict[int, Decimal] = {}
    for a in wanted:
        if a.amount < 0:
            raise UserError(Text(translate("Messages", "An amount applied to an invoice cannot be negative.")))
        target[a.invoice_id] = target.get(a.invoice_id, ZERO) + a.amount
    total = sum(target.values(), ZERO)
    if total > entry.amount:
        raise UserError(Text(translate("Messages", "The split applies {applied}, more than the payment of "
                                                   "{amount}. Lower an amount."), applied=total,
                             amount=entry.amount))
    changes: list[Allocation] = []
    for inv in sorted(set(target) | set(entry.applied)):
        now = entry.applied.get(inv, ZERO)
        delta = target.get(inv, ZERO) - now
        if delta == 0:
            continue
        if delta > 0 and inv not in room:
            raise UserError(Text(translate("Messages", "The invoice chosen is not open any more; reload the "
                                                       "payment and choose again.")))
        if delta > room.get(inv, ZERO):
            raise UserError(Text(translate("Messages", "Invoice {number} has only {open} open besides this "
                                                       "payment; it cannot take {more} more."),
                                 number=numbers.get(inv, inv), open=room.get(inv, ZERO), more=delta))
        changes.append(Allocation(inv, delta))
    return tuple(changes)


def _check_day(entry: EntryState, on: dt.date, today: dt.date, what: str) -> None:
    if on > today:
        raise UserError(Text(translate("Messages", "The date {date} is in the future. A {what} is dated today "
                                                   "or earlier."), date=on.isoformat(),
                             what=Text(what)))
    earliest = max(entry.date, entry.last_allocation or entry.date)
    if on < earliest:
        raise UserError(Text(translate("Messages", "Payment {id} was last applied on {date}; a {what} cannot be "
                                                   "dated before that (reports up to then stay as they were)."),
                             id=entry.id, date=earliest.isoformat(), what=Text(what)))

