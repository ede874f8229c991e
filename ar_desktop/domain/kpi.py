"""The standard receivables figures (KPIs) as of a date D over a period P.

Definitions (docs/kpis.md; one currency at a time; amounts as of D; P = the ``days`` days ending
on D, i.e. (D - days, D]; open balances exactly as the aging report computes them):

* ``total_ar``: open balance as of D; ``current_ar``: its not-yet-due part (aging bucket "current");
  ``overdue_ar`` = total - current; ``overdue_percent`` = 100 x overdue / total (0 when nothing is
  owed); ``disputed_ar``: the disputed part of the open balance.
* ``sales``: gross amount of the invoices issued in P (voided ones excluded).
* ``dso`` = total / sales x days; ``best_possible_dso`` = current / sales x days;
  ``average_days_delinquent`` = dso - best_possible_dso (all empty when sales is 0).
* ``cei`` = 100 x (ar_start + sales - total) / (ar_start + sales - current), ar_start = open balance
  as of D - days (empty when the denominator is 0).
* ``average_days_to_pay``: mean over the invoices whose open amount reached zero on a day in P of
  (that day - issue date); ``average_days_late``: mean over the same invoices of max(0, that day -
  due date). Invoices cleared by a write-off or credit note are left out of both.
* Figures with one decimal, amounts with two, rounded half-up once at the end.

Pure: the sums come from storage (``KpiInputs``); ``clearing_stats`` is the plain reference the
SQL sums are tested against.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.figure_periods import DEFAULT_DAYS
from ar_desktop.domain.text import Text, translate

MAX_DAYS = 3660
TREND_POINTS = 12

METRICS = ("total_ar", "current_ar", "overdue_ar", "overdue_percent", "disputed_ar", "sales", "dso",
           "best_possible_dso", "average_days_delinquent", "cei", "average_days_to_pay", "average_days_late")
AMOUNTS = frozenset({"total_ar", "current_ar", "overdue_ar", "disputed_ar", "sales"})
# Labels (English; the window translates them in the "Kpi" context).
LABELS = {
    "total_ar": translate("Kpi", "Total owed"),
    "current_ar": translate("Kpi", "Not yet due"),
    "overdue_ar": translate("Kpi", "Overdue"),
    "overdue_percent": translate("Kpi", "Overdue share (%)"),
    "disputed_ar": translate("Kpi", "Disputed"),
    "sales": translate("Kpi", "Sales in the period"),
    "dso": translate("Kpi", "DSO (days)"),
    "best_possible_dso": translate("Kpi", "Best possible DSO (days)"),
    "average_days_delinquent": translate("Kpi", "Average days delinquent"),
    "cei": translate("Kpi", "Collection effectiveness (%)"),
    "average_days_to_pay": translate("Kpi", "Average days to pay"),
    "average_days_late": translate("Kpi", "Average days late"),
}
# For these a smaller figure is the better one (an arrow down is good news).
LOWER_IS_BETTER = frozenset({"overdue_ar", "overdue_percent", "disputed_ar", "dso", "best_possible_dso",
                             "average_days_delinquent", "average_days_to_pay", "average_days_late"})

_ONE_DECIMAL = Decimal("0.1")
_TWO_DECIMALS = Decimal("0.01")
_HUNDRED = Decimal(100)
_ZERO = Decimal(0)


@dataclass(frozen=True)
class Period:
    """The ``days`` days ending on ``as_of``: (as_of - days, as_of]."""

    as_of: dt.date
    days: int = DEFAULT_DAYS

    def __post_init__(self) -> None:
        if not isinstance(self.days, int) or isinstance(self.days, bool) or not 1 <= self.days <= MAX_DAYS:
            raise UserError(Text(translate("Messages", "The period must be from 1 to {max} days, not {days}. "
                                           "Enter a number of days such as 30, 90 or 365."),
                                 max=MAX_DAYS, days=self.days))

    @property
    def start(self) -> dt.date:
        """The day before the first day of the period (open balances are taken as of this day)."""
        return self.as_of - dt.timedelta(days=self.days)

    @property
    def first_day(self) -> dt.date:
        return self.start + dt.timedelta(days=1)

    def contains(self, day: dt.date) -> bool:
        return self.start < day <= self.as_of

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        return Period(self.start, self.days)


@dataclass(frozen=True)
class ClearedInvoice:
    """An invoice whose open amount reached zero on ``cleared_on``; ``by_adjustment`` when a write-off
    or credit note was among what cleared it on that day."""

    issue_date: dt.date
    due_date: dt.date
    cleared_on: dt.date
    by_adjustment: bool = False


@dataclass(frozen=True)
class ClearingStats:
    """Invoices paid in full in the period: how many, and the sums of their days to pay and days late."""

    count: int = 0
    days_to_pay: int = 0
    days_late: int = 0


def clearing_stats(invoices: Iterable[ClearedInvoice], period: Period) -> ClearingStats:
    """The reference computation of the sums behind the two averages."""
    n = to_pay = late = 0
    for inv in invoices:
        if inv.by_adjustment or not period.contains(inv.cleared_on):
            continue
        n += 1
        to_pay += (inv.cleared_on - inv.issue_date).days
        late += max(0, (inv.cleared_on - inv.due_date).days)
    return ClearingStats(n, to_pay, late)


@dataclass(frozen=True)
class KpiInputs:
    """Exact sums (Decimal amounts) the figures are computed from."""

    period: Period
    currency: str
    total_ar: Decimal
    current_ar: Decimal
    disputed_ar: Decimal
    sales: Decimal
    ar_start: Decimal
    cleared: ClearingStats = ClearingStats()


@dataclass(frozen=True)
class Kpis:
    """The figures, rounded for showing; None where a figure is undefined."""

    period: Period
    currency: str
    total_ar: Decimal
    current_ar: Decimal
    overdue_ar: Decimal
    overdue_percent: Decimal
    disputed_ar: Decimal
    sales: Decimal
    dso: Decimal | None
    best_possible_dso: Decimal | None
    average_days_delinquent: Decimal | None
    cei: Decimal | None
    average_days_to_pay: Decimal | None
    average_days_late: Decimal | None
    ar_start: Decimal = _ZERO
    cleared_count: int = 0

    def value(self, metric: str) -> Decimal | None:
        if metric not in METRICS:
            raise KeyError(metric)
        return getattr(self, metric)

    def values(self) -> dict[str, Decimal | None]:
        """Every metric in the order of METRICS."""
        return {m: getattr(self, m) for m in METRICS}


def round_amount(value: Decimal) -> Decimal:
    return _no_negative_zero(value.quantize(_TWO_DECIMALS, rounding=ROUND_HALF_UP))


def round_figure(value: Decimal) -> Decimal:
    return _no_negative_zero(value.quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP))


def _no_negative_zero(value: Decimal) -> Decimal:
    return abs(value) if value == 0 else value


def _ratio(numerator: Decimal, denominator: Decimal, scale: Decimal) -> Decimal | None:
    return None if denominator == 0 else round_figure(numerator * scale / denominator)


def compute_kpis(inputs: KpiInputs) -> Kpis:
    """The figures of the definitions above, each rounded once from exact sums."""
    total, current, sales = inputs.total_ar, inputs.current_ar, inputs.sales
    overdue = total - current
    days = Decimal(inputs.period.days)
    dso = _ratio(total, sales, days)
    best = _ratio(current, sales, days)
    add = _ratio(overdue, sales, days)  # dso - best, computed exactly before rounding
    collectable = inputs.ar_start + sales
    cei = _ratio(collectable - total, collectable - current, _HUNDRED)
    c = inputs.cleared
    n = Decimal(c.count)
    return Kpis(
        period=inputs.period, currency=inputs.currency,
        total_ar=round_amount(total), current_ar=round_amount(current), overdue_ar=round_amount(overdue),
        overdue_percent=round_figure(overdue * _HUNDRED / total) if total else round_figure(_ZERO),
        disputed_ar=round_amount(inputs.disputed_ar), sales=round_amount(sales),
        dso=dso, best_possible_dso=best, average_days_delinquent=add, cei=cei,
        average_days_to_pay=round_figure(Decimal(c.days_to_pay) / n) if c.count else None,
        average_days_late=round_figure(Decimal(c.days_late) / n) if c.count else None,
        ar_start=round_amount(inputs.ar_start), cleared_count=c.count)


def sales_in(period: Period, daily: Mapping[dt.date, int], voided: Iterable[tuple[dt.date, dt.date, int]] = ()) -> int:
    """Sales of the period from gross amounts per issue day (never voided) and (issue day, voided on,
    amount) of voided invoices, which count while the period ends before their void."""
    total = sum(units for day, units in daily.items() if period.contains(day))
    return total + sum(units for day, voided_on, units in voided if period.contains(day) and voided_on > period.as_of)


@dataclass(frozen=True)
class TrendPoint:
    """DSO and the overdue share at one month-end (over a period of the same length ending there)."""

    day: dt.date
    total_ar: Decimal
    overdue_ar: Decimal
    sales: Decimal
    dso: Decimal | None
    overdue_percent: Decimal


def trend_point(day: dt.date, total: Decimal, current: Decimal, sales: Decimal, days: int) -> TrendPoint:
    """The figures of the definitions for one point of the trend (exact sums in, rounded out)."""
    k = compute_kpis(KpiInputs(Period(day, days), "", total, current, _ZERO, sales, _ZERO))
    return TrendPoint(day, k.total_ar, k.overdue_ar, k.sales, k.dso, k.overdue_percent)


# --- comparing with the previous period ---------------------------------------------------------

# Moves of these are neither good nor bad news by themselves (more business, more owed).
NEUTRAL = frozenset({"total_ar", "current_ar"})

UP, DOWN, SAME = "up", "down", "same"


@dataclass(frozen=True)
class Change:
    """How a figure moved since the previous period: direction and whether that is good news."""

    direction: str | None       # up | down | same | None (one side undefined)
    better: bool | None         # None when the direction is same/None or the figure is neutral
    difference: Decimal | None


def change(metric: str, current: Decimal | None, previous: Decimal | None) -> Change:
    if current is None or previous is None:
        return Change(None, None, None)
    diff = current - previous
    if diff == 0:
        return Change(SAME, None, diff)
    direction = UP if diff > 0 else DOWN
    better = None if metric in NEUTRAL else (direction == DOWN) == (metric in LOWER_IS_BETTER)
    return Change(direction, better, diff)


# --- the trend: month-ends ------------------------------------------------------------------------

def month_end(day: dt.date) -> dt.date:
    first_next = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first_next - dt.timedelta(days=1)


def month_ends(as_of: dt.date, count: int = TREND_POINTS) -> list[dt.date]:
    """The last ``count`` month-ends on or before ``as_of``, oldest first."""
    end = month_end(as_of)
    if end > as_of:
        end = as_of.replace(day=1) - dt.timedelta(days=1)
    out = [end]
    while len(out) < count:
        out.append(out[-1].replace(day=1) - dt.timedelta(days=1))
    return out[::-1]


def quarter_bounds(text: str) -> tuple[dt.date, dt.date]:
    """'2026Q1' -> (2026-01-01, 2026-03-31)."""
    raw = (text or "").strip().upper()
    if len(raw) != 6 or raw[4] != "Q" or not raw[:4].isdigit() or raw[5] not in "1234" or int(raw[:4]) < 1900:
        raise UserError(Text(translate("Messages", "'{text}' is not a quarter. Write the year and the quarter, "
                                       "e.g. 2026Q1."), text=text))
    year, q = int(raw[:4]), int(raw[5])
    first = dt.date(year, 3 * q - 2, 1)
    return first, month_end(dt.date(year, 3 * q, 1))


def quarter_of(day: dt.date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"
