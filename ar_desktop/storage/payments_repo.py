"""Payments and their allocations; every allocation keeps the invoice's paid total and last payment
date in step (the derived columns of storage.open_set; bulk_repo is the only other writer).

The list of every money entry (the Payments tab, ``payments`` on the command line) filters and
sorts in SQL (storage.payment_list); the amount applied per entry is summed only for the rows shown,
and over the whole table only when the list is sorted or filtered by it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from ar_desktop.domain.allocation import Allocation as PlannedAllocation
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import ZERO, from_minor, to_minor
from ar_desktop.domain.payment_kinds import (DISCOUNT, METHOD_KINDS, PAYMENT, RECOVERY, kind_of,
                                             recovery_reference)
from ar_desktop.domain.payments import EntryState
from ar_desktop.domain.text import Text, translate
from ar_desktop.storage.customers_repo import _as_date
from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment
from ar_desktop.storage.payment_list import PaymentList


@dataclass(frozen=True)
class PaymentRow:
    id: int
    date: dt.date
    customer_code: str
    customer_name: str
    amount: Decimal
    applied: Decimal
    currency: str
    method: str
    reference: str
    kind: str = PAYMENT.key  # domain/payment_kinds.py
    customer_id: int = 0
    reverses_id: int | None = None
    reversed_by: int | None = None
    note: str = ""

    @property
    def unapplied(self) -> Decimal:
        """Customer credit: what is not applied (a recovery, and its reversal, is income: none)."""
        return ZERO if self.method == RECOVERY.key else self.amount - self.applied


@dataclass(frozen=True)
class PaymentFilter:
    customer_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kind: str = "all"        # all | a key of payment_kinds.KINDS
    only_unapplied: bool = False
    search: str = ""         # reference, method, reason, customer code or name, or the entry number


@dataclass(frozen=True)
class SplitLine:
    """An invoice of the customer as the split dialog shows it."""

    invoice_id: int
    number: str
    issue_date: dt.date
    due_date: dt.date
    amount: Decimal
    open_amount: Decimal  # open now, this entry's part included
    applied: Decimal      # what this entry applies to it now (net)


# -- writing --------------------------------------------------------------------------------------

def add(s: Session, *, customer_id: int, date: dt.date, amount: Decimal, currency: str, method: str,
        reference: str, allocations: Iterable[PlannedAllocation], reverses_id: int | None = None,
        note: str = "", earned_by_id: int | None = None) -> int:
    """A new entry; its kind is its method (a correction) or ``reverses_id`` (a reversal).
    ``earned_by_id``: of a discount, the payment that earned it."""
    p = Payment(customer_id=customer_id, date=date, amount=to_minor(amount, currency), currency=currency,
                method=method, reference=reference, reverses_id=reverses_id, note=note, earned_by_id=earned_by_id)
    s.add(p)
    s.flush()
    allocate(s, p, date, allocations)
    return p.id


def allocate(s: Session, payment: Payment, date: dt.date, allocations: Iterable[PlannedAllocation]) -> None:
    """Apply (or, with a negative amount, take back) part of ``payment`` to invoices on ``date``."""
    for a in allocations:
        inv = s.get(Invoice, a.invoice_id)
        units = to_minor(a.amount, inv.currency)
        if units == 0:
            continue
        if inv.customer_id != payment.customer_id or (units > 0 and inv.voided) or inv.paid + units > inv.amount:
            raise UserError(Text(translate("Messages", "Invoice {number} cannot take {amount}: it is voided, "
                                                       "belongs to another customer or would be overpaid."),
                                 number=inv.number, amount=a.amount))
        if inv.paid + units < 0:
            raise UserError(Text(translate("Messages", "Invoice {number} has only {paid} paid; {value} cannot be "
                                                       "taken back from it."),
                                 number=inv.number, paid=from_minor(inv.paid, inv.currency), value=-a.amount))
        if date < inv.issue_date:
            raise UserError(Text(translate("Messages", "Invoice {number} was issued on {issue_date}; a payment "
                                                       "dated {date} cannot be applied to it."),
                                 number=inv.number, issue_date=inv.issue_date.isoformat(), date=date.isoformat()))
        if units < 0:
            _check_take_back(s, payment, inv, date, units)
        elif inv.last_paid_on is not None and date < inv.last_paid_on:
            _check_backdated(s, inv, date, units)
        s.add(Allocation(payment_id=payment.id, invoice_id=inv.id, date=date, amount=units))
        # the derived columns of the invoice (storage.open_set), kept in step here and in bulk_repo only
        inv.paid += units
        inv.last_paid_on = date if inv.last_paid_on is None else max(inv.last_paid_on, date)
        inv.first_paid_on = date if inv.first_paid_on is None else min(inv.first_paid_on, date)


def _check_take_back(s: Session, payment: Payment, inv: Invoice, date: dt.date, units: int) -> None:
    """A negative allocation takes back at most what this entry (for a reversal: the entry it
    reverses) had applied to the invoice by ``date``, never money another payment brought."""
    source = payment.reverses_id or payment.id
    had = s.scalar(select(func.coalesce(func.sum(Allocation.amount), 0)).where(
        Allocation.invoice_id == inv.id, Allocation.date <= date,
        or_(Allocation.payment_id == source, Allocation.payment_id == payment.id))) or 0
    if had + units < 0:
        raise UserError(Text(translate("Messages", "Invoice {number}: this entry had applied {had} to it by {date}; "
                                                   "{amount} cannot be taken back."),
                             number=inv.number, had=from_minor(had, inv.currency), date=date.isoformat(),
                             amount=from_minor(-units, inv.currency)))


def _check_backdated(s: Session, inv: Invoice, date: dt.date, units: int) -> None:
    """An amount applied before the invoice's latest allocation must not overpay it on any later
    day: paid by each day stays within the amount, so an invoice cleared, reopened by a reversal
    and cleared again was cleared by its last allocation (orm.derived)."""
    before = s.scalar(select(func.coalesce(func.sum(Allocation.amount), 0))
                      .where(Allocation.invoice_id == inv.id, Allocation.date < date)) or 0
    days = [(date, before)]
    for day, delta in s.execute(select(Allocation.date, func.sum(Allocation.amount))
                                .where(Allocation.invoice_id == inv.id, Allocation.date >= date)
                                .group_by(Allocation.date).order_by(Allocation.date)):
        days.append((_as_date(day), days[-1][1] + int(delta)))
    for day, running in days:
        if running + units > inv.amount:
            raise UserError(Text(translate("Messages", "Invoice {number} would be overpaid on {day}: {amount} "
                                                       "applied on {date} comes before entries that already pay it "
                                                       "then. Date it on or after {last}."),
                                 number=inv.number, day=day.isoformat(),
                                 amount=from_minor(units, inv.currency), date=date.isoformat(),
                                 last=inv.last_paid_on.isoformat()))


def booked_with(s: Session, payment: Payment) -> list[int]:
    """Entries booked together with a payment and standing or falling with it: the early-payment
    discounts it earned (linked to it: ``earned_by_id``), the recovery split from what it left over
    (same customer and day); not reversed yet. A discount imported without its link (a file's own
    discount rows) falls with a payment of the same customer and day applied to its invoice."""
    if payment.reverses_id is not None or payment.method in METHOD_KINDS:
        return []
    paid = select(Allocation.invoice_id).where(Allocation.payment_id == payment.id)
    unlinked = select(Allocation.payment_id).where(Allocation.invoice_id.in_(paid))
    reversal = aliased(Payment)
    q = (select(Payment.id).where(
        Payment.customer_id == payment.customer_id, Payment.id != payment.id,
        Payment.reverses_id.is_(None), ~exists(select(reversal.id).where(reversal.reverses_id == Payment.id)),
        or_(Payment.earned_by_id == payment.id,
            and_(Payment.date == payment.date, Payment.method == DISCOUNT.key, Payment.earned_by_id.is_(None),
                 Payment.id.in_(unlinked)),
            and_(Payment.date == payment.date, Payment.method == RECOVERY.key,
                 Payment.reference == recovery_reference(payment.reference))))
         .order_by(Payment.id))
    return list(s.scalars(q))


def discounts_earned_by(s: Session, payment_id: int) -> list[tuple[int, int, int]]:
    """The discounts a payment earned and that stand (not reversed): (entry id, invoice id, units)."""
    reversal = aliased(Payment)
    q = (select(Payment.id, Allocation.invoice_id, func.sum(Allocation.amount))
         .join(Allocation, Allocation.payment_id == Payment.id)
         .where(Payment.earned_by_id == payment_id, Payment.reverses_id.is_(None),
                ~exists(select(reversal.id).where(reversal.reverses_id == Payment.id)))
         .group_by(Payment.id, Allocation.invoice_id).order_by(Payment.id))
    return [(pid, iid, int(units)) for pid, iid, units in s.execute(q)]


def peak_paid(s: Session, invoice_id: int) -> tuple[int, bool]:
    """(the most paid on the invoice by any day, whether anything was ever applied to it): after a
    reversal it may be more than what is paid now, and reports of those days still show it."""
    running = peak = 0
    found = False
    for (delta,) in s.execute(select(func.sum(Allocation.amount)).where(Allocation.invoice_id == invoice_id)
                              .group_by(Allocation.date).order_by(Allocation.date)):
        found = True
        running += int(delta)
        peak = max(peak, running)
    return peak, found


def get(s: Session, payment_id: int) -> Payment:
    p = s.get(Payment, payment_id)
    if p is None:
        raise UserError(Text(translate("Messages", "There is no payment {id}. Check the number in the Payments "
                                                   "list."), id=payment_id))
    return p


def _reversal_of(payment_id_col):
    r = aliased(Payment)
    return select(r.id).where(r.reverses_id == payment_id_col).correlate_except(r).scalar_subquery()


def entry_state(s: Session, payment_id: int) -> EntryState:
    p = get(s, payment_id)
    applied: dict[int, Decimal] = {}
    last = None
    for inv, units, latest in s.execute(select(Allocation.invoice_id, func.sum(Allocation.amount),
                                               func.max(Allocation.date))
                                        .where(Allocation.payment_id == p.id).group_by(Allocation.invoice_id)):
        applied[inv] = from_minor(int(units), p.currency)
        latest = _as_date(latest)
        last = latest if last is None or latest > last else last
    reversed_by = s.scalar(select(Payment.id).where(Payment.reverses_id == p.id))
    return EntryState(p.id, kind_of(p.method, p.reverses_id), p.date, from_minor(p.amount, p.currency), applied, last,
                      reversed_by)


def unapplied_payments(s: Session, customer_id: int) -> list[tuple[Payment, int]]:
    """Entries of a customer with money not yet applied, oldest first, with the unapplied units
    (an entry that was reversed has nothing left to apply)."""
    applied = (select(Allocation.payment_id, func.sum(Allocation.amount).label("a"))
               .group_by(Allocation.payment_id).subquery())
    reversal = aliased(Payment)
    q = (select(Payment, Payment.amount - func.coalesce(applied.c.a, 0))
         .outerjoin(applied, applied.c.payment_id == Payment.id)
         .where(Payment.customer_id == customer_id, Payment.amount > func.coalesce(applied.c.a, 0),
                # a recovery (money received after a debt was written off) is income, never customer credit
                Payment.method != RECOVERY.key,
                ~exists(select(reversal.id).where(reversal.reverses_id == Payment.id)))
         .order_by(Payment.date, Payment.id))
    return [(p, int(rest)) for p, rest in s.execute(q)]


# -- the list -------------------------------------------------------------------------------------

def _applied_units():
    """Correlated: the units an entry applies now (one index seek on allocation.payment_id)."""
    return (select(func.coalesce(func.sum(Allocation.amount), 0)).where(Allocation.payment_id == Payment.id)
            .correlate(Payment).scalar_subquery())


@dataclass(frozen=True)
class PaymentTotals:
    currency: str
    count: int
    amount: Decimal      # net of reversals
    unapplied: Decimal


def list_query(f: PaymentFilter, *, sort: str = "date", descending: bool = True) -> PaymentList:
    return PaymentList.of(f, sort, descending)


def list_ids(s: Session, f: PaymentFilter, *, sort: str = "date", descending: bool = True) -> Sequence[int]:
    """Every id the filter keeps, in order (an ``array('q')``, read through the DB-API cursor)."""
    return list_query(f, sort=sort, descending=descending).all_ids(s)


def totals(s: Session, f: PaymentFilter) -> list[PaymentTotals]:
    """Per currency: how many entries the filter keeps, their net amount and what is not applied.
    Two aggregates (entries, then their allocations) instead of a per-row subquery."""
    return [PaymentTotals(cur, n, from_minor(units, cur), from_minor(credit - applied, cur))
            for cur, n, units, credit, applied in list_query(f).totals(s)]


def rows(s: Session, ids: Sequence[int]) -> list[PaymentRow]:
    if not ids:
        return []
    out: dict[int, PaymentRow] = {}
    for chunk in range(0, len(ids), 900):
        part = list(ids[chunk:chunk + 900])
        q = (select(Payment, Customer.code, Customer.name, _applied_units(), _reversal_of(Payment.id))
             .join(Customer, Customer.id == Payment.customer_id).where(Payment.id.in_(part)))
        for p, code, name, applied, reversed_by in s.execute(q):
            out[p.id] = _row(p, code, name, int(applied), reversed_by)
    return [out[i] for i in ids if i in out]


def _row(p: Payment, code: str, name: str, applied: int, reversed_by: int | None) -> PaymentRow:
    return PaymentRow(p.id, p.date, code, name, from_minor(p.amount, p.currency), from_minor(applied, p.currency),
                      p.currency, p.method, p.reference, kind_of(p.method, p.reverses_id).key, p.customer_id,
                      p.reverses_id, reversed_by, p.note)


def list_for_customer(s: Session, customer_id: int | None = None) -> list[PaymentRow]:
    """Every entry (of one customer, or all), newest first."""
    return rows(s, list_ids(s, PaymentFilter(customer_id=customer_id)))


def split_lines(s: Session, payment: Payment) -> list[SplitLine]:
    """The invoices the entry applies to, and the customer's other open invoices, oldest due first."""
    mine = dict(s.execute(select(Allocation.invoice_id, func.sum(Allocation.amount))
                          .where(Allocation.payment_id == payment.id).group_by(Allocation.invoice_id)).tuples().all())
    q = select(Invoice).where(Invoice.customer_id == payment.customer_id, or_(
        Invoice.id.in_([i for i, units in mine.items() if units]),
        (Invoice.paid < Invoice.amount) & (Invoice.voided.is_(False))))
    out = []
    for inv in s.scalars(q):
        applied = int(mine.get(inv.id, 0))
        open_units = 0 if inv.voided else inv.amount - inv.paid
        out.append(SplitLine(inv.id, inv.number, inv.issue_date, inv.due_date, from_minor(inv.amount, inv.currency),
                             from_minor(open_units, inv.currency), from_minor(applied, inv.currency)))
    out.sort(key=lambda ln: (ln.due_date, ln.issue_date, ln.number))
    return out


def voided_targets(s: Session, payment_id: int) -> dict[int, str]:
    """Id -> number of the voided invoices the entry still applies money to."""
    q = (select(Invoice.id, Invoice.number).join(Allocation, Allocation.invoice_id == Invoice.id)
         .where(Allocation.payment_id == payment_id, Invoice.voided.is_(True))
         .group_by(Invoice.id).having(func.sum(Allocation.amount) != 0))
    return dict(s.execute(q).tuples().all())


def method_total(s: Session, customer_id: int, method: str, invoice_id: int | None = None) -> int:
    """Units of a customer's entries of one method (for a write-off: what it applied to the invoice)."""
    if invoice_id is not None:
        q = (select(func.coalesce(func.sum(Allocation.amount), 0)).join(Payment)
             .where(Payment.customer_id == customer_id, Payment.method == method, Allocation.invoice_id == invoice_id))
    else:
        q = select(func.coalesce(func.sum(Payment.amount), 0)).where(Payment.customer_id == customer_id,
                                                                    Payment.method == method)
    return int(s.scalar(q) or 0)


def method_rows(s: Session, method: str, start: dt.date, end: dt.date) -> list[PaymentRow]:
    """Entries of one method dated in [start, end], oldest first (recoveries, write-offs)."""
    q = (select(Payment, Customer.code, Customer.name).join(Customer)
         .where(Payment.method == method, Payment.date >= start, Payment.date <= end)
         .order_by(Payment.date, Payment.id))
    return [PaymentRow(p.id, p.date, code, name, from_minor(p.amount, p.currency), from_minor(p.amount, p.currency),
                       p.currency, p.method, p.reference, kind_of(p.method, p.reverses_id).key, p.customer_id,
                       p.reverses_id) for p, code, name in s.execute(q)]


def last_id(s: Session, customer_id: int) -> int:
    return int(s.scalar(select(func.max(Payment.id)).where(Payment.customer_id == customer_id)))


def count(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(Payment)) or 0
