"""The cash forecast as of a date (domain/forecast.py): gathers the open amounts, the plans and promises
running on D, the legal and agency steps taken, and each customer's days late, in plain SQL
(storage.kpi_sql, storage.forecast_sql, storage.clearing_summary) on ``Database.reader``'s connection
or a session's: the `forecast` command imports no SQLAlchemy.

The weekly totals are placed in integer minor units over what the open set's index holds (invoice and
customer ids, due date, open amount): the domain's rule needs an invoice's number and its customer's
code only to order a promised customer's invoices and to name a plan's, so only those are read. In the
window and the `forecast` command (``cash_forecast``) SQLite sums the amounts that only go on their due
day plus their customer's days late; the receipt per invoice (the list behind a bar) needs every amount
and number: read again, every amount placed here, when something first asks for the receipts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from ar_desktop.domain.forecast import (DEFAULT_WEEKS, DUE, LATE_HISTORY_DAYS, ExpectedReceipt, Forecast,
                                        ForecastItem, ForecastPlan, ForecastPromise, check_weeks, forecast, whole_days)
from ar_desktop.domain.kpi import Period
from ar_desktop.domain.ladder import ActionKind, ladder_in_force
from ar_desktop.domain.money import from_minor
from ar_desktop.domain.next_step import DEFAULT_GRACE_DAYS, Promise
from ar_desktop.domain.payment_plan import HOLDING, OPEN, plan_state
from ar_desktop.services.context import Books
from ar_desktop.services.kpis import _currency, check_as_of
from ar_desktop.services.setting_keys import GRACE_KEY, LADDER_KEY
from ar_desktop.storage import clearing_summary, company_row, forecast_sql, kpi_sql
from ar_desktop.storage.days import date_of
from ar_desktop.storage.days import day as day_number

LEGAL_ACTIONS = frozenset({ActionKind.LEGAL_ACTION, ActionKind.AGENCY})


def cash_forecast(books: Books, as_of: dt.date, weeks: int = DEFAULT_WEEKS, currency: str | None = None) -> Forecast:
    """When each amount open as of ``as_of`` is expected, week by week from the day after: the weekly totals
    summed by SQLite (``forecast_sql.weeks``), the receipts per invoice read again from ``books`` when first
    asked for."""
    check_as_of(as_of)
    check_weeks(weeks)
    with books.db.reader() as con:
        code = _currency(con, currency)

        def receipts() -> tuple[ExpectedReceipt, ...]:
            with books.db.reader() as again:
                return forecast_from(again, as_of, weeks, code).receipts

        return forecast_from(con, as_of, weeks, code, receipts=receipts)


def forecast_from(s, as_of: dt.date, weeks: int, currency: str,
                  receipts: Callable[[], tuple[ExpectedReceipt, ...]] | None = None) -> Forecast:
    """The forecast of the invoices open as of D in ``currency``. ``s``: a session or a DB-API connection.

    With ``receipts`` (how to read the receipts per invoice when first asked for), the amounts that only go
    on their due day plus their customer's days late, nearly all of them, and those of the invoices flagged
    disputed are summed per week by SQLite without a row each in Python (42,000 on the million-invoice file);
    only the amounts a plan, a promise, a dispute event or a legal step concerns come to the rule. Without
    it every open amount is read and placed here and the receipts are made now (on ``s``, as the printed
    report wants them). Both give the same weeks to the cent (tests/storage/test_forecast_sql.py)."""
    con = kpi_sql.dbapi(s)
    check_weeks(weeks)
    if receipts is None:
        return _in_python(con, as_of, weeks, currency)
    rules = _rules(con, as_of, None, currency)
    events = kpi_sql.dispute_events_of_all(con)
    summed = forecast_sql.weeks(con, as_of, weeks, currency, _history(as_of), rules.numbered | events.keys(),
                                rules.promised | rules.legal_since.keys())
    late = {cid: days for _iid, cid, _due, _units, days in summed.rows}
    rows = [r[:4] for r in summed.rows]
    disputed = kpi_sql.disputed_among(con, as_of, {r[0]: r[3] for r in rows}, events)
    raw, _number = _placed(con, as_of, weeks, rows, rules, late, disputed)
    return Forecast(as_of, raw.week_starts,
                    tuple(from_minor(u + p, currency) for u, p in zip(raw.per_week, summed.per_week, strict=True)),
                    from_minor(raw.uncertain + summed.uncertain, currency),
                    from_minor(raw.later + summed.later, currency), receipts)


def _history(as_of: dt.date) -> tuple[str, list]:
    return clearing_summary.history_sql(as_of - dt.timedelta(days=LATE_HISTORY_DAYS), as_of)


def _in_python(con, as_of: dt.date, weeks: int, currency: str) -> Forecast:
    """Every open amount read and placed here, the receipts made now."""
    rows = kpi_sql.open_amounts(con, as_of, currency)
    customers = sorted({r[1] for r in rows})
    disputed = kpi_sql.disputed_among(con, as_of, {r[0]: r[3] for r in rows})
    rules = _rules(con, as_of, customers, currency)
    history = clearing_summary.counts(con, as_of - dt.timedelta(days=LATE_HISTORY_DAYS), as_of, customers,
                                      adjusted=False)
    late = {cid: whole_days(c.days_late, c.invoices) for cid, c in history.items()}
    plain, rows_of_rule = _plain_due(rows, as_of, weeks, late, rules.numbered | disputed.keys(),
                                     rules.promised | rules.legal_since.keys())
    raw, number = _placed(con, as_of, weeks, rows_of_rule, rules, late, disputed)
    by_number = {v: k for k, v in number.items()}
    named = forecast_sql.names(con, [r[0] for r in rows])
    out = []
    for r in (*raw.receipts, *plain.receipts()):
        iid = by_number.get(r.invoice_number, r.invoice_number)
        inv, code = named.get(iid, (f"#{iid}", f"#{r.customer_code}"))   # deleted between two reads
        out.append(ExpectedReceipt(inv, code, from_minor(r.amount, currency), r.expected_on, r.basis))
    out.sort(key=lambda r: (r.expected_on or dt.date.max, r.customer_code, r.invoice_number))
    receipts = tuple(out)
    return Forecast(as_of, raw.week_starts,
                    tuple(from_minor(u + p, currency) for u, p in zip(raw.per_week, plain.per_week, strict=True)),
                    from_minor(raw.uncertain, currency), from_minor(raw.later + plain.later, currency),
                    lambda: receipts)


class _Rules(NamedTuple):
    """What places an amount otherwise than on its due day plus days late: the plans holding on D, the
    promises standing on D, per customer the day of the latest legal or agency step taken."""

    plans: list[forecast_sql.PlanRow]
    promises: list[forecast_sql.PromiseRow]
    legal_since: dict[int, dt.date]
    numbered: set[int]      # the invoices of those plans
    promised: set[int]      # the customers of those promises


def _rules(con, as_of: dt.date, customers: list[int] | None, currency: str) -> _Rules:
    """... of the given customers (None: of all; those with nothing open have nothing to place)."""
    legal_since = _legal_steps(con, as_of, customers)
    stored = company_row.read_settings(con, [GRACE_KEY])
    grace = int(stored.get(GRACE_KEY, DEFAULT_GRACE_DAYS))
    plans = [p for p in forecast_sql.plans_on(con, as_of, customers)
             if p.status == OPEN and plan_state(p.status, p.starts_on, p.ends_on, _money(p.instalments, currency),
                                                _money(p.paid, currency), as_of, grace)[0] == HOLDING]
    promises = []
    for p in forecast_sql.latest_promises(con, as_of, customers, grace):
        promise = Promise(p.made_on, p.promised_date, from_minor(p.amount, currency),
                          paid_since=from_minor(p.received, currency), ref=p.id)
        if not promise.kept() and as_of <= promise.deadline(grace):
            promises.append(p)
    return _Rules(plans, promises, legal_since, set().union(*(p.invoice_ids for p in plans)),
                  {p.customer_id for p in promises})


def _placed(con, as_of: dt.date, weeks: int, rows, rules: _Rules, late: dict[int, int],
            disputed: dict[int, int]) -> tuple[Forecast, dict[int, str]]:
    """The rule's forecast (domain.forecast.forecast, integer minor units) of ``rows`` (invoice id, customer
    id, due day, open units), and the numbers it ordered or named invoices by (invoice id -> number): the
    items are keyed by invoice id, but by number where a promise or a plan orders them."""
    wanted = [iid for iid, cid, _due, _units in rows if iid in rules.numbered or cid in rules.promised]
    number = {iid: found[0] for iid, found in forecast_sql.names(con, wanted).items()} if wanted else {}
    legal_since = rules.legal_since
    # a few hundred due dates among the invoices the rule places: each made a date once; the items built
    # with tuple.__new__ (a named tuple's own __new__ is a Python function: a call per open invoice)
    day = {n: date_of(n) for n in {r[2] for r in rows}}
    new, item = tuple.__new__, ForecastItem
    items = [new(item, (number.get(iid, iid), cid, day[due], units, disputed.get(iid, 0),
                        cid in legal_since and _taken_after_due(legal_since[cid], day[due])))
             for iid, cid, due, units in rows]
    raw = forecast(as_of, items, weeks=weeks, zero=0, average_days_late=late,
                   plans=[ForecastPlan(frozenset(number[i] for i in p.invoice_ids if i in number),
                                       tuple(p.instalments), sum(u for _d, u in p.paid)) for p in rules.plans],
                   promises=[ForecastPromise(p.customer_id, p.promised_date, p.amount - p.received)
                             for p in rules.promises])
    return raw, number


class _PlainDue:
    """The open amounts the rule only places on their due day plus their customer's days late (no plan, no
    promise, no dispute, no legal step): their weekly totals, and their receipts when asked for."""

    def __init__(self, as_of: dt.date, weeks: int, late: dict[int, int]):
        self.first = day_number(as_of) + 1
        self.per_week = [0] * weeks
        self.later = 0
        self.late = late
        self.rows: list[tuple[int, int, int, int]] = []

    def receipts(self) -> list[ExpectedReceipt]:
        first, late = self.first, self.late
        return [ExpectedReceipt(iid, cid, units, date_of(max(due + late.get(cid, 0), first)), DUE)
                for iid, cid, due, units in self.rows]


def _plain_due(rows, as_of: dt.date, weeks: int, late: dict[int, int], special_invoices,
               special_customers) -> tuple[_PlainDue, list]:
    """Split the open amounts (invoice id, customer id, due day number, units > 0) into those the rule only
    places on their due day plus their customer's days late, summed here per week in day numbers (what
    ``domain.forecast.forecast`` does with each: the same day, the same week; ~41,700 of them on the
    million-invoice file, no item or date made for one), and the others, for the rule."""
    plain = _PlainDue(as_of, weeks, late)
    first, per_week, mine, others = plain.first, plain.per_week, plain.rows, []
    later = 0
    for r in rows:
        iid, cid, due, units = r
        if iid in special_invoices or cid in special_customers:
            others.append(r)
            continue
        mine.append(r)
        k = (max(due + late.get(cid, 0), first) - first) // 7
        if k < weeks:
            per_week[k] += units
        else:
            later += units
    plain.later = later
    return plain, others


def _money(dated: list[tuple[dt.date, int]], currency: str) -> list:
    return [(d, from_minor(u, currency)) for d, u in dated]


def _taken_after_due(step_day: dt.date | None, due_date: dt.date) -> bool:
    """A legal or agency step concerns the invoices already overdue on the day it was taken."""
    return step_day is not None and step_day > due_date


def _legal_steps(con, as_of: dt.date, customers: list[int] | None) -> dict[int, dt.date]:
    """Per customer (of the given ones; None: of all): the latest day on or before D a legal-action or agency
    step was taken."""
    out: dict[int, dt.date] = {}
    steps = forecast_sql.steps_done(con, as_of, customers)
    if not steps:
        return out
    sources = forecast_sql.ladder_sources(con, {cid for cid, _k, _d in steps})
    classes = company_row.read_settings(con, [LADDER_KEY.format(cls=cls) for cls, _own in sources.values()])
    ladders = {}
    for cid, key, day in steps:
        if cid not in ladders:
            cls, own = sources[cid]
            ladders[cid] = ladder_in_force(cls, own, classes.get(LADDER_KEY.format(cls=cls)))
        step = ladders[cid].get(key)
        if step is not None and step.action in LEGAL_ACTIONS:
            out[cid] = day
    return out
