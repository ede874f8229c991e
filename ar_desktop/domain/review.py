"""The quarterly credit review: what its pages show (frozen inputs for pdf/review.py) and the
decision the bookkeeper records for each customer (keep / change limit / change class / stop
supplying)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.kpi import Kpis, TrendPoint
from ar_desktop.domain.letters import Company
from ar_desktop.domain.text import Amount, Text, translate

KEEP, CHANGE_LIMIT, CHANGE_CLASS, STOP_SUPPLYING = "keep", "change_limit", "change_class", "stop_supplying"
DECISIONS = (KEEP, CHANGE_LIMIT, CHANGE_CLASS, STOP_SUPPLYING)
DECISION_LABELS = {KEEP: translate("Review", "Keep as it is"),
                   CHANGE_LIMIT: translate("Review", "Change the credit limit"),
                   CHANGE_CLASS: translate("Review", "Change the credit class"),
                   STOP_SUPPLYING: translate("Review", "Stop supplying on credit")}
CLASSES = ("A", "B", "C")


@dataclass(frozen=True)
class Decision:
    quarter: str
    decision: str
    decided_on: dt.date
    old_limit: Decimal | None = None
    new_limit: Decimal | None = None
    old_class: str = ""
    new_class: str = ""
    note: str = ""

    def describe(self) -> Text:
        """One sentence for the collection file (English here, translated by the window)."""
        if self.decision == CHANGE_LIMIT:
            return Text(translate("Review", "Quarterly review {quarter}: credit limit changed from {old} to {new}."),
                        quarter=self.quarter, old=_limit_text(self.old_limit), new=_limit_text(self.new_limit))
        if self.decision == CHANGE_CLASS:
            return Text(translate("Review", "Quarterly review {quarter}: credit class changed from {old} to {new}."),
                        quarter=self.quarter, old=self.old_class, new=self.new_class)
        if self.decision == STOP_SUPPLYING:
            return Text(translate("Review", "Quarterly review {quarter}: stop supplying on credit (account on hold)."),
                        quarter=self.quarter)
        return Text(translate("Review", "Quarterly review {quarter}: limit and class kept."), quarter=self.quarter)


def _limit_text(value: Decimal | None) -> Text | Amount:
    return Text(translate("Review", "none")) if value is None else Amount(value)


def check_decision(decision: str, *, new_limit: Decimal | None, new_class: str | None, old_limit: Decimal | None,
                   old_class: str) -> tuple[Decimal | None, str]:
    """(new limit, new class) that the decision leaves on the customer; a plain refusal when the
    decision lacks what it needs or changes nothing."""
    if decision not in DECISIONS:
        raise UserError(Text(translate("Messages", "'{value}' is not a review decision. Choose keep, change_limit, "
                                       "change_class or stop_supplying."), value=decision))
    if decision == CHANGE_LIMIT:
        if new_limit is None or new_limit <= 0:
            raise UserError(Text(translate("Messages", "Enter the new credit limit (an amount greater than zero).")))
        if new_limit == old_limit:
            raise UserError(Text(translate("Messages", "The new credit limit is the same as the current one. Choose "
                                           "\u201ckeep\u201d or enter another limit.")))
        return new_limit, old_class
    if decision == CHANGE_CLASS:
        cls = (new_class or "").strip().upper()
        if cls not in CLASSES:
            raise UserError(Text(translate("Messages", "Choose the new credit class: A, B or C.")))
        if cls == old_class:
            raise UserError(Text(translate("Messages", "The customer is already in class {cls}. Choose \u201ckeep\u201d "
                                           "or another class."), cls=cls))
        return old_limit, cls
    return old_limit, old_class


@dataclass(frozen=True)
class MonthActivity:
    month: dt.date                 # its first day
    sales: Decimal                 # invoiced (voided ones left out)
    payments: Decimal              # money received
    adjustments: Decimal           # written off, credited or given as early-payment discounts


@dataclass(frozen=True)
class QuarterPayment:
    """How one customer paid the invoices it settled in one quarter."""

    quarter: str
    invoices: int
    days_to_pay: Decimal | None
    days_late: Decimal | None


@dataclass(frozen=True)
class CustomerReview:
    code: str
    name: str
    currency: str
    credit_class: str
    suggested_class: str | None
    credit_limit: Decimal | None
    balance: Decimal
    overdue: Decimal
    on_hold: bool
    months: tuple[MonthActivity, ...]
    payment_trend: tuple[QuarterPayment, ...]
    disputes: tuple[tuple[dt.date, str, str, Decimal | None], ...]   # (date, kind, invoice, amount)
    disputed_open: Decimal
    promises: tuple[int, int, int]                                  # made, kept, broken in the quarter
    steps: tuple[tuple[dt.date, str, str], ...]     # (date, step key, step name in the pack's language)
    decision: Decision | None = None

    @property
    def limit_use(self) -> Decimal | None:
        """Balance as a share of the limit, in per cent (one decimal); None without a limit."""
        if not self.credit_limit:
            return None
        return (self.balance * 100 / self.credit_limit).quantize(Decimal("0.1"))

    @property
    def over_limit(self) -> bool:
        return self.credit_limit is not None and self.balance > self.credit_limit


@dataclass(frozen=True)
class Exposure:
    code: str
    name: str
    currency: str
    balance: Decimal
    overdue: Decimal
    credit_limit: Decimal | None


@dataclass(frozen=True)
class WriteOff:
    day: dt.date
    customer_code: str
    customer_name: str
    invoice_number: str
    amount: Decimal
    currency: str
    reason: str


@dataclass(frozen=True)
class ReviewDocument:
    company: Company
    language: str
    quarter: str
    first_day: dt.date
    last_day: dt.date
    as_of: dt.date                 # the quarter's last day, or today while it runs
    printed_on: dt.date
    kpis: Kpis
    previous: Kpis                 # the quarter before
    buckets: dict[str, Decimal]
    trend: tuple[TrendPoint, ...]
    largest: tuple[Exposure, ...]
    over_limit: tuple[Exposure, ...]
    written_off: tuple[WriteOff, ...]
    customers: tuple[CustomerReview, ...]

    def written_off_total(self, currency: str) -> Decimal:
        return sum((w.amount for w in self.written_off if w.currency == currency), Decimal(0))
