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
from typing import Any, NamedTuple

from ar_desktop.domain.payment_kinds import CORRECTIONS, RECOVERY
from ar_desktop.storage.days import date_of, day, from_iso_sql

# Entries that are no money from the customer keep no promise (collection_records.NOT_MONEY).
_NOT_MONEY = ", ".join(repr(m) for m in sorted(CORRECTIONS - {RECOVERY.key}))
_day = dt.date.fromisoformat


def _ids(ids: Iterable[int]) -> str:
    return json.dumps(sorted(set(ids)))


_IN = "IN (SELECT value FROM json_each(?))"


def settings(con: sqlite3.Connection, keys: Collection[str]) -> dict[str, Any]:
    """The stored settings among ``keys`` (company_repo.get_settings)."""
    return {k: json.loads(v) for k, v in con.execute(f"SELECT key, value FROM setting WHERE key {_IN}",
                                                     (json.dumps(list(keys)),))}


def steps_done(con: sqlite3.Connection, as_of: dt.date, customer_ids: Collection[int]) -> list[tuple[int, str, dt.date]]:
    """(customer id, step key, date) of every ladder step taken on or before D, oldest first."""
    return [(cid, key, _day(str(d)[:10])) for cid, key, d in con.execute(
        f"SELECT customer_id, step_key, date FROM collection_event WHERE kind = 'step_done' AND date <= ? "
        f"AND customer_id {_IN} ORDER BY date, id", (as_of.isoformat(), _ids(customer_ids)))]


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


def latest_promises(con: sqlite3.Connection, as_of: dt.date, customer_ids: Collection[int],
                    grace_days: int) -> list[PromiseRow]:
    """Per customer, the latest promise made on or before D with the money received in its window (entries
    that are money, not reversed by D): collections_repo.latest_promises."""
    d = as_of.isoformat()   # the promise's own dates are ISO text; the payments' day numbers (storage.days)
    received = ("(SELECT coalesce(sum(pay.amount), 0) FROM payment pay WHERE pay.customer_id = p.customer_id "
                f"AND pay.date >= {from_iso_sql('p.made_on')} AND pay.date <= min({from_iso_sql('p.promised_date')} + ?, ?) "
                f"AND pay.method NOT IN ({_NOT_MONEY}) AND pay.reverses_id IS NULL AND NOT EXISTS "
                "(SELECT 1 FROM payment r WHERE r.reverses_id = pay.id AND r.date <= ?))")
    q = (f"SELECT p.customer_id, p.id, p.made_on, p.promised_date, p.amount, {received}, p.status FROM "
         "(SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY made_on DESC, promised_date DESC, id DESC) "
         f"AS rn FROM promise WHERE customer_id {_IN} AND made_on <= ?) AS ranked JOIN promise p ON p.id = ranked.id "
         "WHERE ranked.rn = 1")
    return [PromiseRow(cid, pid, _day(made), _day(promised), amount, int(units), status)
            for cid, pid, made, promised, amount, units, status in
            con.execute(q, (int(grace_days), day(as_of), day(as_of), _ids(customer_ids), d))]


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


def plans_on(con: sqlite3.Connection, as_of: dt.date, customer_ids: Collection[int]) -> list[PlanRow]:
    """The plans of the customers started by D that are still open (also past their last day) or whose
    recorded dates include D, by start: collections_repo.plans_on."""
    d = as_of.isoformat()
    plans = con.execute(
        f"SELECT id, customer_id, status, starts_on, ends_on FROM payment_plan WHERE customer_id {_IN} "
        "AND starts_on <= ? AND (ends_on >= ? OR status = 'open') ORDER BY starts_on, id",
        (_ids(customer_ids), d, d)).fetchall()
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
