"""Credit rules: limit use, the credit-review flag and the suggested credit class.

Stdlib only; money is Decimal, "today" (as_of) is always passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate

_ZERO = Decimal("0")
_HUNDRED = Decimal("100")


@dataclass(frozen=True)
class CreditSettings:
    """Thresholds of the credit rules (shown and edited in the settings).

    Class A needs BOTH avg days late <= a_max_avg_days_late AND late share <= a_max_late_share;
    class C is suggested when avg days late > c_min_avg_days_late OR late share > c_min_late_share;
    anything else is B. Shares are fractions (0.10 = 10 %).
    """

    review_percent: Decimal = Decimal("10")
    a_max_avg_days_late: Decimal = Decimal("5")
    a_max_late_share: Decimal = Decimal("0.10")
    c_min_avg_days_late: Decimal = Decimal("30")
    c_min_late_share: Decimal = Decimal("0.50")

    def __post_init__(self) -> None:
        for name in ("review_percent", "a_max_avg_days_late", "a_max_late_share",
                     "c_min_avg_days_late", "c_min_late_share"):
            value = getattr(self, name)
            if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
                raise UserError(Text(translate("Messages", "The credit setting '{name}' must be a number "
                                                           "of 0 or more, not {value!r}. Correct it in the "
                                                           "settings."), name=name, value=value))
        if self.review_percent > _HUNDRED:
            raise UserError(Text(translate("Messages", "The credit review percentage {review_percent} must "
                                                       "be from 0 to 100. Correct it in the settings."),
                                 review_percent=self.review_percent))
        for name in ("a_max_late_share", "c_min_late_share"):
            if getattr(self, name) > 1:
                raise UserError(Text(translate("Messages", "The credit setting '{name}' is a share from 0 "
                                                           "to 1 (0.10 = 10 %), not {value}. Correct it in "
                                                           "the settings."),
                                     name=name, value=getattr(self, name)))
        if self.a_max_avg_days_late > self.c_min_avg_days_late:
            raise UserError(Text(translate("Messages", "The class A limit for average days late is above "
                                                       "the class C one. Make the class A limit the "
                                                       "smaller of the two.")))
        if self.a_max_late_share > self.c_min_late_share:
            raise UserError(Text(translate("Messages", "The class A limit for the share of late invoices "
                                                       "is above the class C one. Make the class A limit "
                                                       "the smaller of the two.")))


def _check_limit(limit: Decimal | None) -> None:
    if limit is not None and limit <= 0:
        raise UserError(Text(translate("Messages", "The credit limit {limit} must be greater than zero. "
                                                   "Leave it empty when the customer has no credit limit."),
                             limit=limit))


def credit_limit_use(open_balance: Decimal, limit: Decimal | None) -> Decimal | None:
    """Open balance / credit limit as an exact fraction (0.75 = 75 % used); None without a limit."""
    _check_limit(limit)
    if limit is None:
        return None
    return open_balance / limit


def exceeds_limit(open_balance: Decimal, new_amount: Decimal, limit: Decimal | None) -> bool:
    """True when adding ``new_amount`` would take the open balance above the limit.

    Reaching the limit exactly is allowed. Always False without a limit.
    """
    _check_limit(limit)
    if limit is None:
        return False
    return open_balance + new_amount > limit


def needs_credit_review(overdue_balance: Decimal, limit: Decimal | None,
                        review_percent: Decimal = Decimal("10")) -> bool:
    """Flag a credit review when the overdue balance is >= review_percent % of the credit limit.

    Never flagged without a limit or with nothing overdue.
    """
    _check_limit(limit)
    if limit is None or overdue_balance <= 0:
        return False
    return overdue_balance * _HUNDRED >= limit * review_percent


@dataclass(frozen=True)
class PaidInvoice:
    """An invoice that was paid in full on ``paid_on`` (the day its open balance reached zero)."""

    due_date: date
    paid_on: date


@dataclass(frozen=True)
class PaymentBehaviour:
    """Payment behaviour in the 12 months before D."""

    invoices: int
    late_invoices: int
    average_days_late: Decimal   # per invoice; invoices paid on time count as 0 days
    late_share: Decimal          # late_invoices / invoices, a fraction


def _one_year_before(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def behaviour_window_start(as_of: date) -> date:
    """Payment behaviour looks at invoices paid on a day in (this day, as_of]: the last 12 months."""
    return _one_year_before(as_of)


def behaviour_from_counts(invoices: int, late_invoices: int, days_late: int) -> PaymentBehaviour | None:
    """PaymentBehaviour from totals over the window (counted elsewhere, e.g. in SQL): ``invoices``
    paid in the window, how many of them late, and the sum of their days late; None without any."""
    if invoices <= 0:
        return None
    return PaymentBehaviour(invoices=invoices, late_invoices=late_invoices,
                            average_days_late=Decimal(days_late) / Decimal(invoices),
                            late_share=Decimal(late_invoices) / Decimal(invoices))


def payment_behaviour(paid: Iterable[PaidInvoice], as_of: date) -> PaymentBehaviour | None:
    """Behaviour over invoices paid in the window (as_of - 1 year, as_of]; None when there are none.

    Days late = max(0, paid_on - due_date); every invoice weighs the same, whatever its amount.
    """
    start = behaviour_window_start(as_of)
    window = [p for p in paid if start < p.paid_on <= as_of]
    late_days = [max(0, (p.paid_on - p.due_date).days) for p in window]
    return behaviour_from_counts(len(window), sum(1 for d in late_days if d > 0), sum(late_days))


def suggest_from_behaviour(behaviour: PaymentBehaviour | None,
                           settings: CreditSettings | None = None) -> str | None:
    """'A', 'B' or 'C' for a payment behaviour (see CreditSettings); None without data."""
    s = settings or CreditSettings()
    b = behaviour
    if b is None:
        return None
    if b.average_days_late > s.c_min_avg_days_late or b.late_share > s.c_min_late_share:
        return "C"
    if b.average_days_late <= s.a_max_avg_days_late and b.late_share <= s.a_max_late_share:
        return "A"
    return "B"


def suggest_credit_class(paid: Iterable[PaidInvoice], as_of: date,
                         settings: CreditSettings | None = None) -> str | None:
    """'A', 'B' or 'C' from the payment behaviour of the last 12 months; None without data."""
    return suggest_from_behaviour(payment_behaviour(paid, as_of), settings)
