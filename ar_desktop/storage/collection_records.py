"""The rows of collection work, one customer (or one plan) at a time: collection events, promises to
pay, holds, payment plans with the invoices they cover and their instalments, and a customer's own
ladder; and the promises recorded as kept that a reversal took back (``kept_promises_no_longer_kept``: rows
the worklist then rewrites). What the next-step rule reads for many customers at once, in plain SQL:
storage.collections_repo."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection

from sqlalchemy import exists, func, or_, select, union
from sqlalchemy.orm import Session, aliased

from ar_desktop.domain.payment_kinds import CORRECTIONS, RECOVERY
from ar_desktop.storage.as_of_sql import id_set, paid_units
from ar_desktop.storage.day_columns import day_of_iso
from ar_desktop.storage.days import as_date, day
from ar_desktop.storage.orm import Allocation, Invoice, Payment
from ar_desktop.storage.orm_collections import (CollectionEvent, CustomerLadder, HoldRow, PaymentPlanInstalment,
                                                PaymentPlanInvoice, PaymentPlanRow, PromiseRow)


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


def customers_with_open_commitments(s: Session) -> list[int]:
    """The customers with a promise or a payment plan whose outcome is not recorded yet (status open)."""
    return list(s.scalars(union(select(PromiseRow.customer_id).where(PromiseRow.status == "open"),
                                select(PaymentPlanRow.customer_id).where(PaymentPlanRow.status == "open"))))


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


def add_payment_plan(s: Session, *, customer_id: int, starts_on: dt.date, ends_on: dt.date, note: str,
                     invoice_ids: Collection[int], instalments: list[tuple[dt.date, int]]) -> int:
    """A new open plan covering ``invoice_ids``, with ``instalments`` (due date, minor units)."""
    p = PaymentPlanRow(customer_id=customer_id, starts_on=starts_on, ends_on=ends_on, note=note, status="open")
    s.add(p)
    s.flush()
    s.add_all(PaymentPlanInvoice(plan_id=p.id, invoice_id=i) for i in sorted(set(invoice_ids)))
    s.add_all(PaymentPlanInstalment(plan_id=p.id, due_on=d, amount=units) for d, units in instalments)
    s.flush()
    return p.id


def get_payment_plan(s: Session, plan_id: int) -> PaymentPlanRow | None:
    return s.get(PaymentPlanRow, plan_id)


def payment_plans_of(s: Session, customer_id: int) -> list[PaymentPlanRow]:
    return list(s.scalars(select(PaymentPlanRow).where(PaymentPlanRow.customer_id == customer_id)
                          .order_by(PaymentPlanRow.starts_on, PaymentPlanRow.id)))


def plan_invoice_numbers(s: Session, plan_id: int) -> list[str]:
    return list(s.scalars(select(Invoice.number).join(PaymentPlanInvoice, PaymentPlanInvoice.invoice_id == Invoice.id)
                          .where(PaymentPlanInvoice.plan_id == plan_id).order_by(Invoice.number)))


def plan_schedule(s: Session, plan_id: int) -> list[tuple[dt.date, int]]:
    """The instalments of a plan: (due date, minor units), earliest first."""
    return [(d, units) for d, units in s.execute(
        select(PaymentPlanInstalment.due_on, PaymentPlanInstalment.amount)
        .where(PaymentPlanInstalment.plan_id == plan_id).order_by(PaymentPlanInstalment.due_on))]


def plan_paid_since(s: Session, plan_id: int, as_of: dt.date) -> int:
    """Minor units allocated to the plan's invoices from its start to D."""
    q = (select(func.coalesce(func.sum(Allocation.amount), 0))
         .join(PaymentPlanInvoice, PaymentPlanInvoice.invoice_id == Allocation.invoice_id)
         .join(PaymentPlanRow, PaymentPlanRow.id == PaymentPlanInvoice.plan_id)
         .where(PaymentPlanRow.id == plan_id, Allocation.date >= day_of_iso(PaymentPlanRow.starts_on), Allocation.date <= as_of))
    return int(s.scalar(q) or 0)


def invoices_in_open_plans(s: Session, invoice_ids: Collection[int], on: dt.date) -> dict[int, int]:
    """invoice id -> plan id, for the given invoices covered by an open plan still running on ``on``."""
    q = (select(PaymentPlanInvoice.invoice_id, PaymentPlanInvoice.plan_id)
         .join(PaymentPlanRow, PaymentPlanRow.id == PaymentPlanInvoice.plan_id)
         .where(PaymentPlanInvoice.invoice_id.in_(id_set(invoice_ids)), PaymentPlanRow.status == "open",
                PaymentPlanRow.ends_on >= on))
    return dict(s.execute(q).all())


def open_units_before(s: Session, invoice_ids: Collection[int], day: dt.date) -> dict[int, int]:
    """invoice id -> minor units still open at the start of ``day`` (allocations dated before it)."""
    paid = (select(func.coalesce(func.sum(Allocation.amount), 0))
            .where(Allocation.invoice_id == Invoice.id, Allocation.date < day).correlate(Invoice).scalar_subquery())
    return {i: int(u) for i, u in s.execute(select(Invoice.id, Invoice.amount - paid)
                                            .where(Invoice.id.in_(id_set(invoice_ids))))}


def open_invoices_of(s: Session, customer_id: int) -> list[tuple[str, dt.date, int, bool]]:
    """(number, due date, open minor units, disputed) of the customer's open invoices, by due date."""
    q = (select(Invoice.number, Invoice.due_date, Invoice.amount - Invoice.paid, Invoice.disputed)
         .where(Invoice.customer_id == customer_id, Invoice.voided.is_(False), Invoice.paid < Invoice.amount)
         .order_by(Invoice.due_date, Invoice.number))
    return [(n, due, int(u), bool(disp)) for n, due, u, disp in s.execute(q)]


def open_plans_paid_in_full(s: Session, as_of: dt.date, customer_id: int) -> list[PaymentPlanRow]:
    """The customer's open plans started on or before D whose covered invoices are all paid as of D."""
    unpaid = (select(PaymentPlanInvoice.invoice_id).join(Invoice, Invoice.id == PaymentPlanInvoice.invoice_id)
              .where(PaymentPlanInvoice.plan_id == PaymentPlanRow.id, Invoice.amount > paid_units(as_of))
              .correlate(PaymentPlanRow))
    return list(s.scalars(select(PaymentPlanRow).where(PaymentPlanRow.customer_id == customer_id,
                                                       PaymentPlanRow.status == "open",
                                                       PaymentPlanRow.starts_on <= as_of, ~exists(unpaid))))


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


# Entries that are no money from the customer (write-offs, credit notes, discounts, the credit a voided invoice
# left): they keep no promise to pay. A recovery of a written-off debt is money received.
NOT_MONEY = tuple(sorted(CORRECTIONS - {RECOVERY.key}))


def _promise_window(grace_days: int, as_of: dt.date):
    """Correlated to PromiseRow: entries of money received from the day the promise was made up to
    min(D, promised date + grace) and not reversed by D (a payment reversed, e.g. a bounced cheque,
    kept no promise; the reversing entry itself is no money either)."""
    deadline = func.min(day_of_iso(PromiseRow.promised_date, grace_days), day(as_of))
    reversal = aliased(Payment)
    return (Payment.customer_id == PromiseRow.customer_id, Payment.date >= day_of_iso(PromiseRow.made_on),
            Payment.date <= deadline, Payment.method.not_in(NOT_MONEY), Payment.reverses_id.is_(None),
            ~exists(select(reversal.id).where(reversal.reverses_id == Payment.id, reversal.date <= as_of)))


def _received(grace_days: int, as_of: dt.date):
    return (select(func.coalesce(func.sum(Payment.amount), 0)).where(*_promise_window(grace_days, as_of))
            .correlate(PromiseRow).scalar_subquery())


def kept_promises_no_longer_kept(s: Session, today: dt.date, grace_days: int,
                                 customer_ids: Collection[int] | None = None) -> list[tuple[PromiseRow, int, dt.date]]:
    """Promises recorded as kept whose money, counted today, falls short of the amount (a payment that
    kept one was reversed since): each with the money still received in its window and the day of the
    latest reversal that took money out of it."""
    reversal, reversed_payment = aliased(Payment), aliased(Payment)
    deadline = day_of_iso(PromiseRow.promised_date, grace_days)
    taken_back_on = (select(func.max(reversal.date))
                     .join(reversed_payment, reversed_payment.id == reversal.reverses_id)
                     .where(reversed_payment.customer_id == PromiseRow.customer_id,
                            reversed_payment.date >= day_of_iso(PromiseRow.made_on), reversed_payment.date <= deadline,
                            reversal.date <= today)
                     .correlate(PromiseRow).scalar_subquery())
    received = _received(grace_days, today)
    q = select(PromiseRow, received, taken_back_on).where(PromiseRow.status == "kept", received < PromiseRow.amount,
                                                         taken_back_on.is_not(None))
    if customer_ids is not None:
        q = q.where(PromiseRow.customer_id.in_(list(customer_ids)))
    return [(p, int(units), as_date(on)) for p, units, on in s.execute(q.order_by(PromiseRow.id))]
