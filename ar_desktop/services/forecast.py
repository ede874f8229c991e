"""The cash forecast as of a date (domain/forecast.py): gathers the open items, the plans and
promises running on D, the legal and agency steps taken, and each customer's days late."""

from __future__ import annotations

import datetime as dt

from ar_desktop.domain.forecast import (DEFAULT_WEEKS, LATE_HISTORY_DAYS, Forecast, ForecastItem, ForecastPlan,
                                        ForecastPromise, check_weeks, forecast, whole_days)
from ar_desktop.domain.kpi import Period
from ar_desktop.domain.ladder import ActionKind
from ar_desktop.domain.money import from_minor
from ar_desktop.domain.payment_plan import HOLDING, OPEN, plan_state
from ar_desktop.services.collections import _ladder_of, _settings
from ar_desktop.services.context import Books
from ar_desktop.services.kpis import _currency, check_as_of
from ar_desktop.storage import as_of_sql, collections_repo, kpi_repo

LEGAL_ACTIONS = frozenset({ActionKind.LEGAL_ACTION, ActionKind.AGENCY})


def cash_forecast(books: Books, as_of: dt.date, weeks: int = DEFAULT_WEEKS, currency: str | None = None) -> Forecast:
    """When each amount open as of ``as_of`` is expected, week by week from the day after."""
    check_as_of(as_of)
    check_weeks(weeks)
    with books.db.session() as s:
        code = _currency(s, currency)
        open_items = kpi_repo.open_items(s, as_of, currency=code)
        return forecast_from(s, as_of, weeks, open_items)


def forecast_from(s, as_of: dt.date, weeks: int, open_items: list[kpi_repo.OpenItem]) -> Forecast:
    """The forecast over ``open_items`` (the invoices open as of D, in one currency)."""
    ids = sorted({i.customer_id for i in open_items})
    customers = as_of_sql.id_set(ids)
    codes = {i.customer_id: i.customer_code for i in open_items}
    legal_since = _legal_steps(s, as_of, customers)
    zero = {c: from_minor(0, c) for c in {i.currency for i in open_items}}
    items = [ForecastItem(i.number, i.customer_code, i.due_date, from_minor(i.open_units, i.currency),
                          from_minor(i.disputed_units, i.currency) if i.disputed_units else zero[i.currency],
                          cid in legal_since and _taken_after_due(legal_since[cid], i.due_date))
             for i in open_items for cid in (i.customer_id,)]
    grace = _settings(s).grace_days
    plans = []
    for cid, running in collections_repo.plans_on(s, as_of, customers).items():
        for p in running:
            if p.status == OPEN and plan_state(p.status, p.starts_on, p.ends_on, p.instalments, p.paid,
                                               as_of, grace)[0] == HOLDING:
                plans.append(ForecastPlan(p.invoice_numbers, tuple(p.instalments), p.paid_since))
    promises = []
    for cid, (promise, _status) in collections_repo.latest_promises(s, as_of, customers, grace).items():
        if not promise.kept() and as_of <= promise.deadline(grace):
            promises.append(ForecastPromise(codes[cid], promise.promised_date, promise.amount - promise.paid_since))
    history = kpi_repo.customer_days_late(s, Period(as_of, LATE_HISTORY_DAYS), ids)
    late = {codes[cid]: whole_days(days, n) for cid, (n, days) in history.items()}
    return forecast(as_of, items, weeks=weeks, plans=plans, promises=promises, average_days_late=late)


def _taken_after_due(step_day: dt.date | None, due_date: dt.date) -> bool:
    """A legal or agency step concerns the invoices already overdue on the day it was taken."""
    return step_day is not None and step_day > due_date


def _legal_steps(s, as_of: dt.date, customers: list[int]) -> dict[int, dt.date]:
    """Per customer: the latest day on or before D a legal-action or agency step was taken."""
    from ar_desktop.storage import customers_repo

    out: dict[int, dt.date] = {}
    ladders = {}
    for cid, key, day in kpi_repo.steps_done(s, as_of, customers):
        if cid not in ladders:
            ladders[cid] = _ladder_of(s, cid, customers_repo.get(s, cid).credit_class)
        step = ladders[cid].get(key)
        if step is not None and step.action in LEGAL_ACTIONS:
            out[cid] = day
    return out
