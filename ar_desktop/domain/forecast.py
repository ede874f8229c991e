"""Cash forecast: when each amount open as of D is expected to come in.

Each open amount lands on an expected day, in this order of precedence:

1. *uncertain* (no day): the disputed part of an invoice, and the whole of an invoice on which a
   legal or collection-agency step was taken;
2. a *payment-plan* instalment on its date: the open amounts of the plan's invoices fill its
   unpaid instalments in date order (what is left after the last one lands on the last date);
3. a *promise to pay* on its promised date: the amount still promised is taken from the
   customer's oldest open invoices first (by due date);
4. any other amount on its due date plus the customer's average days late over the 365 days
   before D (whole days, 0 without history).

No day is earlier than D + 1. Weeks start on D + 1; what falls after the last week is *later*.
Every open cent is in exactly one place, so the rows add up to the open balance (total_ar).

Amounts are exact: ``Decimal``, or integer minor units throughout (every item, instalment and promise;
the totals are then in minor units too: the service turns them into money once, not per invoice).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple
from decimal import ROUND_HALF_UP, Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.figure_periods import DEFAULT_WEEKS
from ar_desktop.domain.text import Text, translate

MAX_WEEKS = 104
LATE_HISTORY_DAYS = 365

# Why an amount is expected when it is (stable keys; the window shows labels).
PLAN, PROMISE, DUE, DISPUTED, LEGAL = "plan", "promise", "due", "disputed", "legal"
UNCERTAIN_BASES = frozenset({DISPUTED, LEGAL})

_ZERO = Decimal(0)
_ONE_DAY = dt.timedelta(days=1)


class ForecastItem(NamedTuple):
    """An invoice open as of D. (Named tuples here: one of these and one receipt are made per open
    invoice, tens of thousands on a big file, and a tuple is several times cheaper than a dataclass.)

    ``invoice_number`` and ``customer_code`` are what a receipt shows; the rule itself needs of them only
    keys: the invoice's own (plans name their invoices by it), the customer's (shared by its invoices, its
    promise and its days late), and, among one customer's invoices due on the same day, an order (the
    number's, oldest first for a promise or a plan). Totals without receipts may use ids for both, as
    long as a customer with a promise and the invoices of a plan carry their numbers."""

    invoice_number: str
    customer_code: str
    due_date: dt.date
    open_amount: Decimal
    disputed_amount: Decimal = _ZERO   # the part of the open amount in dispute
    legal: bool = False                # a legal-action or agency step was taken on it


@dataclass(frozen=True)
class ForecastPlan:
    """A payment plan running on D: its invoices and its instalments (date, amount)."""

    invoice_numbers: frozenset[str]
    instalments: tuple[tuple[dt.date, Decimal], ...]
    paid_since: Decimal = _ZERO        # paid to its invoices since it started: settles instalments oldest first


@dataclass(frozen=True)
class ForecastPromise:
    """A promise still open on D: ``amount`` (what is still promised) by ``promised_date``."""

    customer_code: str
    promised_date: dt.date
    amount: Decimal


class ExpectedReceipt(NamedTuple):
    invoice_number: str
    customer_code: str
    amount: Decimal
    expected_on: dt.date | None        # None: uncertain
    basis: str                         # plan | promise | due | disputed | legal


@dataclass(frozen=True)
class Forecast:
    as_of: dt.date
    week_starts: tuple[dt.date, ...]
    per_week: tuple[Decimal, ...]
    uncertain: Decimal
    later: Decimal
    # The receipt per open invoice behind the totals, by expected day: made only when asked for (a bar
    # opened, a printed report), since the totals alone need none of these tens of thousands of tuples.
    build_receipts: Callable[[], tuple[ExpectedReceipt, ...]] = field(repr=False, compare=False)

    @cached_property
    def receipts(self) -> tuple[ExpectedReceipt, ...]:
        return self.build_receipts()

    @property
    def total(self) -> Decimal:
        return sum(self.per_week, _ZERO) + self.uncertain + self.later

    @property
    def last_day(self) -> dt.date:
        """The last day of the last week."""
        return self.as_of + dt.timedelta(days=7 * len(self.week_starts))

    @cached_property
    def receipts_by_bar(self) -> tuple[tuple[ExpectedReceipt, ...], ...]:
        """The receipts of each bar in one pass, by expected day: the weeks', then those expected later, then
        the uncertain ones (what the window reads off its GUI thread before a bar's list opens)."""
        weeks = len(self.week_starts)
        bars: list[list[ExpectedReceipt]] = [[] for _ in range(weeks + 2)]
        first = self.as_of + _ONE_DAY
        for r in self.receipts:
            if r.expected_on is None:
                bars[weeks + 1].append(r)
            elif (i := (r.expected_on - first).days // 7) >= 0:   # never before D + 1
                bars[min(i, weeks)].append(r)
        return tuple(tuple(b) for b in bars)


def check_weeks(weeks: int) -> int:
    if not isinstance(weeks, int) or isinstance(weeks, bool) or not 1 <= weeks <= MAX_WEEKS:
        raise UserError(Text(translate("Messages", "The forecast covers 1 to {max} weeks, not {weeks}. "
                                       "Enter a number of weeks such as 13."), max=MAX_WEEKS, weeks=weeks))
    return weeks


def whole_days(days_late: int, invoices: int) -> int:
    """Average days late in whole days (half-up); 0 without history."""
    if invoices <= 0:
        return 0
    return int((Decimal(days_late) / Decimal(invoices)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _order(it: ForecastItem) -> tuple:
    return it.customer_code, it.due_date, it.invoice_number


def forecast(as_of: dt.date, items: Iterable[ForecastItem], *, weeks: int = DEFAULT_WEEKS,
             plans: Sequence[ForecastPlan] = (), promises: Iterable[ForecastPromise] = (),
             average_days_late: Mapping[str, int] | None = None, zero=_ZERO) -> Forecast:
    """``zero``: 0 when the amounts are integer minor units."""
    check_weeks(weeks)
    first = as_of + _ONE_DAY
    late = average_days_late or {}
    receipts: list[ExpectedReceipt] = []
    certain: dict[str, Decimal] = {}      # invoice number -> amount still to place
    items = list(items)
    for it in items:
        amount = it.open_amount
        if amount <= 0:
            continue
        if it.legal:
            receipts.append(ExpectedReceipt(it.invoice_number, it.customer_code, amount, None, LEGAL))
            continue
        disputed = it.disputed_amount
        if disputed:
            disputed = min(max(disputed, zero), amount)
            if disputed:
                receipts.append(ExpectedReceipt(it.invoice_number, it.customer_code, disputed, None, DISPUTED))
                amount -= disputed
        if amount:
            certain[it.invoice_number] = amount
    by_number = {it.invoice_number: it for it in items}

    def place(number: str, amount: Decimal, day: dt.date, basis: str) -> None:
        it = by_number[number]
        receipts.append(ExpectedReceipt(number, it.customer_code, amount, max(day, first), basis))
        certain[number] -= amount

    for plan in plans:
        covered = sorted((by_number[n] for n in plan.invoice_numbers if n in by_number), key=_order)
        _place_plan(plan, covered, certain, place)
    by_customer: dict[str, list[ForecastItem]] = {}   # a promised customer's items, oldest first
    promises = list(promises)
    if promises:
        promised = {p.customer_code for p in promises}
        for it in items:
            if it.customer_code in promised:
                by_customer.setdefault(it.customer_code, []).append(it)
        for own in by_customer.values():
            own.sort(key=_order)
    for promise in promises:
        left = promise.amount
        for it in by_customer.get(promise.customer_code, ()):
            if left <= 0:
                break
            if certain.get(it.invoice_number, zero) <= 0:
                continue
            take = min(left, certain[it.invoice_number])
            place(it.invoice_number, take, promise.promised_date, PROMISE)
            left -= take
    # what is left lands on the due date plus the customer's days late: the loop that runs once per
    # open invoice, so it only adds to the week's total here; ``due_receipts`` lists the same on demand
    starts, per_week, uncertain, later = _weekly(as_of, weeks, receipts, zero)
    shift: dict[int, dt.timedelta] = {}

    def due_days():
        for it in items:
            rest = certain.get(it.invoice_number)
            if rest is not None and rest > 0:
                days = late.get(it.customer_code, 0)
                delta = shift.get(days)
                if delta is None:
                    delta = shift[days] = dt.timedelta(days=days)
                day = it.due_date + delta
                yield it, rest, day if day > first else first

    for _it, rest, day in due_days():
        k = (day - first).days // 7
        if k < weeks:
            per_week[k] += rest
        else:
            later += rest

    def all_receipts() -> tuple[ExpectedReceipt, ...]:
        out = receipts + [ExpectedReceipt(it.invoice_number, it.customer_code, rest, day, DUE)
                          for it, rest, day in due_days()]
        out.sort(key=lambda r: (r.expected_on or dt.date.max, r.customer_code, r.invoice_number))
        return tuple(out)

    return Forecast(as_of, starts, tuple(per_week), uncertain, later, all_receipts)


def _place_plan(plan: ForecastPlan, covered: list[ForecastItem], certain: dict[str, Decimal], place) -> None:
    """Pour the plan's open invoices into its unpaid instalments, oldest first."""
    paid = plan.paid_since
    unpaid: list[list] = []
    for day, amount in sorted(plan.instalments):
        settled = min(paid, amount)
        paid -= settled
        if amount - settled > 0:
            unpaid.append([day, amount - settled])
    schedule = sorted(plan.instalments)
    if not schedule:
        return
    last_day = schedule[-1][0]
    for it in covered:
        while certain.get(it.invoice_number, _ZERO) > 0:
            if unpaid:
                day, room = unpaid[0]
                take = min(room, certain[it.invoice_number])
                place(it.invoice_number, take, day, PLAN)
                unpaid[0][1] -= take
                if unpaid[0][1] <= 0:
                    unpaid.pop(0)
            else:
                place(it.invoice_number, certain[it.invoice_number], last_day, PLAN)


def _weekly(as_of: dt.date, weeks: int, receipts: list[ExpectedReceipt],
            zero=_ZERO) -> tuple[tuple[dt.date, ...], list[Decimal], Decimal, Decimal]:
    """(week starts, per week, uncertain, later) of ``receipts``."""
    first = as_of + _ONE_DAY
    starts = tuple(first + dt.timedelta(days=7 * k) for k in range(weeks))
    per_week = [zero] * weeks
    uncertain = later = zero
    for r in receipts:
        if r.expected_on is None:
            uncertain += r.amount
            continue
        k = (r.expected_on - first).days // 7
        if k < weeks:
            per_week[k] += r.amount
        else:
            later += r.amount
    return starts, per_week, uncertain, later
