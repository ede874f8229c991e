"""Holds: pausing a customer's collections until a date, and ending a hold early.
"""

from __future__ import annotations

import datetime as dt

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.collection_input import customer_by_code, entered_day, entered_later_day, entered_text
from ar_desktop.services.context import Books
from ar_desktop.storage import collection_records


def put_on_hold(books: Books, code: str, until: dt.date | str, reason: str, on: dt.date | str | None = None) -> int:
    """Pause collections for the customer from ``on`` (default today) to ``until`` inclusive.
    A hold already running is replaced. Returns the hold id."""
    with books.db.session() as s:
        cid, _data = customer_by_code(s, code)
        day = entered_day(books, on, translate("Messages", "date the hold starts"))
        end = entered_later_day(books, until, translate("Messages", "hold end date"), day, lambda end: Text(
            translate("Messages", "The hold would end on {end}, before it starts ({day}). Enter a later end date."),
            end=end.isoformat(), day=day.isoformat()))
        reason = entered_text(reason, translate("Messages", "reason for the hold"), required=True)
        for old in collection_records.active_holds(s, cid, day):
            old.released_on = day
        hid = collection_records.add_hold(s, customer_id=cid, set_on=day, until=end, reason=reason)
        collection_records.add_event(s, customer_id=cid, kind="hold", date=day, note=reason, hold_id=hid)
        return hid


def release_hold(books: Books, code: str, on: dt.date | str | None = None, note: str = "") -> None:
    """End the customer's hold early: collections resume on ``on`` (default today)."""
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        day = entered_day(books, on, translate("Messages", "date the hold is released"))
        holds = [h for h in collection_records.active_holds(s, cid, day) if h.set_on <= day]
        if not holds:
            raise UserError(Text(translate("Messages", "{name} is not on hold on {day}."),
                                 name=data.name, day=day.isoformat()))
        for h in holds:
            h.released_on = day
            collection_records.add_event(s, customer_id=cid, kind="hold_released", date=day,
                                         note=entered_text(note, translate("Messages", "note")), hold_id=h.id)
