"""Disputed invoices: marking the contested part of an invoice, resolving the dispute, and an
invoice's dispute state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import from_minor, to_minor
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.collection_input import entered_amount, entered_day, entered_text, invoice_by_number
from ar_desktop.services.context import Books
from ar_desktop.storage import collection_records, invoices_repo


@dataclass(frozen=True)
class DisputeInfo:
    number: str
    currency: str
    open_amount: Decimal
    disputed: bool
    disputed_amount: Decimal        # the contested part of the open amount (0 when not disputed)
    reason: str


def mark_dispute(books: Books, invoice_number: str, reason: str, amount: Decimal | str | None = None,
                 on: dt.date | str | None = None) -> None:
    """The customer contests an invoice (``amount`` = the contested part, default all that is
    open). Only the contested part leaves the claim, the charges and the ladder until the dispute
    is resolved; the rest is claimed and chased as before."""
    with books.db.session() as s:
        mark_dispute_in(books, s, invoice_number, reason, amount, entered_day(books, on, translate("Messages", "date of the dispute")), None)


def mark_dispute_in(books: Books, s, number: str, reason: str, amount, day: dt.date, customer_id: int | None) -> int:
    inv = invoice_by_number(s, number)
    if customer_id is not None and inv.customer_id != customer_id:
        raise UserError(Text(translate("Messages", "Invoice {number} belongs to another customer. Check the "
                                                   "invoice number."), number=inv.number))
    reason = entered_text(reason, translate("Messages", "reason of the dispute (what the customer contests)"), required=True)
    if inv.voided:
        raise UserError(Text(translate("Messages", "Invoice {number} is void; there is nothing to dispute."),
                             number=inv.number))
    if inv.disputed:
        raise UserError(Text(translate("Messages", "Invoice {number} is already disputed ({dispute_reason}). "
                                                   "Resolve that dispute first."),
                             number=inv.number, dispute_reason=inv.dispute_reason))
    if inv.paid >= inv.amount:
        raise UserError(Text(translate("Messages", "Invoice {number} is paid in full; there is nothing to dispute."),
                             number=inv.number))
    if day < inv.issue_date:
        raise UserError(Text(translate("Messages", "Invoice {number} was issued on {issue_date}; it cannot be "
                                                   "disputed on {day}. Enter a later date."),
                             number=inv.number, issue_date=inv.issue_date.isoformat(), day=day.isoformat()))
    open_units = inv.amount - inv.paid
    units = open_units if amount in (None, "") else to_minor(entered_amount(amount, inv.currency, translate("Messages", "disputed amount")),
                                                             inv.currency)
    if units > open_units:
        raise UserError(Text(translate("Messages", "The disputed amount {units:.2f} is more than is open on "
                                                   "invoice {number} ({open_units:.2f})."),
                             units=from_minor(units, inv.currency), number=inv.number,
                             open_units=from_minor(open_units, inv.currency)))
    invoices_repo.set_disputed(inv, True, reason[:500], units)
    collection_records.add_event(s, customer_id=inv.customer_id, kind="dispute", date=day, note=reason, amount=units,
                                 invoice_id=inv.id)
    return inv.id


def resolve_dispute(books: Books, invoice_number: str, note: str = "", on: dt.date | str | None = None) -> None:
    """The dispute is settled: the contested part comes back to the claim and the ladder from
    ``on`` (default today)."""
    with books.db.session() as s:
        inv = invoice_by_number(s, invoice_number)
        if not inv.disputed:
            raise UserError(Text(translate("Messages", "Invoice {number} is not disputed."),
                                 number=inv.number))
        day = entered_day(books, on, translate("Messages", "date the dispute was resolved"))
        invoices_repo.set_disputed(inv, False, "")
        collection_records.add_event(s, customer_id=inv.customer_id, kind="dispute_resolved", date=day,
                                     note=entered_text(note, translate("Messages", "note")), invoice_id=inv.id)


def invoice_dispute(books: Books, invoice_number: str) -> DisputeInfo:
    """The dispute state of an invoice now: what is open and which part of it is contested."""
    with books.db.session() as s:
        row = invoices_repo.rows(s, [invoice_by_number(s, invoice_number).id])[0]
    return DisputeInfo(row.number, row.currency, row.open_amount, row.disputed, row.disputed_amount,
                       row.dispute_reason)
