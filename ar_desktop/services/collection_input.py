"""What the user typed into a collection record, checked: the customer code, the invoice number, a day, a
note and an amount, each refused with a message that says how to put it right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import parse_amount
from ar_desktop.domain.records import CustomerData, parse_date
from ar_desktop.domain.text import Text, is_stored, name_text, translate
from ar_desktop.services.context import Books
from ar_desktop.storage import customers_repo, invoices_repo


MAX_NOTE = 4000


def customer_by_code(s, code: str) -> tuple[int, CustomerData]:
    code = (code or "").strip()
    cid = customers_repo.id_by_code(s, code) if code else None
    if cid is None:
        raise UserError(Text(translate("Messages", "There is no customer with code '{code}'. Check the code in the "
                                                   "customer list."), code=code))
    return cid, customers_repo.get(s, cid)


def invoice_by_number(s, number: str):
    number = (number or "").strip()
    iid = invoices_repo.id_by_number(s, number) if number else None
    if iid is None:
        raise UserError(Text(translate("Messages", "There is no invoice number '{number}'. Check the number in the "
                                                   "invoice list."), number=number))
    return invoices_repo.get(s, iid)


def entered_day(books: Books, value: dt.date | str | None, what: str, *, default_today: bool = True,
         allow_future: bool = False) -> dt.date:
    if value is None or value == "":
        if default_today:
            return books.today()
        raise UserError(Text(translate("Messages", "The {what} is empty. Enter a date as YYYY-MM-DD."),
                             what=name_text(what)))
    day = parse_date(value, what)
    if not allow_future and day > books.today():
        raise UserError(Text(translate("Messages", "The {what} {day} is in the future (today is {today}). Enter "
                                                   "the day it happened."),
                             what=name_text(what), day=day.isoformat(), today=books.today().isoformat()))
    return day


def entered_later_day(books: Books, value: dt.date | str | None, what: str, start: dt.date,
                      before_start: Callable[[dt.date], Text]) -> dt.date:
    """A day agreed ahead (a hold's end, a promised date, a first instalment): required, may be in the future,
    not before ``start``; ``before_start(day)`` is the message that says so."""
    day = entered_day(books, value, what, default_today=False, allow_future=True)
    if day < start:
        raise UserError(before_start(day))
    return day


def entered_text(value: str | None, what: str, *, required: bool = False) -> str:
    if is_stored(value):  # a sentence the program wrote (its marker is not space to strip)
        return value
    text = (value or "").strip()
    if required and not text:
        raise UserError(Text(translate("Messages", "The {what} is empty. Type a few words so the history says why."),
                             what=name_text(what)))
    if len(text) > MAX_NOTE:
        raise UserError(Text(translate("Messages", "The {what} is longer than {max_note} characters. Shorten it."),
                             what=name_text(what), max_note=MAX_NOTE))
    return text


def entered_amount(value: Decimal | str | int, currency: str, what: str) -> Decimal:
    try:
        return parse_amount(value, currency, allow_zero=False)
    except UserError as e:
        raise UserError(Text(translate("Messages", "The {what}: {problem}"), what=name_text(what), problem=e.message)) from None
