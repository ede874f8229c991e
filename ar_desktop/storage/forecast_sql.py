"""What the cash forecast reads besides the open amounts, in plain SQL on the DB-API connection, so that
the `forecast` command answers without importing SQLAlchemy (as `kpi` does, storage.kpi_sql): the ladder
steps taken and the ladders they belong to, the collection settings, the promises and the payment plans
running on D, and the numbers and customer codes of the invoices whose receipts are listed.

The promises and plans are those of ``collections_repo.latest_promises`` and ``plans_on`` (the worklist's,
written with the ORM); ``tests/services/test_forecast_service.py`` holds the two equal on ledgers with promises
kept, broken and reversed and plans holding, broken and ended.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Collection, Iterable
from typing import NamedTuple

from ar_desktop.domain.payment_kinds import CORRECTIONS, RECOVERY
from ar_desktop.storage.days import date_of, day, from_iso_sql

# Entries that are no money from the customer keep no promise (collection_records.NOT_MONEY).
_NOT_MONEY = ", ".join(repr(m) for m in sorted(CORRECTIONS - {RECOVERY.key}))
_day = dt.date.fromisoformat


def _ids(ids: Iterable[int]) -> str:
    return json.dumps(sorted(set(ids)))


_IN = "IN (SELECT value FROM json_each(?))"


def _of(column: str, ids: Collection[int] | None) -> tuple[str, tuple]:
    """``column`` among ``ids`` (None: any): a condition and its argument."""
    return ("1", ()) if ids is None else (f"{column} {_IN}", (_ids(ids),))


def steps_done(con: sqlite3.Connection, as_of: dt.date,
               customer_ids: Collection[int] | None) -> list[tuple[int, str, dt.date]]:
    """(customer id, step key, date) of every ladder step taken on or before D, oldest first (of the given
    customers; None: of all)."""
    scope, args = _of("customer_id", customer_ids)
    return [(cid, key, _day(str(d)[:10])) for cid, key, d in con.execute(
        f"SELECT customer_id, step_key, date FROM collection_event WHERE kind = 'step_done' AND date <= ? "
        f"AND {scope} ORDER BY date, id", (as_of.isoformat(), *args))]


def ladder_sources(con: sqlite3.Connection, customer_ids: Collection[int]) -> dict[int, tuple[str, list | None]]:
    """Per customer: (credit class, its own ladder's data or None)."""
    return {cid: (cls, None if data is None else json.loads(data)) for cid, cls, data in con.execute(
        "SELECT customer.id, customer.credit_class, customer_ladder.ladder_json FROM customer LEFT JOIN customer_ladder "
        f"ON customer_ladder.customer_id = customer.id WHERE customer.id {_IN}", (_ids(customer_ids),))}


class PromiseRow(NamedTuple):
    """The latest promise a customer made on or before D (minor units)."""

    customer_id: int
    id: int
    made_on: dt.date
    promised_date: dt.date
    amount: int
    received: int    # money received from the day it was made up to min(D, promised date + grace)
    status: str


def latest_promises(con: sqlite3.Connection, as_of: dt.date, customer_ids: Collection[int] | None,
                    grace_days: int) -> list[PromiseRow]:
    """Per customer (of the given ones; None: of all), the latest promise made on or before D with the money
    received in its window (entries that are money, not reversed by D): collections_repo.latest_promises."""
    scope, scope_args = _of("customer_id", customer_ids)
    d = as_of.isoformat()   # the promise's own dates are ISO text; the payments' day numbers (storage.days)
    received = ("(SELECT coalesce(sum(pay.amount), 0) FROM payment pay WHERE pay.customer_id = p.customer_id "
                f"AND pay.date >= {from_iso_sql('p.made_on')} AND pay.date <= min({from_iso_sql('p.promised_date')} + ?, ?) "
                f"AND pay.method NOT IN ({_NOT_MONEY}) AND pay.reverses_id IS NULL AND NOT EXISTS "
                "(SELECT 1 FROM payment r WHERE r.reverses_id = pay.id AND r.date <= ?))")
    q = (f"SELECT p.customer_id, p.id, p.made_on, p.promised_date, p.amount, {received}, p.status FROM "
         "(SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY made_on DESC, promised_date DESC, id DESC) "
         f"AS rn FROM promise WHERE {scope} AND made_on <= ?) AS ranked JOIN promise p ON p.id = ranked.id "
         "WHERE ranked.rn = 1")
    return [PromiseRow(cid, pid, _day(made), _day(promised), amount, int(units), status)
            for cid, pid, made, promised, amount, units, status in
            con.execute(q, (int(grace_days), day(as_of), day(as_of), *scope_args, d))]


class PlanRow(NamedTuple):
    """A payment plan that bears on D (minor units): collections_repo.PlanInputs."""

    id: int
    customer_id: int
    status: str
    starts_on: dt.date
    ends_on: dt.date
    invoice_ids: frozenset[int]
    instalments: list[tuple[dt.date, int]]
    paid: list[tuple[dt.date, int]]     # allocated to its invoices from starts_on to D, by day


def plans_on(con: sqlite3.Connection, as_of: dt.date, customer_ids: Collection[int] | None) -> list[PlanRow]:
    """The plans of the customers (None: of all) started by D that are still open (also past their last day)
    or whose recorded dates include D, by start: collections_repo.plans_on."""
    d = as_of.isoformat()
    scope, args = _of("customer_id", customer_ids)
    plans = con.execute(
        f"SELECT id, customer_id, status, starts_on, ends_on FROM payment_plan WHERE {scope} "
        "AND starts_on <= ? AND (ends_on >= ? OR status = 'open') ORDER BY starts_on, id",
        (*args, d, d)).fetchall()
    if not plans:
        return []
    ids = _ids(p[0] for p in plans)
    invoices: dict[int, set[int]] = {}
    for pid, iid in con.execute(f"SELECT plan_id, invoice_id FROM payment_plan_invoice WHERE plan_id {_IN}", (ids,)):
        invoices.setdefault(pid, set()).add(iid)
    schedule: dict[int, list[tuple[dt.date, int]]] = {}
    for pid, due_on, units in con.execute(f"SELECT plan_id, due_on, amount FROM payment_plan_instalment "
                                          f"WHERE plan_id {_IN} ORDER BY plan_id, due_on", (ids,)):
        schedule.setdefault(pid, []).append((_day(due_on), units))
    paid: dict[int, list[tuple[dt.date, int]]] = {}
    for pid, on, units in con.execute(
            "SELECT ppi.plan_id, a.date, sum(a.amount) FROM payment_plan_invoice ppi "
            "JOIN payment_plan pp ON pp.id = ppi.plan_id JOIN allocation a ON a.invoice_id = ppi.invoice_id "
            f"WHERE ppi.plan_id {_IN} AND a.date >= {from_iso_sql('pp.starts_on')} AND a.date <= ? "
            "GROUP BY ppi.plan_id, a.date", (ids, day(as_of))):
        paid.setdefault(pid, []).append((date_of(on), int(units)))
    return [PlanRow(pid, cid, status, _day(starts), _day(ends), frozenset(invoices.get(pid, ())),
                    schedule.get(pid, []), paid.get(pid, []))
            for pid, cid, status, starts, ends in plans]


def names(con: sqlite3.Connection, invoice_ids: Collection[int]) -> dict[int, tuple[str, str]]:
    """Invoice id -> (its number, its customer's code)."""
    return {i: (number, code) for i, number, code in con.execute(
        "SELECT invoice.id, invoice.number, customer.code FROM invoice JOIN customer ON customer.id = invoice.customer_id "
        f"WHERE invoice.id {_IN}", (_ids(invoice_ids),))}


def customer_names(s) -> dict[str, str]:
    """Customer code -> name (``s``: a session or a DB-API connection)."""
    from ar_desktop.storage.kpi_sql import dbapi

    return dict(dbapi(s).execute("SELECT code, name FROM customer"))


class Weeks(NamedTuple):
    """The open amounts as of D summed by SQLite (minor units), and those left to the rule in Python."""

    per_week: list[int]
    later: int
    uncertain: int        # invoices flagged disputed with no dispute event: all that is open on them
    rows: list[tuple[int, int, int, int, int]]   # (invoice id, customer id, due day, open units, days late)


# The customers' days late while SQLite places the open amounts: a temporary table keyed by customer id, so
# that each open amount finds its customer's by one seek of the key. (A CTE has no key: SQLite joined
# 42,000 open amounts to it through an index it builds itself only when its estimates say so, and
# otherwise read all 10,000 rows of it per amount, ~17 s, as soon as the query took a GROUP BY.)
_LATE = "temp.forecast_late"


def weeks(con: sqlite3.Connection, as_of: dt.date, weeks: int, currency: str, history: tuple[str, list],
          invoices: Collection[int], customers: Collection[int]) -> Weeks:
    """The open amounts as of D in ``currency`` placed on their due day plus their customer's days late (from
    ``history``: rows (customer id, invoices cleared, days late summed), clearing_summary.history_sql), at
    the earliest D + 1, summed per week from D + 1 (week ``weeks``: later), the invoices flagged disputed as
    uncertain, without a row in Python; the amounts of ``invoices`` and of ``customers`` (those a plan, a
    promise, a dispute event or a legal step concerns) come back as rows for the rule, with their days late.
    The days late are the average over the invoices cleared, in whole days rounded half up (forecast.whole_days;
    the days late summed are never negative)."""
    from ar_desktop.storage.spans import open_sql, paid_on_sql

    first = day(as_of) + 1
    paid, paid_args = paid_on_sql(as_of)
    rows, args = open_sql(as_of, f"id, customer_id, due_date, amount - {paid} AS units", "currency = ?", (currency,),
                          paid_args)
    special = f"(o.id {_IN} OR o.customer_id {_IN})"
    # one group per week (0..weeks), -1 the flagged disputed, and one per amount left to the rule (-2 - its id)
    key = (f"CASE WHEN {special} THEN -2 - o.id WHEN o.id IN (SELECT id FROM invoice WHERE disputed = 1) THEN -1 "
           f"ELSE min((max(o.due_date + coalesce(l.late, 0), ?) - ?) / 7, ?) END")
    # Python's sqlite3 opens a transaction before the TEMP table's writes; committed at once on a reader (none
    # open before), so that the grouped read can still be stopped (Database.interrupt_reads skips a connection
    # inside a transaction)
    reader = not con.in_transaction
    con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_LATE[5:]} (customer_id INTEGER PRIMARY KEY, late INTEGER NOT NULL)")
    try:
        con.execute(f"DELETE FROM {_LATE}")
        con.execute(f"INSERT INTO {_LATE} SELECT customer_id, (2 * days_late + invoices) / (2 * invoices) "
                    f"FROM ({history[0]}) WHERE invoices > 0", history[1])
        if reader:
            con.commit()
        found = con.execute(
            f"SELECT {key} AS k, min(o.customer_id), min(o.due_date), sum(o.units), min(coalesce(l.late, 0)) "
            f"FROM ({rows}) AS o LEFT JOIN {_LATE} AS l ON l.customer_id = o.customer_id WHERE o.units > 0 GROUP BY k",
            [_ids(invoices), _ids(customers), first, first, weeks, *args]).fetchall()
    finally:
        con.execute(f"DELETE FROM {_LATE}")
        if reader:
            con.commit()
    per_week, later, uncertain, left = [0] * weeks, 0, 0, []
    for k, cid, due, units, late in found:
        if k <= -2:
            left.append((-2 - k, cid, due, units, late))
        elif k == -1:
            uncertain = units
        elif k < weeks:
            per_week[k] = units
        else:
            later = units
    return Weeks(per_week, later, uncertain, left)
