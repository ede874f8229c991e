"""Before credit is given: credit checks, the suggested credit limit (never applied silently) and
the cap on a new customer's limit (docs/credit-risk.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, replace
from decimal import Decimal

from ar_desktop.domain.credit import behaviour_window_start
from ar_desktop.domain.credit_check import CreditCheck, SuggestedLimit, parse_sources, suggest_limit
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import from_minor, parse_amount, to_minor
from ar_desktop.domain.records import parse_date
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.collection_input import customer_by_code
from ar_desktop.services.context import Books
from ar_desktop.services.credit_settings import read as read_settings
from ar_desktop.storage import collections_repo, credit_repo, customers_repo


@dataclass(frozen=True)
class CreditCheckInfo:
    id: int
    check: CreditCheck


@dataclass(frozen=True)
class CreditPosition:
    """A customer's limit beside what its history suggests and what the new-customer cap allows."""

    customer_code: str
    customer_name: str
    currency: str
    credit_limit: Decimal | None
    effective_limit: Decimal | None   # the limit, capped while the customer is new
    capped_until: dt.date | None      # the cap applies until this day (None: not capped)
    suggested: SuggestedLimit | None
    next_review: dt.date | None       # from the latest credit check
    last_check: dt.date | None



def record_credit_check(books: Books, code: str, date, sources, findings: str, decision: str, limit_granted=None,
                        next_review=None, *, apply_limit: bool = True) -> int:
    """Record a credit check; with ``apply_limit`` the limit granted becomes the customer's credit
    limit (the change is in the audit trail). ``sources``: keys or 'registry, bank' text."""
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        day = parse_date(date, "date of the credit check")
        if day > books.today():
            raise UserError(Text(translate("Messages", "The credit check date {date} is in the future. Enter the "
                                                       "day the check was made."), date=day.isoformat()))
        keys = parse_sources(sources) if isinstance(sources, str) else tuple(sources)
        limit = None if limit_granted in (None, "") else parse_amount(limit_granted, data.currency)
        review = None if next_review in (None, "") else parse_date(next_review, "next review date")
        check = CreditCheck(day, keys, (findings or "").strip(), (decision or "").strip(), limit, review)
        check_id = credit_repo.add_credit_check(
            s, customer_id=cid, date=day, sources=",".join(keys), findings=check.findings, decision=check.decision,
            limit_granted=None if limit is None else to_minor(limit, data.currency), next_review=review)
        if apply_limit and check.decision != "declined" and limit != data.credit_limit:
            customers_repo.update(s, cid, replace(data, credit_limit=limit))
        if apply_limit and check.decision == "declined" and not data.on_hold:
            customers_repo.update(s, cid, replace(data, on_hold=True))
        return check_id


def credit_checks(books: Books, code: str) -> list[CreditCheckInfo]:
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        return [CreditCheckInfo(r.id, _check(r, data.currency)) for r in credit_repo.credit_checks(s, cid)]


def _check(r, currency: str) -> CreditCheck:
    return CreditCheck(r.date, tuple(x for x in r.sources.split(",") if x), r.findings, r.decision,
                       None if r.limit_granted is None else from_minor(r.limit_granted, currency), r.next_review)


def positions(s, as_of: dt.date, customer_ids: Collection[int] | None = None) -> dict[int, CreditPosition]:
    """customer id -> its credit position as of ``as_of`` (set-based: one query per kind of fact)."""
    settings = read_settings(s)
    infos = credit_repo.customer_infos(s, customer_ids)
    ids = list(infos)
    if not ids:
        return {}
    sales = credit_repo.sales_between(s, behaviour_window_start(as_of), as_of, ids)
    first = credit_repo.first_invoices(s, ids)
    behaviours = credit_repo.behaviours(s, as_of, ids)
    checks = credit_repo.latest_checks(s, ids)
    out = {}
    for cid, info in infos.items():
        b = behaviours.get(cid)
        suggested = suggest_limit(from_minor(sales.get(cid, 0), info.currency), first.get(cid), as_of,
                                  info.terms_days, b.average_days_late if b else Decimal(0), info.credit_class)
        capped = settings.cap.capped_until(first.get(cid), as_of)
        check = checks.get(cid)
        out[cid] = CreditPosition(info.code, info.name, info.currency, info.credit_limit,
                                  settings.cap.effective_limit(info.credit_limit, first.get(cid), as_of),
                                  capped, suggested,
                                  check.next_review if check else None, check.date if check else None)
    return out


def credit_position(books: Books, code: str, as_of: dt.date | None = None) -> CreditPosition:
    with books.db.session() as s:
        cid, _data = customer_by_code(s, code)
        return positions(s, as_of or books.today(), [cid])[cid]


def suggested_limit(books: Books, code: str, as_of: dt.date | None = None) -> SuggestedLimit | None:
    """What the last 12 months justify (sales per month × (terms + average days late) / 30, by
    class, rounded down); shown beside the limit, never applied by itself."""
    return credit_position(books, code, as_of).suggested


def apply_suggested_limit(books: Books, code: str, as_of: dt.date | None = None) -> Decimal:
    """The user chose to take the suggested limit: it becomes the customer's credit limit."""
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        suggested = positions(s, as_of or books.today(), [cid])[cid].suggested
        if suggested is None or suggested.limit <= 0:
            raise UserError(Text(translate("Messages", "{name} has no sales in the last 12 months, so there is no "
                                                       "suggested limit to apply."), name=data.name))
        customers_repo.update(s, cid, replace(data, credit_limit=suggested.limit))
        return suggested.limit


def open_balance(books: Books, code: str) -> Decimal:
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        return from_minor(collections_repo.open_units_now(s, cid), data.currency)


def new_customer_cap_warning(books: Books, code: str, amount) -> Text | None:
    """While a customer is new, its limit counts as at most the cap: warn when a new invoice goes over."""
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        pos = positions(s, books.today(), [cid])[cid]
        if pos.capped_until is None or pos.effective_limit is None:
            return None
        value = parse_amount(amount, data.currency, allow_zero=False)
        after = from_minor(collections_repo.open_units_now(s, cid), data.currency) + value
    if after <= pos.effective_limit:
        return None
    until = Text(translate("Messages", "until it has invoices of several months")) \
        if pos.capped_until == dt.date.max else pos.capped_until.isoformat()
    return Text(translate("Messages", "{name} is a new customer: its credit limit counts as at most {cap} {currency} "
                                      "({until}). This invoice takes the open balance to {after} {currency}."),
                name=data.name, cap=f"{pos.effective_limit:,.2f}", currency=data.currency, until=until,
                after=f"{after:,.2f}")


__all__ = ["CreditCheckInfo", "CreditPosition", "apply_suggested_limit", "credit_checks", "credit_position",
           "new_customer_cap_warning", "positions", "record_credit_check", "suggested_limit"]
