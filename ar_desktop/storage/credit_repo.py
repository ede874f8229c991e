"""Credit risk: policies, insured limits, insurer events, acknowledgements, credit checks and
balance confirmations, and the set-based reads their reports need (a handful of queries for
every customer at once, never one query per customer)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ar_desktop.domain.insurance import InsuredLimit, InsurerEvent, Policy
from ar_desktop.domain.money import from_minor, to_minor
from ar_desktop.domain.credit import PaymentBehaviour
from ar_desktop.storage.days import as_date
from ar_desktop.storage import collections_repo, open_set
from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment
from ar_desktop.storage.orm_collections import CollectionEvent
from ar_desktop.storage.orm_credit import (Acknowledgement, BalanceConfirmation, CreditCheckRow, InsurancePolicy,
                                           InsuredLimitRow, InsurerEventRow)
from ar_desktop.storage.orm_letters import Letter, LetterItem

# Payment methods that are corrections, not money the customer paid.
NOT_PAID_BY_CUSTOMER = ("write-off", "credit note", "void reversal", "discount", "recovery")


def _date(v) -> dt.date | None:
    return None if v is None else as_date(v)


# --- policies -------------------------------------------------------------------------------------

def add_policy(s: Session, p: Policy, currency: str) -> int:
    row = InsurancePolicy(insurer=p.insurer.strip(), number=p.number.strip(), indemnity_percent=str(p.indemnity_percent),
                          max_extension_days=p.max_extension_days, notify_within_days=p.notify_within_days,
                          transfer_within_days=p.transfer_within_days, max_credit_days=p.max_credit_days,
                          discretionary_limit=None if p.discretionary_limit is None
                          else to_minor(p.discretionary_limit, currency))
    s.add(row)
    s.flush()
    return row.id


def update_policy(s: Session, policy_id: int, p: Policy, currency: str) -> None:
    row = s.get(InsurancePolicy, policy_id)
    row.insurer, row.number, row.indemnity_percent = p.insurer.strip(), p.number.strip(), str(p.indemnity_percent)
    row.max_extension_days, row.notify_within_days = p.max_extension_days, p.notify_within_days
    row.transfer_within_days, row.max_credit_days = p.transfer_within_days, p.max_credit_days
    row.discretionary_limit = None if p.discretionary_limit is None else to_minor(p.discretionary_limit, currency)


def _policy(row: InsurancePolicy, currency: str) -> Policy:
    return Policy(row.insurer, row.number, Decimal(row.indemnity_percent), row.max_extension_days,
                  row.notify_within_days, row.transfer_within_days, row.max_credit_days,
                  None if row.discretionary_limit is None else from_minor(row.discretionary_limit, currency))


def policies(s: Session, currency: str) -> dict[int, Policy]:
    return {r.id: _policy(r, currency) for r in s.scalars(select(InsurancePolicy).order_by(InsurancePolicy.id))}


def policy_id_by_number(s: Session, number: str) -> int | None:
    return s.scalar(select(InsurancePolicy.id).where(InsurancePolicy.number == number))


# --- insured limits and insurer events --------------------------------------------------------------

def add_limit(s: Session, *, customer_id: int, policy_id: int, amount: int, valid_from: dt.date,
              valid_until: dt.date | None, reference: str) -> int:
    row = InsuredLimitRow(customer_id=customer_id, policy_id=policy_id, amount=amount, valid_from=valid_from,
                          valid_until=valid_until, reference=reference)
    s.add(row)
    s.flush()
    return row.id


@dataclass(frozen=True)
class LimitRecord:
    id: int
    customer_id: int
    policy_id: int
    decision: InsuredLimit


def limits(s: Session, customer_ids: Collection[int] | None = None) -> dict[int, list[LimitRecord]]:
    """customer id -> every insured-limit decision, oldest first."""
    q = select(InsuredLimitRow, Customer.currency).join(Customer, Customer.id == InsuredLimitRow.customer_id)
    if customer_ids is not None:
        q = q.where(InsuredLimitRow.customer_id.in_(list(customer_ids)))
    out: dict[int, list[LimitRecord]] = defaultdict(list)
    for r, currency in s.execute(q.order_by(InsuredLimitRow.valid_from, InsuredLimitRow.id)):
        out[r.customer_id].append(LimitRecord(r.id, r.customer_id, r.policy_id, InsuredLimit(
            from_minor(r.amount, currency), _date(r.valid_from), _date(r.valid_until), r.reference, r.id)))
    return out


def add_insurer_event(s: Session, *, customer_id: int, policy_id: int | None, kind: str, date: dt.date,
                      amount: int | None, note: str) -> int:
    row = InsurerEventRow(customer_id=customer_id, policy_id=policy_id, kind=kind, date=date, amount=amount,
                          note=note)
    s.add(row)
    s.flush()
    return row.id


def insurer_events(s: Session, customer_ids: Collection[int] | None = None) -> dict[int, list[tuple[int, InsurerEvent, str]]]:
    """customer id -> (id, event, note), oldest first."""
    q = select(InsurerEventRow, Customer.currency).join(Customer, Customer.id == InsurerEventRow.customer_id)
    if customer_ids is not None:
        q = q.where(InsurerEventRow.customer_id.in_(list(customer_ids)))
    out: dict[int, list] = defaultdict(list)
    for r, currency in s.execute(q.order_by(InsurerEventRow.date, InsurerEventRow.id)):
        amount = None if r.amount is None else from_minor(r.amount, currency)
        out[r.customer_id].append((r.id, InsurerEvent(r.kind, _date(r.date), amount), r.note))
    return out


# --- open items as of a date --------------------------------------------------------------------------

@dataclass(frozen=True)
class OpenItem:
    invoice_id: int
    customer_id: int
    number: str
    issue_date: dt.date
    due_date: dt.date
    open_units: int


def open_items(s: Session, as_of: dt.date, customer_ids: Collection[int] | None = None) -> list[OpenItem]:
    """Every invoice open as of D (issued by D, not voided by D, not fully paid by D: storage.open_set)."""
    q = open_set.open_rows(as_of, Invoice.id, Invoice.customer_id, Invoice.number, Invoice.issue_date,
                           Invoice.due_date, (Invoice.amount - open_set.paid_on(as_of)).label("open"),
                           where=None if customer_ids is None else Invoice.customer_id.in_(list(customer_ids)))
    # units 0: cleared by D and reopened later by a reversal (storage.open_set)
    return [OpenItem(i, c, n, _date(iss), _date(due), int(units)) for i, c, n, iss, due, units in s.execute(q)
            if units > 0]


@dataclass(frozen=True)
class CustomerInfo:
    id: int
    code: str
    name: str
    currency: str
    credit_class: str
    credit_limit: Decimal | None
    terms_days: int
    limitation: str
    country: str


def customer_infos(s: Session, customer_ids: Collection[int] | None = None) -> dict[int, CustomerInfo]:
    q = select(Customer.id, Customer.code, Customer.name, Customer.currency, Customer.credit_class,
               Customer.credit_limit, Customer.terms_days, Customer.limitation, Customer.country)
    if customer_ids is not None:
        q = q.where(Customer.id.in_(list(customer_ids)))
    return {r[0]: CustomerInfo(r[0], r[1], r[2], r[3], r[4], None if r[5] is None else from_minor(r[5], r[3]),
                               r[6], r[7] or "", r[8] or "") for r in s.execute(q)}


# --- limitation events ------------------------------------------------------------------------------

def part_payments(s: Session, invoice_ids: Collection[int], as_of: dt.date) -> dict[int, list[dt.date]]:
    """invoice id -> dates of money the customer paid on it (not corrections), up to D."""
    out: dict[int, list[dt.date]] = defaultdict(list)
    ids = sorted(invoice_ids)
    for i in range(0, len(ids), 900):
        q = (select(Allocation.invoice_id, Allocation.date).join(Payment, Payment.id == Allocation.payment_id)
             .where(Allocation.invoice_id.in_(ids[i:i + 900]), Allocation.date <= as_of,
                    Payment.method.not_in(NOT_PAID_BY_CUSTOMER)))
        for iid, day in s.execute(q):
            out[iid].append(_date(day))
    return out


def add_acknowledgement(s: Session, *, invoice_id: int, date: dt.date, kind: str, note: str,
                        confirmation_id: int | None = None) -> int:
    row = Acknowledgement(invoice_id=invoice_id, date=date, kind=kind, note=note, confirmation_id=confirmation_id)
    s.add(row)
    s.flush()
    return row.id


def acknowledgements(s: Session, invoice_ids: Collection[int]) -> dict[int, list[tuple[dt.date, str]]]:
    """invoice id -> (date, kind) of its acknowledgements."""
    out: dict[int, list] = defaultdict(list)
    ids = sorted(invoice_ids)
    for i in range(0, len(ids), 900):
        q = select(Acknowledgement.invoice_id, Acknowledgement.date, Acknowledgement.kind).where(
            Acknowledgement.invoice_id.in_(ids[i:i + 900]))
        for iid, day, kind in s.execute(q):
            out[iid].append((_date(day), kind))
    return out


def acknowledgements_of_customer(s: Session, customer_id: int) -> list[tuple[int, dt.date, str, str, str]]:
    """(id, date, kind, invoice number, note) of a customer's acknowledgements, oldest first."""
    q = (select(Acknowledgement.id, Acknowledgement.date, Acknowledgement.kind, Invoice.number, Acknowledgement.note)
         .join(Invoice, Invoice.id == Acknowledgement.invoice_id).where(Invoice.customer_id == customer_id)
         .order_by(Acknowledgement.date, Acknowledgement.id))
    return [(i, _date(d), k, n, note) for i, d, k, n, note in s.execute(q)]


def letters_claiming(s: Session, invoice_ids: Collection[int]) -> dict[int, list[int]]:
    """invoice id -> ids of the letters that claimed it."""
    out: dict[int, list[int]] = defaultdict(list)
    ids = sorted(invoice_ids)
    for i in range(0, len(ids), 900):
        q = (select(LetterItem.invoice_id, LetterItem.letter_id).join(Letter, Letter.id == LetterItem.letter_id)
             .where(LetterItem.invoice_id.in_(ids[i:i + 900])))
        for iid, lid in s.execute(q):
            out[iid].append(lid)
    return out


# --- credit checks ---------------------------------------------------------------------------------------

def add_credit_check(s: Session, *, customer_id: int, date: dt.date, sources: str, findings: str, decision: str,
                     limit_granted: int | None, next_review: dt.date | None) -> int:
    row = CreditCheckRow(customer_id=customer_id, date=date, sources=sources, findings=findings, decision=decision,
                         limit_granted=limit_granted, next_review=next_review)
    s.add(row)
    s.flush()
    return row.id


def credit_checks(s: Session, customer_id: int) -> list[CreditCheckRow]:
    return list(s.scalars(select(CreditCheckRow).where(CreditCheckRow.customer_id == customer_id)
                          .order_by(CreditCheckRow.date, CreditCheckRow.id)))


def latest_checks(s: Session, customer_ids: Collection[int] | None = None) -> dict[int, CreditCheckRow]:
    """customer id -> its latest credit check."""
    latest = (select(CreditCheckRow.customer_id, func.max(CreditCheckRow.id).label("id"))
              .group_by(CreditCheckRow.customer_id).subquery())
    q = select(CreditCheckRow).join(latest, latest.c.id == CreditCheckRow.id)
    if customer_ids is not None:
        q = q.where(CreditCheckRow.customer_id.in_(list(customer_ids)))
    return {r.customer_id: r for r in s.scalars(q)}


# --- sales and history -----------------------------------------------------------------------------------

def sales_between(s: Session, start: dt.date, end: dt.date, customer_ids: Collection[int] | None = None
                  ) -> dict[int, int]:
    """customer id -> units invoiced in (start, end] (void invoices left out)."""
    q = (select(Invoice.customer_id, func.sum(Invoice.amount))
         .where(Invoice.issue_date > start, Invoice.issue_date <= end, Invoice.voided.is_(False))
         .group_by(Invoice.customer_id))
    if customer_ids is not None:
        q = q.where(Invoice.customer_id.in_(list(customer_ids)))
    return {cid: int(units) for cid, units in s.execute(q)}


def behaviours(s: Session, as_of: dt.date, customer_ids: Collection[int]) -> dict[int, PaymentBehaviour | None]:
    """customer id -> payment behaviour over the invoices paid in the 12 months before D."""
    return collections_repo.behaviours(s, as_of, customer_ids)


def first_invoices(s: Session, customer_ids: Collection[int] | None = None) -> dict[int, dt.date]:
    q = select(Invoice.customer_id, func.min(Invoice.issue_date)).group_by(Invoice.customer_id)
    if customer_ids is not None:
        q = q.where(Invoice.customer_id.in_(list(customer_ids)))
    return {cid: _date(d) for cid, d in s.execute(q)}


def steps_taken(s: Session, customer_ids: Collection[int]) -> dict[int, dict[str, dt.date]]:
    """customer id -> step key -> the latest day it was done or skipped."""
    q = (select(CollectionEvent.customer_id, CollectionEvent.step_key, func.max(CollectionEvent.date))
         .where(CollectionEvent.kind.in_(("step_done", "step_skipped")),
                CollectionEvent.customer_id.in_(list(customer_ids)))
         .group_by(CollectionEvent.customer_id, CollectionEvent.step_key))
    out: dict[int, dict[str, dt.date]] = defaultdict(dict)
    for cid, key, day in s.execute(q):
        out[cid][key] = _date(day)
    return out


# --- balance confirmations -----------------------------------------------------------------------------

def add_confirmation(s: Session, *, customer_id: int, as_of: dt.date, amount: int, currency: str,
                     return_by: dt.date) -> int:
    row = BalanceConfirmation(customer_id=customer_id, as_of=as_of, amount=amount, currency=currency,
                              return_by=return_by)
    s.add(row)
    s.flush()
    return row.id


def get_confirmation(s: Session, confirmation_id: int) -> BalanceConfirmation | None:
    return s.get(BalanceConfirmation, confirmation_id)


def confirmations(s: Session, customer_id: int) -> list[BalanceConfirmation]:
    return list(s.scalars(select(BalanceConfirmation).where(BalanceConfirmation.customer_id == customer_id)
                          .order_by(BalanceConfirmation.as_of, BalanceConfirmation.id)))
