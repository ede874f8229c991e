"""The receivables figures as of a date (domain/kpi.py) for the window, the command line and the
printed reports: one currency at a time (the company's unless another is asked for).

The sums are storage.kpi_sql's, read on ``Database.reader``'s plain connection: the `kpi` command
loads no SQLAlchemy. Functions that take ``s`` take a session or a DB-API connection."""

from __future__ import annotations

import datetime as dt

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.kpi import (DEFAULT_DAYS, TREND_POINTS, KpiInputs, Kpis, Period, TrendPoint, compute_kpis,
                                   month_ends, sales_in, trend_point)
from ar_desktop.domain.money import from_minor, normalize_currency
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.storage import kpi_sql
from ar_desktop.storage.kpi_sql import dbapi


def report_currency(books: Books, currency: str | None = None) -> str:
    """The currency the figures are in: ``currency`` if given, else the company's (or, when the
    company has no invoices in its own currency, the first currency invoices are in)."""
    with books.db.reader() as con:
        return _currency(con, currency)


def _currency(s, currency: str | None) -> str:
    if currency:
        return normalize_currency(currency)
    con = dbapi(s)
    own = kpi_sql.company_currency(con)
    if kpi_sql.uses_currency(con, own):
        return own
    used = kpi_sql.currencies_in_use(con)
    return used[0] if used else own


def currencies(books: Books) -> list[str]:
    """Every currency the file has invoices in (the company's first)."""
    with books.db.reader() as con:
        own = kpi_sql.company_currency(con)
        used = kpi_sql.currencies_in_use(con)
    return sorted(set(used) | {own}, key=lambda c: (c != own, c))


def check_as_of(as_of: dt.date) -> dt.date:
    if not isinstance(as_of, dt.date):
        raise UserError(Text(translate("Messages", "The as-of date is missing. Enter a date as YYYY-MM-DD.")))
    return as_of


def kpi_inputs(s, period: Period, currency: str, totals: dict | None = None,
               disputed: int | None = None) -> KpiInputs:
    """``totals``: open balances already known, day -> (total, not yet due) in minor units; those
    computed here are added to it (the previous period's end is this period's start). ``disputed``:
    the disputed units on D when already known (the sum over the open items read for D). ``s``: a
    session or a DB-API connection."""
    con = dbapi(s)
    totals = {} if totals is None else totals
    totals.update(kpi_sql.open_totals(con, {period.as_of, period.start} - totals.keys(), currency))
    (total, current), (start_total, _) = totals[period.as_of], totals[period.start]
    if disputed is None:
        disputed = kpi_sql.disputed_units(con, [period.as_of], currency)[period.as_of]
    return KpiInputs(
        period=period, currency=currency, total_ar=from_minor(total, currency),
        current_ar=from_minor(current, currency), disputed_ar=from_minor(disputed, currency),
        sales=from_minor(kpi_sql.sales_units(con, period, currency), currency),
        ar_start=from_minor(start_total, currency), cleared=kpi_sql.clearing_stats(con, period, currency))


def kpis(books: Books, as_of: dt.date, days: int = DEFAULT_DAYS, currency: str | None = None) -> Kpis:
    """The figures as of ``as_of`` over the ``days`` days ending on it."""
    period = Period(check_as_of(as_of), days)
    with books.db.reader() as con:
        return compute_kpis(kpi_inputs(con, period, _currency(con, currency)))


def kpis_with_previous(books: Books, as_of: dt.date, days: int = DEFAULT_DAYS,
                       currency: str | None = None) -> tuple[Kpis, Kpis]:
    """The figures now and one period earlier (the same figures as of D - days)."""
    period = Period(check_as_of(as_of), days)
    with books.db.reader() as con:
        code, totals = _currency(con, currency), {}
        previous = period.previous()
        disputed = kpi_sql.disputed_units(con, [period.as_of, previous.as_of], code)
        return (compute_kpis(kpi_inputs(con, period, code, totals, disputed[period.as_of])),
                compute_kpis(kpi_inputs(con, previous, code, totals, disputed[previous.as_of])))


def trend(books: Books, as_of: dt.date, days: int = DEFAULT_DAYS, currency: str | None = None,
          points: int = TREND_POINTS) -> list[TrendPoint]:
    """DSO and overdue share at the last ``points`` month-ends on or before ``as_of``."""
    ends = month_ends(check_as_of(as_of), points)
    Period(as_of, days)  # validates days
    with books.db.reader() as con:
        code = _currency(con, currency)
        first = ends[0] - dt.timedelta(days=days - 1)
        daily, voided = kpi_sql.issued(con, first, ends[-1], code)
        totals = kpi_sql.open_totals(con, ends, code)
        out = []
        for end in ends:
            total, current = totals[end]
            sales = sales_in(Period(end, days), daily, voided)
            out.append(trend_point(end, from_minor(total, code), from_minor(current, code), from_minor(sales, code),
                                   days))
        return out


def cleared_invoices(books: Books, as_of: dt.date, days: int = DEFAULT_DAYS,
                     currency: str | None = None) -> list:
    """The invoices paid in full in the period (the list behind the two averages): kpi_repo.ClearedRow."""
    from ar_desktop.storage import kpi_repo

    period = Period(check_as_of(as_of), days)
    with books.db.session() as s:
        return kpi_repo.cleared_invoices(s, period, _currency(s, currency))
