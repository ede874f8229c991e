"""The sums behind the receivables figures (domain/kpi.py), the open items as of a date and the
history the cash forecast needs, in set-based queries.

Open amounts as of D are those of the aging report: invoices issued by D and not voided by D,
less the allocations dated on or before D (the aging report's bucket condition for "not yet
due"). Every question is asked of ``storage.open_set``'s index, never of the whole history: the
invoices open on D (``_open_query``), those cleared in a period (``_cleared``: their clearing
day is ``closed_on``), those issued in a period (sales), each a range of ``ix_invoice_span`` per
span class that holds what the sums read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import and_, case, exists, func, or_, select, text, true, tuple_, union
from sqlalchemy.orm import Session

from ar_desktop.storage import clearing_summary, open_set

from ar_desktop.domain.aging import BUCKETS
from ar_desktop.domain.kpi import ClearedInvoice, ClearingStats, Period
from ar_desktop.storage.aging_repo import _bucket_condition
from ar_desktop.storage.collections_repo import DISPUTE_KINDS, disputed_as_of
from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment
from ar_desktop.storage.orm_collections import CollectionEvent
from ar_desktop.storage.plain_rows import plain_rows

# Payments that correct an invoice rather than pay it (services/adjustments.py).
ADJUSTMENT_METHODS = ("write-off", "credit note")
# Written literally (not as parameters): SQLite uses a partial index only for a query that repeats
# its WHERE term, here ix_payment_adjustment's (migration 0015).
_ADJUSTMENT = text("payment.method IN ('write-off', 'credit note')")


class OpenItem(NamedTuple):
    """One invoice open as of D (minor units). A named tuple: tens of thousands are made per
    Overview, forecast or report, and a tuple is several times cheaper to build than a dataclass."""

    invoice_id: int
    number: str
    customer_id: int
    customer_code: str
    customer_name: str
    issue_date: dt.date
    due_date: dt.date
    amount: int
    open_units: int
    currency: str
    disputed_units: int     # the part of the open amount in dispute on D

    @property
    def disputed(self) -> bool:
        return self.disputed_units > 0


def _not_voided_by(as_of: dt.date):
    return or_(Invoice.voided.is_(False), Invoice.voided_on > as_of)


def _open_query(as_of: dt.date, currency: str | None, where=None):
    """CTE (id, open_units, due_date) of every invoice open as of D (storage.open_set)."""
    conds = [c for c in (where, None if currency is None else Invoice.currency == currency) if c is not None]
    o = open_set.open_rows(as_of, Invoice.id, (Invoice.amount - open_set.paid_on(as_of)).label("open_units"),
                           Invoice.due_date, where=and_(*conds) if conds else None).subquery()
    # materialised: read once from the index, then joined (not merged into the join, once per arm)
    return select(o).where(o.c.open_units > 0).cte().prefix_with("MATERIALIZED")


def open_totals(s: Session, as_of: dt.date, currency: str) -> tuple[int, int]:
    """(open balance, its not-yet-due part) in minor units as of D. Summed straight over the index
    ranges, not over ``_open_query``'s materialised rows (~40 % less work for the trend's twelve
    month-ends); invoices with nothing open add 0 (what is paid never exceeds the amount)."""
    o = open_set.open_rows(as_of, (Invoice.amount - open_set.paid_on(as_of)).label("open_units"), Invoice.due_date,
                           where=Invoice.currency == currency).subquery()
    current = _bucket_condition(BUCKETS[0], as_of, o.c.due_date)
    q = select(func.coalesce(func.sum(o.c.open_units), 0),
               func.coalesce(func.sum(case((current, o.c.open_units), else_=0)), 0))
    total, cur = s.execute(q).one()
    return int(total), int(cur)


def open_items(s: Session, as_of: dt.date, *, currency: str | None = None,
               customer_id: int | None = None) -> list[OpenItem]:
    """Every invoice open as of D, by customer code, due date and number (tens of thousands on a
    big file: read as plain rows, storage.plain_rows)."""
    o = _open_query(as_of, currency, None if customer_id is None else Invoice.customer_id == customer_id)
    q = (select(Invoice.id, Invoice.number, Invoice.customer_id, Customer.code, Customer.name, Invoice.issue_date,
                Invoice.due_date, Invoice.amount, o.c.open_units, Invoice.currency, Invoice.disputed)
         .select_from(o).join(Invoice, Invoice.id == o.c.id).join(Customer, Customer.id == Invoice.customer_id))
    rows = plain_rows(s, q)
    # sorted here rather than by SQLite's sorter (never slower in the measurements, see
    # docs/benchmarks.md); the same order: code points of the text (SQLite's BINARY collation on
    # UTF-8) and ISO dates.
    rows.sort(key=lambda r: (r[3], r[6], r[1]))
    disputes = _dispute_events(s, [r[0] for r in rows])
    day = dt.date.fromisoformat
    return [OpenItem(i, number, cid, code, name, day(issued), day(due), amount, units, cur,
                     disputed_part(disputes.get(i), bool(flag), units, as_of) if flag or i in disputes else 0)
            for i, number, cid, code, name, issued, due, amount, units, cur, flag in rows]


def _dispute_events(s: Session, invoice_ids: list[int]) -> dict[int, list[tuple[dt.date, str, int | None]]]:
    """(date, kind, disputed units) of the dispute events of the given invoices, oldest first (all of
    them: the state before the first event is the opposite of it)."""
    out: dict[int, list[tuple[dt.date, str, int | None]]] = {}
    if not invoice_ids:
        return out
    wanted = set(invoice_ids)
    q = (select(CollectionEvent.invoice_id, CollectionEvent.date, CollectionEvent.kind, CollectionEvent.amount)
         .where(CollectionEvent.kind.in_(DISPUTE_KINDS), CollectionEvent.invoice_id.is_not(None))
         .order_by(CollectionEvent.date, CollectionEvent.id))
    for inv_id, date, kind, units in s.execute(q):
        if inv_id in wanted:
            out.setdefault(inv_id, []).append((_as_date(date), kind, units))
    return out


def disputed_part(events: list[tuple[dt.date, str, int | None]] | None, flag: bool, open_units: int,
                  as_of: dt.date) -> int:
    """The disputed units of an invoice on D: nothing unless it is disputed on D (``disputed_as_of``);
    then the amount of the latest dispute on or before D (all that is open when the dispute named no
    amount or predates the events), never more than is open."""
    if not disputed_as_of([(d, k) for d, k, _u in events or ()], flag, as_of):
        return 0
    named = [u for d, k, u in events or () if d <= as_of and k == "dispute"]
    part = named[-1] if named and named[-1] is not None else open_units
    return max(0, min(part, open_units))


def _disputed_candidates():
    """Ids of the invoices that may be disputed on some day: flagged now (ix_invoice_disputed, a
    partial index of the few flagged) or with a dispute event (the state before an event is the
    opposite of it)."""
    return union(select(Invoice.id).where(Invoice.disputed == true()),
                 select(CollectionEvent.invoice_id).where(CollectionEvent.kind.in_(DISPUTE_KINDS),
                                                          CollectionEvent.invoice_id.is_not(None))).subquery()


def disputed_units(s: Session, as_of: dt.date, currency: str) -> int:
    """The disputed part, as of D, of the open balance (invoices flagged or with dispute events):
    read from those few invoices, each checked for being open on D."""
    ids = _disputed_candidates()
    q = (select(Invoice.id, Invoice.disputed, (Invoice.amount - open_set.paid_on(as_of)).label("open_units"))
         .select_from(ids).join(Invoice, Invoice.id == ids.c.id)
         .where(open_set.is_open_on(as_of), Invoice.currency == currency))
    rows = [(i, flag, int(units)) for i, flag, units in s.execute(q) if units > 0]
    events = _dispute_events(s, [r[0] for r in rows])
    return sum(disputed_part(events.get(i), flag, units, as_of) for i, flag, units in rows)


def sales_units(s: Session, period: Period, currency: str) -> int:
    """Gross amount of the invoices issued in the period, voided ones (by D) excluded."""
    rows = open_set.issued_rows(period.start, period.as_of, Invoice.amount,
                                where=and_(Invoice.currency == currency, _not_voided_by(period.as_of))).subquery()
    return int(s.scalar(select(func.coalesce(func.sum(rows.c.amount), 0))) or 0)


def issued(s: Session, first: dt.date, last: dt.date, currency: str) -> tuple[dict[dt.date, int], list[tuple[dt.date, dt.date, int]]]:
    """Invoices issued from ``first`` to ``last``: the gross amount per issue day of those never voided,
    and (issue date, voided on, amount) of those voided on a known day (they count before that day)."""
    rows = open_set.issued_rows(first - dt.timedelta(days=1), last, Invoice.issue_date, Invoice.amount,
                                Invoice.voided, Invoice.voided_on, where=Invoice.currency == currency).subquery()
    daily = {_as_date(d): int(units) for d, units in s.execute(
        select(rows.c.issue_date, func.sum(rows.c.amount)).where(rows.c.voided.is_(False))
        .group_by(rows.c.issue_date))}
    voided = [(_as_date(d), _as_date(v), int(units)) for d, v, units in s.execute(
        select(rows.c.issue_date, rows.c.voided_on, rows.c.amount)
        .where(rows.c.voided.is_(True), rows.c.voided_on.is_not(None)))]
    return daily, voided


def _cleared(period: Period, currency: str | None, customer_ids=None):
    """Invoices fully paid as of D whose clearing day (the allocation that reached the amount) falls
    in the period: (issue date, due date, clearing day, whether an adjustment is among that day's
    allocations, invoice id, customer id). From ``open_set.cleared_rows``: the clearing day is
    their ``closed_on``."""
    where = [c for c in (None if currency is None else Invoice.currency == currency,
                         None if customer_ids is None else Invoice.customer_id.in_(customer_ids)) if c is not None]
    c = open_set.cleared_rows(period.start, period.as_of, Invoice.issue_date, Invoice.due_date,
                              Invoice.closed_on.label("cleared"), Invoice.id, Invoice.customer_id,
                              where=and_(*where) if where else None).subquery()
    # (invoice, day) of every adjustment's allocation: read once (adjustments are few), not per invoice
    adjustments = select(Allocation.invoice_id, Allocation.date).where(
        Allocation.payment_id.in_(select(Payment.id).where(_ADJUSTMENT)))
    adjusted = tuple_(c.c.id, c.c.cleared).in_(adjustments)
    return select(c.c.issue_date, c.c.due_date, c.c.cleared, adjusted.label("adjusted"), c.c.id, c.c.customer_id)


def clearing_stats(s: Session, period: Period, currency: str) -> ClearingStats:
    """Count, days to pay and days late summed over the invoices paid in full in the period,
    those cleared by a write-off or credit note left out."""
    c = _cleared(period, currency).subquery()
    cleared, issued, due = func.julianday(c.c.cleared), func.julianday(c.c.issue_date), func.julianday(c.c.due_date)
    q = (select(func.count(), func.coalesce(func.sum(cleared - issued), 0),
                func.coalesce(func.sum(func.max(cleared - due, 0)), 0))
         .select_from(c).where(c.c.adjusted.is_(False)))
    n, to_pay, late = s.execute(q).one()
    return ClearingStats(int(n), int(round(to_pay)), int(round(late)))


@dataclass(frozen=True)
class ClearedRow:
    invoice_id: int
    number: str
    invoice: ClearedInvoice


def cleared_invoices(s: Session, period: Period, currency: str) -> list[ClearedRow]:
    """The invoices behind ``clearing_stats`` (adjusted ones included, marked), by clearing day."""
    c = _cleared(period, currency).subquery()
    rows = s.execute(select(c, Invoice.number).join(Invoice, Invoice.id == c.c.id)).all()
    out = [ClearedRow(i, number, ClearedInvoice(_as_date(issued), _as_date(due), _as_date(cleared), bool(adj)))
           for issued, due, cleared, adj, i, _cid, number in rows]
    out.sort(key=lambda r: (r.invoice.cleared_on, r.number))
    return out


def customer_days_late(s: Session, period: Period, customer_ids: Collection[int]) -> dict[int, tuple[int, int]]:
    """Per customer: (invoices paid in full in the period, their days late summed), adjustments left
    out as in ``clearing_stats``; from the monthly summary of clearings (storage.clearing_summary)."""
    found = clearing_summary.counts(s, period.start, period.as_of, customer_ids, adjusted=False)
    return {cid: (c.invoices, c.days_late) for cid, c in found.items()}


def currencies_in_use(s: Session) -> list[str]:
    """The currencies invoices are in. An invoice is in its customer's currency, which cannot change
    once it has invoices (domain.records.invoice_currency, customers_repo.update): so the currencies
    of the customers with an invoice, one index seek per customer instead of reading every invoice."""
    has_invoice = exists().where(Invoice.customer_id == Customer.id)
    return list(s.scalars(select(Customer.currency).where(has_invoice).distinct().order_by(Customer.currency)))


def uses_currency(s: Session, currency: str) -> bool:
    """Whether any invoice is in the currency (stops at the first one)."""
    return bool(s.scalar(select(exists().where(Invoice.currency == currency))))


def _as_date(v) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def steps_done(s: Session, as_of: dt.date, customer_ids=None) -> list[tuple[int, str, dt.date]]:
    """(customer id, step key, date) of every ladder step taken on or before D, oldest first."""
    q = (select(CollectionEvent.customer_id, CollectionEvent.step_key, CollectionEvent.date)
         .where(CollectionEvent.kind == "step_done", CollectionEvent.date <= as_of)
         .order_by(CollectionEvent.date, CollectionEvent.id))
    if customer_ids is not None:
        q = q.where(CollectionEvent.customer_id.in_(customer_ids))
    return [(cid, key, _as_date(d)) for cid, key, d in s.execute(q)]


def charge_rules_in_use(s: Session) -> list[str]:
    """The customers' own late-charge rules (keys; '' = the company's)."""
    return list(s.scalars(select(Customer.late_charge_rule).distinct()))
