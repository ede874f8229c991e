"""What the Overview tab shows, computed in a few set-based reads (the window runs these off the GUI
thread, each part on screen as soon as it is ready): the figures with the previous period, the
aging buckets, the largest overdue balances and the rate tables out of date (``overview_figures``);
the trend at month-ends (``services.kpis.trend``); the cash forecast (``services.forecast``);
today's collection actions and credit reviews (``overview_actions``, from the worklist); the lists
behind each figure and bar (``open_invoices``, ``services.kpis.cleared_invoices``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ar_desktop.domain.aging import BUCKET_KEYS, bucket_for, days_past_due
from ar_desktop.domain.kpi import DEFAULT_DAYS, Kpis, Period, compute_kpis
from ar_desktop.domain.ladder import ActionKind
from ar_desktop.domain.money import ZERO, from_minor
from ar_desktop.services.context import Books
from ar_desktop.services.kpis import _currency, check_as_of, kpi_inputs
from ar_desktop.storage import kpi_sql

if TYPE_CHECKING:   # the ORM's reads (the lists behind the figures) are imported where used: the figures need none
    from ar_desktop.storage import kpi_repo

LARGEST = 10
# Which open invoices a figure or an aging bar stands for.
WHICH = ("all", "current", "overdue", "disputed", *BUCKET_KEYS)


@dataclass(frozen=True)
class CustomerOverdue:
    customer_id: int
    code: str
    name: str
    overdue: Decimal
    oldest_days: int
    total: Decimal


@dataclass(frozen=True)
class OpenInvoice:
    """One line of the list behind a figure: an invoice open as of D."""

    number: str
    customer_code: str
    customer_name: str
    customer_id: int
    issue_date: dt.date
    due_date: dt.date
    days_overdue: int
    amount: Decimal
    open_amount: Decimal
    disputed_amount: Decimal
    bucket: str


@dataclass(frozen=True)
class StaleTable:
    table: str
    description: str
    last_from: dt.date | None


@dataclass(frozen=True)
class OverviewFigures:
    as_of: dt.date
    days: int
    currency: str
    kpis: Kpis
    previous: Kpis
    buckets: dict[str, Decimal]
    largest_overdue: tuple[CustomerOverdue, ...]
    stale_rates: tuple[StaleTable, ...]


@dataclass(frozen=True)
class ActionCount:
    key: str            # calls | letters | promises | legal | reviews (the Collections tab's filters)
    count: int
    amount: Decimal     # overdue of those accounts


@dataclass(frozen=True)
class ReviewDue:
    customer_code: str
    customer_name: str
    overdue: Decimal
    credit_limit: Decimal | None
    currency: str
    credit_class: str
    suggested_class: str | None


@dataclass(frozen=True)
class OverviewActions:
    as_of: dt.date
    actions: tuple[ActionCount, ...]
    reviews: tuple[ReviewDue, ...]


def overview_figures(books: Books, as_of: dt.date, days: int = DEFAULT_DAYS,
                     currency: str | None = None) -> OverviewFigures:
    """The figures on D and one period earlier, the aging bars and the largest overdue balances. The
    open set on D is read once, summed per customer and bucket by SQLite (``kpi_sql.open_summary``):
    D's open balance and its not-yet-due part are its sums, not a second read; the start of the
    period is read once and serves both periods (the end of the previous one)."""
    period = Period(check_as_of(as_of), days)
    with books.db.reader() as con:
        code = _currency(con, currency)
        summary = kpi_sql.open_summary(con, as_of, code, LARGEST)
        totals = {as_of: (sum(summary.buckets), summary.buckets[BUCKET_KEYS.index("current")])}
        disputed = kpi_sql.disputed_units(con, [as_of, period.start], code)   # both days from one reading
        kpis = compute_kpis(kpi_inputs(con, period, code, totals, disputed[as_of]))
        previous = compute_kpis(kpi_inputs(con, period.previous(), code, totals, disputed[period.start]))
        rules = {r.strip().lower() for r in kpi_sql.charge_rules(con)} - {"", "none"}
    stale = []
    if rules:   # a rule that may read a reference rate: the rate tables (through the ORM, which seeds them)
        with books.db.session() as s:
            stale = stale_rate_tables(s, as_of)
    buckets, largest = _summary(summary, as_of, code)
    return OverviewFigures(as_of, days, code, kpis, previous, buckets, largest, tuple(stale))


def _row(i: "kpi_repo.OpenItem", as_of: dt.date) -> OpenInvoice:
    days = days_past_due(i.due_date, as_of)
    return OpenInvoice(i.number, i.customer_code, i.customer_name, i.customer_id, i.issue_date, i.due_date, days,
                       from_minor(i.amount, i.currency), from_minor(i.open_units, i.currency),
                       from_minor(i.disputed_units, i.currency), bucket_for(days).key)


def _summary(summary: kpi_sql.OpenSummary, as_of: dt.date,
             currency: str) -> tuple[dict[str, Decimal], tuple[CustomerOverdue, ...]]:
    """The aging bars and the largest overdue balances (ties by customer code), from the sums in minor units."""
    return ({k: from_minor(u, currency) for k, u in zip(BUCKET_KEYS, summary.buckets, strict=True)},
            tuple(CustomerOverdue(c.customer_id, c.code, c.name, from_minor(c.overdue, currency),
                                  (as_of - c.oldest_due).days, from_minor(sum(c.buckets), currency))
                  for c in summary.largest))


def open_invoices(books: Books, as_of: dt.date, which: str = "all", currency: str | None = None,
                  customer_id: int | None = None) -> list[OpenInvoice]:
    """The invoices open as of D behind a figure or a bar: all, current (not yet due), overdue,
    disputed (with the disputed part) or one aging bucket; by due date."""
    if which not in WHICH:
        raise ValueError(which)
    from ar_desktop.storage import kpi_repo

    check_as_of(as_of)
    with books.db.session() as s:
        items = kpi_repo.open_items(s, as_of, currency=_currency(s, currency), customer_id=customer_id)
    rows = [_row(i, as_of) for i in items]
    keep = {"all": lambda r: True, "current": lambda r: r.days_overdue <= 0, "overdue": lambda r: r.days_overdue > 0,
            "disputed": lambda r: r.disputed_amount > 0}.get(which, lambda r: r.bucket == which)
    out = [r for r in rows if keep(r)]
    out.sort(key=lambda r: (r.due_date, r.customer_code, r.number))
    return out


# --- from the worklist: today's actions and the credit reviews due ------------------------------------

def overview_actions(books: Books, as_of: dt.date) -> OverviewActions:
    """How many accounts need a call, a letter, a legal or agency step, or have a promise falling
    due on D; and the customers whose credit needs a review (the worklist's credit-review flag)."""
    from ar_desktop.services.collector import collector_paused
    from ar_desktop.services.worklist import attention

    check_as_of(as_of)
    # one pass over the thousands of customers the worklist judges, keeping only the counts and the reviews:
    # no worklist row each, and nothing of them left for the collector to walk when it resumes
    counts = {k: [0, ZERO] for k in ("calls", "letters", "legal", "promises")}
    legal = (ActionKind.LEGAL_ACTION, ActionKind.AGENCY)
    # what a step due on D is counted as, by its action
    due_as = {a: tuple(k for k, hit in (("calls", a == ActionKind.PHONE_CALL), ("letters", a.is_letter),
                                        ("legal", a in legal)) if hit) for a in ActionKind}
    reviews = []
    with collector_paused():
        for ci, (st, promise, review), suggested in attention(books, as_of):
            step = st.next_step
            kinds = due_as[step.action] if st.state == "action_due" and step is not None else ()
            if promise is not None and promise.status == "open" and promise.promised_date <= as_of:
                kinds = (*kinds, "promises")
            for k in kinds:
                counts[k][0] += 1
                counts[k][1] += st.overdue_amount
            if review:
                reviews.append(ReviewDue(ci.code, ci.name, st.overdue_amount, ci.credit_limit, ci.currency,
                                         ci.credit_class, suggested))
    reviews.sort(key=lambda r: (-r.overdue, r.customer_code))
    return OverviewActions(as_of, tuple(ActionCount(k, n, amount) for k, (n, amount) in counts.items()),
                           tuple(reviews))


# --- reference rates out of date ----------------------------------------------------------------------

def stale_rate_tables(s, as_of: dt.date) -> list[StaleTable]:
    """The reference-rate tables a late-charge rule of the file uses (the company's or a customer's)
    that have no row from the start of D's half-year on: nobody has confirmed the rate in force for
    it yet (the statutory rules fix it each 1 January and 1 July)."""
    from ar_desktop.domain.charge_rules import STATUTORY_KINDS, STATUTORY_RULES, RuleKind
    from ar_desktop.domain.reference_rates import TABLE_DESCRIPTIONS   # (0.015 s of import the figures need not wait)
    from ar_desktop.services.late_charges import _company_rule, _rates
    from ar_desktop.storage import kpi_repo

    kinds = {_company_rule(s).kind, *(k for k in kpi_repo.charge_rules_in_use(s) if k)}
    tables = sorted({STATUTORY_RULES[RuleKind(k)].table for k in kinds if k in {x.value for x in STATUTORY_KINDS}})
    if not tables:
        return []
    half = dt.date(as_of.year, 1 if as_of.month <= 6 else 7, 1)
    book = _rates(s)
    out = []
    for table in tables:
        rows = [r for r in book.rows() if r.table == table and r.effective_from <= as_of]
        last = max((r.effective_from for r in rows), default=None)
        if last is None or last < half:
            out.append(StaleTable(table, TABLE_DESCRIPTIONS[table], last))
    return out
