"""Write-offs and credit notes: posted figures are corrected by new entries, never overwritten.

Each adjustment is stored like a payment (method ``write-off`` or ``credit note``) fully applied
to the invoice on its date, so the invoice's open amount drops from that date on and the aging
as of any earlier date is unchanged. The audit trail records it as ``write_off`` / ``credit_note``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ar_desktop.domain.allocation import Allocation
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import from_minor, parse_amount
from ar_desktop.domain import payment_kinds
from ar_desktop.domain.records import parse_date
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.storage import invoices_repo, payments_repo

WRITE_OFF = payment_kinds.WRITE_OFF.key
CREDIT_NOTE = payment_kinds.CREDIT_NOTE.key


def write_off(books: Books, invoice_number: str, amount: Decimal | str | None, reason: str,
              date: dt.date | str | None = None) -> int:
    """Write off (part of) what is open on an invoice as uncollectable; None: all that is open."""
    return _adjust(books, WRITE_OFF, invoice_number, amount, reason, date)


def credit_note(books: Books, invoice_number: str, amount: Decimal | str | None, reason: str,
                date: dt.date | str | None = None, number: str = "") -> int:
    """Credit (part of) an invoice, e.g. for returned goods; ``number`` is the credit note's own number."""
    text = f"{number}: {reason.strip()}" if number.strip() else reason
    return _adjust(books, CREDIT_NOTE, invoice_number, amount, text, date)


def _adjust(books: Books, method: str, invoice_number: str, amount, reason: str, date) -> int:
    what = Text(translate("Messages", "write-off") if method == WRITE_OFF else translate("Messages", "credit note"))
    if not (reason or "").strip():
        raise UserError(Text(translate("Messages", "Say why (the reason stays on record with the {what})."),
                             what=what))
    on = books.today() if date is None else parse_date(date, f"{method} date")
    if on > books.today():
        raise UserError(Text(translate("Messages", "The {what} date {on} is in the future. Use today or an "
                                                   "earlier date."), what=what, on=on.isoformat()))
    with books.db.session() as s:
        iid = invoices_repo.id_by_number(s, (invoice_number or "").strip())
        if iid is None:
            raise UserError(Text(translate("Messages", "There is no invoice {invoice_number}. Check the "
                                                       "number."), invoice_number=invoice_number))
        inv = invoices_repo.get(s, iid)
        if inv.voided:
            raise UserError(Text(translate("Messages", "Invoice {number} is void; there is nothing to "
                                                       "{what}."), number=inv.number, what=what))
        if on < inv.issue_date:
            raise UserError(Text(translate("Messages", "Invoice {number} was issued on {issue_date}; the "
                                                       "{what} cannot be dated before that."),
                                 number=inv.number, issue_date=inv.issue_date.isoformat(), what=what))
        open_amount = from_minor(inv.amount - inv.paid, inv.currency)
        value = open_amount if amount in (None, "") else parse_amount(amount, inv.currency, allow_zero=False)
        if value <= 0:
            raise UserError(Text(translate("Messages", "Invoice {number} is fully settled; there is "
                                                       "nothing to {what}."), number=inv.number, what=what))
        if value > open_amount:
            raise UserError(Text(translate("Messages", "Invoice {number} has only {open_amount} {currency} "
                                                       "open; the {what} of {value} would exceed it. Lower "
                                                       "the amount."),
                                 number=inv.number, open_amount=open_amount, currency=inv.currency, what=what,
                                 value=value))
        return payments_repo.add(s, customer_id=inv.customer_id, date=on, amount=value, currency=inv.currency,
                                 method=method, reference=reason.strip()[:100],
                                 allocations=[Allocation(inv.id, value)])
