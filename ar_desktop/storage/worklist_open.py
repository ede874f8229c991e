"""The worklist's view of a customer's invoices as of D, for thousands of customers at once
(storage.collections_repo.collection_inputs gathers it): the open invoices summed per customer in one GROUP BY
over the open set (``customer_sums``) and made into the rule's ``OpenSummary`` without a row or an
InvoiceState per invoice (``summary_of_sums``); for the few customers whose invoices have dispute events, the
same summary made from their rows (``open_invoices``: the open set's index; numbers from the partial index of
the invoices open now, the dispute columns of the disputed ones: ``summary``); and of the settled invoices two
runs of overdue days per customer (``settled_runs``, storage.late_runs)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from ar_desktop.domain.disputes import dispute_as_of
from ar_desktop.domain.frozen import maker
from ar_desktop.domain.money import from_minor
from ar_desktop.domain.next_step import OpenSummary
from ar_desktop.storage import late_runs
from ar_desktop.storage.days import date_of, day
from ar_desktop.storage.spans import open_sql, paid_on_sql

_ONE = dt.timedelta(days=1)
_ZERO = Decimal(0)                               # what the rule sums to over no invoice
_date_of = lru_cache(maxsize=8192)(date_of)      # tens of thousands of due dates, a few thousand days
_open_summary = maker(OpenSummary)               # one per customer


_IN = "IN (SELECT value FROM json_each(?))"
_LIVE = "voided IS 0 OR voided_on > ?"   # not voided by D (the open set's ranges hold issue_date <= D)


def _ids(ids: Collection[int]) -> str:
    return json.dumps(sorted(ids))


def open_invoices(con, as_of: dt.date, customer_ids: Collection[int] | None) -> list[tuple]:
    """(id, customer_id, due_date, amount, paid by D, currency) of the customers' invoices open as of D (None:
    every customer's), from storage.open_set's index alone (allocations read only for invoices paid after D)."""
    paid, paid_args = paid_on_sql(as_of)
    where, params = (_LIVE, (day(as_of),)) if customer_ids is None else \
        (f"({_LIVE}) AND customer_id {_IN}", (day(as_of), _ids(customer_ids)))
    sql, args = open_sql(as_of, f"id, customer_id, due_date, amount, {paid}, currency", where, params, paid_args)
    return con.execute(sql, args).fetchall()


# The disputed part of an open invoice on D by its own columns (domain.disputes.dispute_as_of without events:
# all that is open when the dispute names no amount, never more than is open), as ``summary`` takes it.
_PART = "CASE WHEN fu IS NULL THEN 0 WHEN fu = 0 THEN o ELSE max(0, min(fu, o)) END"   # fu: NULL when not disputed


class CustomerSums(NamedTuple):
    """``summary``'s figures of one customer's invoices open on D, summed in SQL (``customer_sums``; a tuple: one
    is made per customer, and a frozen dataclass's ``__init__`` would cost more than its summary)."""

    customer_id: int
    least_open: int        # the least open units of an invoice (<= 0: one paid in full by D, reopened later)
    currency: str          # the invoices' currency, when they have one (``currencies`` == 1)
    currencies: int
    overdue: int           # open units of the invoices due before D
    oldest: int | None     # the earliest due day of those (None: none is overdue)
    disputed: int          # the disputed part of those (by the invoices' own columns)
    # the invoices with something claimable: JSON [[due day, number], ...] in any order, or (``customer_sums``
    # without their numbers) the earliest due day of them as an int (None: none has)
    considered: str | int | None
    with_events: int       # 1: an invoice has dispute events, ``summary`` over its rows decides, not these sums


def customer_sums(con, as_of: dt.date, with_events: Collection[int], numbers: bool = True) -> list[CustomerSums]:
    """Per customer with an invoice open on D: what ``summary`` sums over its open invoices, in one GROUP BY
    over the open set (storage.spans.open_sql; the numbers and dispute columns from the table row). An invoice
    of ``with_events`` (its dispute events decide whether it was disputed on D: domain.disputes) marks its
    customer, for whom the sums of its own columns do not answer. ``numbers`` False: of the invoices with
    something claimable only the earliest due day (a JSON array of 50,000 pairs on a million invoices is a
    third of the query)."""
    d = day(as_of)
    paid, paid_args = paid_on_sql(as_of)
    # the index ix_invoice_span answers for every column but the disputed part: the table row is read only for
    # the invoices disputed now (their partial index), not for the 50,000 open on D of a million
    rows, args = open_sql(as_of, f"customer_id AS c, id, due_date AS due, currency AS cur, "
                                 f"{'number, ' if numbers else ''}amount - {paid} AS o, CASE WHEN id IN "
                                 f"(SELECT id FROM invoice INDEXED BY ix_invoice_disputed WHERE disputed = 1) THEN "
                                 f"(SELECT i.disputed_amount FROM invoice i WHERE i.id = invoice.id) END AS fu",
                          "voided IS 0 OR voided_on > ?", (d,), paid_args)
    claimable = "json_group_array(json_array(due, number))" if numbers else "min(due)"
    events = "max(id IN (SELECT value FROM json_each(?)))" if with_events else "0"
    sql = (f"SELECT c, min(o), min(cur), count(DISTINCT cur), sum(CASE WHEN due < ? THEN o ELSE 0 END), "
           f"min(CASE WHEN due < ? THEN due END), sum(CASE WHEN due < ? THEN part ELSE 0 END), "
           f"{claimable} FILTER (WHERE o > part), {events} "
           f"FROM (SELECT *, {_PART} AS part FROM ({rows})) GROUP BY c")
    return list(map(CustomerSums._make, con.execute(
        sql, [d, d, d, *([json.dumps(sorted(with_events))] if with_events else []), *args])))


def summary_of_sums(as_of: dt.date, sums: CustomerSums, settled_periods: list | None) -> OpenSummary:
    """``summary`` of a customer's open invoices (one currency, something open on D each, no dispute events,
    no payment plan) made from their ``customer_sums``; with the runs of its settled invoices
    (``settled_periods``), or without its overdue periods (None: see domain.next_step.OpenSummary)."""
    parse = _date_of
    _c, _least, currency, _n, overdue, oldest, disputed, claimable, _events = sums
    oldest = None if oldest is None else parse(oldest)
    if settled_periods is None:
        periods = None
    else:
        periods = [(oldest + _ONE, as_of)] + settled_periods if oldest is not None else settled_periods
    if isinstance(claimable, str):
        considered = json.loads(claimable)
        considered.sort()      # by due day, then number
        considered, first_due = [(parse(due), number) for due, number in considered], None
    else:
        considered, first_due = None, None if claimable is None else parse(claimable)
    return _open_summary(
        considered=considered, first_due=first_due,
        overdue_amount=from_minor(overdue, currency) if oldest is not None else _ZERO, oldest_overdue=oldest,
        disputed_amount=from_minor(disputed, currency) if disputed else _ZERO, excluded_claimable=False,
        periods=periods)


def summary(as_of: dt.date, group: list, numbers: dict[int, str], flags: dict[int, tuple[bool, int]],
             disputes: dict, settled_periods: list) -> OpenSummary:
    """domain.next_step.summarize of one customer's open invoices (``open_invoices``' rows, one currency,
    something open on D each, no payment plan), made from the rows: what an InvoiceState per invoice
    would give, in minor units (the test of the worklist's inputs compares the two)."""
    today = day(as_of)
    parse = _date_of
    considered = []
    overdue = disputed_units = 0
    oldest = None
    for inv_id, _cid, due, amount, paid, _cur in group:   # by due date
        open_units = amount - paid
        part = 0
        if inv_id in flags:
            flag, flag_units = flags[inv_id]
            disputed, units = dispute_as_of(disputes.get(inv_id), flag, flag_units, as_of)
            if disputed:
                part = open_units if units is None else max(0, min(units, open_units))
        if due < today:
            if oldest is None:
                oldest = parse(due)
            overdue += open_units
            disputed_units += part
        if open_units > part:
            considered.append((parse(due), numbers[inv_id]))
    considered.sort()
    currency = group[0][5]
    return OpenSummary(
        considered, from_minor(overdue, currency) if oldest is not None else _ZERO, oldest,
        from_minor(disputed_units, currency) if disputed_units else _ZERO, False,
        [(oldest + _ONE, as_of)] + settled_periods if oldest is not None else settled_periods)


def disputed_ids(con) -> set[int]:
    """The invoices disputed now (their own columns): the partial index ix_invoice_disputed, which SQLite
    uses only for this very condition (``disputed IS 1`` or a bound 1 would read the whole table)."""
    return {i for (i,) in con.execute("SELECT id FROM invoice INDEXED BY ix_invoice_disputed WHERE disputed = 1")}


def dispute_flags(con, invoice_ids: Collection[int]) -> dict[int, tuple[bool, int]]:
    """invoice id -> (disputed, disputed_amount) of the invoices' own columns."""
    if not invoice_ids:
        return {}
    return {i: (bool(flag), units) for i, flag, units in con.execute(
        f"SELECT id, disputed, disputed_amount FROM invoice WHERE id {_IN}", (_ids(invoice_ids),))}


def numbers(con, invoice_ids: list[int]) -> dict[int, str]:
    """invoice id -> number: those open now from their partial index alone (the worklist as of today
    asks for those), the others from the table."""
    found = dict(con.execute("SELECT id, number FROM invoice INDEXED BY ix_invoice_open_number "
                             "WHERE paid < amount AND voided = 0"))
    missing = [i for i in invoice_ids if i not in found]
    if missing:
        found.update(con.execute(f"SELECT id, number FROM invoice WHERE id {_IN}", (_ids(missing),)))
    return found


def first_overdue_day(as_of: dt.date, sums: CustomerSums) -> int:
    """S of ``settled_runs``: the first day the customer's invoices open on D were overdue (D + 1: none is)."""
    return sums.oldest + 1 if sums.oldest is not None else day(as_of) + 1


def settled_runs(con, as_of: dt.date, starts: Mapping[int, int]) -> dict[int, list[tuple[dt.date, dt.date]]]:
    """Per customer of ``starts`` (customer id -> S, ``first_overdue_day``): the overdue days of its invoices
    settled by D that the rule needs, as at most two runs (storage.late_runs).

    The rule looks at the run of overdue days that reaches D (its first day is the episode start) and at
    the last day of the run before it (it bounds the step history that counts). The open invoices overdue
    on D are overdue from S = min(due + 1) to D (S = D + 1 when none is). Of the stored runs (the periods of
    the invoices paid late, merged; cut at D they are exactly those settled by D and the open ones' before D)
    the latest that begins before S joins the open ones when it reaches S - 1: then it is the start of the
    episode and the one before it is the run before; otherwise it is the run before."""
    out: dict[int, list[tuple[dt.date, dt.date]]] = {}
    for cid, runs in late_runs.runs_before(con, starts).items():
        first, last = runs[0]
        if day(last) >= starts[cid] - 1:   # it joins the open ones: cut at D (an invoice cleared after D was open)
            out[cid] = [(first, min(last, as_of))] + runs[1:]
        else:
            out[cid] = runs[:1]
    return out
