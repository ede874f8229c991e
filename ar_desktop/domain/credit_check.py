"""Before credit is given: the credit check record, the suggested credit limit and the cap on a
new customer's limit. Stdlib only; the arithmetic of the suggestion is kept so the window can
show it (docs/credit-risk.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate

SOURCES = ("registry", "financials", "credit_report", "trade_references", "bank")
SOURCE_NAMES = {
    "registry": translate("Messages", "registry extract"),
    "financials": translate("Messages", "financial statements"),
    "credit_report": translate("Messages", "credit report"),
    "trade_references": translate("Messages", "trade references"),
    "bank": translate("Messages", "bank information"),
}
DECISIONS = ("approved", "approved_with_conditions", "declined")
DECISION_NAMES = {
    "approved": translate("Messages", "credit granted"),
    "approved_with_conditions": translate("Messages", "credit granted with conditions"),
    "declined": translate("Messages", "credit refused"),
}
# How much of the usual exposure each class is trusted with.
CLASS_FACTORS = {"A": Decimal("1.25"), "B": Decimal("1"), "C": Decimal("0.5")}
MAX_FINDINGS = 4000
MAX_REVIEW_YEARS = 5


@dataclass(frozen=True)
class CreditCheck:
    date: dt.date
    sources: tuple[str, ...]
    findings: str
    decision: str
    limit_granted: Decimal | None
    next_review: dt.date | None

    def __post_init__(self) -> None:
        unknown = [x for x in self.sources if x not in SOURCES]
        if unknown:
            raise UserError(Text(translate("Messages", "'{value}' is not a source of a credit check. Use "
                                                       "registry, financials, credit_report, trade_references or "
                                                       "bank."), value=unknown[0]))
        if not self.sources:
            raise UserError(Text(translate("Messages", "Tick at least one source consulted (registry extract, "
                                                       "financial statements, credit report, trade references, "
                                                       "bank).")))
        if self.decision not in DECISIONS:
            raise UserError(Text(translate("Messages", "'{value}' is not a credit decision. Use approved, "
                                                       "approved_with_conditions or declined."), value=self.decision))
        if not self.findings.strip():
            raise UserError(Text(translate("Messages", "Write down the findings: what the sources showed and why "
                                                       "you decided so.")))
        if len(self.findings) > MAX_FINDINGS:
            raise UserError(Text(translate("Messages", "The findings are longer than {most} characters. Shorten "
                                                       "them."), most=MAX_FINDINGS))
        if self.decision == "declined" and self.limit_granted:
            raise UserError(Text(translate("Messages", "Credit was refused: leave the limit granted empty.")))
        if self.decision != "declined" and not self.limit_granted:
            raise UserError(Text(translate("Messages", "Enter the credit limit granted (more than zero).")))
        if self.limit_granted is not None and self.limit_granted < 0:
            raise UserError(Text(translate("Messages", "The credit limit granted cannot be negative.")))
        if self.next_review is not None:
            if self.next_review <= self.date:
                raise UserError(Text(translate("Messages", "The next review ({review}) must come after the check "
                                                           "({date})."),
                                     review=self.next_review.isoformat(), date=self.date.isoformat()))
            if self.next_review.year - self.date.year > MAX_REVIEW_YEARS:
                raise UserError(Text(translate("Messages", "The next review is more than {years} years away. "
                                                           "Review credit at least that often."),
                                     years=MAX_REVIEW_YEARS))


def parse_sources(text: str) -> tuple[str, ...]:
    """'registry, bank' -> ('registry', 'bank'), in the order of SOURCES."""
    given = {x.strip().lower() for x in (text or "").replace(";", ",").split(",") if x.strip()}
    unknown = sorted(given - set(SOURCES))
    if unknown:
        raise UserError(Text(translate("Messages", "'{value}' is not a source of a credit check. Use registry, "
                                                   "financials, credit_report, trade_references or bank."),
                             value=unknown[0]))
    return tuple(s for s in SOURCES if s in given)


def review_due(next_review: dt.date | None, as_of: dt.date) -> bool:
    return next_review is not None and next_review <= as_of


# --- the suggested credit limit ---------------------------------------------------------------------

def round_down_to_step(value: Decimal) -> Decimal:
    """Down to two significant figures: 14,166.67 -> 14,000; 876.50 -> 870; 9.99 -> 9."""
    if value < 10:
        return max(Decimal(0), value.to_integral_value(rounding=ROUND_FLOOR))
    step = Decimal(10) ** (len(str(int(value))) - 2)
    return (value / step).to_integral_value(rounding=ROUND_FLOOR) * step


@dataclass(frozen=True)
class SuggestedLimit:
    """sales per month × (terms + average days late) / 30 × class factor, rounded down."""

    sales_12_months: Decimal
    months: int                      # months the sales are spread over (12, or fewer for a new customer)
    sales_per_month: Decimal
    terms_days: int
    average_days_late: Decimal
    credit_class: str
    factor: Decimal
    exact: Decimal                   # before rounding
    limit: Decimal

    def arithmetic(self) -> Text:
        return Text(translate("Messages", "{sales} sales in {months} months = {per_month} a month × ({terms} days "
                                          "terms + {late} days late on average) ÷ 30 × {factor} (class {cls}) = "
                                          "{exact}, rounded down to {limit}"),
                    sales=f"{self.sales_12_months:,.2f}", months=self.months,
                    per_month=f"{self.sales_per_month:,.2f}", terms=self.terms_days,
                    late=f"{self.average_days_late:.1f}", factor=self.factor.normalize(), cls=self.credit_class,
                    exact=f"{self.exact:,.2f}", limit=f"{self.limit:,.0f}")


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (2026-01-31 to 2026-02-28 is 0, to 2026-03-01 is 1)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(0, months)


def suggest_limit(sales_12_months: Decimal, first_invoice: dt.date | None, as_of: dt.date, terms_days: int,
                  average_days_late: Decimal, credit_class: str) -> SuggestedLimit | None:
    """The limit the last 12 months of sales justify; None without any sales in them."""
    if sales_12_months <= 0 or first_invoice is None:
        return None
    months = min(12, max(1, months_between(first_invoice, as_of)))
    per_month = sales_12_months / months
    factor = CLASS_FACTORS.get(credit_class, Decimal(1))
    exact = per_month * (Decimal(terms_days) + max(Decimal(0), average_days_late)) / 30 * factor
    return SuggestedLimit(sales_12_months, months, per_month.quantize(Decimal("0.01")), terms_days,
                          average_days_late, credit_class, factor, exact.quantize(Decimal("0.01")),
                          round_down_to_step(exact))


# --- a new customer's cap ----------------------------------------------------------------------------

@dataclass(frozen=True)
class NewCustomerCap:
    """Until a customer has ``months`` months of history, its limit counts as at most ``cap``."""

    cap: Decimal | None = None
    months: int = 6

    def __post_init__(self) -> None:
        if self.cap is not None and self.cap < 0:
            raise UserError(Text(translate("Messages", "The cap on a new customer's credit limit cannot be "
                                                       "negative.")))
        if isinstance(self.months, bool) or not isinstance(self.months, int) or not 0 <= self.months <= 60:
            raise UserError(Text(translate("Messages", "The months of history a new customer needs must be a whole "
                                                       "number from 0 to 60.")))

    def capped_until(self, first_invoice: dt.date | None, as_of: dt.date) -> dt.date | None:
        """The day the cap stops applying; None when it does not apply on ``as_of``."""
        if self.cap is None or self.months == 0:
            return None
        if first_invoice is None:
            return dt.date.max
        end = _add_months(first_invoice, self.months)
        return end if as_of < end else None

    def effective_limit(self, limit: Decimal | None, first_invoice: dt.date | None, as_of: dt.date) -> Decimal | None:
        if self.capped_until(first_invoice, as_of) is None:
            return limit
        return self.cap if limit is None else min(limit, self.cap)


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")
