"""Small balances: which accounts cost more to chase than they bring, and writing one off in one
click (every overdue invoice, the reason filled in, one transaction)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ar_desktop.domain import payment_kinds
from ar_desktop.domain.allocation import Allocation
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import from_minor
from ar_desktop.domain.small_balances import WriteOffSuggestion, suggest_write_off, write_off_reason
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.services.credit_settings import read as read_settings
from ar_desktop.storage import company_repo, credit_repo, customers_repo, invoices_repo, payments_repo

WRITE_OFF = payment_kinds.WRITE_OFF.key


@dataclass(frozen=True)
class SmallBalance:
    customer_id: int
    customer_code: str
    customer_name: str
    currency: str
    suggestion: WriteOffSuggestion
    invoice_numbers: tuple[str, ...]


def _ladder(s, customer_id: int, credit_class: str):
    from ar_desktop.services.collection_ladders import ladder_of

    return ladder_of(s, customer_id, credit_class)


def suggestions(s, as_of: dt.date, customer_ids=None) -> list[SmallBalance]:
    cost = read_settings(s).step_cost
    if cost is None or cost <= 0:
        return []
    company_currency = company_repo.get(s).currency
    overdue: dict[int, list] = {}
    for item in credit_repo.open_items(s, as_of, customer_ids):
        if item.due_date < as_of:
            overdue.setdefault(item.customer_id, []).append(item)
    infos = credit_repo.customer_infos(s, overdue)
    # The cost is in the company's currency: only accounts kept in it are compared with it.
    small = {cid: items for cid, items in overdue.items() if infos[cid].currency == company_currency
             and from_minor(sum(i.open_units for i in items), infos[cid].currency) < cost}
    if not small:
        return []
    taken = credit_repo.steps_taken(s, small)
    out = []
    for cid, items in small.items():
        info = infos[cid]
        total = from_minor(sum(i.open_units for i in items), info.currency)
        oldest = min(i.due_date for i in items)
        found = suggest_write_off(total, cost, _ladder(s, cid, info.credit_class), oldest, taken.get(cid, {}))
        if found is not None:
            out.append(SmallBalance(cid, info.code, info.name, info.currency, found,
                                    tuple(sorted(i.number for i in items))))
    out.sort(key=lambda x: x.customer_code)
    return out


def write_off_suggestions(books: Books, as_of: dt.date) -> list[SmallBalance]:
    with books.db.session() as s:
        return suggestions(s, as_of)


def write_off_small_balance(books: Books, code: str, on: dt.date | None = None) -> tuple[str, ...]:
    """Write off every overdue invoice of a suggested account on ``on`` (default today), with the
    reason filled in. Returns the invoice numbers written off."""
    on = on or books.today()
    with books.db.session() as s:
        cid = customers_repo.id_by_code(s, (code or "").strip())
        if cid is None:
            raise UserError(Text(translate("Messages", "There is no customer with code '{code}'. Check the code in "
                                                       "the customer list."), code=code))
        found = suggestions(s, on, [cid])
        if not found:
            raise UserError(Text(translate("Messages", "{code} is not suggested for a write-off on {date}: its "
                                                       "overdue balance is not below the cost of one collection step, "
                                                       "or its last letter has not been sent."),
                                 code=code, date=on.isoformat()))
        sb = found[0]
        reason = str(write_off_reason(sb.suggestion, sb.currency))[:100]
        for number in sb.invoice_numbers:
            inv = invoices_repo.get(s, invoices_repo.id_by_number(s, number))
            value = from_minor(inv.amount - inv.paid, inv.currency)
            if value > 0:
                payments_repo.add(s, customer_id=cid, date=on, amount=value, currency=inv.currency, method=WRITE_OFF,
                                  reference=reason, allocations=[Allocation(inv.id, value)])
        return sb.invoice_numbers
