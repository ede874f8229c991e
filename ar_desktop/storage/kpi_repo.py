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

from sqlalchemy import and_, func, or_, select, text, true, tuple_, union, union_all
from sqlalchemy.orm import Session

from ar_desktop.domain.disputes import DISPUTE_KINDS, disputed_part
from ar_desktop.domain.kpi import ClearedInvoice, ClearingStats, Period
from ar_desktop.storage.days import as_date, date_of
from ar_desktop.storage import clearing_summary, kpi_sql, open_set
from ar_desktop.storage.as_of_sql import last_allocation
from ar_desktop.storage.kpi_sql import dbapi
from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment
from ar_desktop.storage.orm_collections import CollectionEvent
from ar_desktop.storage.plain_rows import plain_rows

# Written literally (not as parameters): SQLite uses a partial index only for a query that repeats
# its WHERE term, here ix_payment_adjustment's (migration 0015).
_ADJUSTMENT = text("payment.method IN ('write-off', 'credit note')")


class OpenItem(NamedTuple):
    """One invoice open as of D (minor units)."""

    # a named tuple, not a dataclass: tens of thousands are built per Overview, forecast or report
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
    """(open balance, its not-yet-due part) in minor units as of D (storage.kpi_sql)."""
    return kpi_sql.open_totals(dbapi(s), [as_of], currency)[as_of]


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
    return [OpenItem(i, number, cid, code, name, date_of(issued), date_of(due), amount, units, cur,
                     disputed_part(disputes.get(i), bool(flag), units, as_of) if flag or i in disputes else 0)
            for i, number, cid, code, name, issued, due, amount, units, cur, flag in rows]


def _dispute_events(s: Session, invoice_ids: list[int]) -> dict[int, list[tuple[dt.date, str, int | None]]]:
    return kpi_sql.dispute_events(dbapi(s), invoice_ids)


def _disputed_candidates():
    """Ids of the invoices that may be disputed on some day: flagged now (ix_invoice_disputed, a
    partial index of the few flagged) or with a dispute event (the state before an event is the
    opposite of it)."""
    return union(select(Invoice.id).where(Invoice.disputed == true()),
                 select(CollectionEvent.invoice_id).where(CollectionEvent.kind.in_(DISPUTE_KINDS),
                                                          CollectionEvent.invoice_id.is_not(None))).subquery()


def disputed_units(s: Session, as_of: dt.date, currency: str) -> int:
    """The disputed part, as of D, of the open balance (storage.kpi_sql)."""
    return kpi_sql.disputed_units(dbapi(s), [as_of], currency)[as_of]


def sales_units(s: Session, period: Period, currency: str) -> int:
    """Gross amount of the invoices issued in the period, voided ones (by D) excluded."""
    return kpi_sql.sales_units(dbapi(s), period, currency)


def issued(s: Session, first: dt.date, last: dt.date,
           currency: str) -> tuple[dict[dt.date, int], list[tuple[dt.date, dt.date, int]]]:
    return kpi_sql.issued(dbapi(s), first, last, currency)


def _cleared(period: Period, currency: str | None, customer_ids=None):
    """Invoices fully paid as of D whose clearing day (the allocation that reached the amount) falls
    in the period: (issue date, due date, clearing day, whether an adjustment is among that day's
    allocations, invoice id, customer id). Those still closed on D are ``open_set.cleared_rows``
    (the clearing day is their ``closed_on``); those reopened after D (a reversal or a change of
    split, then perhaps paid again) are in D's open set with nothing open on D, and their clearing
    day is their last allocation by D (storage.kpi_sql.cleared_sql_in says the same in text)."""
    where = [c for c in (None if currency is None else Invoice.currency == currency,
                         None if customer_ids is None else Invoice.customer_id.in_(customer_ids)) if c is not None]
    d = period.as_of
    closed = open_set.cleared_rows(period.start, d, Invoice.issue_date, Invoice.due_date,
                                   Invoice.closed_on.label("cleared"), Invoice.id, Invoice.customer_id,
                                   where=and_(*where) if where else None)
    reopened = open_set.open_rows(d, Invoice.issue_date, Invoice.due_date, last_allocation(d).label("cleared"),
                                  Invoice.id, Invoice.customer_id,
                                  where=and_(Invoice.last_paid_on > d, Invoice.amount - open_set.paid_on(d) <= 0,
                                             _not_voided_by(d), *where)).subquery()
    # one flat UNION ALL (SQLite takes no parenthesised compound inside another)
    c = union_all(*closed.selects, select(reopened).where(reopened.c.cleared > period.start)).subquery()
    # (invoice, day) of every adjustment's allocation: read once (adjustments are few), not per invoice
    adjustments = select(Allocation.invoice_id, Allocation.date).where(
        Allocation.payment_id.in_(select(Payment.id).where(_ADJUSTMENT)))
    adjusted = tuple_(c.c.id, c.c.cleared).in_(adjustments)
    return select(c.c.issue_date, c.c.due_date, c.c.cleared, adjusted.label("adjusted"), c.c.id, c.c.customer_id)


def clearing_stats(s: Session, period: Period, currency: str) -> ClearingStats:
    """Count, days to pay and days late over the invoices paid in full in the period (storage.kpi_sql)."""
    return kpi_sql.clearing_stats(dbapi(s), period, currency)


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
    return kpi_sql.currencies_in_use(dbapi(s))


def uses_currency(s: Session, currency: str) -> bool:
    return kpi_sql.uses_currency(dbapi(s), currency)


_as_date = as_date


def charge_rules_in_use(s: Session) -> list[str]:
    """The customers' own late-charge rules (keys; '' = the company's)."""
    return list(s.scalars(select(Customer.late_charge_rule).distinct()))
