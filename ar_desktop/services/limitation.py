"""The limitation clock of every open invoice, and acknowledgements of debt (docs/credit-risk.md).

What may restart a clock is read from the books: money the customer paid on the invoice (not
write-offs, credit notes or discounts), acknowledgements recorded here (also those made by a
returned balance confirmation), and letters that claimed the invoice whose delivery the
registered-mail log records. The domain decides which of them count where.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ar_desktop.domain import limitation as lim
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.limitation import ClockEvent
from ar_desktop.domain.records import parse_date
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.services.credit_settings import read as read_settings
from ar_desktop.storage import company_repo, credit_repo, invoices_repo

MAX_NOTE = 2000
ACK_KIND_EVENTS = {"written": lim.ACKNOWLEDGEMENT, "oral": lim.ORAL_ACKNOWLEDGEMENT,
                   "confirmation": lim.CONFIRMATION}


@dataclass(frozen=True)
class LimitationRow:
    invoice_id: int
    invoice_number: str
    customer_id: int
    customer_code: str
    customer_name: str
    jurisdiction: str
    due_date: dt.date
    open_amount_units: int
    currency: str
    expires_on: dt.date
    days_left: int
    restarted_by: str | None
    restarted_on: dt.date | None


def _events(s, invoice_ids: list[int], as_of: dt.date) -> dict[int, list[ClockEvent]]:
    from ar_desktop.services.registered_mail import delivery_dates

    out: dict[int, list[ClockEvent]] = {i: [] for i in invoice_ids}
    for iid, days in credit_repo.part_payments(s, invoice_ids, as_of).items():
        out[iid] += [ClockEvent(lim.PART_PAYMENT, d) for d in days]
    for iid, acks in credit_repo.acknowledgements(s, invoice_ids).items():
        out[iid] += [ClockEvent(ACK_KIND_EVENTS[k], d) for d, k in acks]
    letters = credit_repo.letters_claiming(s, invoice_ids)
    delivered = delivery_dates(s, {lid for ids in letters.values() for lid in ids})
    for iid, ids in letters.items():
        out[iid] += [ClockEvent(lim.DEMAND_DELIVERED, delivered[lid]) for lid in ids if lid in delivered]
    return out


def clocks(s, as_of: dt.date, customer_ids=None) -> list[LimitationRow]:
    """The clock of every invoice open as of ``as_of`` (``none`` jurisdiction left out), soonest first."""
    settings = read_settings(s)
    country = company_repo.get(s).country
    items = credit_repo.open_items(s, as_of, customer_ids)
    infos = credit_repo.customer_infos(s, {i.customer_id for i in items})
    items = [i for i in items if lim.effective_jurisdiction(infos[i.customer_id].limitation, country) != "none"]
    events = _events(s, [i.invoice_id for i in items], as_of)
    out = []
    for i in items:
        info = infos[i.customer_id]
        j = lim.effective_jurisdiction(info.limitation, country)
        c = lim.limitation_clock(j, i.due_date, events[i.invoice_id], as_of, settings.us_years)
        out.append(LimitationRow(i.invoice_id, i.number, i.customer_id, info.code, info.name, j, i.due_date,
                                 i.open_units, info.currency, c.expires_on, c.days_left(as_of), c.restarted_by,
                                 c.restarted_on))
    out.sort(key=lambda r: (r.expires_on, r.customer_code, r.invoice_number))
    return out


def limitation_report(books: Books, as_of: dt.date, within: int | None = None) -> list[LimitationRow]:
    """Open invoices with their limitation clock, soonest expiry first. ``within``: only those
    that expire within that many days of ``as_of`` (already time-barred ones included)."""
    if within is not None and (isinstance(within, bool) or not isinstance(within, int) or within < 0):
        raise UserError(Text(translate("Messages", "--within must be a whole number of days, 0 or more.")))
    with books.db.session() as s:
        rows = clocks(s, as_of)
    if within is not None:
        rows = [r for r in rows if r.days_left <= within]
    return rows


def customer_clocks(books: Books, customer_id: int, as_of: dt.date) -> list[LimitationRow]:
    with books.db.session() as s:
        return clocks(s, as_of, [customer_id])


def jurisdiction_of(books: Books, customer_jurisdiction: str) -> str:
    """The jurisdiction a customer follows (its own, else the company's country's)."""
    with books.db.session() as s:
        return lim.effective_jurisdiction(customer_jurisdiction, company_repo.get(s).country)


def explanation(books: Books, jurisdiction: str) -> Text:
    with books.db.session() as s:
        return lim.explanation(jurisdiction, read_settings(s).us_years)


def acknowledge(books: Books, invoice_number: str, date, note: str = "", *, written: bool = True) -> int:
    """The customer acknowledged owing the invoice on ``date`` (``written``: in a document it
    signed; orally otherwise, which the UK does not count)."""
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise UserError(Text(translate("Messages", "The note is longer than {most} characters. Shorten it."),
                             most=MAX_NOTE))
    day = parse_date(date, "date of the acknowledgement")
    if day > books.today():
        raise UserError(Text(translate("Messages", "The acknowledgement date {date} is in the future (today is "
                                                   "{today}). Enter the day the customer acknowledged the debt."),
                             date=day.isoformat(), today=books.today().isoformat()))
    with books.db.session() as s:
        number = (invoice_number or "").strip()
        iid = invoices_repo.id_by_number(s, number) if number else None
        if iid is None:
            raise UserError(Text(translate("Messages", "Invoice {number} is not in the books. Check the number."),
                                 number=number))
        inv = invoices_repo.get(s, iid)
        if inv.voided:
            raise UserError(Text(translate("Messages", "Invoice {number} is void; there is no debt to acknowledge."),
                                 number=inv.number))
        if day < inv.issue_date:
            raise UserError(Text(translate("Messages", "Invoice {number} was issued on {issued}; it cannot have been "
                                                       "acknowledged on {date}."),
                                 number=inv.number, issued=inv.issue_date.isoformat(), date=day.isoformat()))
        if not [i for i in credit_repo.open_items(s, day, [inv.customer_id]) if i.invoice_id == iid]:
            raise UserError(Text(translate("Messages", "Invoice {number} was fully paid on {date}; there was nothing "
                                                       "left to acknowledge."),
                                 number=inv.number, date=day.isoformat()))
        return credit_repo.add_acknowledgement(s, invoice_id=iid, date=day, kind="written" if written else "oral",
                                               note=note)
