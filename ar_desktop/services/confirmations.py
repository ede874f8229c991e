"""Balance confirmations (对账确认函): a statement of account with a slip the customer signs and
returns. A slip returned signed as sent counts as a written acknowledgement of every invoice it
covered (those open on its date), which restarts the limitation clock where the law says so."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import from_minor
from ar_desktop.domain.records import parse_date
from ar_desktop.domain.text import Text, stored, translate
from ar_desktop.services.collection_input import customer_by_code
from ar_desktop.services.context import Books
from ar_desktop.storage import collections_repo, company_repo, credit_repo

MAX_NOTE = 2000
MAX_RETURN_DAYS = 90


@dataclass(frozen=True)
class ConfirmationInfo:
    id: int
    as_of: dt.date
    amount: Decimal
    currency: str
    return_by: dt.date
    returned_on: dt.date | None
    agreed: bool | None
    note: str

    @property
    def reference(self) -> str:
        return f"BC{self.id:06d}"


def _info(r) -> ConfirmationInfo:
    return ConfirmationInfo(r.id, r.as_of, from_minor(r.amount, r.currency), r.currency, r.return_by, r.returned_on,
                            r.agreed, r.note)



def request_confirmation(books: Books, code: str, return_by) -> tuple[int, bytes]:
    """Record a confirmation request for the customer's open balance today and return the
    statement of account with the slip appended (id, PDF). Nothing is recorded if the PDF fails."""
    from ar_desktop.pdf.confirmation_slip import slip_page
    from ar_desktop.services.statements import statement_pdf

    today = books.today()
    until = parse_date(return_by, "return date")
    if not today <= until <= today + dt.timedelta(days=MAX_RETURN_DAYS):
        raise UserError(Text(translate("Messages", "The slip must be returned between today and {days} days from "
                                                   "now. Choose another return date."), days=MAX_RETURN_DAYS))
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        units = collections_repo.open_units_as_of(s, cid, today)
        if units <= 0:
            raise UserError(Text(translate("Messages", "{name} owes nothing today; there is no balance to "
                                                       "confirm."), name=data.name))
        company = company_repo.get(s).legal_name
        rid = credit_repo.add_confirmation(s, customer_id=cid, as_of=today, amount=units, currency=data.currency,
                                           return_by=until)
        slip = slip_page(data.language, company, data.name, from_minor(units, data.currency), data.currency,
                         today, until, f"ST-{data.code}-{today.isoformat()}", f"BC{rid:06d}")
        return rid, statement_pdf(books, code, extra_pages=[slip])


def record_returned_slip(books: Books, confirmation_id: int, returned_on, agreed: bool, note: str = "") -> int:
    """The customer returned the slip on ``returned_on``: signed as sent (``agreed``) or with a
    difference. Signed as sent, it acknowledges every invoice open on the slip's date.
    Returns how many invoices it acknowledged."""
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise UserError(Text(translate("Messages", "The note is longer than {most} characters. Shorten it."),
                             most=MAX_NOTE))
    if not agreed and not note:
        raise UserError(Text(translate("Messages", "The customer does not agree: note the amount it states and "
                                                   "why.")))
    day = parse_date(returned_on, "return date")
    if day > books.today():
        raise UserError(Text(translate("Messages", "The return date {date} is in the future. Enter the day the slip "
                                                   "came back."), date=day.isoformat()))
    with books.db.session() as s:
        row = credit_repo.get_confirmation(s, int(confirmation_id))
        if row is None:
            raise UserError(Text(translate("Messages", "There is no balance confirmation {ref}."),
                                 ref=f"BC{int(confirmation_id):06d}"))
        if row.returned_on is not None:
            raise UserError(Text(translate("Messages", "Balance confirmation {ref} was already recorded as returned "
                                                       "on {date}."), ref=f"BC{row.id:06d}",
                                 date=row.returned_on.isoformat()))
        if day < row.as_of:
            raise UserError(Text(translate("Messages", "The slip is dated {as_of}; it cannot have come back on "
                                                       "{date}."), as_of=row.as_of.isoformat(), date=day.isoformat()))
        row.returned_on, row.agreed, row.note = day, bool(agreed), note
        if not agreed:
            return 0
        items = credit_repo.open_items(s, row.as_of, [row.customer_id])
        for item in items:
            credit_repo.add_acknowledgement(s, invoice_id=item.invoice_id, date=day, kind="confirmation",
                                            note=stored(Text(translate("Messages", "Balance confirmation {ref}"), ref=f"BC{row.id:06d}")), confirmation_id=row.id)
        return len(items)


def confirmations(books: Books, code: str) -> list[ConfirmationInfo]:
    with books.db.session() as s:
        cid, _data = customer_by_code(s, code)
        return [_info(r) for r in credit_repo.confirmations(s, cid)]
