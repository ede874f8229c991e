"""Logging what was done in a collection: a ladder step done or skipped, a note, a phone call and its
outcome, a promise to pay. One transaction each; the history is append-only (corrections add events).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import from_minor, to_minor
from ar_desktop.domain.records import CustomerData
from ar_desktop.domain.text import Text, stored, translate
from ar_desktop.services.collection_input import (customer_by_code, entered_amount, entered_day, entered_later_day,
                                                 entered_text)
from ar_desktop.services.collection_ladders import ladder_of
from ar_desktop.services.context import Books
from ar_desktop.services.disputes import mark_dispute_in
from ar_desktop.storage import collection_records, collections_repo


CALL_OUTCOMES = ("reached", "no_answer", "promised", "disputed", "refused")


def log_step(books: Books, code: str, step_key: str, date: dt.date | str, note: str = "", skipped: bool = False,
             reason: str = "") -> int:
    """Record that a ladder step was done (or deliberately skipped, with a reason) on ``date``."""
    with books.db.session() as s:
        return _log_step(books, s, code, step_key, date, note, skipped, reason)


def _log_step(books: Books, s, code: str, step_key: str, date, note: str, skipped: bool, reason: str) -> int:
    cid, data = customer_by_code(s, code)
    day = entered_day(books, date, translate("Messages", "date of the step"), default_today=False)
    ladder = ladder_of(s, cid, data.credit_class)
    key = (step_key or "").strip()
    if ladder.get(key) is None:
        raise UserError(Text(translate("Messages", "'{key}' is not a step of {name}'s collection ladder. Use one "
                                                   "of: {keys}."),
                             key=key, name=data.name, keys=', '.join(ladder.keys)))
    note = entered_text(note, translate("Messages", "note"))
    if skipped:
        reason = entered_text(reason, translate("Messages", "reason for skipping the step"), required=True)
        note = f"{reason} - {note}" if note else reason
    return collection_records.add_event(s, customer_id=cid, kind="step_skipped" if skipped else "step_done",
                                        date=day, step_key=key, note=note)


def add_note(books: Books, code: str, date: dt.date | str | None, text: str | Text) -> int:
    """A note in the collection file: what the user typed, or a ``Text`` the program wrote (kept as a sentence
    with its parameters, so that it reads in the language of whoever opens the file)."""
    note = stored(text) if isinstance(text, Text) else entered_text(text, translate("Messages", "note"), required=True)
    with books.db.session() as s:
        cid, _data = customer_by_code(s, code)
        return collection_records.add_event(s, customer_id=cid, kind="note", date=entered_day(books, date, translate("Messages", "date of the note")),
                                            note=note)


def log_call(books: Books, code: str, date: dt.date | str, outcome: str, note: str = "", *,
             promised_date: dt.date | str | None = None, amount: Decimal | str | None = None,
             invoice_number: str | None = None, dispute_reason: str = "", step_key: str | None = None) -> int:
    """Record a phone call. Outcome 'promised' needs ``promised_date`` and ``amount`` (the promise
    is recorded too); 'disputed' needs the ``invoice_number`` (the invoice is marked disputed,
    the reason is ``dispute_reason`` or the note). ``step_key`` also logs that ladder step as done."""
    outcome = (outcome or "").strip()
    if outcome not in CALL_OUTCOMES:
        raise UserError(Text(translate("Messages", "'{outcome}' is not a call outcome. Use one of: {call_outcomes}."),
                             outcome=outcome, call_outcomes=', '.join(CALL_OUTCOMES)))
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        day = entered_day(books, date, translate("Messages", "date of the call"), default_today=False)
        note = entered_text(note, translate("Messages", "note"))
        promise_id = invoice_id = None
        if outcome == "promised":
            if promised_date in (None, "") or amount in (None, ""):
                raise UserError(Text(translate("Messages", "The customer promised to pay: enter the promised date "
                                                           "and amount.")))
            promise_id = _record_promise(books, s, cid, data, promised_date, amount, day)
        elif outcome == "disputed":
            if not (invoice_number or "").strip():
                raise UserError(Text(translate("Messages", "The customer disputes an invoice: enter the invoice "
                                                           "number.")))
            invoice_id = mark_dispute_in(books, s, invoice_number, dispute_reason or note, None, day, cid)
        if step_key:
            _log_step(books, s, code, step_key, day, note, False, "")
        return collection_records.add_event(s, customer_id=cid, kind="call", date=day, outcome=outcome, note=note,
                                            promise_id=promise_id, invoice_id=invoice_id)


def record_promise(books: Books, code: str, date: dt.date | str, amount: Decimal | str,
                   made_on: dt.date | str | None = None) -> int:
    """Record a promise to pay ``amount`` by ``date`` made on ``made_on`` (default today).
    A new promise replaces the earlier ones for the next-step rule. Returns the promise id."""
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        return _record_promise(books, s, cid, data, date, amount, entered_day(books, made_on, translate("Messages", "date the promise was made")))


def _record_promise(books: Books, s, cid: int, data: CustomerData, date, amount, made_on: dt.date) -> int:
    promised = entered_later_day(books, date, translate("Messages", "promised date"), made_on, lambda promised: Text(
        translate("Messages", "The promised date {promised} is before the day the promise was made ({made_on}). "
                              "Enter a date on or after it."), promised=promised.isoformat(), made_on=made_on.isoformat()))
    value = entered_amount(amount, data.currency, translate("Messages", "promised amount"))
    open_units = collections_repo.open_units_as_of(s, cid, made_on)
    units = to_minor(value, data.currency)
    if open_units <= 0:
        raise UserError(Text(translate("Messages", "{name} owes nothing on {made_on}, so there is nothing to "
                                                   "promise."), name=data.name, made_on=made_on.isoformat()))
    if units > open_units:
        raise UserError(Text(translate("Messages", "The promised amount {value:.2f} is more than {name} owes on "
                                                   "{made_on} ({open_units:.2f}). Enter at most the open balance."),
                             value=value, name=data.name, made_on=made_on.isoformat(),
                             open_units=from_minor(open_units, data.currency)))
    pid = collection_records.add_promise(s, customer_id=cid, made_on=made_on, promised_date=promised, amount=units)
    collection_records.add_event(s, customer_id=cid, kind="promise", date=made_on, amount=units, promise_id=pid,
                                 note="")  # the promise's amount and date are its own columns
    return pid
