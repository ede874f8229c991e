"""Credit before and after invoicing: the over-limit and credit-hold warning for a new invoice, the
override recorded when the user goes on, the credit review done, and the suggested credit class.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ar_desktop.domain.credit import exceeds_limit, suggest_from_behaviour
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import format_amount, from_minor
from ar_desktop.domain.text import Text, stored, translate
from ar_desktop.services.collection_input import customer_by_code, entered_amount, entered_day, entered_text
from ar_desktop.services.collection_settings import settings_in
from ar_desktop.services.context import Books
from ar_desktop.storage import collection_records, collections_repo, invoices_repo


def credit_check_for_new_invoice(books: Books, customer_code: str, amount: Decimal | str) -> Text | None:
    """A warning to show before a new invoice is saved (over the credit limit, or the customer is
    on credit hold); None when all is well. The user may go on and record an override."""
    with books.db.session() as s:
        cid, data = customer_by_code(s, customer_code)
        value = entered_amount(amount, data.currency, translate("Messages", "invoice amount"))
        open_units = collections_repo.open_units_now(s, cid)
    problems = []
    if data.on_hold:
        problems.append(Text(translate("Messages", "{name} is on credit hold: agree with the person responsible "
                                                   "before invoicing more on credit."), name=data.name))
    open_balance = from_minor(open_units, data.currency)
    if data.credit_limit is not None and data.credit_limit > 0 \
            and exceeds_limit(open_balance, value, data.credit_limit):
        after = open_balance + value
        problems.append(Text(translate("Messages", "This invoice would take {name}'s open balance to {after}, "
                                                   "above the credit limit of {limit} (by {excess})."),
                             name=data.name, after=format_amount(after, data.currency),
                             limit=format_amount(data.credit_limit, data.currency),
                             excess=format_amount(after - data.credit_limit, data.currency)))
    if len(problems) == 2:
        return Text(translate("Messages", "{first} {second}"), first=problems[0], second=problems[1])
    return problems[0] if problems else None


def record_credit_override(books: Books, code: str, invoice_number: str, note: str,
                           on: dt.date | str | None = None) -> int:
    """Record that an invoice was issued despite the credit warning, and why."""
    with books.db.session() as s:
        cid, _data = customer_by_code(s, code)
        note = entered_text(note, translate("Messages", "reason for the override"), required=True)
        number = (invoice_number or "").strip()
        iid = invoices_repo.id_by_number(s, number) if number else None
        if iid is not None and invoices_repo.get(s, iid).customer_id != cid:
            raise UserError(Text(translate("Messages", "Invoice {number} belongs to another customer. Check the "
                                                       "invoice number."), number=number))
        if iid is None and number:
            note = stored(Text(translate("Messages", "Invoice {number}: {note}"), number=number, note=note))
        return collection_records.add_event(s, customer_id=cid, kind="credit_override",
                                            date=entered_day(books, on, translate("Messages", "date of the override")),
                                            note=note, invoice_id=iid)


def mark_credit_reviewed(books: Books, code: str, on: dt.date | str | None = None, note: str = "") -> int:
    """The credit review was done: the flag disappears until the next collection episode."""
    with books.db.session() as s:
        cid, _data = customer_by_code(s, code)
        return collection_records.add_event(s, customer_id=cid, kind="credit_review",
                                            date=entered_day(books, on, translate("Messages", "date of the review")),
                                            note=entered_text(note, translate("Messages", "note")))


def suggested_credit_class(books: Books, code: str, as_of: dt.date) -> str | None:
    """'A', 'B' or 'C' from the invoices paid in the 12 months before ``as_of``; None without data."""
    with books.db.session() as s:
        cid, _data = customer_by_code(s, code)
        settings = settings_in(s)
        ci = collections_repo.collection_inputs(s, as_of, [cid], grace_days=settings.grace_days)[cid]
    return suggest_from_behaviour(ci.behaviour, settings.credit)
