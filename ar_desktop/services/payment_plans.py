"""Payment plans: agreeing instalments on a customer's open invoices, the invoices a plan may cover,
calling a plan off, and the plans of a customer with what was paid to them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import from_minor, quantum, to_minor
from ar_desktop.domain.payment_plan import (MAX_EVERY_DAYS, MAX_INSTALMENTS, MIN_EVERY_DAYS, plan_instalments,
                                            schedule_text)
from ar_desktop.domain.text import Text, name_text, stored, translate
from ar_desktop.services.collection_input import (customer_by_code, entered_day, entered_later_day, entered_text,
                                                 invoice_by_number)
from ar_desktop.services.collection_settings import settings_in
from ar_desktop.services.context import Books
from ar_desktop.storage import collection_records, invoices_repo


PLAN_STATUS_NAMES = {"open": translate("Messages", "open"), "kept": translate("Messages", "kept"),
                     "broken": translate("Messages", "broken"), "cancelled": translate("Messages", "cancelled")}


@dataclass(frozen=True)
class PaymentPlanInfo:
    id: int
    starts_on: dt.date
    ends_on: dt.date
    status: str                     # open | kept | broken | cancelled
    note: str
    invoice_numbers: tuple[str, ...]
    instalments: tuple[tuple[dt.date, Decimal], ...]
    total: Decimal
    paid_since: Decimal             # paid to the covered invoices since the start, up to today


def create_payment_plan(books: Books, code: str, invoice_numbers: Iterable[str], instalments_count: int,
                        first_due: dt.date | str, every_days: int, note: str = "",
                        starts_on: dt.date | str | None = None) -> int:
    """Agree a payment plan with the customer: the open amount of ``invoice_numbers`` (as the plan
    starts) is split into ``instalments_count`` instalments, the first due on ``first_due``, then
    every ``every_days`` days. The invoices leave the ladder while the plan holds (to the last
    instalment plus the grace days); a missed instalment breaks it. Returns the plan id."""
    count, every = _whole(instalments_count, translate("Messages", "number of instalments"), 1, MAX_INSTALMENTS), \
        _whole(every_days, translate("Messages", "days between instalments"), MIN_EVERY_DAYS, MAX_EVERY_DAYS)
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        start = entered_day(books, starts_on, translate("Messages", "date the plan starts"))
        first = entered_later_day(books, first_due, translate("Messages", "first instalment date"), start,
                                  lambda first: Text(translate("Messages", "The first instalment ({first}) is before "
                                                                           "the plan starts ({start}). Enter a later "
                                                                           "date."),
                                                     first=first.isoformat(), start=start.isoformat()))
        if first > start + dt.timedelta(days=MAX_EVERY_DAYS):
            raise UserError(Text(translate("Messages", "The first instalment ({first}) is more than "
                                                       "{max_every_days} days after the plan starts ({start}). Enter "
                                                       "an earlier date."),
                                 first=first.isoformat(), max_every_days=MAX_EVERY_DAYS, start=start.isoformat()))
        numbers = sorted({(n or "").strip() for n in invoice_numbers} - {""})
        if not numbers:
            raise UserError(Text(translate("Messages", "Choose at least one invoice for the payment plan.")))
        invs = [invoice_by_number(s, n) for n in numbers]
        for inv in invs:
            if inv.customer_id != cid:
                raise UserError(Text(translate("Messages", "Invoice {number} belongs to another customer. Check "
                                                           "the invoice number."), number=inv.number))
            if inv.voided:
                raise UserError(Text(translate("Messages", "Invoice {number} is void; it cannot be in a payment "
                                                           "plan."), number=inv.number))
            if inv.paid >= inv.amount:
                raise UserError(Text(translate("Messages", "Invoice {number} is paid in full; there is nothing to "
                                                           "pay in instalments."), number=inv.number))
            if inv.disputed:
                raise UserError(Text(translate("Messages", "Invoice {number} is disputed. Resolve the dispute "
                                                           "before agreeing a plan."), number=inv.number))
            if inv.issue_date > start:
                raise UserError(Text(translate("Messages", "Invoice {number} was issued on {issue_date}, after the "
                                                           "plan starts ({start})."),
                                     number=inv.number, issue_date=inv.issue_date.isoformat(),
                                     start=start.isoformat()))
        ids = [inv.id for inv in invs]
        taken = collection_records.invoices_in_open_plans(s, ids, start)
        if taken:
            names = ", ".join(inv.number for inv in invs if inv.id in taken)
            raise UserError(Text(translate("Messages", "Invoice {names} is already in a payment plan. Cancel that "
                                                       "plan first."), names=names))
        units = sum(collection_records.open_units_before(s, ids, start).values())
        total = from_minor(units, data.currency)
        schedule = plan_instalments(total, count, first, every, quantum(data.currency))
        settings = settings_in(s)
        ends = schedule[-1][0] + dt.timedelta(days=settings.grace_days)
        note = entered_text(note, translate("Messages", "note"))
        pid = collection_records.add_payment_plan(
            s, customer_id=cid, starts_on=start, ends_on=ends, note=note, invoice_ids=ids,
            instalments=[(d, to_minor(a, data.currency)) for d, a in schedule])
        text = Text(translate("Messages", "{schedule} (invoices {numbers})"), schedule=schedule_text(schedule, every),
                    numbers=", ".join(numbers))
        if note:
            text = Text(translate("Messages", "{what}. {note}"), what=text, note=note)
        collection_records.add_event(s, customer_id=cid, kind="plan", date=start, amount=units, note=stored(text))
        return pid


@dataclass(frozen=True)
class PlanCandidate:
    """An open invoice that a new payment plan may cover (not disputed, not in a running plan)."""

    number: str
    due_date: dt.date
    open_amount: Decimal


def plan_candidates(books: Books, code: str) -> list[PlanCandidate]:
    """The customer's open invoices a new payment plan may cover, oldest due first."""
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        rows = [r for r in collection_records.open_invoices_of(s, cid) if not r[3]]
        ids = {invoices_repo.id_by_number(s, n): n for n, *_rest in rows}
        taken = {ids[i] for i in collection_records.invoices_in_open_plans(s, list(ids), books.today())}
        return [PlanCandidate(n, due, from_minor(units, data.currency)) for n, due, units, _d in rows
                if n not in taken]


def _whole(value, what: str, lo: int, hi: int) -> int:
    text = str(value).strip()
    n = int(text) if not isinstance(value, bool) and text.isdigit() else None
    if n is None or not lo <= n <= hi:
        raise UserError(Text(translate("Messages", "The {what} '{value}' must be a whole number from {lo} to {hi}."),
                             what=name_text(what), value=value, lo=lo, hi=hi))
    return n


def cancel_payment_plan(books: Books, plan_id: int, reason: str, on: dt.date | str | None = None) -> None:
    """Call off an open plan from ``on`` (default today): its invoices come back to the ladder that day."""
    with books.db.session() as s:
        row = collection_records.get_payment_plan(s, int(plan_id))
        if row is None:
            raise UserError(Text(translate("Messages", "There is no payment plan {plan_id}."),
                                 plan_id=plan_id))
        if row.status != "open":
            raise UserError(Text(translate("Messages", "Payment plan {plan_id} is already {status}; only an open "
                                                       "plan can be cancelled."),
                                 plan_id=plan_id, status=Text(PLAN_STATUS_NAMES.get(row.status, row.status))))
        day = entered_day(books, on, translate("Messages", "date the plan is cancelled"))
        reason = entered_text(reason, translate("Messages", "reason for cancelling the plan"), required=True)
        if day < row.starts_on:
            raise UserError(Text(translate("Messages", "The plan starts on {starts_on}; it cannot be cancelled "
                                                       "before that."), starts_on=row.starts_on.isoformat()))
        row.status, row.ends_on = "cancelled", min(row.ends_on, day - dt.timedelta(days=1))
        collection_records.add_event(s, customer_id=row.customer_id, kind="plan_cancelled", date=day, note=reason)


def payment_plans(books: Books, code: str) -> list[PaymentPlanInfo]:
    """The customer's payment plans, oldest first, with what was paid to them up to today (their status
    as recorded: see record_outcomes)."""
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        out = []
        for row in collection_records.payment_plans_of(s, cid):
            schedule = tuple((d, from_minor(u, data.currency)) for d, u in collection_records.plan_schedule(s, row.id))
            paid = from_minor(collection_records.plan_paid_since(s, row.id, books.today()), data.currency)
            out.append(PaymentPlanInfo(row.id, row.starts_on, row.ends_on, row.status, row.note,
                                       tuple(collection_records.plan_invoice_numbers(s, row.id)), schedule,
                                       sum((a for _d, a in schedule), Decimal(0)), paid))
        return out
