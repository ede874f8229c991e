"""Collections: the inputs of the next-step rule for many customers at once (the rows of collection
work one customer at a time: storage.collection_records).

``collection_inputs`` gathers, as of a date D, everything ``domain.next_step.collection_status``
needs for a set of customers in a handful of set-based queries (never one query per customer),
so the worklist over thousands of customers stays fast:

* invoices as ``InvoiceState``: open amount as of D from allocations dated <= D, ``settled_on`` =
  date of the allocation that cleared the invoice (when on or before D), disputed as of D,
  voided as of D (an invoice voided after D still counts as it was);
* the payment behaviour of the 12 months before D (for the suggested credit class);
* the step history (``StepRecord`` from step_done / step_skipped events);
* the latest promise made on or before D, with ``paid_since`` (payments received from the day it
  was made up to min(D, promised date + grace));
* the hold active on D;
* the payment plans active on D (``PaymentPlan``), and for the open ones the instalments and the
  payments made since the start to the covered invoices (``PlanInputs``).

The clearing date needs no running total: allocations are positive and never take an invoice
above its amount, so an invoice fully paid as of D (units allocated on or before D = amount)
was cleared by its last allocation on or before D.

For explicit customers (one customer's status, the reminder e-mail) every invoice is loaded. For
the worklist (every customer with an invoice open as of D) only what can change the rule's answer is
read: the open invoices, summed per customer in one GROUP BY over the open set of D into what the rule's
``OpenSummary`` holds (storage.worklist_open.customer_sums: sums, the oldest due date, the claimable ones'
due dates and numbers) without a row or an InvoiceState per invoice in Python (a customer with an invoice
whose dispute events decide gets a summary made from its rows, one with a payment plan or invoices in
several currencies InvoiceStates instead); and of the settled invoices only two runs of overdue days per customer: the
one that joins the open invoices' (the episode reaching D) and the one before it (it bounds the steps
that count), from storage.late_runs. A customer the runs cannot answer for (an
invoice paid in full on D and reopened later, one cleared late and voided since) gives the rule every
invoice.
The rule gives the same answer on that as on every invoice (tests/storage/test_collections_repo.py
and test_open_set.py prove it on random histories); a customer's ten thousand paid invoices of past
years stay in the file.

Plain SQL on the DB-API connection (``Database.reader``'s, or a session's: its pending changes are flushed
first, as the ORM's own queries would): today's collection actions on the Overview load no SQLAlchemy. The
promise rows a reversal took back from kept are written, so read with the ORM: storage.collection_records.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby
from operator import itemgetter

from ar_desktop.domain.credit import (PaidInvoice, PaymentBehaviour, behaviour_from_counts, behaviour_window_start,
                                      payment_behaviour)
from ar_desktop.domain.disputes import DISPUTE_KINDS, dispute_as_of
from ar_desktop.domain.money import from_minor
from ar_desktop.domain.next_step import (Hold, InvoiceState, OpenSummary, PaymentPlan, Promise, StepRecord,
                                         summarize)
from ar_desktop.storage.days import date_of, day
from ar_desktop.storage import clearing_summary, forecast_sql, late_runs, worklist_open
from ar_desktop.storage.kpi_sql import dbapi
from ar_desktop.storage.spans import paid_on_sql

STEP_KINDS = ("step_done", "step_skipped")
_IN = "IN (SELECT value FROM json_each(?))"
_DISPUTE_KINDS = ", ".join(f"'{k}'" for k in DISPUTE_KINDS)
_LIVE = "issue_date <= ? AND (voided IS 0 OR (voided_on IS NOT NULL AND voided_on > ?))"   # exists as of D

_BY_CUSTOMER_DUE_NUMBER = itemgetter(1, 4, 2)   # of _invoice_columns' rows (day numbers)
_BY_CUSTOMER_DUE = itemgetter(1, 2)             # of worklist_open.open_invoices' rows
_CUSTOMER = itemgetter(1)



@dataclass
class PlanInputs:
    """A payment plan that bears on D (see plans_on), with what the domain needs to tell whether it broke."""

    id: int
    status: str
    starts_on: dt.date
    ends_on: dt.date
    invoice_numbers: frozenset[str]
    instalments: list[tuple[dt.date, Decimal]]
    paid: list[tuple[dt.date, Decimal]]   # allocated to the covered invoices from starts_on to D, by day

    @property
    def paid_since(self) -> Decimal:
        return sum((a for _d, a in self.paid), Decimal(0))

    def plan(self) -> PaymentPlan:
        return PaymentPlan(self.invoice_numbers, self.starts_on, self.ends_on)


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
    # the worklist's: the overdue periods (first, last day) of the invoices settled by D that the rule
    # needs (see _relevant_settled), which are then not in ``invoices``
    settled_periods: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    # the worklist's, for a customer whose open invoices need nothing but their due dates, numbers and
    # amounts (no dispute, no payment plan): what the rule reads of them, made from the rows; ``invoices``
    # is then empty
    summary: OpenSummary | None = None
    history: list[StepRecord] = field(default_factory=list)
    promise: Promise | None = None         # latest made on or before D; ref = promise id
    promise_status: str | None = None
    hold: Hold | None = None
    hold_id: int | None = None
    plans: list[PaymentPlan] = field(default_factory=list)      # active on D
    plan_inputs: list[PlanInputs] = field(default_factory=list)  # the same, with instalments and payments
    last_credit_review: dt.date | None = None
    # Invoices paid in the 12 months before D (domain.credit.payment_behaviour over ALL the
    # customer's invoices, also when ``invoices`` holds only the worklist's subset).
    behaviour: PaymentBehaviour | None = None

    def summary_as_of(self, as_of: dt.date) -> OpenSummary:
        """What the rule reads of the invoices as of D (``plans``: those holding on D)."""
        if self.summary is not None:
            return self.summary
        return summarize(self.invoices, as_of, self.plans, self.settled_periods)


def _chunks(ids: list[int], n: int = 900):
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


def connection(source) -> sqlite3.Connection:
    """The DB-API connection of a plain connection or of a session, whose pending changes are flushed first
    (a payment entered in the same transaction counts, as it did when these were ORM queries)."""
    if not isinstance(source, sqlite3.Connection):
        source.flush()
    return dbapi(source)


def _invoices(as_of: dt.date, where: str, params: tuple, order: str = "") -> tuple[str, list]:
    """SELECT what an InvoiceState as of D is made of (``_add_invoices``) FROM invoice WHERE ``where``: the
    derived columns answer for D, allocations are read only for invoices paid after D."""
    paid, paid_args = paid_on_sql(as_of)
    return (f"SELECT id, customer_id, number, issue_date, due_date, amount, currency, disputed, disputed_amount, "
            f"{paid}, CASE WHEN cleared_on <= ? THEN cleared_on END FROM invoice WHERE {where} {order}",
            [*paid_args, day(as_of), *params])


def collection_inputs(s, as_of: dt.date, customer_ids: Collection[int] | None = None, *,
                      grace_days: int = 3, invoice_states: bool = False,
                      behaviour: bool = True, brief: bool = False) -> dict[int, CustomerInputs]:
    """Inputs of the next-step rule per customer id. ``customer_ids`` None = every customer with
    an invoice open as of D (the worklist; only the invoices that matter to the rule, see the
    module doc; ``invoice_states``: every open invoice as an InvoiceState, for a list of them, instead
    of a summary; ``behaviour`` False: without the payment behaviour, which the rule does not read;
    ``brief``: what today's actions need of the rule's status, no invoice numbers nor, for a customer with no
    step or credit review logged by D, the runs of its overdue days: see domain.next_step.OpenSummary);
    otherwise exactly those customers, with all their invoices. ``s``: a DB-API connection or a session."""
    con = connection(s)
    out: dict[int, CustomerInputs] = {}
    if customer_ids is not None:
        for chunk in _chunks(sorted(set(customer_ids))):
            _load(con, as_of, chunk, grace_days, out)
            _load_invoices(con, as_of, chunk, out)
        for ci in out.values():
            ci.behaviour = payment_behaviour([PaidInvoice(i.due_date, i.settled_on) for i in ci.invoices
                                              if i.settled_on is not None], as_of)
        return out
    # the worklist: every customer with an invoice open as of D; the settled invoices only as the overdue
    # periods the rule needs; the open ones as a summary summed in SQL (worklist_open.customer_sums), or made
    # from their rows for a customer whose invoices have dispute events, or as InvoiceStates for the customers
    # with a payment plan (or something unusual: invoices in several currencies, an invoice paid in full on D
    # but reopened later)
    disputes = _disputes(con)
    sums = worklist_open.customer_sums(con, as_of, disputes.keys(), numbers=not brief)
    ids = {r.customer_id for r in sums}
    _load(con, as_of, ids, grace_days, out)
    # what the runs of late payments cannot tell (storage.late_runs): an invoice paid in full on D and reopened
    # later, one cleared late and voided since; those customers give the rule every invoice
    every = late_runs.voided_late_customers(con, day(as_of)).intersection(out)
    every.update(r.customer_id for r in sums if r.least_open <= 0)
    by_rows: dict[int, bool] = {}   # customer id -> as InvoiceStates (else a summary of its rows)
    alone: list[worklist_open.CustomerSums] = []   # a summary of its sums
    for r in sums:
        ci = out.get(r.customer_id)
        if ci is None or r.customer_id in every:
            continue
        if invoice_states or ci.plan_inputs or r.currencies > 1:
            by_rows[r.customer_id] = True
        elif r.with_events:
            by_rows[r.customer_id] = False
        else:
            alone.append(r)
    # ``brief``: the runs only of the customers whose episode may bound the steps that count or the credit review
    # (a step or a review logged by D), or whose summary is made from their rows
    first_overdue = worklist_open.first_overdue_day
    starts = {r.customer_id: first_overdue(as_of, r) for r in sums if r.customer_id not in every
              and (not brief or r.customer_id in by_rows or out[r.customer_id].history
                   or out[r.customer_id].last_credit_review is not None)}
    for cid, periods in worklist_open.settled_runs(con, as_of, starts).items():
        out[cid].settled_periods = periods
    for r in alone:
        ci = out[r.customer_id]
        ci.summary = worklist_open.summary_of_sums(as_of, r, ci.settled_periods if r.customer_id in starts else None)
    if by_rows:
        # every customer's for a list of every open invoice: naming them all would cost more than it saves
        rows = worklist_open.open_invoices(con, as_of, None if invoice_states else by_rows)
        rows.sort(key=_BY_CUSTOMER_DUE)
        simple: list[tuple[CustomerInputs, list]] = []
        full: list[int] = []
        for cid, group in groupby(rows, _CUSTOMER):
            as_states = by_rows.get(cid)
            if as_states:
                full.extend(r[0] for r in group)
            elif as_states is not None:
                simple.append((out[cid], list(group)))
        picked = [r[0] for _ci, group in simple for r in group]
        numbers = worklist_open.numbers(con, picked)
        flags = worklist_open.dispute_flags(con, (disputes.keys() | worklist_open.disputed_ids(con))
                                            .intersection(picked))
        for ci, group in simple:
            ci.summary = worklist_open.summary(as_of, group, numbers, flags, disputes, ci.settled_periods)
        if full:
            q, args = _invoices(as_of, f"id {_IN}", (json.dumps(full),))
            _add_invoices(con, as_of, sorted(con.execute(q, args), key=_BY_CUSTOMER_DUE_NUMBER), disputes, out)
    every = sorted(every.intersection(out))
    for chunk in _chunks(every):
        _load_invoices(con, as_of, chunk, out)
    # the open set of D also holds invoices paid in full by D that a later reversal reopened: a customer with
    # nothing else open on D has nothing to collect on D
    for cid in [cid for cid, ci in out.items() if ci.summary is None
                and not any(i.settled_on is None and i.open_amount > 0 for i in ci.invoices)]:
        del out[cid]
    if behaviour:
        for cid, found in behaviours(con, as_of, ids).items():
            if cid in out:
                out[cid].behaviour = found
    return out


def behaviours(s, as_of: dt.date, customer_ids: Collection[int]) -> dict[int, PaymentBehaviour | None]:
    """Per customer of ``customer_ids``: the payment behaviour over the invoices fully paid in the 12
    months before D (``open_set.cleared_rows``), counted from the monthly summary of clearings
    (storage.clearing_summary: the whole months from it, the part-months at both ends from the invoices).
    ``s``: a session or a DB-API connection."""
    found = clearing_summary.counts(s, behaviour_window_start(as_of), as_of, customer_ids)
    return {cid: behaviour_from_counts(c.invoices, c.late, c.days_late) for cid, c in found.items()}


def _load(con: sqlite3.Connection, as_of: dt.date, ids: Collection[int], grace_days: int,
          out: dict[int, CustomerInputs]) -> None:
    """Everything but the invoices: customers (and their own ladder), step history and the latest credit
    review, promise, hold and payment plans (thousands of customers on the worklist; the promises and plans
    through the forecast's reader, storage.forecast_sql)."""
    scope = json.dumps(sorted(ids))
    for cid, code, name, credit_class, currency, email, limit, on_hold, ladder_json in con.execute(
            "SELECT c.id, c.code, c.name, c.credit_class, c.currency, c.email, c.credit_limit, c.on_hold, "
            "l.ladder_json FROM customer c LEFT JOIN customer_ladder l ON l.customer_id = c.id "
            "WHERE c.id IN (SELECT value FROM json_each(?))", (scope,)):
        out[cid] = CustomerInputs(
            cid, code, name, credit_class, currency, email, None if limit is None else from_minor(limit, currency),
            bool(on_hold), json.loads(ladder_json) if ladder_json else None)
    d = as_of.isoformat()   # these tables keep ISO text (storage.days)
    days: dict[str, dt.date] = {}
    for cid, kind, key, date in con.execute(
            "SELECT customer_id, kind, step_key, date FROM collection_event WHERE customer_id IN "
            "(SELECT value FROM json_each(?)) AND date <= ? AND kind IN ('step_done', 'step_skipped', 'credit_review') "
            "ORDER BY date, id", (scope, d)):
        ci = out.get(cid)
        if ci is None:
            continue
        on = days.get(date)
        if on is None:
            on = days[date] = _day(date[:10])
        if kind == "credit_review":
            ci.last_credit_review = on
        else:
            ci.history.append(StepRecord(key, on, skipped=kind == "step_skipped"))
    for p in forecast_sql.latest_promises(con, as_of, ids, grace_days):
        ci = out.get(p.customer_id)
        if ci is not None:
            ci.promise = Promise(p.made_on, p.promised_date, from_minor(p.amount, ci.currency),
                                 paid_since=from_minor(p.received, ci.currency), ref=p.id)
            ci.promise_status = p.status
    # the hold active on D (the latest set, when several overlap)
    for hid, cid, until, reason in con.execute(
            "SELECT id, customer_id, until, reason FROM hold WHERE customer_id IN (SELECT value FROM json_each(?)) "
            "AND set_on <= ? AND (released_on IS NULL OR released_on > ?) ORDER BY set_on, id", (scope, d, d)):
        ci = out.get(cid)
        if ci is not None:
            ci.hold, ci.hold_id = Hold(_day(until[:10]), reason), hid
    # the payment plans that bear on D (judged by the service: holding, broken or ended)
    plans = forecast_sql.plans_on(con, as_of, ids)
    numbers = forecast_sql.names(con, {i for p in plans for i in p.invoice_ids}) if plans else {}
    for p in plans:
        ci = out.get(p.customer_id)
        if ci is None:
            continue
        inputs = PlanInputs(p.id, p.status, p.starts_on, p.ends_on,
                            frozenset(numbers[i][0] for i in p.invoice_ids),
                            [(on, from_minor(units, ci.currency)) for on, units in p.instalments],
                            [(on, from_minor(units, ci.currency)) for on, units in sorted(p.paid)])
        ci.plan_inputs.append(inputs)
        ci.plans.append(inputs.plan())


def _load_invoices(con: sqlite3.Connection, as_of: dt.date, customer_ids: list[int],
                   out: dict[int, CustomerInputs]) -> None:
    """Every invoice of the customers that exists as of D, as InvoiceState with the open amount, settlement
    date and dispute state (and amount) as of D."""
    scope = json.dumps(customer_ids)
    q, args = _invoices(as_of, f"customer_id {_IN} AND {_LIVE}", (scope, day(as_of), day(as_of)),
                        "ORDER BY customer_id, due_date, number")
    _add_invoices(con, as_of, con.execute(q, args).fetchall(), _disputes(con, scope), out)


def _disputes(con: sqlite3.Connection, customers: str | None = None) -> dict[int, list[tuple[dt.date, str, int | None]]]:
    """invoice id -> its dispute events (date, kind, units), oldest first: every invoice's, or those of the
    customers of ``customers`` (a JSON list of ids)."""
    disputes: dict[int, list[tuple[dt.date, str, int | None]]] = {}
    where, args = ("", ()) if customers is None else (f" AND customer_id {_IN}", (customers,))
    days: dict[str, dt.date] = {}
    for inv_id, date, kind, units in con.execute(
            f"SELECT invoice_id, date, kind, amount FROM collection_event WHERE kind IN ({_DISPUTE_KINDS}) "
            f"AND invoice_id IS NOT NULL{where} ORDER BY date, id", args):
        on = days.get(date)
        if on is None:
            on = days[date] = _day(date[:10])
        disputes.setdefault(inv_id, []).append((on, kind, units))
    return disputes


def _add_invoices(con: sqlite3.Connection, as_of: dt.date, rows, disputes, out: dict[int, CustomerInputs]) -> None:
    """Append to each customer's inputs its invoices of ``rows`` (``_invoice_columns``, by customer, due date
    and number) as InvoiceState as of D."""
    rows = [r for r in rows if r[1] in out]   # tens of thousands: straight from the cursor
    # paid in full on D but not cleared for good by then: a reversal reopened it later, so it was
    # cleared by its last allocation on or before D (what is paid never exceeds the amount)
    reopened = _last_allocations(con, [r[0] for r in rows if r[5] - r[9] <= 0 and r[10] is None], as_of)
    nothing: dict[str, Decimal] = {}   # the zero of each currency, shared by the settled invoices
    days: dict[int, dt.date] = {}      # each day number turned into a date once
    parse = date_of
    for inv_id, cid, number, issued, due, amount, currency, flag, flag_units, paid_by_d, cleared in rows:
        ci = out[cid]
        open_units = amount - paid_by_d
        if open_units > 0:
            settled, open_amount = None, from_minor(open_units, currency)
        else:
            settled = parse(cleared) if cleared is not None else reopened.get(inv_id)
            open_amount = nothing.get(currency)
            if open_amount is None:
                open_amount = nothing[currency] = from_minor(0, currency)
        events = disputes.get(inv_id)
        if events is None and not flag:
            disputed, units = False, None
        else:
            disputed, units = dispute_as_of(events, flag, flag_units, as_of)
        due_day = days.get(due)
        if due_day is None:
            due_day = days[due] = parse(due)
        issue_day = days.get(issued)
        if issue_day is None:
            issue_day = days[issued] = parse(issued)
        ci.invoices.append(InvoiceState(number, due_day, open_amount, disputed=disputed, settled_on=settled,
                                        issue_date=issue_day,
                                        disputed_amount=None if units is None else from_minor(units, currency)))


def _last_allocations(con: sqlite3.Connection, invoice_ids: list[int], as_of: dt.date) -> dict[int, dt.date]:
    if not invoice_ids:
        return {}
    return {i: date_of(d) for i, d in con.execute(
        f"SELECT invoice_id, max(date) FROM allocation WHERE invoice_id {_IN} AND date <= ? GROUP BY invoice_id",
        (json.dumps(invoice_ids), day(as_of)))}


def open_units_as_of(s, customer_id: int, as_of: dt.date) -> int:
    """The customer's open balance in minor units as of D (all live invoices, due or not)."""
    d = day(as_of)
    row = connection(s).execute(
        "SELECT coalesce(sum(amount - (SELECT coalesce(sum(a.amount), 0) FROM allocation a "
        f"WHERE a.invoice_id = invoice.id AND a.date <= ?)), 0) FROM invoice WHERE customer_id = ? AND {_LIVE}",
        (d, customer_id, d, d)).fetchone()
    return int(row[0] or 0)


def open_units_now(s, customer_id: int) -> int:
    row = connection(s).execute("SELECT coalesce(sum(amount - paid), 0) FROM invoice WHERE customer_id = ? "
                                 "AND voided IS 0", (customer_id,)).fetchone()
    return int(row[0] or 0)


_day = dt.date.fromisoformat
