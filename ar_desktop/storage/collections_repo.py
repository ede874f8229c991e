"""Collections: the inputs of the next-step rule for many customers at once, and the writes.

``collection_inputs`` gathers, as of a date D, everything ``domain.next_step.collection_status``
needs for a set of customers in a handful of set-based queries (never one query per customer),
so the worklist over thousands of customers stays fast:

* invoices as ``InvoiceState``: open amount as of D from allocations dated <= D, ``settled_on`` =
  date of the allocation that cleared the invoice (when on or before D), disputed as of D,
  voided as of D (an invoice voided after D still counts as it was);
* the step history (``StepRecord`` from step_done / step_skipped events);
* the latest promise made on or before D, with ``paid_since`` (payments received from the day it
  was made up to min(D, promised date + grace));
* the hold active on D.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from ar_desktop.domain.money import from_minor
from ar_desktop.domain.next_step import Hold, InvoiceState, Promise, StepRecord
from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment
from ar_desktop.storage.orm_collections import CollectionEvent, CustomerLadder, HoldRow, PromiseRow

STEP_KINDS = ("step_done", "step_skipped")
DISPUTE_KINDS = ("dispute", "dispute_resolved")


@dataclass
class CustomerInputs:
    """One customer's inputs of the next-step rule as of D (plus what the worklist shows)."""

    customer_id: int
    code: str
    name: str
    credit_class: str
    currency: str
    email: str
    credit_limit: Decimal | None
    credit_hold: bool                      # the customer's "on hold" flag (no new credit)
    ladder_data: list | None               # the customer's own ladder (JSON data) or None
    invoices: list[InvoiceState] = field(default_factory=list)
    invoice_ids: dict[str, int] = field(default_factory=dict)   # number -> id
    history: list[StepRecord] = field(default_factory=list)
    promise: Promise | None = None         # latest made on or before D; ref = promise id
    promise_status: str | None = None
    hold: Hold | None = None
    hold_id: int | None = None
    last_credit_review: dt.date | None = None


def _chunks(ids: list[int], n: int = 900):
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


def _paid_by(as_of: dt.date):
    """Per invoice: units allocated on or before D, and the date the allocations cleared it."""
    running = func.sum(Allocation.amount).over(partition_by=Allocation.invoice_id,
                                               order_by=(Allocation.date, Allocation.id))
    steps = select(Allocation.invoice_id, Allocation.date, Allocation.amount, running.label("run")).subquery()
    return (select(steps.c.invoice_id,
                   func.sum(case((steps.c.date <= as_of, steps.c.amount), else_=0)).label("paid"),
                   func.min(case((steps.c.run >= Invoice.amount, steps.c.date), else_=None)).label("cleared"))
            .join(Invoice, Invoice.id == steps.c.invoice_id)
            .group_by(steps.c.invoice_id).subquery())


def _live(as_of: dt.date):
    """Invoices that exist as of D: issued by then and not voided by then."""
    return and_(Invoice.issue_date <= as_of,
                or_(Invoice.voided.is_(False), and_(Invoice.voided_on.is_not(None), Invoice.voided_on > as_of)))


def customers_with_open_invoices(s: Session, as_of: dt.date):
    """Subquery of the ids of customers with an invoice open as of D."""
    paid = _paid_by(as_of)
    return (select(Invoice.customer_id).outerjoin(paid, paid.c.invoice_id == Invoice.id)
            .where(_live(as_of), Invoice.amount > func.coalesce(paid.c.paid, 0)).distinct())


def collection_inputs(s: Session, as_of: dt.date, customer_ids: Collection[int] | None = None, *,
                      grace_days: int = 3) -> dict[int, CustomerInputs]:
    """Inputs of the next-step rule per customer id. ``customer_ids`` None = every customer with
    an invoice open as of D (the worklist); otherwise exactly those customers."""
    if customer_ids is None:
        scopes = [customers_with_open_invoices(s, as_of).scalar_subquery()]
    else:
        scopes = list(_chunks(sorted(set(customer_ids))))
    out: dict[int, CustomerInputs] = {}
    for scope in scopes:
        _load(s, as_of, scope, grace_days, out)
    return out


def _load(s: Session, as_of: dt.date, scope, grace_days: int, out: dict[int, CustomerInputs]) -> None:
    # 1. customers (and their own ladder)
    q = (select(Customer, CustomerLadder.ladder_json).outerjoin(CustomerLadder)
         .where(Customer.id.in_(scope)))
    for c, ladder_json in s.execute(q):
        out[c.id] = CustomerInputs(
            c.id, c.code, c.name, c.credit_class, c.currency, c.email,
            None if c.credit_limit is None else from_minor(c.credit_limit, c.currency), c.on_hold,
            json.loads(ladder_json) if ladder_json else None)

    # 2. dispute state as of D, from the events where there are any
    disputes: dict[int, list[tuple[dt.date, str]]] = {}
    q = (select(CollectionEvent.invoice_id, CollectionEvent.date, CollectionEvent.kind)
         .where(CollectionEvent.customer_id.in_(scope), CollectionEvent.kind.in_(DISPUTE_KINDS),
                CollectionEvent.invoice_id.is_not(None))
         .order_by(CollectionEvent.date, CollectionEvent.id))
    for inv_id, date, kind in s.execute(q):
        disputes.setdefault(inv_id, []).append((date, kind))

    # 3. invoices with open amount and settlement date as of D
    paid = _paid_by(as_of)
    q = (select(Invoice.id, Invoice.customer_id, Invoice.number, Invoice.issue_date, Invoice.due_date,
                Invoice.amount, Invoice.currency, Invoice.disputed, func.coalesce(paid.c.paid, 0), paid.c.cleared)
         .outerjoin(paid, paid.c.invoice_id == Invoice.id)
         .where(Invoice.customer_id.in_(scope), _live(as_of))
         .order_by(Invoice.customer_id, Invoice.due_date, Invoice.number))
    for inv_id, cid, number, issued, due, amount, currency, flag, paid_units, cleared in s.execute(q):
        ci = out.get(cid)
        if ci is None:
            continue
        open_units = amount - int(paid_units)
        settled = _as_date(cleared) if cleared is not None and open_units <= 0 else None
        ci.invoices.append(InvoiceState(number, due, from_minor(max(open_units, 0), currency),
                                        disputed=disputed_as_of(disputes.get(inv_id), flag, as_of),
                                        settled_on=settled, issue_date=issued))
        ci.invoice_ids[number] = inv_id

    # 4. step history and the latest credit review
    q = (select(CollectionEvent.customer_id, CollectionEvent.kind, CollectionEvent.step_key, CollectionEvent.date)
         .where(CollectionEvent.customer_id.in_(scope), CollectionEvent.date <= as_of,
                CollectionEvent.kind.in_((*STEP_KINDS, "credit_review")))
         .order_by(CollectionEvent.date, CollectionEvent.id))
    for cid, kind, key, date in s.execute(q):
        ci = out.get(cid)
        if ci is None:
            continue
        if kind == "credit_review":
            ci.last_credit_review = date
        else:
            ci.history.append(StepRecord(key, date, skipped=kind == "step_skipped"))

    # 5. the latest promise made on or before D, with the payments received since
    ranked = (select(PromiseRow.id, func.row_number().over(
        partition_by=PromiseRow.customer_id,
        order_by=(PromiseRow.made_on.desc(), PromiseRow.promised_date.desc(), PromiseRow.id.desc())).label("rn"))
        .where(PromiseRow.customer_id.in_(scope), PromiseRow.made_on <= as_of).subquery())
    deadline = func.min(func.date(PromiseRow.promised_date, f"+{int(grace_days)} days"), as_of.isoformat())
    received = (select(func.coalesce(func.sum(Payment.amount), 0))
                .where(Payment.customer_id == PromiseRow.customer_id, Payment.date >= PromiseRow.made_on,
                       Payment.date <= deadline).correlate(PromiseRow).scalar_subquery())
    q = (select(PromiseRow, received, Customer.currency).join(ranked, ranked.c.id == PromiseRow.id)
         .join(Customer, Customer.id == PromiseRow.customer_id).where(ranked.c.rn == 1))
    for p, units, currency in s.execute(q):
        ci = out.get(p.customer_id)
        if ci is None:
            continue
        ci.promise = Promise(p.made_on, p.promised_date, from_minor(p.amount, currency),
                             paid_since=from_minor(int(units), currency), ref=p.id)
        ci.promise_status = p.status

    # 6. the hold active on D (the latest set, when several overlap)
    q = (select(HoldRow).where(HoldRow.customer_id.in_(scope), HoldRow.set_on <= as_of,
                               or_(HoldRow.released_on.is_(None), HoldRow.released_on > as_of))
         .order_by(HoldRow.set_on, HoldRow.id))
    for h in s.scalars(q):
        ci = out.get(h.customer_id)
        if ci is not None:
            ci.hold, ci.hold_id = Hold(h.until, h.reason), h.id


def disputed_as_of(events: list[tuple[dt.date, str]] | None, flag: bool, as_of: dt.date) -> bool:
    """Disputed on D: the latest dispute event on or before D decides; before the first event the
    invoice was in the opposite state; without events the invoice's flag (set on entry/import)."""
    if not events:
        return bool(flag)
    before = [k for d, k in events if d <= as_of]
    if before:
        return before[-1] == "dispute"
    return events[0][1] == "dispute_resolved"


def open_units_as_of(s: Session, customer_id: int, as_of: dt.date) -> int:
    """The customer's open balance in minor units as of D (all live invoices, due or not)."""
    paid = _paid_by(as_of)
    q = (select(func.coalesce(func.sum(Invoice.amount - func.coalesce(paid.c.paid, 0)), 0))
         .outerjoin(paid, paid.c.invoice_id == Invoice.id)
         .where(Invoice.customer_id == customer_id, _live(as_of)))
    return int(s.scalar(q) or 0)


def open_units_now(s: Session, customer_id: int) -> int:
    q = select(func.coalesce(func.sum(Invoice.amount - Invoice.paid), 0)).where(
        Invoice.customer_id == customer_id, Invoice.voided.is_(False))
    return int(s.scalar(q) or 0)


# --- writes -----------------------------------------------------------------------------------

def add_event(s: Session, *, customer_id: int, kind: str, date: dt.date, step_key: str = "", outcome: str = "",
              note: str = "", amount: int | None = None, invoice_id: int | None = None,
              promise_id: int | None = None, hold_id: int | None = None) -> int:
    e = CollectionEvent(customer_id=customer_id, kind=kind, date=date, step_key=step_key, outcome=outcome,
                        note=note, amount=amount, invoice_id=invoice_id, promise_id=promise_id, hold_id=hold_id)
    s.add(e)
    s.flush()
    return e.id


def add_promise(s: Session, *, customer_id: int, made_on: dt.date, promised_date: dt.date, amount: int) -> int:
    p = PromiseRow(customer_id=customer_id, made_on=made_on, promised_date=promised_date, amount=amount,
                   status="open")
    s.add(p)
    s.flush()
    return p.id


def get_promise(s: Session, promise_id: int) -> PromiseRow | None:
    return s.get(PromiseRow, promise_id)


def add_hold(s: Session, *, customer_id: int, set_on: dt.date, until: dt.date, reason: str) -> int:
    h = HoldRow(customer_id=customer_id, set_on=set_on, until=until, reason=reason)
    s.add(h)
    s.flush()
    return h.id


def active_holds(s: Session, customer_id: int, on: dt.date) -> list[HoldRow]:
    q = (select(HoldRow).where(HoldRow.customer_id == customer_id, HoldRow.until >= on,
                               or_(HoldRow.released_on.is_(None), HoldRow.released_on > on))
         .order_by(HoldRow.set_on, HoldRow.id))
    return list(s.scalars(q))


def customer_ladder(s: Session, customer_id: int) -> list | None:
    row = s.get(CustomerLadder, customer_id)
    return None if row is None else json.loads(row.ladder_json)


def set_customer_ladder(s: Session, customer_id: int, data: list | None) -> None:
    row = s.get(CustomerLadder, customer_id)
    if data is None:
        if row is not None:
            s.delete(row)
    elif row is None:
        s.add(CustomerLadder(customer_id=customer_id, ladder_json=json.dumps(data)))
    else:
        row.ladder_json = json.dumps(data)


# --- reading the history -----------------------------------------------------------------------

@dataclass(frozen=True)
class EventRow:
    id: int
    date: dt.date
    kind: str
    step_key: str
    outcome: str
    note: str
    amount: Decimal | None
    invoice_number: str | None
    promise_date: dt.date | None
    hold_until: dt.date | None
    created_at: dt.datetime


def events(s: Session, customer_id: int) -> list[EventRow]:
    q = (select(CollectionEvent, Invoice.number, PromiseRow.promised_date, HoldRow.until, Customer.currency)
         .join(Customer, Customer.id == CollectionEvent.customer_id)
         .outerjoin(Invoice, Invoice.id == CollectionEvent.invoice_id)
         .outerjoin(PromiseRow, PromiseRow.id == CollectionEvent.promise_id)
         .outerjoin(HoldRow, HoldRow.id == CollectionEvent.hold_id)
         .where(CollectionEvent.customer_id == customer_id).order_by(CollectionEvent.date, CollectionEvent.id))
    return [EventRow(e.id, e.date, e.kind, e.step_key, e.outcome, e.note,
                     None if e.amount is None else from_minor(e.amount, cur), number, pdate, until, e.created_at)
            for e, number, pdate, until, cur in s.execute(q)]


@dataclass(frozen=True)
class LedgerRow:
    date: dt.date
    kind: str                     # "invoice" | "payment"
    number: str                   # invoice number, or payment reference
    amount: Decimal
    due_date: dt.date | None
    method: str
    voided: bool


def ledger(s: Session, customer_id: int) -> list[LedgerRow]:
    """Invoices issued and payments received by the customer, oldest first."""
    rows = [LedgerRow(i.issue_date, "invoice", i.number, from_minor(i.amount, i.currency), i.due_date, "",
                      i.voided)
            for i in s.scalars(select(Invoice).where(Invoice.customer_id == customer_id))]
    rows += [LedgerRow(p.date, "payment", p.reference, from_minor(p.amount, p.currency), None, p.method, False)
             for p in s.scalars(select(Payment).where(Payment.customer_id == customer_id))]
    rows.sort(key=lambda r: (r.date, r.kind != "invoice"))
    return rows


def _as_date(v) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))
